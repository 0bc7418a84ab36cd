// Compact JWS (RFC 7515/7519) as kube-apiserver's service-account token signer writes it (go-jose):
// header {"alg","kid"}, claims with keys sorted at every level (go-jose merges them through a Go map),
// base64url without padding, ECDSA signatures as r||s.
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export type JwsAlgorithm = 'ES256' | 'ES384' | 'ES512' | 'RS256';

export interface ParsedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** `<header>.<payload>` as received, the bytes the signature covers. */
  signingInput: string;
  signature: Buffer;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** Go's RawURLEncoding: no padding, no other alphabet; undefined when malformed. */
export function fromBase64url(text: string): Buffer | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  return Buffer.from(text, 'base64url');
}

/** JSON with object keys sorted at every level, as encoding/json writes a map[string]interface{}. */
export function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

function publicKeyOf(key: KeyObject | string): KeyObject {
  if (typeof key === 'string') return createPublicKey(key);
  return key.type === 'private' ? createPublicKey(key) : key;
}

/** Upstream's keyIDFromPublicKey: base64url(sha256(PKIX DER of the public key)). */
export function keyIdFor(key: KeyObject | string): string {
  const der = publicKeyOf(key).export({ type: 'spki', format: 'der' });
  return base64url(createHash('sha256').update(der).digest());
}

/** The signature algorithm a key implies (upstream: by curve for ECDSA, RS256 for RSA). */
export function algorithmFor(key: KeyObject | string): JwsAlgorithm {
  const k = publicKeyOf(key);
  if (k.asymmetricKeyType === 'rsa') return 'RS256';
  if (k.asymmetricKeyType === 'ec') {
    const curve = k.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1' || curve === 'P-256') return 'ES256';
    if (curve === 'secp384r1' || curve === 'P-384') return 'ES384';
    if (curve === 'secp521r1' || curve === 'P-521') return 'ES512';
  }
  throw new Error('unknown private key type, must be RSA or ECDSA on P-256, P-384 or P-521');
}

const HASH: Record<JwsAlgorithm, string> = { ES256: 'sha256', ES384: 'sha384', ES512: 'sha512', RS256: 'sha256' };

export function signJwt(claims: Record<string, unknown>, privateKey: KeyObject | string): string {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  const alg = algorithmFor(key);
  const header = sortedJson({ alg, kid: keyIdFor(key) });
  const signingInput = `${base64url(header)}.${base64url(sortedJson(claims))}`;
  const signature = sign(HASH[alg], Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${base64url(signature)}`;
}

function parseJsonObject(data: Buffer | undefined): Record<string, unknown> | undefined {
  if (!data) return undefined;
  try {
    const v: unknown = JSON.parse(data.toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Splits and decodes a compact JWS without checking its signature; undefined when it is not one. */
export function parseJwt(token: string): ParsedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const header = parseJsonObject(fromBase64url(parts[0]!));
  const payload = parseJsonObject(fromBase64url(parts[1]!));
  const signature = fromBase64url(parts[2]!);
  if (!header || !payload || !signature) return undefined;
  return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature };
}

/** Whether the signature is valid for this key, with the algorithm the key implies (no "alg" games). */
export function verifyJwt(jwt: ParsedJwt, publicKey: KeyObject | string): boolean {
  const key = publicKeyOf(publicKey);
  let alg: JwsAlgorithm;
  try {
    alg = algorithmFor(key);
  } catch {
    return false;
  }
  if (jwt.header.alg !== alg) return false;
  try {
    return verify(HASH[alg], Buffer.from(jwt.signingInput), { key, dsaEncoding: 'ieee-p1363' }, jwt.signature);
  } catch {
    return false;
  }
}
