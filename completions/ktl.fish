# fish completion for ktl.
#
# Load it in the current shell:    ktl completion fish | source
# or save it as ~/.config/fish/completions/ktl.fish.
#
# On each TAB the script runs "ktl __complete <words before the cursor> <current word>" and reads
# one candidate per line ("name<TAB>description"), then a last line ":<n>" whose bits say what to
# do: 1 error, 2 no space after the word, 4 no file names, 8 the candidates are file extensions,
# 16 complete directories only, 32 keep the order. Set KTL_COMPLETION_DESCRIPTIONS=0 to ask for
# candidates without descriptions, and BASH_COMP_DEBUG_FILE to a path to trace the exchange.

function __ktl_debug
    if set -q BASH_COMP_DEBUG_FILE; and test -n "$BASH_COMP_DEBUG_FILE"
        echo "$argv" >>$BASH_COMP_DEBUG_FILE
    end
end

# Asks ktl once per command line (both completion rules below call this) and leaves the answer
# in $__ktl_results and $__ktl_directive. Fails when fish should complete file names instead.
function __ktl_prepare
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l key "$tokens|$current"
    if test "$key" != "$__ktl_key"
        set -g __ktl_key $key
        set -l request __complete
        if test "$KTL_COMPLETION_DESCRIPTIONS" = 0
            set request __completeNoDesc
        end
        __ktl_debug "tokens: $tokens | current: '$current'"
        set -l lines ($tokens[1] $request $tokens[2..-1] $current 2>/dev/null)
        set -g __ktl_directive 0
        if string match -qr '^:[0-9]+$' -- "$lines[-1]"
            set -g __ktl_directive (string sub -s 2 -- $lines[-1])
            set -e lines[-1]
        end
        set -g __ktl_results
        set -l d $__ktl_directive
        if test (math "bitand($d, 8)") -ne 0
            # The candidates are extensions: offer matching files, and directories to descend into.
            set -l exts (string split -f1 \t -- $lines | string escape --style=regex)
            set -l pattern '\.('(string join '|' -- $exts)')$'
            for f in $current*
                if test -d $f
                    set -a __ktl_results $f/
                else if string match -qr -- $pattern $f
                    set -a __ktl_results $f
                end
            end
        else if test (math "bitand($d, 16)") -ne 0
            set -l base ''
            if test -n "$lines[1]"
                set base (string split -f1 \t -- $lines[1])/
            end
            for f in "$base"$current*
                test -d $f; and set -a __ktl_results (string sub -s (math (string length -- "$base") + 1) -- $f)/
            end
        else
            # A flag's value after "=": fish replaces the whole token, so keep the "--flag=" part.
            set -l flag (string match -r -- '^-[^=]*=' $current)
            for line in $lines
                test -n "$line"; and set -a __ktl_results "$flag$line"
            end
        end
        __ktl_debug "directive: $__ktl_directive, "(count $__ktl_results)" candidates"
    end
    set -l d $__ktl_directive
    test (math "bitand($d, 1)") -eq 0; or return 1
    # Nothing to offer and files not forbidden: let fish complete file names.
    if test (count $__ktl_results) -eq 0; and test (math "bitand($d, 4)") -eq 0
        return 1
    end
    return 0
end

function __ktl_keep_order
    test (math "bitand($__ktl_directive, 32)") -ne 0
end

# Each TAB starts afresh.
function __ktl_forget --on-event fish_prompt
    set -e __ktl_key
end

complete -c ktl -e
complete -c ktl -n '__ktl_prepare; and __ktl_keep_order' -f -k -a '$__ktl_results'
complete -c ktl -n '__ktl_prepare; and not __ktl_keep_order' -f -a '$__ktl_results'
