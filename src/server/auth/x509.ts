// X.509 v3 certificates for the bundled server, built by hand because Node 20's crypto can parse
// certificates but not create them. ECDSA P-256 keys, ecdsa-with-SHA256 signatures, and only the
// extensions a cluster needs: basicConstraints, keyUsage, extKeyUsage, subjectAltName, key ids.
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import * as der from './der.ts';

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
};

// keyUsage bit numbers (RFC 5280 §4.2.1.3).
const DIGITAL_SIGNATURE = 0, KEY_CERT_SIGN = 5, CRL_SIGN = 6;

export interface CertAndKey {
  certPem: string;
  keyPem: string;
}

export interface CertSpec {
  commonName: string;
  /** One O attribute per entry; for client certificates these are the user's groups. */
  organizations?: string[];
  dnsNames?: string[];
  /** IPv4 or IPv6 literals. */
  ipAddresses?: string[];
  usage: 'server' | 'client';
  validDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
// Backdated a little so a certificate made just now is already valid on a slightly slow clock.
const BACKDATE_MS = 5 * 60 * 1000;

function attribute(type: string, value: string): der.Der {
  // Go writes PrintableString where the alphabet allows and UTF8String otherwise; either parses.
  const encoded = der.isPrintableString(value) ? der.printableString(value) : der.utf8String(value);
  return der.set(der.sequence(der.oid(type), encoded));
}

/** A Name as Go's pkix.Name orders it: each O as its own RDN, then CN. */
function name(commonName: string, organizations: string[] = []): der.Der {
  return der.sequence(...organizations.map((o) => attribute(OID.organization, o)), attribute(OID.commonName, commonName));
}

function extension(id: string, critical: boolean, value: der.Der): der.Der {
  return der.sequence(der.oid(id), ...(critical ? [der.boolean(true)] : []), der.octetString(value));
}

/** RFC 5280's key identifier: SHA-1 of the subjectPublicKey BIT STRING's bytes (as Go computes it). */
function keyId(spki: Buffer): Buffer {
  const bits = children(spki)[1]!;  // SubjectPublicKeyInfo: algorithm, subjectPublicKey
  const [start] = header(bits, 0);
  return createHash('sha1').update(bits.subarray(start + 1)).digest();  // skip the unused-bits byte
}

function ipBytes(ip: string): Buffer {
  const v = isIP(ip);
  if (v === 4) return Buffer.from(ip.split('.').map(Number));
  if (v !== 6) throw new Error(`not an IP address: ${ip}`);
  // Expand "::" and an embedded IPv4 tail, then pack eight 16-bit groups.
  let text = ip.replace(/%.*$/, '');
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const b = v4[1]!.split('.').map(Number);
    text = text.slice(0, -v4[1]!.length) + `${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') as [string, string] : [text, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

interface Issuer {
  name: der.Der;
  spki: Buffer;
  key: KeyObject;
}

function newKey(): { privateKey: KeyObject; spki: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { privateKey, spki: publicKey.export({ type: 'spki', format: 'der' }) };
}

function build(opts: {
  subject: der.Der;
  spki: Buffer;
  issuer: Issuer | 'self';
  selfKey: KeyObject;
  validDays: number;
  extensions: der.Der[];
}): string {
  const issuer = opts.issuer === 'self' ? { name: opts.subject, spki: opts.spki, key: opts.selfKey } : opts.issuer;
  const now = Date.now();
  const notBefore = new Date(Math.floor((now - BACKDATE_MS) / 1000) * 1000);
  const notAfter = new Date(Math.floor((now + opts.validDays * DAY_MS) / 1000) * 1000);
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40;  // positive, and 16 bytes long in DER
  const algorithm = der.sequence(der.oid(OID.ecdsaWithSha256));
  const extensions = [
    ...opts.extensions,
    extension(OID.subjectKeyIdentifier, false, der.octetString(keyId(opts.spki))),
    ...(opts.issuer === 'self' ? [] : [extension(OID.authorityKeyIdentifier, false, der.sequence(der.implicit(0, keyId(issuer.spki))))]),
  ];
  const tbs = der.sequence(
    der.explicit(0, der.integer(2)),  // v3
    der.integer(serial),
    algorithm,
    issuer.name,
    der.sequence(der.time(notBefore), der.time(notAfter)),
    opts.subject,
    opts.spki,  // already a SubjectPublicKeyInfo SEQUENCE
    der.explicit(3, der.sequence(...extensions)),
  );
  const signature = sign('sha256', tbs, issuer.key);  // ECDSA, DER-encoded (r, s)
  const cert = der.sequence(tbs, algorithm, der.bitString(signature));
  return toPem('CERTIFICATE', cert);
}

function toPem(label: string, body: Buffer): string {
  const b64 = body.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

function keyPem(key: KeyObject): string {
  return key.export({ type: 'sec1', format: 'pem' }) as string;
}

/** A self-signed CA certificate (basicConstraints CA:true, keyCertSign). */
export function createCa(commonName: string, validDays = 3650): CertAndKey {
  const { privateKey, spki } = newKey();
  const certPem = build({
    subject: name(commonName),
    spki,
    issuer: 'self',
    selfKey: privateKey,
    validDays,
    extensions: [
      extension(OID.keyUsage, true, der.namedBits([DIGITAL_SIGNATURE, KEY_CERT_SIGN, CRL_SIGN])),
      extension(OID.basicConstraints, true, der.sequence(der.boolean(true))),
    ],
  });
  return { certPem, keyPem: keyPem(privateKey) };
}

/** A leaf certificate for a server (serverAuth, with SANs) or a client (clientAuth; CN = user, O = groups). */
export function issueCert(ca: CertAndKey, spec: CertSpec): CertAndKey {
  const caCert = new X509Certificate(ca.certPem);
  const caSpki = caCert.publicKey.export({ type: 'spki', format: 'der' });
  const issuer: Issuer = { name: certSubjectDer(caCert), spki: caSpki, key: createPrivateKey(ca.keyPem) };
  const { privateKey, spki } = newKey();
  const sans = [
    ...(spec.dnsNames ?? []).map((d) => der.implicit(2, Buffer.from(d, 'latin1'))),
    ...(spec.ipAddresses ?? []).map((ip) => der.implicit(7, ipBytes(ip))),
  ];
  const certPem = build({
    subject: name(spec.commonName, spec.organizations),
    spki,
    issuer,
    selfKey: privateKey,
    validDays: spec.validDays ?? 365,
    extensions: [
      extension(OID.keyUsage, true, der.namedBits([DIGITAL_SIGNATURE])),
      extension(OID.extKeyUsage, false, der.sequence(der.oid(spec.usage === 'server' ? OID.serverAuth : OID.clientAuth))),
      extension(OID.basicConstraints, true, der.sequence()),
      ...(sans.length ? [extension(OID.subjectAltName, false, der.sequence(...sans))] : []),
    ],
  });
  return { certPem, keyPem: keyPem(privateKey) };
}

/**
 * The subject Name of a parsed certificate, byte for byte: clients match a certificate's issuer to
 * its CA's subject by comparing encodings, so the issuer field must be copied, not rebuilt.
 */
function certSubjectDer(cert: X509Certificate): der.Der {
  const tbs = children(children(cert.raw)[0]!);
  // tbsCertificate: [0] version, serial, signature, issuer, validity, subject, ...
  const offset = tbs[0]![0] === 0xa0 ? 1 : 0;
  return tbs[offset + 4]!;
}

/** The encoded children of a constructed DER value. */
function children(value: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let [pos, end] = header(value, 0);
  end = pos + end;
  while (pos < end) {
    const [start, len] = header(value, pos);
    out.push(value.subarray(pos, start + len));
    pos = start + len;
  }
  return out;
}

/** [content start, content length] of the value at pos. */
function header(buf: Buffer, pos: number): [number, number] {
  const first = buf[pos + 1]!;
  if (first < 0x80) return [pos + 2, first];
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + buf[pos + 2 + i]!;
  return [pos + 2 + n, len];
}
