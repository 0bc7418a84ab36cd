// Hand-assembly of protobuf bytes for tests: just enough to write tags, varints and
// length-delimited fields, so cases do not depend on an encoder or on /work/shared.

export function varint(v: number | bigint): Buffer {
  let n = BigInt.asUintN(64, BigInt(v));
  const out: number[] = [];
  do {
    const b = Number(n & 0x7fn);
    n >>= 7n;
    out.push(n ? b | 0x80 : b);
  } while (n);
  return Buffer.from(out);
}

export const tag = (num: number, wireType: number) => varint((BigInt(num) << 3n) | BigInt(wireType));

/** A varint field (int32, int64, bool). */
export const num = (field: number, v: number | bigint | boolean) => Buffer.concat([tag(field, 0), varint(typeof v === 'boolean' ? Number(v) : v)]);

/** A length-delimited field: string, bytes or a sub-message made of parts. */
export function ld(field: number, ...parts: (Buffer | string)[]): Buffer {
  const body = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
  return Buffer.concat([tag(field, 2), varint(body.length), body]);
}

/** One map<string, V> entry: key = 1, value = 2 (a string, or the given value bytes). */
export const entry = (field: number, key: string, value: Buffer | string) =>
  ld(field, ld(1, key), typeof value === 'string' ? ld(2, value) : value);

/** The "k8s\0" envelope: runtime.Unknown{typeMeta{apiVersion, kind}, raw, "", ""}. */
export function envelope(apiVersion: string, kind: string, raw: Buffer): Buffer {
  return Buffer.concat([Buffer.from('k8s\0', 'latin1'), ld(1, ld(1, apiVersion), ld(2, kind)), ld(2, raw), ld(3, ''), ld(4, '')]);
}
