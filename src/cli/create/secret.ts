// `create secret generic|tls|docker-registry NAME`.
import type { KubeObject } from '../../printers/objects.ts';
import type { CommandDef } from '../command.ts';
import { CliError } from '../errors.ts';
import { flag } from '../flags.ts';
import { generator, type GeneratorInput } from './generator.ts';
import { secretHash } from './hash.ts';
import { goCompactJson } from './last-applied.ts';
import { objectMeta, typed } from './objects.ts';
import { parseLiteralSource, readFileBytes, visitEnvFiles, visitFileSources } from './sources.ts';
import { checkKeyPair } from './tls-pair.ts';
import { isConfigMapKey } from '../../api/validation/names.ts';

const SECRETS = { group: '', version: 'v1', resource: 'secrets', namespaced: true };
const failure = (m: string) => `failed to create secret ${m}`;
const appendHashFlag = flag.bool('append-hash', 'Add a hash of the content to the name, so that changed content gets a new name.');

/** A Secret under construction: data values as bytes until it is serialised. */
class SecretData {
  readonly data = new Map<string, Buffer>();
  add(key: string, value: Buffer): void {
    const errs = isConfigMapKey(key);
    if (errs.length) throw new CliError(`${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`);
    if (this.data.has(key)) throw new CliError(`cannot add key ${key}, another key by that name already exists`);
    this.data.set(key, value);
  }
}

/** The Secret object: data base64-encoded in key order (Go marshals maps sorted), hash suffix if asked. */
export function secretObject(name: string, namespace: string, type: string, data: Map<string, Buffer>, appendHash: boolean): KubeObject {
  const encoded: Record<string, string> = {};
  for (const key of [...data.keys()].sort()) encoded[key] = data.get(key)!.toString('base64');
  const finalName = appendHash ? `${name}-${secretHash({ name, type, data: encoded })}` : name;
  return typed('v1', 'Secret', objectMeta({ name: finalName, namespace }), {
    data: Object.keys(encoded).length ? encoded : undefined,
    type: type || undefined,
  });
}

export interface GenericSecretInput {
  name: string;
  namespace: string;
  type: string;
  fileSources: string[];
  literalSources: string[];
  envFileSources: string[];
  appendHash: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Literals first, then files, then env files (the reverse of configmap's first two). */
export function buildGenericSecret(o: GenericSecretInput): KubeObject {
  if (o.envFileSources.length && (o.fileSources.length || o.literalSources.length))
    throw new CliError('from-env-file cannot be combined with from-file or from-literal');
  const s = new SecretData();
  for (const source of o.literalSources) {
    const [key, value] = parseLiteralSource(source);
    s.add(key, Buffer.from(value, 'utf8'));
  }
  visitFileSources(o.fileSources, o.cwd, (key, bytes) => s.add(key, bytes));
  visitEnvFiles(o.envFileSources, o.cwd, o.env, 'env secret file cannot be a directory', (key, value) => s.add(key, Buffer.from(value, 'utf8')));
  return secretObject(o.name, o.namespace, o.type, s.data, o.appendHash);
}

const generic = generator({
  name: 'generic',
  short: 'Create a secret from files, directories or literal values',
  long: `Create an Opaque secret (or one of the --type given) from files, directories or literal values.

 One secret can hold several keys. A file's key is its base name unless another key is written before "=" in front of the path. A directory adds each regular file it directly contains; subdirectories, links, devices and pipes are skipped.`,
  example: `  # One key per file of the directory creds/
  kubectl create secret generic db-creds --from-file=creds/
  
  # Keys chosen rather than taken from the file names
  kubectl create secret generic ssh-keys --from-file=private=keys/id_ed25519 --from-file=public=keys/id_ed25519.pub
  
  # Values given on the command line
  kubectl create secret generic db-creds --from-literal=user=app --from-literal=password=s3cret
  
  # A file and a literal together
  kubectl create secret generic ssh-keys --from-file=private=keys/id_ed25519 --from-literal=passphrase=s3cret
  
  # Lines of KEY=value from env files
  kubectl create secret generic app-env --from-env-file=base.env --from-env-file=local.env`,
  use: 'NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  flags: [
    flag.stringSlice('from-file', 'A file whose content becomes a value, keyed by its base name or by "key=" written before the path; a directory adds each regular file it contains whose name is a valid key.'),
    flag.stringArray('from-literal', 'A key and its value, as key=value; repeat for more keys.'),
    flag.stringSlice('from-env-file', 'A file of key=value lines, each adding one key.'),
    flag.string('type', 'The secret type (Opaque when not given).'),
    appendHashFlag,
  ],
  resource: SECRETS,
  failure,
  build: (g) =>
    buildGenericSecret({
      name: g.name,
      namespace: g.enforcedNamespace,
      type: g.flags.string('type'),
      fileSources: g.flags.strings('from-file'),
      literalSources: g.flags.strings('from-literal'),
      envFileSources: g.flags.strings('from-env-file'),
      appendHash: g.flags.bool('append-hash'),
      cwd: g.ctx.cwd,
      env: g.ctx.env,
    }),
});

/** The .dockerconfigjson document for one registry (Go struct order, empty fields left out). */
export function dockerConfigJson(server: string, username: string, password: string, email: string): string {
  const entry: Record<string, string> = {};
  if (username) entry.username = username;
  if (password) entry.password = password;
  if (email) entry.email = email;
  const auth = Buffer.from(`${username}:${password}`).toString('base64');
  if (auth) entry.auth = auth;
  return goCompactJson({ auths: { [server]: entry } }, false).slice(0, -1);
}

const dockerRegistry = generator({
  name: 'docker-registry',
  short: 'Create a secret with credentials for a container registry',
  long: `Create a secret of type kubernetes.io/dockerconfigjson holding the credentials for a container registry.

 Pods name such secrets in imagePullSecrets (directly or through their service account) so that the kubelet can pull their images from a private registry.

 Either give the server, user name and password (and optionally an email), or take an existing Docker config file with --from-file.`,
  example: `  # Credentials for a private registry
  kubectl create secret docker-registry registry-creds --docker-server=registry.example.com --docker-username=ci --docker-password=t0ken --docker-email=ci@example.com
  
  # Taken from an existing Docker configuration file
  kubectl create secret docker-registry registry-creds --from-file=.dockerconfigjson=/home/ci/.docker/config.json`,
  use: 'NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none]',
  flags: [
    flag.string('docker-username', 'User name to log in to the registry with.'),
    flag.string('docker-password', 'Password to log in to the registry with.'),
    flag.string('docker-email', 'Email address stored with the credentials.'),
    flag.string('docker-server', 'Address of the registry.', { default: 'https://index.docker.io/v1/' }),
    flag.stringSlice('from-file', 'A Docker configuration file to store as the secret; without "key=" it is stored under .dockerconfigjson, the only key this type of secret uses.'),
    appendHashFlag,
  ],
  resource: SECRETS,
  failure,
  build(g: GeneratorInput) {
    const f = g.flags;
    const sources = f.strings('from-file').map((s) => (s.includes('=') ? s : `.dockerconfigjson=${s}`));
    const [user, password, server] = [f.string('docker-username'), f.string('docker-password'), f.string('docker-server')];
    if (!sources.length && (!user || !password || !server))
      throw new CliError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    const s = new SecretData();
    if (sources.length) visitFileSources(sources, g.ctx.cwd, (key, bytes) => s.add(key, bytes));
    else s.data.set('.dockerconfigjson', Buffer.from(dockerConfigJson(server, user, password, f.string('docker-email'))));
    return secretObject(g.name, g.enforcedNamespace, 'kubernetes.io/dockerconfigjson', s.data, f.bool('append-hash'));
  },
});

const tls = generator({
  name: 'tls',
  short: 'Create a TLS secret from a certificate and its key',
  long: `Create a secret of type kubernetes.io/tls from a PEM certificate (chain) and its private key.

 The certificate must match the key.`,
  example: `  # A TLS secret from files on disk
  kubectl create secret tls web-tls --cert=certs/web.crt --key=certs/web.key`,
  use: 'NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none]',
  flags: [
    flag.string('cert', 'Path of the PEM-encoded certificate.'),
    flag.string('key', 'Path of the PEM-encoded private key of that certificate.'),
    appendHashFlag,
  ],
  resource: SECRETS,
  failure,
  build(g: GeneratorInput) {
    const [certPath, keyPath] = [g.flags.string('cert'), g.flags.string('key')];
    if (!certPath || !keyPath) throw new CliError('key and cert must be specified');
    const read = (path: string) => {
      try {
        return readFileBytes(path, g.ctx.cwd);
      } catch (e) {
        throw new CliError(`Cannot read file ${path}, ${(e as Error).message}`);
      }
    };
    const cert = read(certPath);
    const key = read(keyPath);
    checkKeyPair(cert, key);
    const data = new Map([['tls.crt', cert], ['tls.key', key]]);
    return secretObject(g.name, g.enforcedNamespace, 'kubernetes.io/tls', data, g.flags.bool('append-hash'));
  },
});

export const secret: CommandDef = {
  name: 'secret',
  short: 'Create a secret of one of the supported types',
  long: `Create a secret of one of these types:

 docker-registry holds the credentials for a container registry.

 generic holds arbitrary data (type Opaque unless --type says otherwise).

 tls holds a TLS certificate and its private key.`,
  use: '(docker-registry | generic | tls)',
  subcommands: [dockerRegistry, generic, tls],
};
