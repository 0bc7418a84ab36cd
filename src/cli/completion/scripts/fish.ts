// The fish completion script (ktl's own), generated per program name so that the functions
// and the registration follow the name ktl runs under (`__start_ktl`, or `__start_kubectl`).
import type { ScriptNames } from './names.ts';

export function fishScript(n: ScriptNames): string {
  return `# fish completion for ${n.program}.
#
# Load it in the current shell:    ${n.program} completion fish | source
# or save it as ~/.config/fish/completions/${n.program}.fish.
#
# On each TAB the script runs "${n.program} __complete <words before the cursor> <current word>" and reads
# one candidate per line ("name<TAB>description"), then a last line ":<n>" whose bits say what to
# do: 1 error, 2 no space after the word, 4 no file names, 8 the candidates are file extensions,
# 16 complete directories only, 32 keep the order. Set ${n.env}_COMPLETION_DESCRIPTIONS=0 to ask for
# candidates without descriptions, and BASH_COMP_DEBUG_FILE to a path to trace the exchange.

function __${n.fn}_debug
    if set -q BASH_COMP_DEBUG_FILE; and test -n "$BASH_COMP_DEBUG_FILE"
        echo "$argv" >>$BASH_COMP_DEBUG_FILE
    end
end

# Asks ${n.program} once per command line (both completion rules below call this) and leaves the answer
# in $__${n.fn}_results and $__${n.fn}_directive. Fails when fish should complete file names instead.
function __${n.fn}_prepare
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l key "$tokens|$current"
    if test "$key" != "$__${n.fn}_key"
        set -g __${n.fn}_key $key
        set -l request __complete
        if test "$${n.env}_COMPLETION_DESCRIPTIONS" = 0
            set request __completeNoDesc
        end
        __${n.fn}_debug "tokens: $tokens | current: '$current'"
        set -l lines ($tokens[1] $request $tokens[2..-1] $current 2>/dev/null)
        set -g __${n.fn}_directive 0
        if string match -qr '^:[0-9]+$' -- "$lines[-1]"
            set -g __${n.fn}_directive (string sub -s 2 -- $lines[-1])
            set -e lines[-1]
        end
        set -g __${n.fn}_results
        set -l d $__${n.fn}_directive
        if test (math "bitand($d, 8)") -ne 0
            # The candidates are extensions: offer matching files, and directories to descend into.
            set -l exts (string split -f1 \\t -- $lines | string escape --style=regex)
            set -l pattern '\\.('(string join '|' -- $exts)')$'
            for f in $current*
                if test -d $f
                    set -a __${n.fn}_results $f/
                else if string match -qr -- $pattern $f
                    set -a __${n.fn}_results $f
                end
            end
        else if test (math "bitand($d, 16)") -ne 0
            set -l base ''
            if test -n "$lines[1]"
                set base (string split -f1 \\t -- $lines[1])/
            end
            for f in "$base"$current*
                test -d $f; and set -a __${n.fn}_results (string sub -s (math (string length -- "$base") + 1) -- $f)/
            end
        else
            # A flag's value after "=": fish replaces the whole token, so keep the "--flag=" part.
            set -l flag (string match -r -- '^-[^=]*=' $current)
            for line in $lines
                test -n "$line"; and set -a __${n.fn}_results "$flag$line"
            end
        end
        __${n.fn}_debug "directive: $__${n.fn}_directive, "(count $__${n.fn}_results)" candidates"
    end
    set -l d $__${n.fn}_directive
    test (math "bitand($d, 1)") -eq 0; or return 1
    # Nothing to offer and files not forbidden: let fish complete file names.
    if test (count $__${n.fn}_results) -eq 0; and test (math "bitand($d, 4)") -eq 0
        return 1
    end
    return 0
end

function __${n.fn}_keep_order
    test (math "bitand($__${n.fn}_directive, 32)") -ne 0
end

# Each TAB starts afresh.
function __${n.fn}_forget --on-event fish_prompt
    set -e __${n.fn}_key
end

complete -c ${n.program} -e
complete -c ${n.program} -n '__${n.fn}_prepare; and __${n.fn}_keep_order' -f -k -a '$__${n.fn}_results'
complete -c ${n.program} -n '__${n.fn}_prepare; and not __${n.fn}_keep_order' -f -a '$__${n.fn}_results'
`;
}
