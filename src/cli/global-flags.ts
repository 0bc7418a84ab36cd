// The flags every command accepts (`kubectl options`), read into one structure.
import { flag, Flags, type FlagSpec } from './flags.ts';

export const GLOBAL_FLAGS: FlagSpec[] = [
  flag.string('as', 'Act as this user (a person or a service account) for the request'),
  flag.stringArray('as-group', 'Act as a member of this group; repeat for several groups'),
  flag.string('as-uid', 'Act as the user with this UID'),
  flag.string('cache-dir', 'Where discovery and HTTP caches are kept', { default: '$HOME/.kube/cache' }),
  flag.string('certificate-authority', 'CA certificate file that the server certificate must chain to'),
  flag.string('client-certificate', 'Client certificate file for TLS authentication'),
  flag.string('client-key', 'Private key file of the client certificate'),
  flag.string('cluster', 'Cluster entry of the kubeconfig to use'),
  flag.string('context', 'Context of the kubeconfig to use'),
  flag.bool('disable-compression', 'Ask the server not to compress its responses'),
  flag.bool('insecure-skip-tls-verify', "Skip verification of the server's certificate (insecure: anyone on the path can read and alter traffic)"),
  flag.string('kubeconfig', 'Kubeconfig file to read instead of $KUBECONFIG or ~/.kube/config'),
  flag.duration('log-flush-frequency', 'How often buffered log lines are written out', { default: 5000 }),
  flag.bool('match-server-version', "Fail unless the server's version equals this client's"),
  flag.string('namespace', 'Namespace to work in for this request', { shorthand: 'n' }),
  flag.string('password', 'Password for HTTP basic authentication'),
  flag.string('profile', 'Profile to record: none|cpu|heap|goroutine|threadcreate|block|mutex (accepted for compatibility)', { default: 'none' }),
  flag.string('profile-output', 'File the profile is written to', { default: 'profile.pprof' }),
  flag.string('request-timeout', 'How long one request to the server may take, with a unit (30s, 2m, 1h); 0 waits forever', { default: '0' }),
  flag.string('server', 'URL of the API server (scheme, host and port)', { shorthand: 's' }),
  flag.string('tls-server-name', 'Name the server certificate must carry, when it differs from the host dialled'),
  flag.string('token', 'Bearer token to authenticate with'),
  flag.string('user', 'User entry of the kubeconfig to use'),
  flag.string('username', 'User name for HTTP basic authentication'),
  flag.string('v', 'Log verbosity (a number)', { shorthand: 'v', default: '0' }),
  flag.string('vmodule', 'Per-file log verbosity as pattern=N, comma-separated'),
  flag.bool('warnings-as-errors', 'Fail (non-zero exit) when the server sent any warning'),
];

/** What the global flags ask for, as the client and kubeconfig loading need it. */
export interface GlobalOptions {
  as: string;
  asGroups: string[];
  asUid: string;
  cacheDir: string;
  certificateAuthority: string;
  clientCertificate: string;
  clientKey: string;
  cluster: string;
  context: string;
  disableCompression: boolean;
  insecureSkipTlsVerify: boolean;
  /** Whether --insecure-skip-tls-verify was given at all (it overrides the kubeconfig either way). */
  insecureSet: boolean;
  kubeconfig: string;
  matchServerVersion: boolean;
  namespace: string;
  password: string;
  requestTimeout: string;
  server: string;
  tlsServerName: string;
  token: string;
  user: string;
  username: string;
  verbosity: number;
  warningsAsErrors: boolean;
}

export function globalOptions(flags: Flags, env: NodeJS.ProcessEnv, home: string): GlobalOptions {
  const cacheDir = flags.changed('cache-dir') ? flags.string('cache-dir') : env.KUBECACHEDIR || `${home}/.kube/cache`;
  return {
    as: flags.string('as'),
    asGroups: flags.strings('as-group'),
    asUid: flags.string('as-uid'),
    cacheDir,
    certificateAuthority: flags.string('certificate-authority'),
    clientCertificate: flags.string('client-certificate'),
    clientKey: flags.string('client-key'),
    cluster: flags.string('cluster'),
    context: flags.string('context'),
    disableCompression: flags.bool('disable-compression'),
    insecureSkipTlsVerify: flags.bool('insecure-skip-tls-verify'),
    insecureSet: flags.changed('insecure-skip-tls-verify'),
    kubeconfig: flags.string('kubeconfig'),
    matchServerVersion: flags.bool('match-server-version'),
    namespace: flags.string('namespace'),
    password: flags.string('password'),
    requestTimeout: flags.string('request-timeout'),
    server: flags.string('server'),
    tlsServerName: flags.string('tls-server-name'),
    token: flags.string('token'),
    user: flags.string('user'),
    username: flags.string('username'),
    verbosity: Number(flags.string('v')) || 0,
    warningsAsErrors: flags.bool('warnings-as-errors'),
  };
}
