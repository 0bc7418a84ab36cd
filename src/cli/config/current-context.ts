// `config current-context`: print the current-context of the merged kubeconfig.
import type { CommandDef } from '../command.ts';
import { CliError } from '../errors.ts';
import { configAccess } from './access.ts';

export const command: CommandDef = {
  name: 'current-context',
  short: 'Display the current-context',
  long: 'Print the name of the context kubectl uses when --context is not given.',
  example: '  # Print the name of the current context\n  kubectl config current-context',
  use: '[flags]',
  async run(ctx) {
    const config = await configAccess(ctx).startingConfig();
    if (!config.currentContext) throw new CliError('current-context is not set');
    ctx.io.out.write(`${config.currentContext}\n`);
  },
};
