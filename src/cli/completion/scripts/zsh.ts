// The zsh completion script (ktl's own), generated per program name so that the functions
// and the registration follow the name ktl runs under (`__start_ktl`, or `__start_kubectl`).
import type { ScriptNames } from './names.ts';

export function zshScript(n: ScriptNames): string {
  return `#compdef ${n.program}
# zsh completion for ${n.program}.
#
# Load it in the current shell:    source <(${n.program} completion zsh)
# or save it as _${n.program} in a directory of $fpath before compinit runs.
#
# On each TAB the script runs "${n.program} __complete <words before the cursor> <current word>" and reads
# one candidate per line ("name<TAB>description"), then a last line ":<n>" whose bits say what to
# do: 1 error, 2 no space after the word, 4 no file names, 8 the candidates are file extensions,
# 16 complete directories only, 32 keep the order. Set ${n.env}_COMPLETION_DESCRIPTIONS=0 to ask for
# candidates without descriptions, and BASH_COMP_DEBUG_FILE to a path to trace the exchange.

__${n.fn}_debug() {
    if [[ -n \${BASH_COMP_DEBUG_FILE-} ]]; then
        print -r -- "$*" >>"$BASH_COMP_DEBUG_FILE"
    fi
}

_${n.fn}() {
    local cur=$PREFIX request=__complete out directive=0 line name desc
    local -a args lines described exts opts
    local i
    # The words before the current one, unquoted as the command line would pass them.
    for ((i = 2; i < CURRENT; i++)); do
        args+=("\${(Q)words[i]}")
    done
    args=("\${(@)args/#\\~\\//$HOME/}")
    if [[ \${${n.env}_COMPLETION_DESCRIPTIONS-} == 0 ]]; then
        request=__completeNoDesc
    fi
    __${n.fn}_debug "args: \${args[*]} | cur: '$cur'"
    # eval, so that an alias or a path in the first word runs as it would on the command line.
    out=$(eval "\${words[1]}"' "$request" "\${args[@]}" "\${(Q)cur}"' 2>/dev/null)
    lines=("\${(@f)out}")
    if [[ \${lines[-1]-} == :<-> ]]; then
        directive=\${lines[-1]#:}
        lines[-1]=()
    fi
    __${n.fn}_debug "directive: $directive, \${#lines} candidates"

    if (( directive & 1 )); then
        return 1
    fi
    if (( directive & 8 )); then
        # The candidates are extensions: offer matching files, and directories to descend into.
        for line in "\${lines[@]}"; do
            [[ -n $line ]] && exts+=("\${line%%$'\\t'*}")
        done
        _files -g "*.(\${(j:|:)exts})"
        return
    fi
    if (( directive & 16 )); then
        if [[ -n \${lines[1]-} ]]; then
            _files -W "\${lines[1]%%$'\\t'*}" -/
        else
            _files -/
        fi
        return
    fi

    # A flag's value after "=": the answer completes what follows the "=".
    if [[ $cur == -*=* ]]; then
        IPREFIX+="\${cur%%=*}="
        PREFIX=\${cur#*=}
    fi
    for line in "\${lines[@]}"; do
        [[ -z $line ]] && continue
        name=\${line%%$'\\t'*}
        name=\${name//:/\\\\:}
        if [[ $line == *$'\\t'* ]]; then
            desc=\${line#*$'\\t'}
            described+=("$name:$desc")
        else
            described+=("$name")
        fi
    done
    if (( \${#described} == 0 )); then
        if (( directive & 4 )); then
            return 1
        fi
        _files
        return
    fi
    (( directive & 2 )) && opts+=(-S '')
    if (( directive & 32 )); then
        _describe -V -t ${n.fn}-values 'values' described "\${opts[@]}"
    else
        _describe -t ${n.fn}-values 'values' described "\${opts[@]}"
    fi
}

# Autoloaded from $fpath, this file is the body of the first call of _${n.fn}: define it and run it.
# Sourced, it registers the function for ${n.program}.
if [[ \${funcstack[1]-} == _${n.fn} ]]; then
    _${n.fn} "$@"
else
    compdef _${n.fn} ${n.program}
fi
`;
}
