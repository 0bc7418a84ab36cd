// Protobuf wire format reading with the checks and error texts of gogo-protobuf's generated
// Unmarshal code (k8s.io/api generated.pb.go), so a malformed body fails the way it does upstream.

/** A decoding failure; its message is the Go error text. */
export class ProtoError extends Error {}

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_START_GROUP = 3;
export const WIRE_END_GROUP = 4;
export const WIRE_FIXED32 = 5;

export const unexpectedEOF = () => new ProtoError('unexpected EOF');
const intOverflow = () => new ProtoError('proto: integer overflow');
const negativeLength = () => new ProtoError('proto: negative length found during unmarshaling');

const TWO_49 = 1n << 49n;
const TWO_63 = 1n << 63n;

/** A varint below 2^49 as a number, larger ones as an unsigned 64-bit bigint. */
export type Varint = number | bigint;

export class WireReader {
  pos: number;

  constructor(
    readonly buf: Buffer,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  varint(): Varint {
    const { buf, end } = this;
    let n = 0;
    // Fast path: seven bytes hold 49 bits, exact in a double.
    for (let i = 0; i < 7; i++) {
      if (this.pos >= end) throw unexpectedEOF();
      const b = buf[this.pos++]!;
      n += (b & 0x7f) * 2 ** (7 * i);
      if (b < 0x80) return n;
    }
    let big = BigInt(n);
    for (let shift = 49n; ; shift += 7n) {
      if (shift >= 64n) throw intOverflow();
      if (this.pos >= end) throw unexpectedEOF();
      const b = buf[this.pos++]!;
      big |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) {
        const v = BigInt.asUintN(64, big);
        return v < TWO_49 ? Number(v) : v; // a padded encoding of a small value
      }
    }
  }

  /** A length prefix, checked as Go's `int` arithmetic does against the bytes left. */
  length(): number {
    const v = this.varint();
    if (typeof v === 'bigint') throw this.hugeLength(v);
    if (this.pos + v > this.end) throw unexpectedEOF();
    return v;
  }

  /** The bytes of a length-delimited field, as a reader over the same buffer. */
  sub(): WireReader {
    const len = this.length();
    const r = new WireReader(this.buf, this.pos, this.pos + len);
    this.pos += len;
    return r;
  }

  bytes(): Buffer {
    const len = this.length();
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }

  fixed64(): Buffer {
    if (this.pos + 8 > this.end) throw unexpectedEOF();
    const out = this.buf.subarray(this.pos, this.pos + 8);
    this.pos += 8;
    return out;
  }

  /** Skips one field starting at its tag (skipGenerated), groups included. */
  skipField(): void {
    let depth = 0;
    while (this.pos < this.end) {
      const wireType = lowBits(this.varint());
      switch (wireType) {
        case WIRE_VARINT:
          this.varint();
          break;
        case WIRE_FIXED64:
          this.advance(8);
          break;
        case WIRE_BYTES: {
          const v = this.varint();
          if (typeof v === 'bigint') throw this.hugeLength(v);
          this.advance(v);
          break;
        }
        case WIRE_START_GROUP:
          depth++;
          break;
        case WIRE_END_GROUP:
          if (depth === 0) throw new ProtoError('proto: unexpected end of group');
          depth--;
          break;
        case WIRE_FIXED32:
          this.advance(4);
          break;
        default:
          throw new ProtoError(`proto: illegal wireType ${wireType}`);
      }
      if (depth === 0) return;
    }
    throw unexpectedEOF();
  }

  /** A length of 2^49 or more never fits; Go's int makes it negative past 2^63, else EOF. */
  private hugeLength(v: bigint): ProtoError {
    return v >= TWO_63 || v + BigInt(this.pos) >= TWO_63 ? negativeLength() : unexpectedEOF();
  }

  private advance(n: number): void {
    if (this.pos + n > this.end) throw unexpectedEOF();
    this.pos += n;
  }
}

export function lowBits(v: Varint): number {
  return typeof v === 'bigint' ? Number(v & 7n) : v % 8;
}

/** Go's int32(wire >> 3): the field number, wrapped to 32 bits. */
export function fieldNumber(v: Varint): number {
  return typeof v === 'bigint' ? Number(BigInt.asIntN(32, v >> 3n)) : Math.floor(v / 8) | 0;
}

/** int32 fields take the varint's low 32 bits, signed (negatives arrive as 10-byte varints). */
export function toInt32(v: Varint): number {
  return typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : v | 0;
}

export function toInt64(v: Varint): bigint {
  return typeof v === 'bigint' ? BigInt.asIntN(64, v) : BigInt(v);
}

export function isNonZero(v: Varint): boolean {
  return typeof v === 'bigint' ? v !== 0n : v !== 0;
}
