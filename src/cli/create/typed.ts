// What kubectl prints for an object its typed client got back: the server's JSON decoded into the
// Go struct and encoded again. Fields come out in struct order, map keys sorted, and fields Go
// always writes appear even where the server left them out (`creationTimestamp: null`, empty
// non-pointer structs as {}, zero counters). The type table (src/api) has the order and defaults.
import { builtinTypes } from '../../api/types.ts';
import type { KubeObject } from '../../printers/objects.ts';

/** Fields without omitempty that the table's defaults do not reveal: absent, they print as null. */
const ALWAYS_WRITTEN = new Set([
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.creationTimestamp',
  'io.k8s.api.rbac.v1.ClusterRole.rules',
  'io.k8s.api.rbac.v1.Role.rules',
  'io.k8s.api.core.v1.PodSpec.containers',
  'io.k8s.api.authentication.v1.TokenRequestSpec.audiences',
  'io.k8s.api.authentication.v1.TokenRequestSpec.boundObjectRef',
]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// The table's defaults that are Go zero values (written because the field lacks omitempty);
// others (protocol "TCP", ...) are server-side defaulting, not encoding.
const isZero = (d: unknown) => d === '' || d === 0 || d === false || (isObject(d) && Object.keys(d).length === 0);

const SCALARS = new Set(['string', 'int32', 'int64', 'boolean', 'double', 'bytes']);

function convert(value: unknown, typeName: string, fill: boolean): unknown {
  const types = builtinTypes();
  const t = types.type(typeName);
  if (SCALARS.has(typeName) || !t || t.special || !isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const f of types.jsonFields(typeName)) {
    const v = value[f.name];
    if (v === undefined || v === null) {
      if (!fill) {
        if (v === null) out[f.name] = null;
      } else if (isZero(f.default)) out[f.name] = convert(f.default, f.type, fill);
      else if (ALWAYS_WRITTEN.has(`${typeName}.${f.name}`)) out[f.name] = null;
      continue;
    }
    if (f.map && isObject(v)) {
      const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      out[f.name] = Object.fromEntries(keys.map((k) => [k, convert(v[k], f.type, fill)]));
    } else if (f.repeated && Array.isArray(v)) out[f.name] = v.map((x) => convert(x, f.type, fill));
    else out[f.name] = convert(v, f.type, fill);
  }
  return out;
}

/**
 * The object as the typed client would print it; objects of kinds the table lacks stay as they are.
 * `fill: false` only orders (for objects built here, which already hold every field Go writes).
 */
export function asTyped(obj: KubeObject, fill = true): KubeObject {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  const [group, version] = slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
  const typeName = builtinTypes().typeNameForKind(group, version, String(obj.kind ?? ''));
  return typeName ? (convert(obj, typeName, fill) as KubeObject) : obj;
}
