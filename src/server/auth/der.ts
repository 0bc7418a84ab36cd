// A minimal ASN.1 DER encoder: just the types an X.509 certificate needs. Each function returns the
// complete encoding (tag, length, contents) so values nest by plain composition.

export type Der = Buffer;

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** Tag + length + contents. */
export function tlv(tag: number, contents: Buffer): Der {
  return Buffer.concat([Buffer.from([tag]), length(contents.length), contents]);
}

export const sequence = (...items: Der[]): Der => tlv(0x30, Buffer.concat(items));

/** SET OF, with members sorted by their encodings as DER requires. */
export const set = (...items: Der[]): Der => tlv(0x31, Buffer.concat([...items].sort(Buffer.compare)));

export const boolean = (v: boolean): Der => tlv(0x01, Buffer.from([v ? 0xff : 0x00]));

export const octetString = (bytes: Buffer): Der => tlv(0x04, bytes);

export const nullValue = (): Der => tlv(0x05, Buffer.alloc(0));

/** A two's-complement INTEGER from unsigned big-endian magnitude bytes (or a small number). */
export function integer(value: number | bigint | Buffer): Der {
  let bytes: Buffer;
  if (Buffer.isBuffer(value)) bytes = value;
  else {
    let hex = BigInt(value).toString(16);
    if (hex.length % 2) hex = '0' + hex;
    bytes = Buffer.from(hex, 'hex');
  }
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;  // minimal: no redundant leading zeros
  bytes = bytes.subarray(start);
  if (bytes.length === 0) bytes = Buffer.from([0]);
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);  // keep it positive
  return tlv(0x02, bytes);
}

/** BIT STRING holding whole bytes (a key, a signature). */
export const bitString = (bytes: Buffer): Der => tlv(0x03, Buffer.concat([Buffer.from([0]), bytes]));

/** BIT STRING of named bits (bit 0 = most significant bit of the first byte), trailing zeros dropped. */
export function namedBits(bits: number[]): Der {
  if (bits.length === 0) return tlv(0x03, Buffer.from([0]));
  const highest = Math.max(...bits);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const b of bits) bytes[b >> 3]! |= 0x80 >> (b & 7);
  return tlv(0x03, Buffer.concat([Buffer.from([7 - (highest & 7)]), bytes]));
}

export function oid(dotted: string): Der {
  const arcs = dotted.split('.').map((a) => BigInt(a));
  const out: number[] = [];
  const push = (v: bigint) => {
    const chunk: number[] = [Number(v & 0x7fn)];
    for (v >>= 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...chunk);
  };
  push(arcs[0]! * 40n + arcs[1]!);
  arcs.slice(2).forEach(push);
  return tlv(0x06, Buffer.from(out));
}

export const utf8String = (s: string): Der => tlv(0x0c, Buffer.from(s, 'utf8'));
export const printableString = (s: string): Der => tlv(0x13, Buffer.from(s, 'latin1'));
export const ia5String = (s: string): Der => tlv(0x16, Buffer.from(s, 'latin1'));

/** Whether s fits PrintableString's small alphabet. */
export const isPrintableString = (s: string): boolean => /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(s);

/** UTCTime through 2049, GeneralizedTime after (RFC 5280 §4.1.2.5); whole seconds, UTC. */
export function time(date: Date): Der {
  const iso = date.toISOString();  // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '') + 'Z';
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050 ? tlv(0x17, Buffer.from(digits.slice(2), 'latin1')) : tlv(0x18, Buffer.from(digits, 'latin1'));
}

/** Context-specific tag [n]: constructed (EXPLICIT, wraps a whole encoding) or primitive (IMPLICIT). */
export const explicit = (n: number, inner: Der): Der => tlv(0xa0 | n, inner);
export const implicit = (n: number, contents: Buffer): Der => tlv(0x80 | n, contents);
