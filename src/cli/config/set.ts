// `config set PROPERTY_NAME PROPERTY_VALUE`: set one field by its dotted path.
import { goQuote } from '../../api/jsonpath/go-format.ts';
import type { CommandDef } from '../command.ts';
import { CliError } from '../errors.ts';
import { flag } from '../flags.ts';
import { setProperty } from '../../kubeconfig/property.ts';
import { configAccess, goList, helpError } from './access.ts';

export const command: CommandDef = {
  name: 'set',
  short: 'Set an individual value in a kubeconfig file',
  long: `Set one value in the kubeconfig, named by a dotted path.

PROPERTY_NAME is a list of field names and map keys joined by dots, e.g. clusters.prod.server. A map key ends where the next known field name begins.

PROPERTY_VALUE is the new value. Fields holding bytes (such as certificate-authority-data) take base64 text, or the text itself with --set-raw-bytes.

Setting a field of an entry that does not exist yet creates the entry.`,
  example: `  # Change the address of the "prod" cluster
  kubectl config set clusters.prod.server https://10.0.0.1:6443

  # Store a CA certificate, base64-encoded, in the "prod" cluster
  kubectl config set clusters.prod.certificate-authority-data $(base64 -w0 < ca.pem)

  # Make the "dev" context use the "prod" cluster
  kubectl config set contexts.dev.cluster prod

  # Store a client key as it is, without base64
  kubectl config set users.admin.client-key-data "$(cat admin.key)" --set-raw-bytes=true`,
  use: 'PROPERTY_NAME PROPERTY_VALUE',
  flags: [flag.bool('set-raw-bytes', 'Store the value of a bytes field as given instead of decoding it from base64', { noOptDefVal: 'true' })],
  async run(ctx, inv) {
    if (inv.args.length !== 2) throw helpError(ctx, command, inv.path, `Unexpected args: ${goList(inv.args)}`);
    const [name, value] = inv.args as [string, string];
    if (!value) throw new CliError('you cannot use set to unset a property');
    if (!name) throw new CliError('you must specify a property');
    const access = configAccess(ctx);
    const config = await access.startingConfig();
    const next = setProperty(config, name, value, { rawBytes: inv.flags.bool('set-raw-bytes') });
    await access.modify(next, false);
    ctx.io.out.write(`Property ${goQuote(name)} set.\n`);
  },
};
