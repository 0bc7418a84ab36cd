// `config use-context NAME` (alias `use`): make an existing context the current one.
import { goQuote } from '../../api/jsonpath/go-format.ts';
import type { CommandDef } from '../command.ts';
import { completeContexts } from '../completion/kubeconfig.ts';
import { noFiles } from '../completion/directive.ts';
import { CliError } from '../errors.ts';
import { configAccess, goList, helpError } from './access.ts';

export const command: CommandDef = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  long: 'Make the named context the current one, so that later commands use it by default.',
  example: '  # Work with the cluster of the "staging" context from now on\n  kubectl config use-context staging',
  use: 'CONTEXT_NAME',
  // kubectl completes the first argument only.
  complete: async (ctx, inv, toComplete) => noFiles(inv.args.length === 0 ? await completeContexts(ctx, toComplete) : []),
  async run(ctx, inv) {
    if (inv.args.length !== 1) throw helpError(ctx, command, inv.path, `Unexpected args: ${goList(inv.args)}`);
    const name = inv.args[0]!;
    const access = configAccess(ctx);
    const config = await access.startingConfig();
    if (!name) throw new CliError('empty context names are not allowed');
    if (!Object.hasOwn(config.contexts, name)) throw new CliError(`no context exists with the name: ${goQuote(name)}`);
    await access.modify({ ...config, currentContext: name }, true);
    ctx.io.out.write(`Switched to context ${goQuote(name)}.\n`);
  },
};
