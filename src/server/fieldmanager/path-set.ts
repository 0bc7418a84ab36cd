// Sets of field paths and their FieldsV1 encoding (sigs.k8s.io/structured-merge-diff fieldpath):
// a path is a list of elements `f:<field>`, `k:<json keys>`, `v:<json value>` or `i:<index>`;
// FieldsV1 nests them as JSON objects, `".": {}` marking a member that also has children.
// A set is a Set of path keys (elements joined by a separator); PathTree is its nested form.

const SEP = '\u0001';

export type PathElement = string;

export function pathKey(path: readonly PathElement[]): string {
  return path.join(SEP);
}

export function pathOf(key: string): PathElement[] {
  return key === '' ? [] : key.split(SEP);
}

/** Whether `key` is `prefix` itself or lies below it. */
export function isUnder(key: string, prefix: string): boolean {
  return key === prefix || key.startsWith(prefix + SEP);
}

export const fieldElement = (name: string): PathElement => `f:${name}`;
export const indexElement = (i: number): PathElement => `i:${i}`;
export const valueElement = (v: unknown): PathElement => `v:${goJson(v)}`;

/** A key of an associative list item: its key fields, sorted by name (value.FieldList.Sort). */
export function keyElement(fields: Record<string, unknown>): PathElement {
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(fields).sort(byteCompare)) sorted[k] = fields[k];
  return `k:${goJson(sorted)}`;
}

/**
 * JSON as Go's encoding/json (jsoniter's standard-library mode) writes it: map keys sorted, and
 * <, >, &, U+2028, U+2029 escaped; fieldpath and the last-applied annotation are written so.
 */
export function goJson(v: unknown): string {
  return JSON.stringify(sortKeys(v)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort(byteCompare)) out[k] = sortKeys((v as Record<string, unknown>)[k]);
  return out;
}

export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** value.Compare: numbers, strings, booleans, lists, maps, null; each ordered within its kind. */
export function compareValues(a: unknown, b: unknown): number {
  const rank = (v: unknown) =>
    typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : Array.isArray(v) ? 3 : v !== null && typeof v === 'object' ? 4 : 5;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 0:
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 1:
      return byteCompare(a as string, b as string);
    case 2:
      return Number(a) - Number(b);
    case 3: {
      const x = a as unknown[];
      const y = b as unknown[];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compareValues(x[i], y[i]);
        if (c) return c;
      }
      return x.length - y.length;
    }
    case 4:
      return compareFieldLists(a as Record<string, unknown>, b as Record<string, unknown>);
    default:
      return 0;
  }
}

/** value.FieldList.Compare over name-sorted fields. */
function compareFieldLists(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const ka = Object.keys(a).sort(byteCompare);
  const kb = Object.keys(b).sort(byteCompare);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    const c = byteCompare(ka[i]!, kb[i]!) || compareValues(a[ka[i]!], b[kb[i]!]);
    if (c) return c;
  }
  return ka.length - kb.length;
}

const KIND_ORDER: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 };

/** PathElement.Compare: fields, then keys, values, indexes; each by its own value order. */
export function compareElements(a: PathElement, b: PathElement): number {
  const ka = KIND_ORDER[a[0]!] ?? 9;
  const kb = KIND_ORDER[b[0]!] ?? 9;
  if (ka !== kb) return ka - kb;
  switch (a[0]) {
    case 'f':
      return byteCompare(a, b);
    case 'i':
      return Number(a.slice(2)) - Number(b.slice(2));
    default: {
      const va = parseJson(a.slice(2));
      const vb = parseJson(b.slice(2));
      return va.ok && vb.ok ? compareValues(va.value, vb.value) || byteCompare(a, b) : byteCompare(a, b);
    }
  }
}

function parseJson(s: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(s) };
  } catch {
    return { ok: false };
  }
}

/** value.ToString: strings quoted, maps as k=v pairs. */
function valueString(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(valueString).join(',')}]`;
  if (typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k}=${valueString(x)}`).join('');
  return String(v);
}

/** PathElement.String: `.field`, `[k=v,...]`, `[=value]`, `[3]`. */
export function elementString(el: PathElement): string {
  const body = el.slice(2);
  switch (el[0]) {
    case 'f':
      return `.${body}`;
    case 'i':
      return `[${body}]`;
    case 'v': {
      const p = parseJson(body);
      return `[=${p.ok ? valueString(p.value) : body}]`;
    }
    case 'k': {
      const p = parseJson(body);
      if (!p.ok || !p.value || typeof p.value !== 'object') return `[${body}]`;
      return `[${Object.entries(p.value).map(([k, v]) => `${k}=${valueString(v)}`).join(',')}]`;
    }
    default:
      return '{{invalid path element}}';
  }
}

/** Path.String, as conflicts print it: `.spec.containers[name="app"].image`. */
export function pathString(key: string): string {
  return pathOf(key).map(elementString).join('');
}

/** The nested form of a set (fieldpath.Set: members and children per element). */
export class PathTree {
  readonly members = new Set<PathElement>();
  readonly children = new Map<PathElement, PathTree>();

  static of(set: Iterable<string>): PathTree {
    const root = new PathTree();
    for (const key of set) {
      const path = pathOf(key);
      if (path.length === 0) continue;
      let node: PathTree = root;
      for (const el of path.slice(0, -1)) {
        let child = node.children.get(el);
        if (!child) node.children.set(el, (child = new PathTree()));
        node = child;
      }
      node.members.add(path[path.length - 1]!);
    }
    return root;
  }

  get empty(): boolean {
    return this.members.size === 0 && this.children.size === 0;
  }

  /** Set.Iterate's order: at each level the members (sorted), then each child's paths. */
  paths(prefix: PathElement[] = []): string[] {
    const out: string[] = [];
    for (const m of [...this.members].sort(compareElements)) out.push(pathKey([...prefix, m]));
    for (const el of [...this.children.keys()].sort(compareElements)) out.push(...this.children.get(el)!.paths([...prefix, el]));
    return out;
  }
}

/** The paths of a set in fieldpath's iteration order. */
export function sortedPaths(set: Iterable<string>): string[] {
  return PathTree.of(set).paths();
}

export function toFieldsV1(set: Iterable<string>): Record<string, unknown> {
  const encode = (node: PathTree, self: boolean): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    if (self && !node.empty) out['.'] = {};
    const all = new Set([...node.members, ...node.children.keys()]);
    for (const el of [...all].sort(compareElements)) {
      const child = node.children.get(el);
      out[el] = child ? encode(child, node.members.has(el)) : {};
    }
    return out;
  };
  return encode(PathTree.of(set), false);
}

/** FieldsV1 → set; k: and v: elements are re-serialised so that equal keys compare equal. */
export function fromFieldsV1(fields: unknown): Set<string> {
  const set = new Set<string>();
  const walk = (value: unknown, path: string[]) => {
    if (!value || typeof value !== 'object') return;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && path.length > 0) set.add(pathKey(path));
    for (const [k, v] of entries) {
      if (k === '.') set.add(pathKey(path));
      else walk(v, [...path, canonicalElement(k)]);
    }
  };
  walk(fields, []);
  return set;
}

function canonicalElement(el: string): PathElement {
  if (el[1] !== ':' || (el[0] !== 'k' && el[0] !== 'v')) return el;
  const p = parseJson(el.slice(2));
  if (!p.ok) return el;
  if (el[0] === 'v') return valueElement(p.value);
  return p.value && typeof p.value === 'object' && !Array.isArray(p.value) ? keyElement(p.value as Record<string, unknown>) : el;
}
