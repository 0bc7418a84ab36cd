// Proxies as client-go uses them: the cluster's proxy-url (http, https or socks5) for every request,
// else HTTPS_PROXY / HTTP_PROXY / NO_PROXY like Go's httpproxy (loopback is never proxied). https
// targets are tunnelled with CONNECT (or SOCKS5); plain http goes to the proxy in absolute form.
import { isIP, connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { GoNetError, goNetErrorText } from './net-errors.ts';

function envAny(env: NodeJS.ProcessEnv, ...names: string[]): string {
  for (const n of names) if (env[n]) return env[n]!;
  return '';
}

function defaultPort(u: URL): string {
  return u.port || (u.protocol === 'https:' ? '443' : u.protocol === 'socks5:' ? '1080' : '80');
}

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((n, p) => (n << 8) + Number(p), 0) >>> 0;
}

function inCidr(ip: string, cidr: string): boolean {
  const [net, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  if (isIP(ip) !== 4 || isIP(net!) !== 4 || !(bits >= 0 && bits <= 32)) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (ipv4ToInt(ip) & mask) === (ipv4ToInt(net!) & mask);
}

/** httpproxy's NO_PROXY test: false when the host must be reached directly. */
export function useProxy(hostname: string, port: string, noProxy: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isLoopback(host)) return false;
  for (const raw of noProxy.split(',')) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return false;
    if (entry.includes('/')) {
      if (inCidr(host, entry)) return false;
      continue;
    }
    if (isIP(entry.replace(/^\[|\]$/g, ''))) {
      if (entry.replace(/^\[|\]$/g, '') === host) return false;
      continue;
    }
    let entryPort = '';
    const colon = entry.lastIndexOf(':');
    if (colon > 0) {
      entryPort = entry.slice(colon + 1);
      entry = entry.slice(0, colon);
    }
    if (entryPort && entryPort !== port) continue;
    if (entry.startsWith('*.')) entry = entry.slice(1);
    const exact = !entry.startsWith('.');
    const suffix = exact ? `.${entry}` : entry;
    if (host.endsWith(suffix) || (exact && host === entry)) return false;
  }
  return true;
}

/** The proxy a request to `target` goes through, if any. */
export function proxyFor(target: URL, proxyUrl: string | undefined, env: NodeJS.ProcessEnv): URL | undefined {
  if (proxyUrl) return new URL(proxyUrl);
  const https = target.protocol === 'https:';
  const value = https ? envAny(env, 'HTTPS_PROXY', 'https_proxy') : envAny(env, 'HTTP_PROXY', 'http_proxy');
  if (!value) return undefined;
  if (!useProxy(target.hostname, defaultPort(target), envAny(env, 'NO_PROXY', 'no_proxy'))) return undefined;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    throw new GoNetError(`invalid proxy address ${JSON.stringify(value)}`);
  }
}

/** Basic credentials of a proxy URL's userinfo. */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username && !proxy.password) return undefined;
  const user = decodeURIComponent(proxy.username);
  const pass = decodeURIComponent(proxy.password);
  return `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
}

/** A socket that reads exactly what is asked, for the proxy handshakes. */
class Reader {
  private buffered = Buffer.alloc(0);
  private waiting?: () => void;
  private failure?: Error;
  private ended = false;

  constructor(private readonly socket: Socket) {
    socket.on('data', this.onData);
    socket.once('error', (e) => this.fail(e));
    socket.once('end', () => {
      this.ended = true;
      this.waiting?.();
    });
  }

  private onData = (chunk: Buffer) => {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    this.waiting?.();
  };

  private fail(e: Error) {
    this.failure = e;
    this.waiting?.();
  }

  async until(done: (b: Buffer) => number): Promise<Buffer> {
    for (;;) {
      const n = done(this.buffered);
      if (n > 0) {
        const out = this.buffered.subarray(0, n);
        this.buffered = this.buffered.subarray(n);
        return out;
      }
      if (this.failure) throw this.failure;
      if (this.ended) throw new GoNetError('EOF');
      await new Promise<void>((r) => (this.waiting = r));
      this.waiting = undefined;
    }
  }

  /** Stops reading; whatever was read past the handshake goes back to the socket. */
  release(): Socket {
    this.socket.off('data', this.onData);
    if (this.buffered.length) this.socket.unshift(this.buffered);
    return this.socket;
  }
}

function dial(proxy: URL): Promise<Socket> {
  const host = proxy.hostname.replace(/^\[|\]$/g, '');
  const port = Number(defaultPort(proxy));
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    const socket =
      proxy.protocol === 'https:'
        ? tlsConnect({ host, port, servername: isIP(host) ? '' : host }, () => resolve(socket))
        : netConnect({ host, port }, () => resolve(socket));
    socket.once('error', onError);
    socket.once(proxy.protocol === 'https:' ? 'secureConnect' : 'connect', () => socket.off('error', onError));
  });
}

async function connectTunnel(proxy: URL, host: string, port: number): Promise<Socket> {
  let socket: Socket;
  try {
    socket = await dial(proxy);
  } catch (err) {
    throw new GoNetError(`proxyconnect tcp: ${goNetErrorText(err, proxy.hostname)}`);
  }
  const target = isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
  const auth = proxyAuthorization(proxy);
  socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth ? `Proxy-Authorization: ${auth}\r\n` : ''}\r\n`);
  const reader = new Reader(socket);
  const head = (await reader.until((b) => {
    const end = b.indexOf('\r\n\r\n');
    return end < 0 ? 0 : end + 4;
  })).toString('latin1');
  const status = /^HTTP\/\d\.\d (\d{3})(?: (.*))?/.exec(head);
  if (!status || status[1] !== '200') {
    socket.destroy();
    // Go's transport reports the proxy's status text.
    throw new GoNetError(status?.[2]?.trim() || 'unknown status code');
  }
  return reader.release();
}

const SOCKS_REPLIES = [
  'succeeded', 'general SOCKS server failure', 'connection not allowed by ruleset', 'network unreachable', 'host unreachable',
  'connection refused', 'TTL expired', 'command not supported', 'address type not supported',
];

async function connectSocks5(proxy: URL, host: string, port: number): Promise<Socket> {
  const proxyAddr = `${proxy.hostname}:${defaultPort(proxy)}`;
  const prefix = `socks connect tcp ${proxyAddr}->${host}:${port}`;
  let socket: Socket;
  try {
    socket = await dial(proxy);
  } catch (err) {
    throw new GoNetError(`${prefix}: ${goNetErrorText(err, proxy.hostname)}`);
  }
  const reader = new Reader(socket);
  const exactly = (n: number) => reader.until((b) => (b.length >= n ? n : 0));
  const user = decodeURIComponent(proxy.username);
  const pass = decodeURIComponent(proxy.password);
  socket.write(Buffer.from(user ? [5, 2, 0, 2] : [5, 1, 0]));
  const method = await exactly(2);
  if (method[0] !== 5) throw new GoNetError(`${prefix}: unexpected protocol version ${method[0]}`);
  if (method[1] === 2) {
    socket.write(Buffer.concat([Buffer.from([1, user.length]), Buffer.from(user), Buffer.from([pass.length]), Buffer.from(pass)]));
    const ok = await exactly(2);
    if (ok[1] !== 0) throw new GoNetError(`${prefix}: username/password authentication failed`);
  } else if (method[1] !== 0) throw new GoNetError(`${prefix}: no acceptable authentication methods`);
  const v4 = isIP(host) === 4;
  const address = v4 ? Buffer.from(host.split('.').map(Number)) : Buffer.concat([Buffer.from([Buffer.byteLength(host)]), Buffer.from(host)]);
  socket.write(Buffer.concat([Buffer.from([5, 1, 0, v4 ? 1 : 3]), address, Buffer.from([port >> 8, port & 255])]));
  const reply = await exactly(5);
  if (reply[1] !== 0) {
    socket.destroy();
    throw new GoNetError(`${prefix}: unknown error ${SOCKS_REPLIES[reply[1]!] ?? `code ${reply[1]}`}`);
  }
  // The bound address: IPv4 4 bytes, IPv6 16, a name its length; then the port. One byte was read.
  const rest = reply[3] === 1 ? 3 + 2 : reply[3] === 4 ? 15 + 2 : reply[4]! + 2;
  await exactly(rest);
  return reader.release();
}

/** A connected socket to host:port through the proxy. */
export function connectViaProxy(proxy: URL, host: string, port: number): Promise<Socket> {
  return proxy.protocol === 'socks5:' ? connectSocks5(proxy, host, port) : connectTunnel(proxy, host, port);
}
