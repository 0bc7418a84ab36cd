// `completion SHELL`: print the script that makes the shell ask ktl (`__complete`) for candidates.
// The scripts name their functions after the program as invoked, so kubectl's documented alias
// recipe works: `alias k=ktl; complete -o default -F __start_ktl k`.
import type { CommandDef } from './command.ts';
import { CliError } from './errors.ts';

const usageError = (message: string, program: string) => new CliError(`${message}\nSee '${program} completion -h' for help and examples`);

export const command: CommandDef = {
  name: 'completion',
  short: 'Print the completion script for bash, zsh, fish or PowerShell',
  long: `Print a script that teaches a shell to complete ktl commands, flags, resource types and object names. Evaluate it in the shell, or save it where the shell loads completions from.

 Each TAB runs "ktl __complete" with the words typed so far; the answers come from ktl itself, so they follow its version and the cluster it talks to. Completion for zsh needs zsh 5.2 or later.`,
  example: `  # bash: load the completion into the current shell (needs bash 4.3 or later)
  source <(ktl completion bash)
  
  # bash: load it in every new shell
  echo 'source <(ktl completion bash)' >> ~/.bashrc
  
  # bash: complete an alias too
  alias k=ktl
  complete -o default -F __start_ktl k
  
  # zsh: load it into the current shell
  source <(ktl completion zsh)
  
  # zsh: install it where compinit finds it
  ktl completion zsh > "\${fpath[1]}/_ktl"
  
  # fish: load it into the current shell, or install it
  ktl completion fish | source
  ktl completion fish > ~/.config/fish/completions/ktl.fish
  
  # PowerShell: load it into the current session, or from the profile
  ktl completion powershell | Out-String | Invoke-Expression
  Add-Content $PROFILE 'ktl completion powershell | Out-String | Invoke-Expression'`,
  use: 'SHELL',
  async run(ctx, { args }) {
    if (args.length === 0) throw usageError('Shell not specified.', ctx.program);
    if (args.length > 1) throw usageError('Too many arguments. Expected only the shell type.', ctx.program);
    const { completionScript, isShell } = await import('./completion/script.ts');
    const shell = args[0]!;
    if (!isShell(shell)) throw usageError(`Unsupported shell type ${JSON.stringify(shell)}.`, ctx.program);
    ctx.io.out.write(completionScript(shell, ctx.program));
  },
  // cobra's ValidArgs: the shells for the first argument only (kubectl lists them in Go map order).
  async complete(_ctx, { args }, toComplete) {
    if (args.length) return { candidates: [], directive: 0 };
    const { SHELLS } = await import('./completion/script.ts');
    return { candidates: SHELLS.filter((s) => s.startsWith(toComplete)), directive: 4 };
  },
};
