// A reader for the subset of .proto syntax that go-to-protobuf and gnostic emit: top-level
// messages, `optional`/`repeated`/proto3 plain fields, `map<K, V>`, `oneof` blocks. Comments are
// kept only as their `+marker` lines (generator tags); their prose is dropped on purpose.

export interface ProtoField {
  name: string;
  number: number;
  /** Scalar keyword or a fully qualified message name without the leading dot. */
  type: string;
  repeated: boolean;
  /** map<string, V>: `type` holds V. */
  map: boolean;
  oneof?: string;
  /** `+key=value` marker lines from the comment above the field, without the `// +`. */
  markers: string[];
}

export interface ProtoMessage {
  name: string;
  /** Fully qualified: package + '.' + name. */
  fullName: string;
  markers: string[];
  fields: ProtoField[];
}

export interface ProtoFile {
  package: string;
  messages: ProtoMessage[];
}

export const PROTO_SCALARS = new Set([
  'string', 'bytes', 'bool', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64',
  'fixed32', 'fixed64', 'sfixed32', 'sfixed64', 'double', 'float',
]);

export function parseProto(text: string): ProtoFile {
  const pkg = /^package\s+([\w.]+);/m.exec(text)?.[1] ?? '';
  const messages: ProtoMessage[] = [];
  let markers: string[] = [];
  let current: ProtoMessage | undefined;
  let oneof: string | undefined;
  let depth = 0;
  const qualify = (t: string) => (PROTO_SCALARS.has(t) ? t : t.startsWith('.') ? t.slice(1) : t.includes('.') ? t : `${pkg}.${t}`);
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('//')) {
      const m = /^\/\/\s*\+(.*)$/.exec(line);
      if (m) markers.push(m[1]!.trim());
      continue;
    }
    if (line === '') {
      // A blank line ends a comment block that belonged to nothing (e.g. the licence header).
      if (!current) markers = [];
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = /^message\s+(\w+)\s*\{\s*(\})?$/.exec(line))) {
      if (depth !== 0) throw new Error(`nested message ${m[1]} is not supported`);
      current = { name: m[1]!, fullName: `${pkg}.${m[1]}`, markers, fields: [] };
      messages.push(current);
      markers = [];
      if (m[2]) current = undefined;
      else depth = 1;
      continue;
    }
    if ((m = /^oneof\s+(\w+)\s*\{$/.exec(line))) {
      oneof = m[1];
      depth++;
      markers = [];
      continue;
    }
    if (line === '}') {
      depth--;
      if (oneof && depth === 1) oneof = undefined;
      else if (depth === 0) current = undefined;
      markers = [];
      continue;
    }
    if (!current) {
      markers = [];
      continue;
    }
    m = /^(optional\s+|repeated\s+|required\s+)?(map<\s*([\w.]+)\s*,\s*([\w.]+)\s*>|[\w.]+)\s+(\w+)\s*=\s*(\d+)\s*(\[[^\]]*\])?\s*;$/.exec(line);
    if (!m) throw new Error(`unrecognised proto line in ${current.fullName}: ${line}`);
    const isMap = Boolean(m[3]);
    if (isMap && m[3] !== 'string') throw new Error(`map key ${m[3]} is not supported`);
    current.fields.push({
      name: m[5]!,
      number: Number(m[6]),
      type: qualify(isMap ? m[4]! : m[2]!),
      repeated: m[1]?.trim() === 'repeated',
      map: isMap,
      ...(oneof ? { oneof } : {}),
      markers,
    });
    markers = [];
  }
  return { package: pkg, messages };
}

/** Values of one marker, e.g. markerValues(['listMapKey=a', 'listMapKey=b'], 'listMapKey') → ['a','b']. */
export function markerValues(markers: readonly string[], key: string): string[] {
  const out: string[] = [];
  for (const m of markers) {
    const eq = m.indexOf('=');
    const k = eq < 0 ? m : m.slice(0, eq);
    if (k === key) out.push(eq < 0 ? '' : m.slice(eq + 1));
  }
  return out;
}

export function hasMarker(markers: readonly string[], key: string): boolean {
  return markerValues(markers, key).length > 0;
}
