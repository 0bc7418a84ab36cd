// explain's "plaintext" format: what kubectl's Go template (pkg/explain/v2/templates) prints for
// a resource, or a field path inside it, from one OpenAPI v3 group-version document. The walk
// follows the template step by step, with Go template semantics where they show: empty maps,
// lists and strings count as false, map keys are visited in sorted order, and `$ref`s already
// seen on the way down stop the walk (cycles).
import { compareGoStrings } from '../../api/jsonpath/go-values.ts';
import { formatGoFloat } from '../../api/jsonpath/go-format.ts';
import { indent, wrap } from './wordwrap.ts';

type Schema = Record<string, unknown>;

export interface Gvr {
  group: string;
  version: string;
  resource: string;
}

/** The template's own errors (`throw`): printed by kubectl as they are, `error: …` included. */
export class ExplainError extends Error {
  readonly exitCode = 1;
  kubectlMessage(): string {
    return this.message;
  }
}

/** What rendering produced: kubectl writes as it goes, so a failure still leaves the lines before it. */
export interface Rendered {
  out: string;
  error?: Error;
}

// ---- Go template values ----

const isMap = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go template truth: false, 0, nil and empty strings, maps and lists are false. */
function truth(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

const or = <T>(a: T, b: T): T => (truth(a) ? a : b);

/** A map's field as the template reads it (`.x` / `index . "x"`); anything but a map has none. */
const field = (v: unknown, key: string): unknown => (isMap(v) ? v[key] : undefined);

const entries = (v: unknown): [string, unknown][] => (isMap(v) ? Object.keys(v).sort(compareGoStrings).map((k) => [k, v[k]]) : []);

/** `range` over a list (a map ranges over its values in key order). */
const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : entries(v).map(([, x]) => x));

/** fmt's %v of a decoded JSON value, as `{{ . }}` prints it. */
function print(v: unknown): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatGoFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? '<nil>' : print(x))).join(' ')}]`;
  return `map[${entries(v).map(([k, x]) => `${k}:${print(x)}`).join(' ')}]`;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** The template's `contains`: a list holding the value. */
const contains = (list: unknown, value: unknown) => Array.isArray(list) && list.some((x) => deepEqual(x, value));

/** `additionalProperties` that is a schema (not `true`/`false`). */
const schemaOf = (v: unknown) => (truth(v) && typeof v !== 'boolean' ? v : undefined);

/** The template's resolveRef: a `#/a/b` reference inside the document, or nothing. */
export function resolveRef(ref: unknown, doc: Schema): Schema | undefined {
  if (typeof ref !== 'string') return undefined;
  const hash = ref.indexOf('#');
  // only fragment-only references: no scheme, host, path or query before the '#'
  if (hash !== 0 || ref.length === 1) return undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  let cur: Schema = doc;
  for (const k of fragment.split('/')) {
    if (!k) continue;
    const next = cur[k];
    if (!isMap(next)) return undefined;
    cur = next;
  }
  return cur;
}

// ---- the templates ----

interface Walk {
  schema: unknown;
  history: Record<string, number>;
  fieldPath: string[];
  recursive: boolean;
}

class Renderer {
  constructor(private readonly doc: Schema) {}

  /** "typeGuess": `string`, `Object`, `[]Container`, `map[string]string`… */
  typeGuess(schema: unknown): string {
    if (!truth(schema)) throw new Error("expected schema argument to subtemplate 'typeguess'");
    const s = schema as Schema;
    if (truth(s.items)) return `[]${this.typeGuess(s.items)}`;
    const additional = schemaOf(s.additionalProperties);
    if (additional) return `map[string]${this.typeGuess(additional)}`;
    if (truth(s.allOf) && !truth(s.properties) && Array.isArray(s.allOf) && s.allOf.length === 1) return this.typeGuess(s.allOf[0]);
    const ref = s.$ref;
    if (truth(ref)) {
      const target = resolveRef(ref, this.doc);
      if (!truth(target) || !truth(target!.type) || target!.type === 'object') {
        const name = String(ref).split('/').pop()!;
        return or(name.split('.').pop()!, 'Object');
      }
      return print(target!.type);
    }
    if (s.type === 'object') return 'Object';
    return truth(s.type) ? print(s.type) : 'Object';
  }

  /** "extractEnum": `ENUM:` lines under a FIELD header, or an `enum: a, b, c, d, ....` line in a list. */
  extractEnum(schema: unknown, longView: boolean, limit: number, indentAmount = 0): string {
    const values = field(schema, 'enum');
    if (!truth(schema) || !truth(values)) return '';
    let out = longView ? 'ENUM:' : `\n${indent(indentAmount, '')}enum: `;
    let i = 0;
    for (const v of items(values)) {
      if (limit > -1 && i >= limit) {
        out += ', ....';
        break;
      }
      if (i > 0 && !longView) out += ', ';
      else if (longView) out += `\n${indent(4, '')}`;
      out += v === '' ? '""' : print(v);
      i++;
    }
    return out;
  }

  /** "description": the schema's description, then those of its allOf, items and map values. */
  description(schema: unknown): string {
    const s = or(resolveRef(field(schema, '$ref'), this.doc) as unknown, schema);
    if (!truth(s)) return '';
    let out = '';
    if (truth(field(s, 'description'))) out += `${print(field(s, 'description'))}\n`;
    for (const sub of items(field(s, 'allOf'))) out += this.description(sub);
    if (truth(field(s, 'items'))) out += this.description(field(s, 'items'));
    const additional = schemaOf(field(s, 'additionalProperties'));
    if (additional) out += this.description(additional);
    return out;
  }

  /** "fieldDetail": one field's line (name, type, -required-, enum) and, unless short, its description. */
  fieldDetail(name: string, parent: Schema, short: boolean, level: number): string {
    const pad = level * 2;
    const fieldSchema = field(parent.properties, name);
    let out = `${indent(pad, name)}\t<${this.typeGuess(fieldSchema)}>`;
    if (contains(parent.required, name)) out += ' -required-';
    out += this.extractEnum(fieldSchema, false, 4, pad);
    out += '\n';
    if (!short) out += `${indent(pad + 2, wrap(78 - pad, print(or(field(fieldSchema, 'description'), '<no description>' as unknown))))}\n\n`;
    return out;
  }

  /** "fieldList": the fields of a schema (and, recursively, of their schemas). */
  fieldList(schema: unknown, level: number, history: Record<string, number> | undefined, recursive: boolean): string {
    const ref = or(field(schema, '$ref'), '' as unknown);
    if (truth(ref) && truth((history ?? {})[String(ref)])) return '';
    const next = { ...history, [print(ref)]: 1 };
    const resolved = or(resolveRef(ref, this.doc) as unknown, schema);
    let out = '';
    for (const [name, sub] of entries(field(resolved, 'properties'))) {
      out += this.fieldDetail(name, resolved as Schema, recursive, level);
      if (recursive) out += this.fieldList(sub, level + 1, next, recursive);
    }
    for (const sub of items(field(resolved, 'allOf'))) out += this.fieldList(sub, level, next, recursive);
    if (truth(field(resolved, 'items'))) out += this.fieldList(field(resolved, 'items'), level, next, recursive);
    const additional = schemaOf(field(resolved, 'additionalProperties'));
    if (additional) out += this.fieldList(additional, level, next, recursive);
    return out;
  }

  /** "output": follows the field path down, then prints FIELD/DESCRIPTION/FIELDS; '' when the path leads nowhere. */
  output(w: Walk): string {
    const ref = or(field(w.schema, '$ref'), '' as unknown);
    const next: Walk = { ...w, history: { ...w.history, [print(ref)]: 1 } };
    const resolved = or(resolveRef(ref, this.doc) as unknown, w.schema);
    if (!w.fieldPath.length) {
      let out = 'DESCRIPTION:\n';
      out += `${indent(4, wrap(76, or(this.description(resolved), '<empty>')))}\n`;
      const fields = this.fieldList(resolved, 1, undefined, w.recursive);
      if (fields) out += `FIELDS:\n${fields}`;
      return out;
    }
    if (truth(ref) && truth(w.history[print(ref)])) return '';  // a cycle
    const first = w.fieldPath[0]!;
    const properties = field(resolved, 'properties');
    if (truth(properties) && truth(field(properties, first))) {
      const sub = field(properties, first);
      let out = '';
      if (w.fieldPath.length === 1) out += `FIELD: ${first} <${this.typeGuess(sub)}>\n${this.extractEnum(sub, true, -1)}\n\n`;
      return out + this.output({ ...next, history: {}, fieldPath: w.fieldPath.slice(1), schema: sub });
    }
    if (truth(field(resolved, 'items'))) return this.output({ ...next, schema: field(resolved, 'items') });
    const additional = schemaOf(field(resolved, 'additionalProperties'));
    if (additional) return this.output({ ...next, schema: additional });
    for (const sub of items(field(resolved, 'allOf'))) {
      const out = this.output({ ...next, schema: sub });
      if (out) return out;
    }
    return '';
  }

  /** The GVK the resource's paths declare: kubectl looks at list and item paths, both scopes, in order. */
  gvkOf(gvr: Gvr): unknown {
    const prefix = gvr.group ? `/apis/${gvr.group}` : '/api';
    const paths = [
      [prefix, gvr.version, gvr.resource],
      [prefix, gvr.version, gvr.resource, '{name}'],
      [prefix, gvr.version, 'namespaces', '{namespace}', gvr.resource],
      [prefix, gvr.version, 'namespaces', '{namespace}', gvr.resource, '{name}'],
    ].map((p) => p.join('/'));
    let gvk: unknown = '';
    for (const path of paths) {
      const element = field(this.doc.paths, path);
      if (!truth(element)) continue;
      // each path that has an operation overrides what an earlier one found
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        const operation = field(element, method);
        if (!truth(operation)) continue;
        gvk = field(operation, 'x-kubernetes-group-version-kind');
        if (truth(gvk)) break;
      }
    }
    return gvk;
  }

  render(gvr: Gvr, fieldPath: string[], recursive: boolean): Rendered {
    let out = '';
    try {
      const gvk = this.gvkOf(gvr);
      if (!truth(gvk)) {
        return { out, error: new ExplainError(`error: GVR (${gvr.group}/${gvr.version}, Resource=${gvr.resource}) not found in OpenAPI schema`) };
      }
      if (truth(field(gvk, 'group'))) out += `GROUP:      ${print(field(gvk, 'group'))}\n`;
      out += `KIND:       ${print(field(gvk, 'kind'))}\n`;
      out += `VERSION:    ${print(field(gvk, 'version'))}\n\n`;
      let body = '';
      for (const [, schema] of entries(field(this.doc.components, 'schemas'))) {
        if (!contains(field(schema, 'x-kubernetes-group-version-kind'), gvk)) continue;
        body = this.output({ schema, history: {}, fieldPath, recursive });
        if (!body) return { out, error: new ExplainError(`error: field "${fieldPath[fieldPath.length - 1]}" does not exist`) };
        break;
      }
      if (!body) return { out, error: new ExplainError(`error: GVK ${print(gvk)} not found in OpenAPI schema`) };
      return { out: `${out}${body}\n` };
    } catch (err) {
      return { out, error: err as Error };
    }
  }
}

/** Renders `explain` for a resource (and a field path inside it) from its group version's OpenAPI v3 document. */
export function renderPlaintext(doc: Record<string, unknown>, gvr: Gvr, fieldPath: string[], recursive: boolean): Rendered {
  return new Renderer(doc).render(gvr, fieldPath, recursive);
}
