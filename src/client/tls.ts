// TLS the way client-go sets it up (transport.TLSConfigFor): the CA, client certificate and server
// name from the rest config, checked up front with Go's error texts, and the server's certificate
// verified after the handshake so that failures read like Go's x509 errors.
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { checkServerIdentity, type DetailedPeerCertificate, type PeerCertificate, type TLSSocket } from 'node:tls';
import { pathErrorText } from './go-text.ts';
import type { RestConfig } from './config.ts';

export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  insecure: boolean;
  /** --tls-server-name: SNI and the name the certificate must match. */
  serverName?: string;
}

async function dataOrFile(data: Buffer | undefined, file: string | undefined): Promise<Buffer | undefined> {
  if (data?.length) return data;
  if (!file) return undefined;
  try {
    return await readFile(file);
  } catch (err) {
    throw new Error(pathErrorText('open', file, err));
  }
}

const PEM = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

function pemBlocks(data: Buffer): { type: string; text: string }[] {
  return [...data.toString('latin1').matchAll(PEM)].map((m) => ({ type: m[1]!, text: m[0] }));
}

/** createErrorParsingCAData's verdict for a CA bundle with no usable certificate. */
function caProblem(data: Buffer): string | undefined {
  const blocks = pemBlocks(data);
  if (!blocks.length) return 'unable to parse bytes as PEM block';
  let good = 0;
  for (const b of blocks.filter((x) => x.type === 'CERTIFICATE')) {
    try {
      new X509Certificate(b.text);
      good++;
    } catch (err) {
      return `failed to parse certificate: x509: ${(err as Error).message}`;
    }
  }
  return good ? undefined : 'no valid certificate authority data seen';
}

/** tls.X509KeyPair's checks, in its words. */
function keyPairProblem(cert: Buffer, key: Buffer): string | undefined {
  const certs = pemBlocks(cert).filter((b) => b.type === 'CERTIFICATE');
  if (!certs.length) return 'tls: failed to find any PEM data in certificate input';
  const keys = pemBlocks(key).filter((b) => b.type.endsWith('PRIVATE KEY'));
  if (!keys.length) return 'tls: failed to find any PEM data in key input';
  try {
    const pub = new X509Certificate(certs[0]!.text).publicKey.export({ type: 'spki', format: 'der' });
    const fromKey = createPublicKey(createPrivateKey(keys[0]!.text)).export({ type: 'spki', format: 'der' });
    if (!pub.equals(fromKey)) return 'tls: private key does not match public key';
  } catch (err) {
    return `tls: failed to parse private key: ${(err as Error).message}`;
  }
  return undefined;
}

/** The TLS settings of a rest config, failing like TLSConfigFor (CA with insecure, unreadable files, bad PEM). */
export async function loadTlsMaterial(rc: RestConfig): Promise<TlsMaterial> {
  const hasCa = !!(rc.caFile || rc.caData?.length);
  if (hasCa && rc.insecure) throw new Error('specifying a root certificates file with the insecure flag is not allowed');
  const ca = await dataOrFile(rc.caData, rc.caFile);
  const cert = await dataOrFile(rc.certData, rc.certFile);
  const key = await dataOrFile(rc.keyData, rc.keyFile);
  if (ca?.length) {
    const problem = caProblem(ca);
    if (problem) throw new Error(`unable to load root certificates: ${problem}`);
  }
  if (cert?.length || key?.length) {
    const problem = keyPairProblem(cert ?? Buffer.alloc(0), key ?? Buffer.alloc(0));
    if (problem) throw new Error(problem);
  }
  return { ca: ca?.length ? ca : undefined, cert, key, insecure: rc.insecure, serverName: rc.serverName };
}

/** Options for tls.connect: verification is ours (verifyPeer), so that its errors read like Go's. */
export function tlsConnectOptions(m: TlsMaterial, host: string, certOverride?: { cert: Buffer | string; key: Buffer | string }) {
  const name = m.serverName || host;
  return {
    ca: m.ca,
    cert: certOverride?.cert ?? m.cert,
    key: certOverride?.key ?? m.key,
    rejectUnauthorized: false,
    checkServerIdentity: () => undefined,
    // SNI carries DNS names only (RFC 6066); an IP is still what the certificate is checked against.
    servername: isIP(name) ? '' : name,
    minVersion: 'TLSv1.2' as const,
    ALPNProtocols: ['http/1.1'],
  };
}

const UNKNOWN_AUTHORITY = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_SIGNATURE_FAILURE', 'CERT_UNTRUSTED', 'INVALID_CA',
]);

const rfc3339Utc = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Go's time.Format(RFC3339) of a local time: `Z` for UTC, else the offset. */
function rfc3339Local(d: Date): string {
  const off = -d.getTimezoneOffset();
  if (off === 0) return rfc3339Utc(d);
  const local = new Date(d.getTime() + off * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(off);
  return `${local}${off < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Go's x509.HostnameError text for a certificate that does not match the name. */
function hostnameError(cert: PeerCertificate, host: string): string {
  const sans = (cert.subjectaltname ?? '').split(', ').filter(Boolean);
  if (!sans.length && cert.subject?.CN === host) return 'x509: certificate relies on legacy Common Name field, use SANs instead';
  let valid: string;
  if (isIP(host)) {
    const ips = sans.filter((s) => s.startsWith('IP Address:')).map((s) => s.slice('IP Address:'.length));
    if (!ips.length) return `x509: cannot validate certificate for ${host} because it doesn't contain any IP SANs`;
    valid = ips.join(', ');
  } else valid = sans.filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4)).join(', ');
  if (!valid) return `x509: certificate is not valid for any names, but wanted to match ${host}`;
  return `x509: certificate is valid for ${valid}, not ${host}`;
}

/**
 * Go trusts a chain that reaches any certificate of the CA bundle, self-signed or not (a server's
 * own certificate given as CA works); OpenSSL wants a root. Accept what Go accepts.
 */
function anchoredInPool(socket: TLSSocket, ca: Buffer | undefined): boolean {
  if (!ca) return false;
  const pool = pemBlocks(ca).filter((b) => b.type === 'CERTIFICATE').flatMap((b) => {
    try {
      return [new X509Certificate(b.text)];
    } catch {
      return [];
    }
  });
  const now = Date.now();
  let peer: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (peer?.raw && !seen.has(peer.fingerprint256)) {
    seen.add(peer.fingerprint256);
    const cert = new X509Certificate(peer.raw);
    if (now < Date.parse(cert.validFrom) || now > Date.parse(cert.validTo)) return false;
    if (pool.some((p) => p.raw.equals(cert.raw) || (cert.checkIssued(p) && cert.verify(p.publicKey)))) return true;
    peer = peer.issuerCertificate;
  }
  return false;
}

/** After the handshake: the Go error text when the server's certificate is not acceptable. */
export function verifyPeer(socket: TLSSocket, m: TlsMaterial, host: string, now = new Date()): string | undefined {
  if (m.insecure) return undefined;
  const cert = socket.getPeerCertificate();
  const code = socket.authorizationError as unknown as string | undefined;
  if (code) {
    if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
      const expired = code === 'CERT_HAS_EXPIRED';
      const bound = new Date(expired ? cert.valid_to : cert.valid_from);
      return `tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time ${rfc3339Local(now)} is ${expired ? 'after' : 'before'} ${rfc3339Utc(bound)}`;
    }
    if (!UNKNOWN_AUTHORITY.has(code)) return `tls: failed to verify certificate: x509: ${String(code).toLowerCase().replace(/_/g, ' ')}`;
    if (!anchoredInPool(socket, m.ca)) return 'tls: failed to verify certificate: x509: certificate signed by unknown authority';
  }
  const name = m.serverName || host;
  if (checkServerIdentity(name.replace(/^\[|\]$/g, ''), cert)) return `tls: failed to verify certificate: ${hostnameError(cert, name)}`;
  return undefined;
}
