// `config set-cluster NAME`: create a cluster entry or change the fields given as flags.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { goQuote } from '../../api/jsonpath/go-format.ts';
import type { CommandDef } from '../command.ts';
import { CliError } from '../errors.ts';
import { flag } from '../flags.ts';
import { goPathError } from '../../kubeconfig/fs-errors.ts';
import type { Cluster } from '../../kubeconfig/index.ts';
import { configAccess, goList, helpError } from './access.ts';

export const command: CommandDef = {
  name: 'set-cluster',
  short: 'Set a cluster entry in kubeconfig',
  long: 'Create or update a cluster entry in the kubeconfig.\n\nOnly the fields given as flags change; an existing cluster keeps the others.',
  example:
    '  # Change the address of the "prod" cluster only\n' +
    '  kubectl config set-cluster prod --server=https://10.0.0.1:6443\n\n' +
    '  # Copy a CA certificate into the "prod" cluster entry\n' +
    '  kubectl config set-cluster prod --embed-certs --certificate-authority=./ca.pem\n\n' +
    '  # Skip server certificate checks for the "lab" cluster\n' +
    '  kubectl config set-cluster lab --insecure-skip-tls-verify=true\n\n' +
    '  # Check the server certificate against another name\n' +
    '  kubectl config set-cluster prod --tls-server-name=api.internal\n\n' +
    '  # Reach the "prod" cluster through a proxy\n' +
    '  kubectl config set-cluster prod --proxy-url=http://proxy.local:3128',
  use: 'NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com]',
  flags: [
    flag.string('server', 'Address of the API server'),
    flag.string('tls-server-name', 'Name to check the server certificate against, instead of the host name'),
    flag.bool('insecure-skip-tls-verify', 'Do not check the server certificate', { noOptDefVal: 'true' }),
    flag.string('certificate-authority', 'Path of the CA certificate file that signs the server certificate'),
    flag.bool('embed-certs', 'Store the CA certificate itself in the kubeconfig rather than its path', { noOptDefVal: 'true' }),
    flag.string('proxy-url', 'URL of the proxy to reach the cluster through'),
  ],
  async run(ctx, inv) {
    if (inv.args.length !== 1) throw helpError(ctx, command, inv.path, `Unexpected args: ${goList(inv.args)}`);
    const name = inv.args[0]!;
    const f = inv.flags;
    const insecure = f.bool('insecure-skip-tls-verify');
    const ca = f.string('certificate-authority');
    const embed = f.bool('embed-certs');
    if (!name) throw new CliError('you must specify a non-empty cluster name');
    if (insecure && ca) throw new CliError('you cannot specify a certificate authority and insecure mode at the same time');
    if (embed) {
      if (!ca) throw new CliError('you must specify a --certificate-authority to embed');
      try {
        statSync(resolve(ctx.cwd, ca));
      } catch (err) {
        throw new CliError(`could not stat certificate-authority file ${ca}: ${goPathError(err, ca, 'stat')}`);
      }
    }
    const access = configAccess(ctx);
    const config = await access.startingConfig();
    const cluster: Cluster = { ...(config.clusters[name] ?? { server: '' }) };
    if (f.changed('server')) {
      cluster.server = f.string('server');
      cluster.tlsServerName = undefined;
    }
    if (f.changed('tls-server-name')) cluster.tlsServerName = f.string('tls-server-name') || undefined;
    // kubectl gives this flag a default that counts as "provided", so the field is always
    // rewritten: an absent flag turns insecure-skip-tls-verify off.
    cluster.insecureSkipTlsVerify = insecure || undefined;
    if (insecure) {
      cluster.certificateAuthority = undefined;
      cluster.certificateAuthorityData = undefined;
    }
    if (f.changed('certificate-authority')) {
      if (embed) {
        cluster.certificateAuthorityData = readOrEmpty(resolve(ctx.cwd, ca));
        cluster.insecureSkipTlsVerify = undefined;
        cluster.certificateAuthority = undefined;
      } else {
        // filepath.Abs: relative to the working directory ("" is the directory itself).
        cluster.certificateAuthority = resolve(ctx.cwd, ca);
        cluster.insecureSkipTlsVerify = undefined;
        cluster.certificateAuthorityData = undefined;
      }
    }
    if (f.changed('proxy-url')) cluster.proxyUrl = f.string('proxy-url') || undefined;
    await access.modify({ ...config, clusters: { ...config.clusters, [name]: cluster } }, true);
    ctx.io.out.write(`Cluster ${goQuote(name)} set.\n`);
  },
};

/** kubectl ignores a read error here (the file was just stat'ed). */
function readOrEmpty(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
