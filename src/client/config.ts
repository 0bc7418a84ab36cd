// The REST configuration from the kubeconfig and the global flags, with client-go clientcmd's
// rules (client_config.go, merged_client_builder.go): which context, cluster and user; how flags
// override them; the checks ConfirmUsable makes; credentials only for https servers; the namespace;
// the in-cluster fallback. Errors carry kubectl's exact words.
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AuthInfo, AuthProviderConfig, Cluster, Config, Context, ExecConfig } from '../kubeconfig/index.ts';
import type { GlobalOptions } from '../cli/global-flags.ts';
import { ConfigError } from './errors.ts';
import { goQuote, parseGoDuration, pathErrorText } from './go-text.ts';
import { proxyUrlProblem, validateAuthInfo, validateClusterInfo } from './validation.ts';

/** The flags that override the kubeconfig (clientcmd.ConfigOverrides); empty values override nothing. */
export interface ConfigOverrides {
  authInfo: Pick<AuthInfo, 'clientCertificate' | 'clientKey' | 'token' | 'impersonate' | 'impersonateUid' | 'impersonateGroups' | 'username' | 'password'>;
  clusterInfo: Pick<Cluster, 'server' | 'tlsServerName' | 'certificateAuthority' | 'insecureSkipTlsVerify' | 'disableCompression'>;
  currentContext?: string;
  context: { cluster?: string; authInfo?: string; namespace?: string };
  timeout?: string;
}

export function overridesFromGlobals(g: GlobalOptions): ConfigOverrides {
  return {
    authInfo: {
      clientCertificate: g.clientCertificate, clientKey: g.clientKey, token: g.token, impersonate: g.as, impersonateUid: g.asUid,
      impersonateGroups: g.asGroups, username: g.username, password: g.password,
    },
    clusterInfo: {
      server: g.server, tlsServerName: g.tlsServerName, certificateAuthority: g.certificateAuthority,
      insecureSkipTlsVerify: g.insecureSkipTlsVerify, disableCompression: g.disableCompression,
    },
    currentContext: g.context,
    context: { cluster: g.cluster, authInfo: g.user, namespace: g.namespace },
    timeout: g.requestTimeout,
  };
}

export interface Impersonation {
  userName: string;
  uid: string;
  groups: string[];
  extra: Record<string, string[]>;
}

/** rest.Config: everything needed to talk to the server. Credentials are present only for https. */
export interface RestConfig {
  /** The server as configured (may lack a scheme: then it is http). */
  host: string;
  /** --request-timeout in ms; 0 = none. */
  timeoutMs: number;
  disableCompression: boolean;
  /** The cluster's proxy-url (http, https or socks5). */
  proxyUrl?: string;
  impersonate?: Impersonation;
  bearerToken?: string;
  /** Re-read when it changes (kubectl's token file rotation). */
  bearerTokenFile?: string;
  username?: string;
  password?: string;
  certFile?: string;
  certData?: Buffer;
  keyFile?: string;
  keyData?: Buffer;
  caFile?: string;
  caData?: Buffer;
  insecure: boolean;
  serverName?: string;
  authProvider?: AuthProviderConfig;
  /** The kubeconfig user the auth-provider's refreshed tokens are written back to. */
  authInfoName?: string;
  exec?: ExecConfig;
  /** The cluster's `client.authentication.k8s.io/exec` extension, for provideClusterInfo. */
  execClusterConfig?: unknown;
}

/** Where username and password come from when nothing else identifies the user (kubectl prompts on stdin). */
export interface CredentialPrompt {
  /** Rejects with Go's text (`EOF`, `error reading input for Password`). */
  ask(field: 'Username' | 'Password', echo: boolean): Promise<string>;
}

export interface ResolveOptions {
  /** The merged kubeconfig, file references already made absolute (resolveLocalPaths). */
  config: Config;
  overrides: ConfigOverrides;
  env: NodeJS.ProcessEnv;
  /** Base of relative paths given as flags. */
  cwd: string;
  /** The service account directory of in-cluster configuration (tests point it elsewhere). */
  serviceAccountDir?: string;
  prompt?: CredentialPrompt;
}

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
const EXEC_EXTENSION = 'client.authentication.k8s.io/exec';
export const INVALID_TIMEOUT =
  'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)';

/** clientcmd.ParseTimeout: a bare non-negative integer is seconds, else a Go duration. */
export function parseTimeout(value: string): number {
  if (/^[+-]?\d+$/.test(value) && Number(value) >= 0) return Number(value) * 1000;
  const ms = parseGoDuration(value);
  if (ms === undefined) throw new Error(INVALID_TIMEOUT);
  return ms;
}

const MAP_FIELDS = new Set(['extensions', 'impersonateUserExtra', 'config']);

/** clientcmd's merge: non-zero fields of src overwrite dst; maps merge by key; empty lists are ignored. */
function mergeInto<T extends object>(dst: T, src: Partial<T> | undefined): T {
  for (const [key, value] of Object.entries(src ?? {})) {
    if (value === undefined || value === null || value === '' || value === false || value === 0) continue;
    if (Buffer.isBuffer(value) || Array.isArray(value)) {
      if (value.length) (dst as Record<string, unknown>)[key] = value;
    } else if (MAP_FIELDS.has(key) && typeof value === 'object') {
      if (Object.keys(value).length) (dst as Record<string, unknown>)[key] = { ...((dst as Record<string, object>)[key] ?? {}), ...value };
    } else (dst as Record<string, unknown>)[key] = value;
  }
  return dst;
}

/** Whether rest.IsConfigTransportTLS holds: only an explicit https:// URL makes credentials go out. */
export function isTransportTls(host: string): boolean {
  try {
    const u = new URL(host || 'localhost');
    return u.protocol === 'https:' && u.host !== '';
  } catch {
    return false;
  }
}

export function defaultServer(env: NodeJS.ProcessEnv): string {
  return env.KUBERNETES_MASTER || 'http://localhost:8080';
}

/** Removes ANSI escapes and other control characters from an install hint, as `%U` (cleanANSIEscapeCodes). */
function cleanControlCharacters(s: string): string {
  return s.replace(/[^\p{L}\p{M}\p{N}\p{P}\p{S}\p{Z}\t-\r]/gu, (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

/** clientcmd's DeferredLoadingClientConfig over a DirectClientConfig: namespace() and clientConfig(). */
export class ClientConfigResolver {
  private prompted?: { username: string; password: string };

  constructor(private readonly o: ResolveOptions) {}

  private get config(): Config {
    return this.o.config;
  }

  private get overrides(): ConfigOverrides {
    return this.o.overrides;
  }

  private contextName(): { name: string; required: boolean } {
    if (this.overrides.currentContext) return { name: this.overrides.currentContext, required: true };
    return { name: this.config.currentContext, required: false };
  }

  getContext(): Context {
    const { name, required } = this.contextName();
    const merged: Context = { cluster: '', authInfo: '' };
    const found = Object.hasOwn(this.config.contexts, name) ? this.config.contexts[name] : undefined;
    if (found) mergeInto(merged, found);
    else if (required) throw new Error(`context ${goQuote(name)} does not exist`);
    return mergeInto(merged, { cluster: this.overrides.context.cluster, authInfo: this.overrides.context.authInfo, namespace: this.overrides.context.namespace });
  }

  /** Go's `context, _ := getContext()`: the zero context when that fails. */
  private contextOrZero(): Context {
    try {
      return this.getContext();
    } catch {
      return { cluster: '', authInfo: '' };
    }
  }

  authInfoName(): { name: string; required: boolean } {
    if (this.overrides.context.authInfo) return { name: this.overrides.context.authInfo, required: true };
    return { name: this.contextOrZero().authInfo, required: false };
  }

  clusterName(): { name: string; required: boolean } {
    if (this.overrides.context.cluster) return { name: this.overrides.context.cluster, required: true };
    return { name: this.contextOrZero().cluster, required: false };
  }

  getAuthInfo(): AuthInfo {
    const { name, required } = this.authInfoName();
    const merged: AuthInfo = {};
    const found = Object.hasOwn(this.config.authInfos, name) ? this.config.authInfos[name] : undefined;
    if (found) mergeInto(merged, found);
    else if (required) throw new Error(`auth info ${goQuote(name)} does not exist`);
    return mergeInto(merged, this.overrides.authInfo);
  }

  getCluster(): Cluster {
    const { name, required } = this.clusterName();
    const merged: Cluster = { server: defaultServer(this.o.env) };
    const found = Object.hasOwn(this.config.clusters, name) ? this.config.clusters[name] : undefined;
    if (found) mergeInto(merged, found);
    else if (required) throw new Error(`cluster ${goQuote(name)} does not exist`);
    const o = this.overrides.clusterInfo;
    mergeInto(merged, o);
    // A CA or insecure flag replaces the CA/insecure pair; --server drops the file's tls-server-name.
    if (o.insecureSkipTlsVerify || o.certificateAuthority) {
      merged.insecureSkipTlsVerify = !!o.insecureSkipTlsVerify;
      merged.certificateAuthority = o.certificateAuthority || undefined;
      merged.certificateAuthorityData = undefined;
    }
    if (o.tlsServerName || o.server) merged.tlsServerName = o.tlsServerName || undefined;
    return merged;
  }

  /** DirectClientConfig.ConfirmUsable: every problem of the chosen context, user and cluster. */
  async confirmUsable(): Promise<void> {
    const problems: string[] = [];
    const contextNotFound: boolean[] = [];
    const add = (list: string[]) => {
      problems.push(...list);
      contextNotFound.push(...list.map(() => false));
    };
    const { name: contextName } = this.contextName();
    if (contextName && !Object.hasOwn(this.config.contexts, contextName)) {
      problems.push(`context was not found for specified context: ${contextName}`);
      contextNotFound.push(true);
    }
    let authInfo: AuthInfo = {};
    try {
      authInfo = this.getAuthInfo();
    } catch {
      // validated as the empty user, as kubectl does
    }
    add(await validateAuthInfo(this.authInfoName().name, authInfo, this.o.cwd));
    let cluster: Cluster = { server: '' };
    try {
      cluster = this.getCluster();
    } catch {
      // validated as the zero cluster
    }
    add(await validateClusterInfo(this.clusterName().name, cluster, this.o.cwd));
    if (problems.length) throw new ConfigError(problems, contextNotFound);
  }

  /** DirectClientConfig.ClientConfig. */
  async directClientConfig(): Promise<RestConfig> {
    const authInfo = this.getAuthInfo();
    this.getContext();
    const cluster = this.getCluster();
    await this.confirmUsable();
    const rc: RestConfig = { host: cluster.server, timeoutMs: 0, disableCompression: !!cluster.disableCompression, insecure: false };
    if (cluster.proxyUrl) {
      const problem = proxyUrlProblem(cluster.proxyUrl);
      if (problem) throw new Error(problem);
      rc.proxyUrl = cluster.proxyUrl;
    }
    if (this.overrides.timeout) rc.timeoutMs = parseTimeout(this.overrides.timeout);
    rc.host = stripQueryAndFragment(rc.host);
    if (authInfo.impersonate) rc.impersonate = impersonationOf(authInfo);
    if (!isTransportTls(rc.host)) return rc;
    Object.assign(rc, await this.userIdentification(authInfo, cluster));
    if (cluster.certificateAuthority) rc.caFile = resolve(this.o.cwd, cluster.certificateAuthority);
    if (cluster.certificateAuthorityData?.length) rc.caData = cluster.certificateAuthorityData;
    rc.insecure = !!cluster.insecureSkipTlsVerify;
    if (cluster.tlsServerName) rc.serverName = cluster.tlsServerName;
    return rc;
  }

  private async userIdentification(u: AuthInfo, cluster: Cluster): Promise<Partial<RestConfig>> {
    const out: Partial<RestConfig> = {};
    if (u.token) {
      out.bearerToken = u.token;
      if (u.tokenFile) out.bearerTokenFile = u.tokenFile;
    } else if (u.tokenFile) {
      const file = resolve(this.o.cwd, u.tokenFile);
      try {
        out.bearerToken = await readFile(file, 'utf8');
      } catch (err) {
        throw new Error(pathErrorText('open', u.tokenFile, err));
      }
      out.bearerTokenFile = file;
    }
    if (u.impersonate) out.impersonate = impersonationOf(u);
    if (u.clientCertificate || u.clientCertificateData?.length) {
      if (u.clientCertificate) out.certFile = resolve(this.o.cwd, u.clientCertificate);
      if (u.clientCertificateData?.length) out.certData = u.clientCertificateData;
      if (u.clientKey) out.keyFile = resolve(this.o.cwd, u.clientKey);
      if (u.clientKeyData?.length) out.keyData = u.clientKeyData;
    }
    if (u.username || u.password) {
      out.username = u.username ?? '';
      out.password = u.password ?? '';
    }
    if (u.authProvider) {
      out.authProvider = u.authProvider;
      out.authInfoName = this.authInfoName().name;
    }
    if (u.exec) {
      out.exec = { ...u.exec, installHint: u.exec.installHint ? cleanControlCharacters(u.exec.installHint) : u.exec.installHint };
      out.execClusterConfig = cluster.extensions?.[EXEC_EXTENSION];
    }
    const identified = !!(out.username || out.certFile || out.certData || out.bearerToken || out.authProvider || out.exec);
    if (identified || !this.o.prompt) return out;
    // kubectl asks for a username and password on stdin when nothing identifies the user.
    this.prompted ??= { username: await this.o.prompt.ask('Username', true), password: await this.o.prompt.ask('Password', false) };
    return { ...out, username: this.prompted.username, password: this.prompted.password };
  }

  private serviceAccountDir(): string {
    return this.o.serviceAccountDir ?? SERVICE_ACCOUNT_DIR;
  }

  /** inClusterClientConfig.Possible. */
  async inClusterPossible(): Promise<boolean> {
    const { KUBERNETES_SERVICE_HOST: host, KUBERNETES_SERVICE_PORT: port } = this.o.env;
    if (!host || !port) return false;
    try {
      return !(await stat(join(this.serviceAccountDir(), 'token'))).isDirectory();
    } catch {
      return false;
    }
  }

  private isDefault(rc: RestConfig): boolean {
    const keys = Object.entries(rc).filter(([k, v]) => k !== 'host' && v !== undefined && v !== false && v !== 0);
    return rc.host === defaultServer(this.o.env) && keys.length === 0;
  }

  /** The REST configuration kubectl uses: the kubeconfig's, or the in-cluster one when that is only the default. */
  async clientConfig(): Promise<RestConfig> {
    const rc = await this.directClientConfig();
    if (!this.isDefault(rc) || !(await this.inClusterPossible())) return rc;
    return this.inClusterConfig();
  }

  private async inClusterConfig(): Promise<RestConfig> {
    const { KUBERNETES_SERVICE_HOST: host = '', KUBERNETES_SERVICE_PORT: port = '' } = this.o.env;
    const tokenFile = join(this.serviceAccountDir(), 'token');
    let token: string;
    try {
      token = await readFile(tokenFile, 'utf8');
    } catch (err) {
      throw new Error(pathErrorText('open', tokenFile, err));
    }
    const rc: RestConfig = {
      host: `https://${host.includes(':') ? `[${host}]` : host}:${port}`, timeoutMs: 0, disableCompression: false, insecure: false,
      bearerToken: token, bearerTokenFile: tokenFile,
    };
    const caFile = join(this.serviceAccountDir(), 'ca.crt');
    if ((await readFile(caFile, 'utf8').catch(() => '')).includes('-----BEGIN CERTIFICATE-----')) rc.caFile = caFile;
    const o = this.overrides;
    if (o.clusterInfo.server) rc.host = o.clusterInfo.server;
    if (o.authInfo.token) {
      rc.bearerToken = o.authInfo.token;
      delete rc.bearerTokenFile;
    }
    if (o.clusterInfo.certificateAuthority) rc.caFile = resolve(this.o.cwd, o.clusterInfo.certificateAuthority);
    return rc;
  }

  /** The namespace: -n, else the context's, else "default" (in a pod: its service account's). */
  async namespace(): Promise<{ namespace: string; explicit: boolean }> {
    if (this.overrides.context.namespace) return { namespace: this.overrides.context.namespace, explicit: true };
    await this.confirmUsable();
    const ns = this.getContext().namespace || 'default';
    if (!(await this.inClusterPossible())) return { namespace: ns, explicit: false };
    if (ns !== 'default') return { namespace: ns, explicit: false };
    if (this.config.contexts[this.contextName().name]?.namespace) return { namespace: ns, explicit: false };
    if (this.o.env.POD_NAMESPACE) return { namespace: this.o.env.POD_NAMESPACE, explicit: false };
    const fromFile = (await readFile(join(this.serviceAccountDir(), 'namespace'), 'utf8').catch(() => '')).trim();
    return { namespace: fromFile || 'default', explicit: false };
  }
}

function impersonationOf(u: AuthInfo): Impersonation {
  const extra: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(u.impersonateUserExtra ?? {})) extra[k] = v ?? [];
  return { userName: u.impersonate ?? '', uid: u.impersonateUid ?? '', groups: u.impersonateGroups ?? [], extra };
}

/** A server URL with a path keeps the path but loses query and fragment (clientcmd). */
function stripQueryAndFragment(host: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return host;
  try {
    const u = new URL(host);
    if (u.pathname.length <= 1) return host;
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return host;
  }
}
