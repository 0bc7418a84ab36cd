// Second pass: decoded fields → the JSON object kube-apiserver would hold, i.e. what Go's
// encoding/json prints for the struct gogo-protobuf filled: keys in Go struct order (inline
// members in place), value-typed `omitempty` zeros left out (omit-zero.ts), bytes as base64,
// special types in their JSON forms. Nil slices and maps are left out rather than printed null.
import type { FieldSchema, TypeIndex } from '../../api/types.ts';
import { isScalar, type Fields } from './message.ts';
import { OMIT_ZERO } from './omit-zero.ts';
import { specialToJson } from './special.ts';
import { ProtoError } from './wire.ts';

export type JsonObject = Record<string, unknown>;

/** Writes the fields of a message of `typeName` into `out` (a fresh object unless given). */
export function messageToJson(types: TypeIndex, typeName: string, fields: Fields, out: JsonObject = {}): unknown {
  const t = types.type(typeName);
  if (t?.special) return specialToJson(t.special, fields, (f, num) => messageToJson(types, types.protoField(typeName, num)!.type, f));
  for (const f of t?.fields ?? []) {
    if (f.proto === undefined) continue;
    const v = fields.get(f.proto);
    if (v === undefined) continue;
    if (f.inline) messageToJson(types, f.type, v as Fields, out);
    else if (f.map) out[f.name] = mapToJson(types, f, v as Map<string, unknown>);
    else if (f.repeated) out[f.name] = (v as unknown[]).map((x) => valueToJson(types, f.type, x));
    else if (!(isScalar(f.type) && isZero(v) && omitsZero(typeName, f.name))) out[f.name] = valueToJson(types, f.type, v);
  }
  return out;
}

function mapToJson(types: TypeIndex, f: FieldSchema, entries: Map<string, unknown>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of entries) {
    const json = valueToJson(types, f.type, v);
    // Keys come from the sender: "__proto__" must stay an ordinary key, as JSON.parse makes it.
    if (k === '__proto__') Object.defineProperty(out, k, { value: json, enumerable: true, writable: true, configurable: true });
    else out[k] = json;
  }
  return out;
}

function valueToJson(types: TypeIndex, type: string, v: unknown): unknown {
  switch (type) {
    case 'bytes':
      return (v as Buffer).toString('base64');
    case 'int64':
      // JSON numbers are doubles here, as on the JSON request path: beyond 2^53 precision is lost.
      return Number(v as bigint);
    case 'double':
      if (!Number.isFinite(v)) throw new ProtoError(`json: unsupported value: ${goFloat(v as number)}`);
      return v;
    case 'string':
    case 'int32':
    case 'boolean':
      return v;
    default:
      return messageToJson(types, type, v as Fields);
  }
}

const goFloat = (n: number) => (Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf');

function isZero(v: unknown): boolean {
  return v === '' || v === 0 || v === 0n || v === false || (Buffer.isBuffer(v) && v.length === 0);
}

let omitIndex: Set<string> | undefined;

function omitsZero(typeName: string, field: string): boolean {
  if (!omitIndex) {
    omitIndex = new Set();
    for (const [pkg, byType] of Object.entries(OMIT_ZERO)) {
      for (const [goType, names] of Object.entries(byType)) for (const n of names.split(' ')) omitIndex.add(`${pkg}.${goType}.${n}`);
    }
  }
  return omitIndex.has(`${typeName}.${field}`);
}
