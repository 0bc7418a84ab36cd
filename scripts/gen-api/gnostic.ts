// Field numbers of the gnostic OpenAPI v2 messages (openapi.v2 package), so that the server can
// encode the swagger document as the protobuf kubectl 1.27/1.28 ask for.
import type { ProtoFile } from './proto.ts';

/** message → field → [number, type, repeated?]. Types are scalars or message names of the package. */
export type GnosticTable = Record<string, Record<string, [number, string] | [number, string, 1]>>;

export function buildGnostic(file: ProtoFile): GnosticTable {
  const out: GnosticTable = {};
  for (const m of file.messages) {
    const fields: GnosticTable[string] = {};
    for (const f of m.fields) {
      const type = f.type.startsWith(`${file.package}.`) ? f.type.slice(file.package.length + 1) : f.type;
      fields[f.name] = f.repeated ? [f.number, type, 1] : [f.number, type];
    }
    out[m.name] = fields;
  }
  return out;
}
