// createClient: the API client a command gets from ctx.client(), built like kubectl's factory from
// the kubeconfig and the global flags (config.ts), with its transport (transport.ts), credentials
// (auth.ts), discovery with the disk cache (discovery.ts) and the RESTMapper (mapper.ts).
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import type { KubeObject } from '../api/object.ts';
import type { Ctx } from '../cli/ctx.ts';
import { klogLine } from '../cli/klog.ts';
import { resolveLocalPaths } from '../kubeconfig/index.ts';
import { requestAuthenticator, impersonationHeaders } from './auth.ts';
import { createAuthProvider, type AuthProvider } from './auth-provider.ts';
import { ClientConfigResolver, overridesFromGlobals, type RestConfig } from './config.ts';
import { Discovery, discoveryCacheDir } from './discovery.ts';
import { errorFromResponse } from './errors.ts';
import { ExecAuthenticator, type ExecCluster } from './exec-plugin.ts';
import { formatGoDuration, goQuote, pathErrorText } from './go-text.ts';
import { KubeRestMapper } from './mapper.ts';
import { stdinPrompt } from './prompt.ts';
import { loadTlsMaterial, tlsConnectOptions, type TlsMaterial } from './tls.ts';
import { HttpTransport } from './transport.ts';
import type { ApiClient, ApiResponse, ConnectionOptions, RequestOptions, RestMapper, WatchStream } from './types.ts';
import { WarningWriter } from './warnings.ts';
import { watchStream } from './watch.ts';

export type { ApiClient, ApiResource, ApiResponse, RequestOptions, RestMapper, WatchStream } from './types.ts';
export { ConfigError, ConnectionError, StatusError } from './errors.ts';

/** The parts of Ctx the client reads; `commandPath` (e.g. ["get"]) becomes the Kubectl-Command header. */
export type ClientCtx = Pick<Ctx, 'io' | 'env' | 'program' | 'home' | 'cwd' | 'globals' | 'kubeconfig'> & { commandPath?: string[] };

export interface CreateClientOptions {
  /**
   * Resolve the namespace before the REST config, as kubectl's resource commands do (default). A
   * bad --context then reads `Error in configuration: context was not found for specified context: x`;
   * commands that never ask for a namespace (get --raw, api-versions, api-resources, version,
   * cluster-info) pass false and get `error: context "x" does not exist` like kubectl.
   */
  namespaceFirst?: boolean;
  /** In-cluster service account directory (tests). */
  serviceAccountDir?: string;
  /** This build's version.Info (`version` owns it), for --match-server-version. */
  clientVersion?: Record<string, string>;
}

const DISCOVERY_TIMEOUT_MS = 32_000;

/** `<program>/v<version> (<os>/<arch>) ktl/<commit>`, as client-go's DefaultKubernetesUserAgent is shaped. */
export function userAgent(program: string): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const arch = ({ x64: 'amd64', ia32: '386' } as Record<string, string>)[process.arch] ?? process.arch;
  return `${program}/v${pkg.version} (${os}/${arch}) ktl/unknown`;
}

/** A klog value: quoted on one line, or klog's `<` … `>` block for text with newlines. */
export function klogValue(text: string): string {
  if (!text.includes('\n')) return goQuote(text);
  return `<\n${text.split('\n').map((l) => `\t${l}`).join('\n')}\n >`;
}

/** rest.DefaultServerURL: the base URL, http when no scheme is given. */
function baseUrl(rc: RestConfig): URL {
  const host = rc.host || 'localhost';
  const tlsByDefault = !!(rc.caFile || rc.caData?.length || rc.certFile || rc.certData?.length || rc.insecure);
  let url: URL | undefined;
  try {
    url = new URL(host);
    if (!url.host || !/^https?:$/.test(url.protocol)) url = undefined;
  } catch {
    url = undefined;
  }
  if (!url) {
    try {
      url = new URL(`${tlsByDefault ? 'https' : 'http'}://${host}`);
    } catch {
      throw new Error(`host must be a URL or a host:port pair: ${goQuote(host)}`);
    }
    if (url.pathname !== '/' && url.pathname !== '') throw new Error(`host must be a URL or a host:port pair: ${goQuote(host)}`);
  }
  return url;
}

function toQuery(q: RequestOptions['query'], timeoutMs: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(q ?? {})) {
    if (v === undefined) continue;
    out.set(k, Array.isArray(v) ? v.map(String) : [String(v)]);
  }
  if (timeoutMs > 0) out.set('timeout', [formatGoDuration(timeoutMs)]);
  return out;
}

function encodeBody(body: unknown): Buffer | undefined {
  if (body === undefined) return undefined;
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  return Buffer.from(JSON.stringify(body));
}

async function execCluster(rc: RestConfig): Promise<ExecCluster> {
  let ca = rc.caData;
  if (!ca?.length && rc.caFile) {
    try {
      ca = await readFile(rc.caFile);
    } catch (err) {
      throw new Error(`failed to load CA bundle for execProvider: ${pathErrorText('open', rc.caFile, err)}`);
    }
  }
  const cluster: ExecCluster = { server: rc.host };
  if (rc.serverName) cluster['tls-server-name'] = rc.serverName;
  if (rc.insecure) cluster['insecure-skip-tls-verify'] = true;
  if (ca?.length) cluster['certificate-authority-data'] = ca.toString('base64');
  if (rc.proxyUrl) cluster['proxy-url'] = rc.proxyUrl;
  if (rc.disableCompression) cluster['disable-compression'] = true;
  if (rc.execClusterConfig !== undefined) cluster.config = rc.execClusterConfig;
  return cluster;
}

export async function createClient(ctx: ClientCtx, options: CreateClientOptions = {}): Promise<ApiClient> {
  const loaded = await ctx.kubeconfig();
  const resolver = new ClientConfigResolver({
    config: resolveLocalPaths(loaded.config, ctx.cwd),
    overrides: overridesFromGlobals(ctx.globals),
    env: ctx.env,
    cwd: ctx.cwd,
    serviceAccountDir: options.serviceAccountDir,
    prompt: stdinPrompt(ctx.io),
  });
  let ns = options.namespaceFirst === false ? undefined : await resolver.namespace();
  const rc = await resolver.clientConfig();
  ns ??= await resolver.namespace();

  const base = baseUrl(rc);
  const tls = base.protocol === 'https:' ? await loadTlsMaterial(rc) : undefined;
  const klog = (location: string, message: string) => ctx.io.err.write(klogLine('E', location, message));
  const stdin = ctx.io.in as (NodeJS.ReadableStream & { isTTY?: boolean }) | undefined;
  const exec = rc.exec
    ? new ExecAuthenticator(rc.exec, rc.exec.provideClusterInfo ? await execCluster(rc) : undefined, {
        stdinIsTerminal: !!stdin?.isTTY, stderr: ctx.io.err, env: ctx.env, stdin,
      })
    : undefined;
  let provider: AuthProvider | undefined;
  if (rc.authProvider) {
    provider = createAuthProvider(rc.authProvider, async (config) => {
      const { modifyConfig, loadKubeconfig } = await import('../kubeconfig/index.ts');
      const fresh = await loadKubeconfig(loaded.source);
      const user = fresh.config.authInfos[rc.authInfoName ?? ''];
      if (!user?.authProvider) return;
      user.authProvider = { ...user.authProvider, config };
      await modifyConfig(loaded.source, fresh.config);
    });
  }
  const auth = requestAuthenticator({ rc, exec, provider, logError: klog });
  const stderr = ctx.io.err as { isTTY?: boolean };
  const color = !!stderr.isTTY && ctx.env.TERM !== 'dumb';
  const warnings = new WarningWriter(ctx.io.err, color);
  const headers: Record<string, string | string[]> = {
    'User-Agent': userAgent(ctx.program),
    ...impersonationHeaders(rc),
    ...(ctx.commandPath?.length ? { 'Kubectl-Command': [ctx.program, ...ctx.commandPath].join(' ') } : {}),
    'Kubectl-Session': randomUUID(),
  };
  const transport = new HttpTransport({
    base, tls, proxyUrl: rc.proxyUrl, env: ctx.env, headers, disableCompression: rc.disableCompression, auth,
    onWarnings: (values) => warnings.handle(values),
  });
  const cacheRoot = resolvePath(ctx.cwd, ctx.globals.cacheDir || ctx.env.KUBECACHEDIR || `${ctx.home}/.kube/cache`);
  const client = new KubeClient(rc, base, ns, transport, tls, auth, warnings, exec, {
    cacheDir: discoveryCacheDir(cacheRoot, rc.host),
    logDiscoveryError: (location, message) => klog(location, `"Unhandled Error" err=${klogValue(message)}`),
    warn: (message) => ctx.io.err.write(`${color ? '\u001b[33;1mWarning:\u001b[0m' : 'Warning:'} ${message}\n`),
  });
  if (ctx.globals.matchServerVersion) {
    const { serverVersionMismatch } = await import('./version-match.ts');
    const problem = await serverVersionMismatch(() => client.serverVersion(), options.clientVersion ?? { gitVersion: `v${pkg.version}` });
    if (problem) throw new Error(problem);
  }
  return client;
}

interface ClientExtras {
  cacheDir: string;
  logDiscoveryError(location: string, message: string): void;
  warn(message: string): void;
}

class KubeClient implements ApiClient {
  readonly server: string;
  readonly namespace: string;
  readonly namespaceExplicit: boolean;
  private discoveryClient?: Discovery;
  private restMapper?: KubeRestMapper;

  constructor(
    readonly config: RestConfig,
    base: URL,
    ns: { namespace: string; explicit: boolean },
    private readonly transport: HttpTransport,
    private readonly tls: TlsMaterial | undefined,
    private readonly auth: ReturnType<typeof requestAuthenticator>,
    private readonly warnings: WarningWriter,
    private readonly exec: ExecAuthenticator | undefined,
    private readonly extras: ClientExtras,
  ) {
    this.server = `${base.protocol}//${base.host}${base.pathname.replace(/\/$/, '')}`;
    this.namespace = ns.namespace;
    this.namespaceExplicit = ns.explicit;
  }

  async request(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse> {
    const timeoutMs = opts.timeoutMs ?? this.config.timeoutMs;
    const body = encodeBody(opts.body);
    const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json, */*', ...opts.headers };
    if (body) headers['Content-Type'] = opts.contentType ?? 'application/json';
    const res = await this.transport.send({ method, path, query: toQuery(opts.query, timeoutMs), absolutePath: opts.absolutePath, headers, body, timeoutMs });
    if (res.status < 200 || res.status > 206) throw errorFromResponse(res.status, res.headers, res.body, method, opts.target);
    return {
      status: res.status,
      headers: res.headers,
      body: res.body,
      text: () => res.body.toString('utf8'),
      json: <T>() => JSON.parse(res.body.toString('utf8')) as T,
    };
  }

  async get<T = KubeObject>(path: string, opts: RequestOptions = {}): Promise<T> {
    return (await this.request('GET', path, { accept: 'application/json', ...opts })).json<T>();
  }

  async watch(path: string, opts: RequestOptions = {}): Promise<WatchStream> {
    const timeoutMs = opts.timeoutMs ?? this.config.timeoutMs;
    const query = toQuery({ ...opts.query, watch: 'true' }, timeoutMs);
    const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json', ...opts.headers };
    const res = await this.transport.stream({ method: 'GET', path, query, headers, timeoutMs: 0 });
    if (res.status < 200 || res.status > 206) {
      const chunks: Buffer[] = [];
      for await (const c of res.body) chunks.push(c as Buffer);
      throw errorFromResponse(res.status, res.headers, Buffer.concat(chunks), 'GET', opts.target);
    }
    return watchStream(res.body, res.abort);
  }

  async discovery(): Promise<Discovery> {
    this.discoveryClient ??= new Discovery({
      fetch: async (path, accept) => {
        const res = await this.request('GET', path, { accept, timeoutMs: this.config.timeoutMs || DISCOVERY_TIMEOUT_MS });
        return { contentType: String(res.headers['content-type'] ?? ''), body: res.body };
      },
      cacheDir: this.extras.cacheDir,
      logError: this.extras.logDiscoveryError,
    });
    return this.discoveryClient;
  }

  async mapper(): Promise<RestMapper> {
    this.restMapper ??= new KubeRestMapper(await this.discovery(), this.extras.warn);
    return this.restMapper;
  }

  async serverVersion(): Promise<Record<string, string>> {
    const res = await this.request('GET', '/version', { timeoutMs: this.config.timeoutMs || DISCOVERY_TIMEOUT_MS });
    try {
      return res.json<Record<string, string>>();
    } catch (err) {
      throw new Error(`unable to parse the server version: ${(err as Error).message}`);
    }
  }

  async connectionOptions(path: string, query?: RequestOptions['query']): Promise<ConnectionOptions> {
    const prepared = await this.auth.prepare();
    const url = this.transport.url(path, toQuery(query, 0));
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    const t = this.tls ? tlsConnectOptions(this.tls, host, prepared.cert) : undefined;
    return {
      url,
      headers: { ...this.transport.headers, ...prepared.headers },
      tls: {
        ca: t?.ca, cert: t?.cert, key: t?.key, rejectUnauthorized: !(this.tls?.insecure ?? false),
        ...(t?.servername ? { servername: t.servername } : {}),
      },
    };
  }

  warningCount(): number {
    return this.warnings.warningCount;
  }

  markStdinInUse(): void {
    if (this.exec) this.exec.stdinUnavailable = true;
  }

  close(): void {
    this.transport.close();
  }
}
