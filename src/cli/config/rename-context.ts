// `config rename-context OLD NEW`: rename a context in its file, following it with
// current-context when it was the current one.
import { goQuote } from '../../api/jsonpath/go-format.ts';
import type { CommandDef } from '../command.ts';
import { completeContexts } from '../completion/kubeconfig.ts';
import { noFiles } from '../completion/directive.ts';
import { CliError } from '../errors.ts';
import { configAccess, goList, helpError } from './access.ts';

export const command: CommandDef = {
  name: 'rename-context',
  short: 'Rename a context from the kubeconfig file',
  long: `Give a context of the kubeconfig another name.

CONTEXT_NAME is the context to rename.

NEW_NAME is the name it gets; no context may have it already.

When the renamed context is the current one, current-context follows it.`,
  example: "  # Rename the context 'minikube' to 'local'\n  kubectl config rename-context minikube local",
  use: 'CONTEXT_NAME NEW_NAME',
  // kubectl completes the first argument only.
  complete: async (ctx, inv, toComplete) => noFiles(inv.args.length === 0 ? await completeContexts(ctx, toComplete) : []),
  async run(ctx, inv) {
    if (inv.args.length !== 2) throw helpError(ctx, command, inv.path, `Unexpected args: ${goList(inv.args)}`);
    const [from, to] = inv.args as [string, string];
    if (!to) throw new CliError('You must specify a new non-empty context name');
    const access = configAccess(ctx);
    const config = await access.startingConfig();
    const file = await access.defaultFilename();
    if (!Object.hasOwn(config.contexts, from)) throw new CliError(`cannot rename the context ${goQuote(from)}, it's not in ${file}`);
    if (Object.hasOwn(config.contexts, to)) {
      throw new CliError(`cannot rename the context ${goQuote(from)}, the context ${goQuote(to)} already exists in ${file}`);
    }
    const contexts = { ...config.contexts, [to]: config.contexts[from]! };
    delete contexts[from];
    const currentContext = config.currentContext === from ? to : config.currentContext;
    await access.modify({ ...config, contexts, currentContext }, true);
    ctx.io.out.write(`Context ${goQuote(from)} renamed to ${goQuote(to)}.\n`);
  },
};
