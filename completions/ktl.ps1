# powershell completion for ktl.
#
# Load it in the current session:  ktl completion powershell | Out-String | Invoke-Expression
# or add that line to $PROFILE.
#
# On each TAB the script runs "ktl __complete <words before the cursor> <current word>" and reads
# one candidate per line ("name<TAB>description"), then a last line ":<n>" whose bits say what to
# do: 1 error, 2 no space after the word, 4 no file names, 8 the candidates are file extensions,
# 16 complete directories only, 32 keep the order. Set $env:KTL_COMPLETION_DESCRIPTIONS=0 to ask
# for candidates without descriptions, and $env:BASH_COMP_DEBUG_FILE to a path to trace the exchange.

function __ktl_debug {
    if ($env:BASH_COMP_DEBUG_FILE) {
        "$args" | Out-File -Append -FilePath $env:BASH_COMP_DEBUG_FILE
    }
}

[scriptblock]${__ktlCompleterBlock} = {
    param($WordToComplete, $CommandAst, $CursorPosition)

    # The words before the cursor, as the command line holds them.
    $words = @()
    foreach ($element in $CommandAst.CommandElements) {
        if ($element.Extent.StartOffset -ge $CursorPosition) { break }
        $text = $element.Extent.Text
        if ($element.Extent.EndOffset -gt $CursorPosition) {
            $text = $text.Substring(0, $CursorPosition - $element.Extent.StartOffset)
        }
        $words += $text
    }
    $program = $words[0]
    $requestArgs = @()
    if ($words.Count -gt 1) { $requestArgs = $words[1..($words.Count - 1)] }
    # The cursor after a space: an empty word is being completed.
    if ($WordToComplete -eq '') {
        # Before PowerShell 7.3 an empty argument does not reach a native program unless quoted.
        if ($PSVersionTable.PSVersion -lt [version]'7.3') { $requestArgs += '""' } else { $requestArgs += '' }
    }
    $request = '__complete'
    if ($env:KTL_COMPLETION_DESCRIPTIONS -eq '0') { $request = '__completeNoDesc' }
    __ktl_debug "args: $requestArgs | word: '$WordToComplete'"

    $lines = @(& $program $request @requestArgs 2>$null)
    $directive = 0
    if ($lines.Count -gt 0 -and $lines[-1] -match '^:(\d+)$') {
        $directive = [int]$Matches[1]
        if ($lines.Count -gt 1) { $lines = $lines[0..($lines.Count - 2)] } else { $lines = @() }
    }
    __ktl_debug "directive: $directive, $($lines.Count) candidates"
    if ($directive -band 1) { return }

    if ($directive -band 8) {
        # The candidates are extensions: offer matching files, and directories to descend into.
        $exts = $lines | ForEach-Object { '.' + ($_ -split "`t")[0] }
        Get-ChildItem -Path "$WordToComplete*" -ErrorAction SilentlyContinue |
            Where-Object { $_.PSIsContainer -or $exts -contains $_.Extension } |
            ForEach-Object { [System.Management.Automation.CompletionResult]::new($_.Name, $_.Name, 'ProviderItem', $_.Name) }
        return
    }
    if ($directive -band 16) {
        $base = '.'
        if ($lines.Count -gt 0) { $base = ($lines[0] -split "`t")[0] }
        Get-ChildItem -Path (Join-Path $base "$WordToComplete*") -Directory -ErrorAction SilentlyContinue |
            ForEach-Object { [System.Management.Automation.CompletionResult]::new($_.Name, $_.Name, 'ProviderContainer', $_.Name) }
        return
    }

    # PowerShell adds no space after a completion, so directive 2 (no space) needs nothing.
    # A flag's value after "=": the completion replaces the whole word, so keep the "--flag=" part.
    $flag = ''
    if ($WordToComplete -match '^(-[^=]*=)') { $flag = $Matches[1] }
    $results = foreach ($line in $lines) {
        if ($line -eq '') { continue }
        $name, $desc = $line -split "`t", 2
        if (-not $desc) { $desc = ' ' }
        $text = $flag + $name
        if ($text -match '[\s$`''"(){};,|&<>@#]') { $text = "'" + $text.Replace("'", "''") + "'" }
        [System.Management.Automation.CompletionResult]::new($text, $name, 'ParameterValue', $desc)
    }
    if (-not ($directive -band 32)) { $results = $results | Sort-Object -Property ListItemText }
    if (-not $results -and ($directive -band 4) -and $WordToComplete -ne '') {
        # No answer would make PowerShell offer file names: answer with the word itself instead.
        return [System.Management.Automation.CompletionResult]::new($WordToComplete, $WordToComplete, 'ParameterValue', ' ')
    }
    $results
}

Register-ArgumentCompleter -CommandName 'ktl' -ScriptBlock ${__ktlCompleterBlock} -Native
