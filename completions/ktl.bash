# bash completion for ktl.
#
# Load it in the current shell:    source <(ktl completion bash)
# or save it where bash-completion looks, e.g. ~/.local/share/bash-completion/completions/ktl.
# For an alias:                    alias k=ktl; complete -o default -F __start_ktl k
#
# On each TAB the script runs "ktl __complete <words before the cursor> <current word>" and reads
# one candidate per line ("name<TAB>description"), then a last line ":<n>" whose bits say what to
# do: 1 error, 2 no space after the word, 4 no file names, 8 the candidates are file extensions,
# 16 complete directories only, 32 keep the order. Set KTL_COMPLETION_DESCRIPTIONS=0 to ask for
# candidates without descriptions, and BASH_COMP_DEBUG_FILE to a path to trace the exchange.

__ktl_debug() {
    if [[ -n ${BASH_COMP_DEBUG_FILE-} ]]; then
        printf '%s\n' "$*" >>"$BASH_COMP_DEBUG_FILE"
    fi
}

# Strip the quotes around a word as typed, and expand a leading ~/.
__ktl_unquote() {
    local w=$1
    case $w in
        \'*\' | \"*\") w=${w:1:${#w}-2} ;;
        \'* | \"*) w=${w:1} ;;
    esac
    if [[ $w == '~/'* ]]; then
        w=$HOME/${w:2}
    fi
    printf '%s' "$w"
}

# Rebuilds the words up to the cursor from COMP_LINE: bash splits "-n=dev" and "a:b" at
# COMP_WORDBREAKS characters, but ktl must see them whole. Sets __ktl_words (all words, the
# last one cut at the cursor) and __ktl_kept (the part of the last word bash will not replace).
__ktl_collect_words() {
    local line=${COMP_LINE:0:COMP_POINT} pos=0 i w glued
    __ktl_words=()
    __ktl_kept=
    for ((i = 0; i <= COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        glued=1
        while [[ $pos -lt ${#line} && ${line:pos:1} == [[:space:]] ]]; do
            ((pos++))
            glued=0
        done
        if ((i == COMP_CWORD)); then
            w=${line:pos}
        fi
        ((pos += ${#w}))
        if ((i > 0 && glued)); then
            if ((i == COMP_CWORD)); then
                __ktl_kept=${__ktl_words[-1]}
            fi
            __ktl_words[-1]+=$w
        else
            __ktl_words+=("$w")
        fi
    done
    # Right after a break character ("-n=") bash completes an empty word behind it.
    if [[ -n $w && -z ${w//[$COMP_WORDBREAKS]/} ]]; then
        __ktl_kept+=$w
    fi
}

__start_ktl() {
    local cur=${2-} out directive
    local -a __ktl_words=() args=() lines=() candidates=()
    local __ktl_kept
    COMPREPLY=()
    __ktl_collect_words

    local n=${#__ktl_words[@]} i
    for ((i = 1; i < n; i++)); do
        args+=("$(__ktl_unquote "${__ktl_words[i]}")")
    done
    local request=__complete
    if [[ ${KTL_COMPLETION_DESCRIPTIONS-} == 0 ]]; then
        request=__completeNoDesc
    fi
    __ktl_debug "words: ${__ktl_words[*]} | kept: '$__ktl_kept' | cur: '$cur'"
    # eval, so that an alias or a path in the first word runs as it would on the command line.
    out=$(eval "${__ktl_words[0]}"' "$request" "${args[@]}"' 2>/dev/null)
    mapfile -t lines <<<"$out"
    directive=0
    if [[ ${lines[-1]-} =~ ^:([0-9]+)$ ]]; then
        directive=${BASH_REMATCH[1]}
        unset 'lines[-1]'
    fi
    __ktl_debug "directive: $directive, ${#lines[@]} candidates"

    if ((directive & 1)); then
        return
    fi
    if ((directive & 2)); then
        compopt -o nospace 2>/dev/null
    fi
    if ((directive & 4)); then
        compopt +o default 2>/dev/null
    fi
    if ((directive & 32)); then
        compopt -o nosort 2>/dev/null
    fi

    if ((directive & 8)); then
        # The candidates are extensions: offer matching files, and directories to descend into.
        local exts line
        for line in "${lines[@]}"; do
            [[ -n $line ]] && exts+=${exts:+|}${line%%$'\t'*}
        done
        compopt -o filenames 2>/dev/null
        local extglob_was_set=0
        shopt -q extglob && extglob_was_set=1
        shopt -s extglob
        mapfile -t COMPREPLY < <(compgen -f -X "!*.@($exts)" -- "$cur"; compgen -d -- "$cur")
        ((extglob_was_set)) || shopt -u extglob
        return
    fi
    if ((directive & 16)); then
        compopt -o filenames 2>/dev/null
        if [[ -n ${lines[0]-} ]]; then
            mapfile -t COMPREPLY < <(cd -- "${lines[0]%%$'\t'*}" 2>/dev/null && compgen -d -- "$cur")
        else
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        fi
        return
    fi

    # Drop what bash keeps of the current word ("a:" of "a:b"), then keep what matches.
    local line name width=0
    for line in "${lines[@]}"; do
        [[ -z $line ]] && continue
        name=${line%%$'\t'*}
        if [[ -n $__ktl_kept && $name == "$__ktl_kept"* ]]; then
            name=${name#"$__ktl_kept"}
            [[ $line == *$'\t'* ]] && line=$name$'\t'${line#*$'\t'} || line=$name
        fi
        if [[ $name == "$cur"* ]]; then
            candidates+=("$line")
            ((${#name} > width)) && width=${#name}
        fi
    done

    if ((${#candidates[@]} == 1)); then
        # A single choice is inserted: no description, and escaped where the shell would trip.
        name=${candidates[0]%%$'\t'*}
        if [[ $name == *[[:space:]\'\"\\\$\`\;\&\|\<\>\(\)\*\?\[]* ]]; then
            printf -v name '%q' "$name"
        fi
        COMPREPLY=("$name")
        return
    fi
    local cols=${COLUMNS:-80} entry
    for line in "${candidates[@]}"; do
        if [[ $line == *$'\t'* ]]; then
            # One choice per line with its description, cut to the terminal width.
            printf -v entry '%-*s  (%s)' "$width" "${line%%$'\t'*}" "${line#*$'\t'}"
            if ((${#entry} >= cols)); then
                entry="${entry:0:cols-5}...)"
            fi
            printf -v entry '%-*s' "$((cols - 1))" "$entry"
            COMPREPLY+=("$entry")
        else
            COMPREPLY+=("$line")
        fi
    done
}

complete -o default -F __start_ktl ktl
