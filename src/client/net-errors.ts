// Node's network errors rewritten as the texts Go's net/http gives for the same failure, because
// kubectl shows those (`dial tcp 127.0.0.1:1: connect: connection refused`, `EOF`, …).
import { readFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { errnoText } from './go-text.ts';

/** An error whose text is already Go's (TLS verification, proxies, timeouts). */
export class GoNetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoNetError';
  }
}

const hostPort = (host: string, port: number | string) => (isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`);

/** The resolver Go's pure-Go DNS client would have asked: the first nameserver of /etc/resolv.conf. */
function nameserver(): string {
  try {
    const m = /^\s*nameserver\s+(\S+)/m.exec(readFileSync('/etc/resolv.conf', 'utf8'));
    if (m) return hostPort(m[1]!, 53);
  } catch {
    // Go's default when there is no resolv.conf
  }
  return '127.0.0.1:53';
}

const TLS_ALERTS: Record<string, string> = {
  BAD_CERTIFICATE: 'bad certificate', UNKNOWN_CA: 'unknown certificate authority', CERTIFICATE_REQUIRED: 'certificate required',
  HANDSHAKE_FAILURE: 'handshake failure', PROTOCOL_VERSION: 'protocol version not supported', CERTIFICATE_EXPIRED: 'expired certificate',
  CERTIFICATE_REVOKED: 'revoked certificate', CERTIFICATE_UNKNOWN: 'unknown certificate', ACCESS_DENIED: 'access denied',
  INTERNAL_ERROR: 'internal error', DECRYPT_ERROR: 'error decrypting message', ILLEGAL_PARAMETER: 'illegal parameter',
  UNRECOGNIZED_NAME: 'unrecognized name', UNSUPPORTED_CERTIFICATE: 'unsupported certificate', NO_APPLICATION_PROTOCOL: 'no application protocol',
};

/** Go's text for a failure of a request to `host`. */
export function goNetErrorText(err: unknown, host: string): string {
  if (err instanceof GoNetError) return err.message;
  const e = (err instanceof AggregateError && err.errors.length ? err.errors[0] : err) as NodeJS.ErrnoException & {
    address?: string; port?: number; hostname?: string; rawPacket?: Buffer;
  };
  const code = e?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'EAI_NODATA') return `dial tcp: lookup ${e.hostname ?? host} on ${nameserver()}: no such host`;
  if (code === 'EAI_AGAIN') return `dial tcp: lookup ${e.hostname ?? host} on ${nameserver()}: server misbehaving`;
  if (e?.syscall === 'connect' && e.address) return `dial tcp ${hostPort(e.address, e.port ?? '')}: connect: ${errnoText(e)}`;
  if (code === 'ECONNRESET' || code === 'ECONNABORTED' || code === 'EPIPE') return 'EOF';
  if (code === 'HPE_INVALID_CONSTANT' || code === 'HPE_INVALID_VERSION' || code === 'HPE_INVALID_STATUS') {
    const line = (e.rawPacket?.toString('latin1') ?? '').split(/\r?\n/)[0] ?? '';
    return `net/http: HTTP/1.x transport connection broken: malformed HTTP response ${JSON.stringify(line)}`;
  }
  if (code.startsWith('HPE_')) return `net/http: HTTP/1.x transport connection broken: ${e.message}`;
  const alert = /ALERT_(.+)$/.exec(code);
  if (alert) return `remote error: tls: ${TLS_ALERTS[alert[1]!.replace(/^SSLV3_|^TLSV1_|^TLSV13_/, '')] ?? alert[1]!.toLowerCase().replace(/_/g, ' ')}`;
  if (e?.message === 'socket hang up') return 'EOF';
  return e?.message ?? String(err);
}
