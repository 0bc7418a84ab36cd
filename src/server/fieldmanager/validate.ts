// Validation of an applied configuration against the schema, as structured-merge-diff's
// TypedValue.Validate does when apply turns the request into a typed value: undeclared fields,
// scalars of the wrong kind, lists and maps of the wrong shape, duplicated or keyless list items.
// Messages keep SMD's text, Go's %v/%#v/%T renderings included.
import { elementString } from './path-set.ts';
import { deduceAtom, isMap, type Schema, type Shape } from './typed.ts';

interface ValidationError {
  path: string;
  message: string;
}

/** ValidationErrors.Error(): one error alone, several under "errors:". Empty when valid. */
export function validateApplied(schema: Schema, shape: Shape, value: unknown): string {
  const errs: ValidationError[] = [];
  walk(schema, shape, value, '', errs);
  const text = errs.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  if (text.length <= 1) return text[0] ?? '';
  return ['errors:', ...text.map((t) => `  ${t}`)].join('\n');
}

function walk(schema: Schema, shape: Shape, value: unknown, path: string, errs: ValidationError[]): void {
  const atom = deduceAtom(schema.resolve(shape), value);
  const fail = (message: string, at = path): void => {
    errs.push({ path: at, message });
  };
  if (atom.map) {
    if (value === null || value === undefined) return;
    if (!isMap(value)) return fail(`expected map, got ${goV(value)}`);
    for (const [key, v] of Object.entries(value)) {
      const child = schema.mapChild(atom.map, key);
      // SMD stops at the first undeclared field of a map.
      if (!child) return fail('field not declared in schema', `${path}.${key}`);
      walk(schema, child, v, `${path}.${key}`, errs);
    }
    return;
  }
  if (atom.scalar || !atom.list) {
    if (value === null || value === undefined) return;
    switch (atom.scalar) {
      case 'numeric':
        if (typeof value !== 'number') fail(`expected numeric (int or float), got ${goT(value)}`);
        return;
      case 'string':
        if (typeof value !== 'string') fail(`expected string, got ${goSharpV(value)}`);
        return;
      case 'boolean':
        if (typeof value !== 'boolean') fail(`expected boolean, got ${goV(value)}`);
        return;
      default:
        if (typeof value === 'object') fail(`expected any scalar, got ${goV(value)}`);
        return;
    }
  }
  if (value === null || value === undefined) return;
  if (!Array.isArray(value)) return fail(`expected list, got ${goV(value)}`);
  const list = atom.list;
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    let prefix = `[${i}]`;
    if (list.associative) {
      const r = schema.itemElement(list, value[i]);
      // An item without a path element stops the list: nothing below it can be named.
      if ('error' in r) return fail(`element ${i}: ${r.error}`);
      if (seen.has(r.el)) fail(`duplicate entries for key ${elementString(r.el)}`);
      seen.add(r.el);
      prefix = elementString(r.el);
    }
    walk(schema, list.elem, value[i], path + prefix, errs);
  }
}

/** Go's %v of an interface{} holding a decoded JSON value. */
function goPlain(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goPlain).join(' ')}]`;
  if (typeof v === 'object')
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goPlain((v as Record<string, unknown>)[k])}`)
      .join(' ')}]`;
  return String(v);
}

/** %v of a value.Value (a pointer to SMD's wrapper struct). */
const goV = (v: unknown) => `&{${goPlain(v)}}`;

/** %#v of a Go-syntax interface{} value. */
function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  if (typeof v === 'object')
    return `map[string]interface {}{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goSyntax((v as Record<string, unknown>)[k])}`)
      .join(', ')}}`;
  return String(v);
}

const goSharpV = (v: unknown) => `&value.valueUnstructured{Value:${goSyntax(v)}}`;

/** %T of a decoded JSON value (integers decode as int64, other numbers as float64). */
function goT(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  if (v === null) return '<nil>';
  return 'map[string]interface {}';
}
