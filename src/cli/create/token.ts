// `create token SERVICE_ACCOUNT`: asks the TokenRequest API for a token and prints it (or the
// TokenRequest with -o).
import type { KubeObject } from '../../printers/objects.ts';
import type { CommandDef } from '../command.ts';
import { printFlags } from '../common-flags.ts';
import { CliError } from '../errors.ts';
import { flag } from '../flags.ts';
import { OUTPUT_USAGE, nameFromArgs } from './generator.ts';

const BOUND_KINDS: Record<string, string> = { Node: 'v1', Pod: 'v1', Secret: 'v1' };
const KIND_LIST = Object.keys(BOUND_KINDS).sort().join(', ');

export interface TokenInput {
  audiences: string[];
  /** Milliseconds. */
  duration: number;
  boundObjectKind: string;
  boundObjectName: string;
  boundObjectUID: string;
}

export function validateToken(o: TokenInput): void {
  if (o.duration < 0) throw new CliError('--duration must be greater than or equal to 0');
  if (o.duration % 1000 !== 0) throw new CliError('--duration cannot be expressed in units less than seconds');
  if (o.audiences.some((a) => a === '')) throw new CliError('--audience must not be an empty string');
  if (!o.boundObjectKind) {
    if (o.boundObjectName) throw new CliError('--bound-object-name can only be set if --bound-object-kind is provided');
    if (o.boundObjectUID) throw new CliError('--bound-object-uid can only be set if --bound-object-kind is provided');
  } else {
    if (!BOUND_KINDS[o.boundObjectKind]) throw new CliError(`supported --bound-object-kind values are ${KIND_LIST}`);
    if (!o.boundObjectName) throw new CliError('--bound-object-name is required if --bound-object-kind is provided');
  }
}

/** The TokenRequest sent (struct order; audiences is always written). */
export function tokenRequest(o: TokenInput): KubeObject {
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: {
      audiences: o.audiences.length ? o.audiences : null,
      expirationSeconds: o.duration > 0 ? o.duration / 1000 : undefined,
      boundObjectRef: o.boundObjectKind
        ? { kind: o.boundObjectKind, apiVersion: BOUND_KINDS[o.boundObjectKind], name: o.boundObjectName, uid: o.boundObjectUID || undefined }
        : undefined,
    },
    status: { token: '', expirationTimestamp: null },
  };
}

export const token: CommandDef = {
  name: 'token',
  short: 'Request a token for a service account',
  long: `Request a token for a service account through the TokenRequest API and print it.

 The token is valid for the API server unless audiences are given; its lifetime is the server's choice unless --duration asks for one (the server may still shorten or lengthen it). Binding it to an object makes it expire when that object is deleted.`,
  example: `  # A token for the service account ci of this namespace
  kubectl create token ci
  
  # For a service account of another namespace
  kubectl create token ci --namespace build
  
  # Valid for one hour
  kubectl create token ci --duration=1h
  
  # For another audience
  kubectl create token ci --audience=https://vault.example.com
  
  # Expiring with a secret
  kubectl create token ci --bound-object-kind Secret --bound-object-name ci-lease`,
  use: 'SERVICE_ACCOUNT_NAME',
  flags: [
    ...printFlags(OUTPUT_USAGE),
    flag.stringArray('audience', 'An audience the token is for; repeat for several. The API server itself by default.'),
    flag.duration('duration', 'The lifetime asked for; 0 leaves it to the server, which may also pick another.'),
    flag.string('bound-object-kind', `The kind of the object the token's life is bound to: ${KIND_LIST}. Needs --bound-object-name.`),
    flag.string('bound-object-name', 'The name of that object; the token stops working when it is deleted. Needs --bound-object-kind.'),
    flag.string('bound-object-uid', "The UID of that object; by default the existing object's. Needs --bound-object-kind and --bound-object-name."),
  ],
  async run(ctx, inv) {
    const f = inv.flags;
    const name = nameFromArgs(ctx, inv);
    const client = await ctx.client();
    const { printerFor } = await import('../../printers/index.ts');
    const printer = await printerFor(f.string('output'), {
      template: f.string('template'), outputChanged: f.changed('output'), allowMissingTemplateKeys: f.bool('allow-missing-template-keys'),
      showManagedFields: f.bool('show-managed-fields'), operation: 'created', keepKeyOrder: true,
    });
    const o: TokenInput = {
      audiences: f.strings('audience'),
      duration: f.duration('duration'),
      boundObjectKind: f.string('bound-object-kind'),
      boundObjectName: f.string('bound-object-name'),
      boundObjectUID: f.string('bound-object-uid'),
    };
    if (!client.namespace) throw new CliError('--namespace is required');
    validateToken(o);
    const path = `/api/v1/namespaces/${encodeURIComponent(client.namespace)}/serviceaccounts/${encodeURIComponent(name)}/token`;
    let response: KubeObject;
    try {
      response = (await client.request('POST', path, { body: tokenRequest(o) })).json<KubeObject>();
    } catch (e) {
      throw new CliError(`failed to create token: ${(e as Error).message}`);
    }
    const tokenText = (response.status as { token?: string } | undefined)?.token ?? '';
    if (!tokenText) throw new CliError('failed to create token: no token in server response');
    // OutputFlagSpecified looks at -o only: --template alone still prints the bare token
    if (f.string('output')) return printer.printObj((await import('./typed.ts')).asTyped(response), ctx.io.out);
    ctx.io.out.write(ctx.io.isTTY ? `${tokenText}\n` : tokenText);
  },
};
