// `config delete-cluster NAME`: remove a cluster entry from the file that holds it.
import type { CommandDef } from '../command.ts';
import { completeClusters } from '../completion/kubeconfig.ts';
import { noFiles } from '../completion/directive.ts';
import { CliError } from '../errors.ts';
import { commandHelp } from '../help.ts';
import { configAccess } from './access.ts';

export const command: CommandDef = {
  name: 'delete-cluster',
  short: 'Delete the specified cluster from the kubeconfig',
  long: 'Remove a cluster entry from the kubeconfig.',
  example: '  # Forget the "old-lab" cluster\n  kubectl config delete-cluster old-lab',
  use: 'NAME',
  // kubectl completes the first argument only.
  complete: async (ctx, inv, toComplete) => noFiles(inv.args.length === 0 ? await completeClusters(ctx, toComplete) : []),
  async run(ctx, inv) {
    const access = configAccess(ctx);
    const config = await access.startingConfig();
    // kubectl shows the help and succeeds when the name is missing.
    if (inv.args.length !== 1) return void ctx.io.out.write(commandHelp(command, inv.path, ctx.program));
    const file = await access.defaultFilename();
    const name = inv.args[0]!;
    if (!Object.hasOwn(config.clusters, name)) throw new CliError(`cannot delete cluster ${name}, not in ${file}`);
    const clusters = { ...config.clusters };
    delete clusters[name];
    await access.modify({ ...config, clusters }, true);
    ctx.io.out.write(`deleted cluster ${name} from ${file}\n`);
  },
};
