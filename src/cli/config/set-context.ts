// `config set-context [NAME | --current]`: create a context or change some of its fields.
import { goQuote } from '../../api/jsonpath/go-format.ts';
import type { CommandDef } from '../command.ts';
import { completeContexts } from '../completion/kubeconfig.ts';
import { noFiles } from '../completion/directive.ts';
import { CliError } from '../errors.ts';
import { flag } from '../flags.ts';
import type { Context } from '../../kubeconfig/index.ts';
import { configAccess, goList, helpError } from './access.ts';

export const command: CommandDef = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  long: 'Create or update a context entry in the kubeconfig.\n\nOnly the fields given as flags change; an existing context keeps the others.',
  example:
    '  # Point the "dev" context at user "alice", leaving its cluster and namespace as they are\n' +
    '  kubectl config set-context dev --user=alice\n\n' +
    '  # Switch the namespace of the current context\n' +
    '  kubectl config set-context --current --namespace=team-a',
  use: '[NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]',
  flags: [
    flag.bool('current', 'Change the current context instead of a named one'),
    flag.string('cluster', 'Cluster the context uses (a cluster name in the kubeconfig)'),
    flag.string('user', 'User the context uses (a user name in the kubeconfig)'),
    flag.string('namespace', 'Default namespace of the context'),
  ],
  // kubectl completes the first argument only.
  complete: async (ctx, inv, toComplete) => noFiles(inv.args.length === 0 ? await completeContexts(ctx, toComplete) : []),
  completeFlag: {
    // Namespaces come from the server, as kubectl completes them here.
    namespace: async (ctx, _inv, toComplete) => noFiles(await (await import('../completion/resources.ts')).completeNamespaces(ctx, toComplete)),
  },
  async run(ctx, inv) {
    if (inv.args.length > 1) throw helpError(ctx, command, inv.path, `Unexpected args: ${goList(inv.args)}`);
    const f = inv.flags;
    const current = f.bool('current');
    let name = inv.args[0] ?? '';
    if (!name && !current) throw new CliError('you must specify a non-empty context name or --current');
    if (name && current) throw new CliError('you cannot specify both a context name and --current');
    const access = configAccess(ctx);
    const config = await access.startingConfig();
    if (current) {
      if (!config.currentContext) throw new CliError('no current context is set');
      name = config.currentContext;
    }
    const existing = config.contexts[name];
    const context: Context = { ...(existing ?? { cluster: '', authInfo: '' }) };
    if (f.changed('cluster')) context.cluster = f.string('cluster');
    if (f.changed('user')) context.authInfo = f.string('user');
    if (f.changed('namespace')) context.namespace = f.string('namespace') || undefined;
    await access.modify({ ...config, contexts: { ...config.contexts, [name]: context } }, true);
    ctx.io.out.write(`Context ${goQuote(name)} ${existing ? 'modified' : 'created'}.\n`);
  },
};
