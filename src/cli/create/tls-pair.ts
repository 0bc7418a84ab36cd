// The check `create secret tls` makes before anything is sent (Go's tls.X509KeyPair): the
// certificate input must hold a CERTIFICATE block, the key input a "... PRIVATE KEY" block, and
// the key must belong to the certificate. Errors carry Go's texts.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { CliError } from '../errors.ts';

interface PemBlock {
  type: string;
  der: Buffer;
}

function pemBlocks(input: Buffer): PemBlock[] {
  const text = input.toString('latin1');
  const out: PemBlock[] = [];
  const re = /-----BEGIN ([^\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/g;
  for (const m of text.matchAll(re)) {
    const body = m[2]!.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.includes(':')).join('');
    out.push({ type: m[1]!, der: Buffer.from(body, 'base64') });
  }
  return out;
}

const goList = (items: string[]) => `[${items.join(' ')}]`;

export function checkKeyPair(certInput: Buffer, keyInput: Buffer): void {
  const certBlocks = pemBlocks(certInput);
  const certs = certBlocks.filter((b) => b.type === 'CERTIFICATE');
  if (!certs.length) {
    const skipped = certBlocks.map((b) => b.type);
    if (!skipped.length) throw new CliError('tls: failed to find any PEM data in certificate input');
    if (skipped.length === 1 && skipped[0]!.endsWith('PRIVATE KEY'))
      throw new CliError('tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
    throw new CliError(`tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: ${goList(skipped)}`);
  }
  const keyBlocks = pemBlocks(keyInput);
  const key = keyBlocks.find((b) => b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY'));
  if (!key) {
    const skipped = keyBlocks.map((b) => b.type);
    if (!skipped.length) throw new CliError('tls: failed to find any PEM data in key input');
    if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') throw new CliError('tls: found a certificate rather than a key in the PEM for the private key');
    throw new CliError(`tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: ${goList(skipped)}`);
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certs[0]!.der);
  } catch {
    throw new CliError('x509: malformed certificate');
  }
  let privateKey;
  try {
    const pem = `-----BEGIN ${key.type}-----\n${key.der.toString('base64')}\n-----END ${key.type}-----\n`;
    privateKey = createPrivateKey(pem);
  } catch {
    throw new CliError('tls: failed to parse private key');
  }
  if (!cert.checkPrivateKey(privateKey)) throw new CliError('tls: private key does not match public key');
}
