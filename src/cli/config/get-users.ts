// `config get-users`: the names of the users in the merged kubeconfig, sorted.
import type { CommandDef } from '../command.ts';
import { configAccess } from './access.ts';

export const command: CommandDef = {
  name: 'get-users',
  short: 'Display users defined in the kubeconfig',
  long: 'List the names of the users (credentials) the kubeconfig defines.',
  example: '  # List the users kubectl knows\n  kubectl config get-users',
  use: '[flags]',
  async run(ctx) {
    const config = await configAccess(ctx).startingConfig();
    const names = Object.keys(config.authInfos).sort();
    ctx.io.out.write(`NAME\n${names.map((n) => `${n}\n`).join('')}`);
  },
};
