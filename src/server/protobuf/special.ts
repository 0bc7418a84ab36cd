// JSON forms of the types whose protobuf message differs from their JSON (src/api/schema.ts
// SpecialType), as kube-apiserver prints them after decoding: metav1.Time / MicroTime / Duration,
// resource.Quantity, intstr.IntOrString, the raw-JSON holders and the apiextensions unions.
import { isQuantity, parseQuantity } from '../../api/quantity.ts';
import type { SpecialType } from '../../api/schema.ts';
import type { Fields } from './message.ts';
import { ProtoError } from './wire.ts';

/** Converts the nested message in field `num` (JSONSchemaProps in the apiextensions unions). */
type Nested = (fields: Fields, num: number) => unknown;

export function specialToJson(special: SpecialType, f: Fields, nested: Nested): unknown {
  switch (special) {
    case 'time':
      return f.size === 0 ? null : formatTime(int64(f.get(1)), 0, false);
    case 'microtime':
      return f.size === 0 ? null : formatTime(int64(f.get(1)), microNanos(f.get(2)), true);
    case 'duration':
      return goDuration(int64(f.get(1)));
    case 'quantity': {
      const s = (f.get(1) as string | undefined) ?? '0';
      // ParseQuantity's refusal fails the protobuf decode (Quantity.Unmarshal)
      const q = parseQuantity(s);
      if (!isQuantity(q)) throw new ProtoError(q.message);
      return s;
    }
    case 'int-or-string': {
      const type = int64(f.get(1));
      if (type === 0n) return (f.get(2) as number | undefined) ?? 0;
      if (type === 1n) return (f.get(3) as string | undefined) ?? '';
      throw new ProtoError('impossible IntOrString.Type');
    }
    case 'raw-extension':
      return rawJson(f.get(1) as Buffer | undefined, 'runtime.RawExtension');
    case 'fields-v1':
      return rawJson(f.get(1) as Buffer | undefined, 'v1.FieldsV1');
    case 'json':
      return rawJson(f.get(1) as Buffer | undefined, 'v1.JSON');
    case 'string-list': {
      // Go's nil slice: an empty list prints as null.
      const items = f.get(1) as string[] | undefined;
      return items?.length ? items : null;
    }
    case 'json-schema-props-or-array': {
      const many = f.get(2) as Fields[] | undefined;
      if (many?.length) return many.map((m) => nested(m, 2));
      const one = f.get(1) as Fields | undefined;
      return one ? nested(one, 1) : null;
    }
    case 'json-schema-props-or-bool': {
      const schema = f.get(2) as Fields | undefined;
      return schema ? nested(schema, 2) : Boolean(f.get(1));
    }
    case 'json-schema-props-or-string-array': {
      const property = f.get(2) as string[] | undefined;
      if (property?.length) return property;
      const schema = f.get(1) as Fields | undefined;
      return schema ? nested(schema, 1) : null;
    }
  }
}

const int64 = (v: unknown) => (typeof v === 'bigint' ? v : 0n);

/** MicroTime keeps nanos truncated toward zero to microseconds (micro_time_proto.go). */
const microNanos = (v: unknown) => {
  const n = typeof v === 'number' ? v : 0;
  return n - (n % 1000);
};

/** Seconds of 0001-01-01T00:00:00Z, Go's zero time, which prints as null. */
const GO_ZERO_UNIX = -62135596800;

/** time.Unix(sec, nsec).UTC() formatted RFC 3339 (Time drops nanos; MicroTime prints 6 digits). */
function formatTime(seconds: bigint, nanos: number, micro: boolean): string | null {
  let sec = Number(seconds);
  let ns = nanos;
  if (ns < 0 || ns >= 1e9) {
    const q = Math.trunc(ns / 1e9);
    sec += q;
    ns -= q * 1e9;
    if (ns < 0) {
      ns += 1e9;
      sec--;
    }
  }
  if (sec === GO_ZERO_UNIX && ns === 0) return null;
  const days = Math.floor(sec / 86400);
  const secOfDay = sec - days * 86400;
  const { y, m, d } = civilFromDays(days);
  const hh = Math.floor(secOfDay / 3600);
  const mm = Math.floor((secOfDay % 3600) / 60);
  const ss = secOfDay % 60;
  const year = y < 0 ? `-${pad(-y, 4)}` : pad(y, 4);
  const frac = micro ? `.${pad(Math.floor(ns / 1000), 6)}` : '';
  return `${year}-${pad(m, 2)}-${pad(d, 2)}T${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}${frac}Z`;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Go's time.Duration.String(): "1h0m0s", "1.5s", "300ms", "2µs", "0s". */
export function goDuration(d: bigint): string {
  if (d === 0n) return '0s';
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < 1_000_000_000n) {
    const [unit, prec] = u < 1000n ? ['ns', 0] : u < 1_000_000n ? ['µs', 3] : ['ms', 6];
    out = fraction(u, prec as number) + unit;
  } else {
    out = `${fraction(u % 60_000_000_000n, 9)}s`;
    u /= 60_000_000_000n;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

/** v / 10^prec with the fraction's trailing zeros (and a bare point) left out. */
function fraction(v: bigint, prec: number): string {
  const scale = 10n ** BigInt(prec);
  const whole = v / scale;
  const frac = prec ? (v % scale).toString().padStart(prec, '0').replace(/0+$/, '') : '';
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** RawExtension / FieldsV1 / JSON hold JSON text; Go prints it verbatim (nil as null). */
function rawJson(raw: Buffer | undefined, goType: string): unknown {
  if (!raw?.length) return null;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (e) {
    throw new ProtoError(`json: error calling MarshalJSON for type ${goType}: ${(e as Error).message}`);
  }
}
