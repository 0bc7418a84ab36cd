// `config delete-user NAME`: remove a user entry from the file that holds it.
import type { CommandDef } from '../command.ts';
import { completeUsers } from '../completion/kubeconfig.ts';
import { noFiles } from '../completion/directive.ts';
import { CliError } from '../errors.ts';
import { configAccess, usageError } from './access.ts';

export const command: CommandDef = {
  name: 'delete-user',
  short: 'Delete the specified user from the kubeconfig',
  long: 'Remove a user entry from the kubeconfig.',
  example: '  # Forget the "intern" user\n  kubectl config delete-user intern',
  use: 'NAME',
  // kubectl completes the first argument only.
  complete: async (ctx, inv, toComplete) => noFiles(inv.args.length === 0 ? await completeUsers(ctx, toComplete) : []),
  async run(ctx, inv) {
    const access = configAccess(ctx);
    const config = await access.startingConfig();
    if (inv.args.length !== 1) throw usageError(ctx, inv.path, 'user to delete is required');
    const name = inv.args[0]!;
    const file = await access.defaultFilename();
    if (!Object.hasOwn(config.authInfos, name)) throw new CliError(`cannot delete user ${name}, not in ${file}`);
    const authInfos = { ...config.authInfos };
    delete authInfos[name];
    await access.modify({ ...config, authInfos }, true);
    ctx.io.out.write(`deleted user ${name} from ${file}\n`);
  },
};
