// HTTP to the API server over node:http / node:https with keep-alive agents: TLS checked like Go,
// proxies, credentials and kubectl's headers on every request, gzip, --request-timeout, and every
// failure to get an answer turned into a ConnectionError with Go's words.
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { ConnectionError } from './errors.ts';
import { encodeQuery, urlErrorOp } from './go-text.ts';
import { GoNetError, goNetErrorText } from './net-errors.ts';
import { connectViaProxy, proxyAuthorization, proxyFor } from './proxy.ts';
import { tlsConnectOptions, verifyPeer, type TlsMaterial } from './tls.ts';

/** What authenticates one request; asked for its credentials before each one. */
export interface RequestAuthenticator {
  /** Headers to add (Authorization…) and a client certificate for the TLS handshake. */
  prepare(): Promise<{ headers: Record<string, string>; cert?: { cert: string | Buffer; key: string | Buffer }; done?(status: number): Promise<void> | void }>;
}

export interface TransportOptions {
  /** The server URL (scheme, host, optional path prefix). */
  base: URL;
  tls?: TlsMaterial;
  /** The cluster's proxy-url. */
  proxyUrl?: string;
  env: NodeJS.ProcessEnv;
  /** Sent on every request (User-Agent, Kubectl-Command, Kubectl-Session, impersonation). */
  headers: Record<string, string | string[]>;
  disableCompression: boolean;
  auth?: RequestAuthenticator;
  /** Every response's Warning headers. */
  onWarnings?(values: string | string[] | undefined): void;
}

export interface HttpRequest {
  method: string;
  /** Path below the server's prefix; a query in it is merged with `query`. */
  path: string;
  query?: Map<string, string[]>;
  /** Ignore the server URL's path prefix. */
  absolutePath?: boolean;
  headers?: Record<string, string>;
  body?: Buffer;
  /** 0 = none. */
  timeoutMs: number;
}

export interface HttpStream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Readable;
  url: string;
  abort(): void;
}

const CONNECT_TIMEOUT = 30_000;
const TLS_HANDSHAKE_TIMEOUT = 10_000;

/** Tells whether a server that broke the TLS handshake speaks HTTP (Go checks the first bytes it sent). */
function probeHttp(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = netConnect({ host, port }, () => s.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0x01, 0x01])));
    s.setTimeout(2000, () => s.destroy());
    s.once('data', (d: Buffer) => {
      resolve(d.subarray(0, 5).toString('latin1') === 'HTTP/');
      s.destroy();
    });
    s.once('error', () => resolve(false));
    s.once('close', () => resolve(false));
  });
}

export class HttpTransport {
  private agent: HttpAgent;
  private agentCert?: string | Buffer;

  constructor(private readonly o: TransportOptions) {
    this.agent = this.newAgent();
  }

  /** The headers every request carries. */
  get headers(): Record<string, string | string[]> {
    return this.o.headers;
  }

  private get secure(): boolean {
    return this.o.base.protocol === 'https:';
  }

  private newAgent(cert?: { cert: string | Buffer; key: string | Buffer }): HttpAgent {
    if (!this.secure) return new HttpAgent({ keepAlive: true });
    const material = this.o.tls ?? { insecure: false };
    const proxy = proxyFor(this.o.base, this.o.proxyUrl, this.o.env);
    const agent = new HttpsAgent({ keepAlive: true });
    // Our own connection: through a proxy when there is one, with Go's verification and timeouts.
    (agent as unknown as { createConnection: unknown }).createConnection = (
      options: { host: string; port: number; ktlSignal?: AbortSignal },
      done: (err: Error | null, s?: Socket) => void,
    ) => {
      let finished = false;
      const finish = (err: Error | null, s?: Socket) => {
        if (finished) return;
        finished = true;
        done(err, s);
      };
      const host = options.host.replace(/^\[|\]$/g, '');
      const port = Number(options.port);
      (async () => {
        const raw = proxy ? await connectViaProxy(proxy, host, port) : undefined;
        const socket: TLSSocket = tlsConnect({ ...tlsConnectOptions(material, host, cert), host, port, ...(raw ? { socket: raw } : {}) });
        // A request that gave up (timeout) must not leave its half-open connection behind.
        options.ktlSignal?.addEventListener('abort', () => {
          if (!finished) socket.destroy(new GoNetError('context deadline exceeded'));
        });
        let connected = !!raw;
        socket.once('connect', () => (connected = true));
        socket.setTimeout(CONNECT_TIMEOUT, () =>
          socket.destroy(new GoNetError(connected ? 'net/http: TLS handshake timeout' : `dial tcp ${host}:${port}: i/o timeout`)),
        );
        socket.once('connect', () => socket.setTimeout(TLS_HANDSHAKE_TIMEOUT));
        socket.once('secureConnect', () => {
          socket.setTimeout(0);
          const problem = verifyPeer(socket, material, host);
          if (problem) socket.destroy(new GoNetError(problem));
          else finish(null, socket);
        });
        socket.once('error', async (err: NodeJS.ErrnoException) => {
          if (/wrong version number|packet length too long|http request/.test(err.message)) {
            const http = await probeHttp(host, port);
            finish(new GoNetError(http ? 'http: server gave HTTP response to HTTPS client' : 'tls: first record does not look like a TLS handshake'));
          } else finish(proxy && !(err instanceof GoNetError) && !connected ? new GoNetError(`proxyconnect tcp: ${goNetErrorText(err, host)}`) : err);
        });
      })().catch((err: Error) => finish(err));
      return undefined;
    };
    return agent;
  }

  /** The full URL of a request, query encoded the Go way (sorted keys). */
  url(path: string, query?: Map<string, string[]>, absolutePath = false): string {
    const q = new Map<string, string[]>();
    const mark = path.indexOf('?');
    let p = path;
    if (mark >= 0) {
      for (const [k, v] of new URLSearchParams(path.slice(mark + 1))) q.set(k, [...(q.get(k) ?? []), v]);
      p = path.slice(0, mark);
    }
    for (const [k, v] of query ?? []) q.set(k, v);
    const prefix = absolutePath ? '' : this.o.base.pathname.replace(/\/$/, '');
    const encoded = encodeQuery(q);
    return `${this.o.base.protocol}//${this.o.base.host}${prefix}${p}${encoded ? `?${encoded}` : ''}`;
  }

  private async open(req: HttpRequest, fullUrl: string): Promise<{ res: IncomingMessage; creq: ClientRequest; done?: (s: number) => Promise<void> | void }> {
    const target = new URL(fullUrl);
    let auth: Awaited<ReturnType<RequestAuthenticator['prepare']>> = { headers: {} };
    try {
      if (this.o.auth) auth = await this.o.auth.prepare();
    } catch (err) {
      // Credentials that cannot be had fail the request like a transport error (url.Error).
      throw new ConnectionError(urlErrorOp(req.method), fullUrl, (err as Error).message);
    }
    if (auth.cert && auth.cert.cert !== this.agentCert) {
      this.agent.destroy();
      this.agent = this.newAgent(auth.cert);
      this.agentCert = auth.cert.cert;
    }
    const headers: Record<string, string | string[]> = { ...this.o.headers, ...auth.headers, ...req.headers };
    if (!this.o.disableCompression) headers['Accept-Encoding'] = 'gzip';
    if (req.body) headers['Content-Length'] = String(req.body.length);
    let options: Parameters<typeof httpRequest>[1];
    const abort = new AbortController();
    let send = this.secure ? httpsRequest : httpRequest;
    const proxy = this.secure ? undefined : proxyFor(target, this.o.proxyUrl, this.o.env);
    if (proxy && proxy.protocol !== 'socks5:') {
      // Plain http through a proxy: the absolute URL goes to the proxy.
      const pauth = proxyAuthorization(proxy);
      send = proxy.protocol === 'https:' ? httpsRequest : httpRequest;
      options = {
        host: proxy.hostname.replace(/^\[|\]$/g, ''), port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80), path: fullUrl, method: req.method,
        headers: { Host: target.host, ...headers, ...(pauth ? { 'Proxy-Authorization': pauth } : {}) },
      };
    } else {
      options = {
        method: req.method, headers, agent: this.agent, host: target.hostname.replace(/^\[|\]$/g, ''), port: target.port || undefined,
        path: target.pathname + target.search, ktlSignal: abort.signal,
      } as Parameters<typeof httpRequest>[1];
      if (proxy) {
        const via = proxy;
        (options as { createConnection?: unknown }).createConnection = (o: { host: string; port: number }, cb: (e: Error | null, s?: Socket) => void) => {
          connectViaProxy(via, o.host, Number(o.port)).then((s) => cb(null, s), (e: Error) => cb(e));
          return undefined;
        };
        delete (options as { agent?: unknown }).agent;
      }
    }
    return new Promise((resolve, reject) => {
      let phase: 'connect' | 'headers' = 'connect';
      let settled = false;
      const fail = (text: string) => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        reject(new ConnectionError(urlErrorOp(req.method), fullUrl, text));
      };
      const creq = send(options, (res) => {
        if (settled) return void res.destroy();
        settled = true;
        if (timer) clearTimeout(timer);
        this.o.onWarnings?.(res.headers.warning);
        resolve({ res, creq, done: auth.done });
      });
      let timer: NodeJS.Timeout | undefined;
      if (req.timeoutMs > 0) {
        timer = setTimeout(() => {
          // Go's two clocks: the request context while connecting, the client timeout once waiting for headers.
          fail(phase === 'connect' ? 'context deadline exceeded' : 'net/http: request canceled (Client.Timeout exceeded while awaiting headers)');
          abort.abort();
          creq.destroy();
        }, req.timeoutMs);
      }
      creq.on('socket', (s: Socket) => {
        // Our TLS sockets arrive connected and verified; plain ones may still be connecting.
        if (!s.connecting) phase = 'headers';
        else s.once('connect', () => (phase = 'headers'));
      });
      creq.on('error', (err) => {
        let text = goNetErrorText(err, target.hostname);
        if (proxy && !(err instanceof GoNetError) && (err as NodeJS.ErrnoException).syscall === 'connect') text = `proxyconnect tcp: ${text}`;
        fail(text);
      });
      creq.end(req.body);
    });
  }

  /** One request and its whole answer (decompressed). Non-2xx answers are returned, not thrown. */
  async send(req: HttpRequest): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer; url: string }> {
    const fullUrl = this.url(req.path, req.query, req.absolutePath);
    const started = Date.now();
    const { res, done } = await this.open(req, fullUrl);
    const body = await new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const stream = this.decoded(res);
      let timer: NodeJS.Timeout | undefined;
      if (req.timeoutMs > 0) {
        timer = setTimeout(() => res.destroy(new GoNetError('context deadline exceeded (Client.Timeout or context cancellation while reading body)')), Math.max(0, req.timeoutMs - (Date.now() - started)));
      }
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (timer) clearTimeout(timer);
        resolve(Buffer.concat(chunks));
      });
      stream.on('error', (err) => {
        if (timer) clearTimeout(timer);
        reject(new Error(`unexpected error when reading response body. Please retry. Original error: ${goNetErrorText(err, '')}`));
      });
    });
    await done?.(res.statusCode ?? 0);
    return { status: res.statusCode ?? 0, headers: res.headers, body, url: fullUrl };
  }

  /** A request whose answer is read as a stream (watch, logs). */
  async stream(req: HttpRequest): Promise<HttpStream> {
    const fullUrl = this.url(req.path, req.query, req.absolutePath);
    const { res, creq, done } = await this.open(req, fullUrl);
    await done?.(res.statusCode ?? 0);
    return { status: res.statusCode ?? 0, headers: res.headers, body: this.decoded(res), url: fullUrl, abort: () => creq.destroy() };
  }

  private decoded(res: IncomingMessage): Readable {
    if (String(res.headers['content-encoding'] ?? '').toLowerCase() !== 'gzip') return res;
    const gunzip = createGunzip();
    res.on('error', (e) => gunzip.destroy(e));
    return res.pipe(gunzip);
  }

  /** Drops idle keep-alive connections. */
  close(): void {
    this.agent.destroy();
  }
}
