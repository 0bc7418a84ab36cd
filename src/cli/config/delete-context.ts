// `config delete-context NAME`: remove a context entry; deleting the current one leaves
// current-context pointing at nothing, with a warning.
import type { CommandDef } from '../command.ts';
import { completeContexts } from '../completion/kubeconfig.ts';
import { noFiles } from '../completion/directive.ts';
import { CliError } from '../errors.ts';
import { commandHelp } from '../help.ts';
import { configAccess } from './access.ts';

export const command: CommandDef = {
  name: 'delete-context',
  short: 'Delete the specified context from the kubeconfig',
  long: 'Remove a context entry from the kubeconfig.',
  example: '  # Forget the "old-lab" context\n  kubectl config delete-context old-lab',
  use: 'NAME',
  // kubectl completes the first argument only.
  complete: async (ctx, inv, toComplete) => noFiles(inv.args.length === 0 ? await completeContexts(ctx, toComplete) : []),
  async run(ctx, inv) {
    const access = configAccess(ctx);
    const config = await access.startingConfig();
    if (inv.args.length !== 1) return void ctx.io.out.write(commandHelp(command, inv.path, ctx.program));
    const file = await access.defaultFilename();
    const name = inv.args[0]!;
    if (!Object.hasOwn(config.contexts, name)) throw new CliError(`cannot delete context ${name}, not in ${file}`);
    if (config.currentContext === name) {
      ctx.io.err.write(`warning: this removed your active context, use "${ctx.program} config use-context" to select a different one\n`);
    }
    const contexts = { ...config.contexts };
    delete contexts[name];
    await access.modify({ ...config, contexts }, true);
    ctx.io.out.write(`deleted context ${name} from ${file}\n`);
  },
};
