// First pass: protobuf message bytes → field values keyed by field number, typed by the type table
// (src/api/types.ts). Follows gogo-protobuf's generated Unmarshal: unknown fields are skipped, a
// repeated scalar may come packed or not, a sub-message sent twice is merged, map entries are
// key=1 value=2 with the zero value for a missing part.
import type { FieldSchema, TypeIndex } from '../../api/types.ts';
import {
  fieldNumber,
  isNonZero,
  lowBits,
  ProtoError,
  toInt32,
  toInt64,
  WIRE_BYTES,
  WIRE_END_GROUP,
  WIRE_FIXED64,
  WIRE_VARINT,
  WireReader,
} from './wire.ts';

/**
 * A decoded message. Values: string, Buffer (bytes), number (int32, double), bigint (int64),
 * boolean, Fields (message); arrays for repeated fields; Map<string, value> for map fields.
 */
export type Fields = Map<number, unknown>;

/** gogo has no nesting limit (Go stacks grow); ours keeps a hostile body from exhausting the JS stack. */
const MAX_DEPTH = 500;

const SCALARS = new Set(['string', 'bytes', 'int32', 'int64', 'boolean', 'double']);
const PACKABLE = new Set(['int32', 'int64', 'boolean', 'double']);

export const isScalar = (type: string) => SCALARS.has(type);

export function readMessage(types: TypeIndex, typeName: string, r: WireReader, depth = 0, into: Fields = new Map()): Fields {
  if (depth > MAX_DEPTH) throw new ProtoError('proto: exceeded maximum recursion depth');
  while (r.pos < r.end) {
    const start = r.pos;
    const wire = r.varint();
    const wireType = lowBits(wire);
    const num = fieldNumber(wire);
    if (wireType === WIRE_END_GROUP) throw new ProtoError(`proto: ${goName(typeName)}: wiretype end group for non-group`);
    if (num <= 0) throw new ProtoError(`proto: ${goName(typeName)}: illegal tag ${num} (wire type ${wire})`);
    const f = types.protoField(typeName, num);
    if (!f) {
      r.pos = start;
      r.skipField();
      continue;
    }
    readField(types, f, wireType, r, depth, into);
  }
  return into;
}

function readField(types: TypeIndex, f: FieldSchema, wireType: number, r: WireReader, depth: number, into: Fields): void {
  const num = f.proto!;
  if (f.map) {
    expectWire(f, wireType, WIRE_BYTES);
    const entries = (into.get(num) as Map<string, unknown> | undefined) ?? new Map<string, unknown>();
    into.set(num, entries);
    readMapEntry(types, f, r.sub(), depth, entries);
    return;
  }
  if (isScalar(f.type)) {
    if (f.repeated && wireType === WIRE_BYTES && PACKABLE.has(f.type)) {
      const packed = r.sub();
      const list = repeatedOf(into, num);
      while (packed.pos < packed.end) list.push(readScalar(f.type, packed));
      return;
    }
    expectWire(f, wireType, scalarWire(f.type));
    const v = readScalar(f.type, r);
    if (f.repeated) repeatedOf(into, num).push(v);
    else into.set(num, v);
    return;
  }
  expectWire(f, wireType, WIRE_BYTES);
  const sub = r.sub();
  if (f.repeated) {
    repeatedOf(into, num).push(readMessage(types, f.type, sub, depth + 1));
    return;
  }
  // Special types (Time, Quantity, ...) unmarshal into a fresh value; plain messages merge.
  const prev = types.type(f.type)?.special ? undefined : (into.get(num) as Fields | undefined);
  into.set(num, readMessage(types, f.type, sub, depth + 1, prev));
}

function readMapEntry(types: TypeIndex, f: FieldSchema, r: WireReader, depth: number, entries: Map<string, unknown>): void {
  let key = '';
  let value: unknown;
  while (r.pos < r.end) {
    const start = r.pos;
    const wire = r.varint();
    const num = fieldNumber(wire);
    const wireType = lowBits(wire);
    if (num === 1 && wireType === WIRE_BYTES) key = r.bytes().toString('utf8');
    else if (num === 2 && isScalar(f.type) && wireType === scalarWire(f.type)) value = readScalar(f.type, r);
    else if (num === 2 && !isScalar(f.type) && wireType === WIRE_BYTES) value = readMessage(types, f.type, r.sub(), depth + 1);
    else {
      r.pos = start;
      r.skipField();
    }
  }
  entries.set(key, value ?? zeroValue(f.type));
}

function readScalar(type: string, r: WireReader): unknown {
  switch (type) {
    case 'string':
      return r.bytes().toString('utf8');
    case 'bytes':
      return r.bytes();
    case 'int32':
      return toInt32(r.varint());
    case 'int64':
      return toInt64(r.varint());
    case 'boolean':
      return isNonZero(r.varint());
    default:
      return r.fixed64().readDoubleLE(0);
  }
}

function zeroValue(type: string): unknown {
  switch (type) {
    case 'string':
      return '';
    case 'bytes':
      return Buffer.alloc(0);
    case 'int32':
    case 'double':
      return 0;
    case 'int64':
      return 0n;
    case 'boolean':
      return false;
    default:
      return new Map();
  }
}

const scalarWire = (type: string) => (type === 'string' || type === 'bytes' ? WIRE_BYTES : type === 'double' ? WIRE_FIXED64 : WIRE_VARINT);

function expectWire(f: FieldSchema, actual: number, expected: number): void {
  if (actual !== expected) throw new ProtoError(`proto: wrong wireType = ${actual} for field ${goFieldName(f.name)}`);
}

const goName = (typeName: string) => typeName.slice(typeName.lastIndexOf('.') + 1);

/** The Go field name gogo puts in its messages: the JSON name capitalised (metadata is embedded). */
const goFieldName = (json: string) => (json === 'metadata' ? 'ObjectMeta' : json.charAt(0).toUpperCase() + json.slice(1));

function repeatedOf(into: Fields, num: number): unknown[] {
  let list = into.get(num) as unknown[] | undefined;
  if (!list) into.set(num, (list = []));
  return list;
}
