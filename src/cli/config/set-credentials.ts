// `config set-credentials NAME`: create a user entry or change the fields given as flags. A token
// and basic auth exclude each other: setting one clears the other.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { goQuote } from '../../api/jsonpath/go-format.ts';
import type { CommandDef } from '../command.ts';
import { CliError } from '../errors.ts';
import { flag } from '../flags.ts';
import type { Flags } from '../flags.ts';
import { goPathError } from '../../kubeconfig/fs-errors.ts';
import type { AuthInfo, ExecEnvVar } from '../../kubeconfig/index.ts';
import { configAccess, goList, helpError } from './access.ts';

const LONG = `Create or update a user entry in the kubeconfig.

Only the fields given as flags change; an existing user keeps the others.

    Client certificate:
    --client-certificate=certfile --client-key=keyfile

    Bearer token:
      --token=bearer_token

    Basic authentication:
      --username=basic_user --password=basic_password

A bearer token and basic authentication cannot be combined.`;

const EXAMPLE = `  # Change only the client key of the "admin" user
  kubectl config set-credentials admin --client-key=~/.kube/admin.key

  # Give the "admin" user a user name and password
  kubectl config set-credentials admin --username=admin --password=s3cr3t

  # Copy the client certificate into the kubeconfig
  kubectl config set-credentials admin --client-certificate=~/.kube/admin.crt --embed-certs=true

  # Authenticate the "admin" user through the OpenID Connect provider, with settings
  kubectl config set-credentials admin --auth-provider=oidc --auth-provider-arg=client-id=ktl --auth-provider-arg=client-secret=xyz

  # Drop one setting of the provider
  kubectl config set-credentials admin --auth-provider=oidc --auth-provider-arg=client-secret-

  # Get credentials from a plugin program
  kubectl config set-credentials admin --exec-command=/usr/local/bin/get-token --exec-api-version=client.authentication.k8s.io/v1 --exec-interactive-mode=Never

  # Give the plugin arguments and environment variables, or remove one variable
  kubectl config set-credentials admin --exec-arg=--region --exec-arg=eu --exec-env=PROFILE=dev
  kubectl config set-credentials admin --exec-env=PROFILE-`;

export const command: CommandDef = {
  name: 'set-credentials',
  short: 'Set a user entry in kubeconfig',
  long: LONG,
  example: EXAMPLE,
  use:
    'NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] ' +
    '[--password=basic_password] [--auth-provider=provider_name] [--auth-provider-arg=key=value] [--exec-command=exec_command] ' +
    '[--exec-api-version=exec_api_version] [--exec-arg=arg] [--exec-env=key=value]',
  flags: [
    flag.string('client-certificate', 'Path of the client certificate file'),
    flag.string('client-key', 'Path of the client key file'),
    flag.string('token', 'Bearer token of the user'),
    flag.string('username', 'User name for basic authentication'),
    flag.string('password', 'Password for basic authentication'),
    flag.string('auth-provider', 'Name of the authentication provider (e.g. oidc)'),
    flag.stringSlice('auth-provider-arg', "Provider settings as 'key=value'; 'key-' removes one"),
    flag.string('exec-command', 'Program that prints the credentials (an exec credential plugin)'),
    flag.string('exec-api-version', 'ExecCredential API version the plugin speaks'),
    flag.string('exec-interactive-mode', 'Whether the plugin may read standard input: Never, IfAvailable or Always'),
    flag.bool('exec-provide-cluster-info', 'Pass the cluster details to the plugin', { noOptDefVal: 'true' }),
    flag.stringSlice('exec-arg', 'Arguments of the plugin; replaces the current ones'),
    flag.stringArray('exec-env', "Environment variables of the plugin as 'key=value'; 'key-' removes one"),
    flag.bool('embed-certs', 'Store the client certificate and key themselves in the kubeconfig rather than their paths', { noOptDefVal: 'true' }),
  ],
  async run(ctx, inv) {
    const f = inv.flags;
    if (inv.args.length !== 1) throw helpError(ctx, command, inv.path, `unexpected args: ${goList(inv.args)}`);
    let providerArgs: Pairs | undefined, execEnv: Pairs | undefined;
    try {
      if (f.strings('auth-provider-arg').length) providerArgs = parsePairs(f.strings('auth-provider-arg'), 'auth-provider-arg');
      if (f.strings('exec-env').length) execEnv = parsePairs(f.strings('exec-env'), 'exec-env');
    } catch (err) {
      throw helpError(ctx, command, inv.path, (err as Error).message);
    }
    const name = inv.args[0]!;
    validate(name, f, ctx.cwd);
    const access = configAccess(ctx);
    const config = await access.startingConfig();
    const user = modifyAuthInfo(config.authInfos[name] ?? {}, f, ctx.cwd, providerArgs, execEnv);
    await access.modify({ ...config, authInfos: { ...config.authInfos, [name]: user } }, true);
    ctx.io.out.write(`User ${goQuote(name)} set.\n`);
  },
};

function validate(name: string, f: Flags, cwd: string): void {
  if (!name) throw new CliError('you must specify a non-empty user name');
  const methods: string[] = [];
  if (f.string('token')) methods.push('--token');
  if (f.string('username') || f.string('password')) methods.push('--username/--password');
  if (methods.length > 1) throw new CliError(`you cannot specify more than one authentication method at the same time: ${methods.join(', ')}`);
  if (f.bool('embed-certs')) {
    const cert = f.string('client-certificate');
    const key = f.string('client-key');
    if (!cert && !key) throw new CliError('you must specify a --client-certificate or --client-key to embed');
    for (const [what, path] of [['client-certificate', cert], ['client-key', key]] as const) {
      if (!path) continue;
      try {
        statSync(resolve(cwd, path));
      } catch (err) {
        throw new CliError(`could not stat ${what} file ${path}: ${goPathError(err, path, 'stat')}`);
      }
    }
  }
  if (f.changed('exec-interactive-mode') && !['IfAvailable', 'Always', 'Never'].includes(f.string('exec-interactive-mode'))) {
    throw new CliError('invalid interactive mode type, can be only IfAvailable, Never, Always');
  }
}

interface Pairs {
  set: Map<string, string>;
  remove: string[];
}

/** kubectl's ParsePairs with removal: `k=v` sets, `k-` removes, anything else is invalid. */
function parsePairs(args: string[], what: string): Pairs {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const arg of args) {
    if (arg.includes('=') && arg[0] !== '=') {
      const eq = arg.indexOf('=');
      set.set(arg.slice(0, eq), arg.slice(eq + 1));
    } else if (arg.endsWith('-') && arg !== '-') remove.push(arg.slice(0, -1));
    else invalid.push(arg);
  }
  if (invalid.length) throw new CliError(`invalid ${what} format: ${invalid.join(', ')}`);
  return { set, remove };
}

/** kubectl ignores a read error here (the file was just stat'ed). */
function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function modifyAuthInfo(existing: AuthInfo, f: Flags, cwd: string, providerArgs?: Pairs, execEnv?: Pairs): AuthInfo {
  const u: AuthInfo = { ...existing };
  const embed = f.bool('embed-certs');
  if (f.changed('client-certificate')) {
    const path = f.string('client-certificate');
    if (embed) {
      u.clientCertificateData = readOrUndefined(resolve(cwd, path));
      u.clientCertificate = undefined;
    } else {
      u.clientCertificate = resolve(cwd, path);
      u.clientCertificateData = undefined;
    }
  }
  if (f.changed('client-key')) {
    const path = f.string('client-key');
    if (embed) {
      u.clientKeyData = readOrUndefined(resolve(cwd, path));
      u.clientKey = undefined;
    } else {
      u.clientKey = resolve(cwd, path);
      u.clientKeyData = undefined;
    }
  }
  let setToken = false, setBasic = false;
  if (f.changed('token')) {
    u.token = f.string('token') || undefined;
    setToken = !!u.token;
  }
  if (f.changed('username')) {
    u.username = f.string('username') || undefined;
    setBasic ||= !!u.username;
  }
  if (f.changed('password')) {
    u.password = f.string('password') || undefined;
    setBasic ||= !!u.password;
  }
  if (f.changed('auth-provider')) {
    const provider = f.string('auth-provider');
    if (!u.authProvider || u.authProvider.name !== provider) u.authProvider = { name: provider };
  }
  if (u.authProvider) {
    // kubectl always gives the provider a (possibly empty) config map.
    const config = { ...(u.authProvider.config ?? {}) };
    for (const key of providerArgs?.remove ?? []) delete config[key];
    for (const [key, value] of providerArgs?.set ?? []) config[key] = value;
    u.authProvider = { ...u.authProvider, config };
  }
  if (f.changed('exec-command')) {
    const cmd = f.string('exec-command');
    // A new command drops the old arguments.
    u.exec = u.exec ? { ...u.exec, command: cmd, args: undefined } : { command: cmd };
  }
  if (u.exec) {
    const exec = (u.exec = { ...u.exec });
    if (f.changed('exec-api-version')) exec.apiVersion = f.string('exec-api-version') || undefined;
    if (f.strings('exec-arg').length) exec.args = f.strings('exec-arg');
    if (f.changed('exec-interactive-mode')) exec.interactiveMode = f.string('exec-interactive-mode') || undefined;
    if (f.changed('exec-provide-cluster-info')) exec.provideClusterInfo = f.bool('exec-provide-cluster-info') || undefined;
    if (execEnv) {
      let env: ExecEnvVar[] = (exec.env ?? []).map((e) => ({ ...e }));
      if (execEnv.remove.length) env = env.filter((e) => !execEnv.remove.includes(e.name));
      for (const [key, value] of execEnv.set) {
        const found = env.find((e) => e.name === key);
        if (found) found.value = value;
        else env.push({ name: key, value });
      }
      exec.env = env;
    }
  }
  if (setToken || setBasic) {
    if (!setToken) u.token = undefined;
    if (!setBasic) {
      u.username = undefined;
      u.password = undefined;
    }
  }
  return u;
}
