// `config unset PROPERTY_NAME`: clear one field, or remove one entry, by its dotted path.
import { goQuote } from '../../api/jsonpath/go-format.ts';
import type { CommandDef } from '../command.ts';
import { CliError } from '../errors.ts';
import { setProperty } from '../../kubeconfig/property.ts';
import { configAccess, goList, helpError } from './access.ts';

export const command: CommandDef = {
  name: 'unset',
  short: 'Unset an individual value in a kubeconfig file',
  long: `Clear one value in the kubeconfig, named by a dotted path.

PROPERTY_NAME is a list of field names and map keys joined by dots, e.g. contexts.dev.namespace. A map key ends where the next known field name begins.`,
  example: `  # Leave no context current
  kubectl config unset current-context

  # Drop the namespace of the "dev" context
  kubectl config unset contexts.dev.namespace`,
  use: 'PROPERTY_NAME',
  async run(ctx, inv) {
    if (inv.args.length !== 1) throw helpError(ctx, command, inv.path, `Unexpected args: ${goList(inv.args)}`);
    const name = inv.args[0]!;
    if (!name) throw new CliError('you must specify a property');
    const access = configAccess(ctx);
    const config = await access.startingConfig();
    await access.modify(setProperty(config, name, '', { unset: true }), false);
    ctx.io.out.write(`Property ${goQuote(name)} unset.\n`);
  },
};
