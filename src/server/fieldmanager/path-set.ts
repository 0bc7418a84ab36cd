// Sets of field paths and their FieldsV1 encoding (sigs.k8s.io/structured-merge-diff fieldpath):
// a path is a list of elements `f:<field>`, `k:<json keys>`, `v:<json value>` or `i:<index>`;
// FieldsV1 nests them as JSON objects, `".": {}` marking a member that also has children.

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

/** Element order of the encoding: fields, then keys, values, indexes; each sorted. */
const KIND_ORDER: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 };

function compareElements(a: string, b: string): number {
  const ka = KIND_ORDER[a[0]!] ?? 9;
  const kb = KIND_ORDER[b[0]!] ?? 9;
  if (ka !== kb) return ka - kb;
  if (a[0] === 'i' && b[0] === 'i') return Number(a.slice(2)) - Number(b.slice(2));
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Node {
  member: boolean;
  children: Map<string, Node>;
}

export function toFieldsV1(set: ReadonlySet<string>): Record<string, unknown> {
  const root: Node = { member: false, children: new Map() };
  for (const key of set) {
    let node = root;
    for (const el of pathOf(key)) {
      let child = node.children.get(el);
      if (!child) {
        child = { member: false, children: new Map() };
        node.children.set(el, child);
      }
      node = child;
    }
    node.member = true;
  }
  const encode = (node: Node): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    if (node.member && node.children.size > 0) out['.'] = {};
    for (const el of [...node.children.keys()].sort(compareElements)) out[el] = encode(node.children.get(el)!);
    return out;
  };
  return encode(root);
}

export function fromFieldsV1(fields: unknown): Set<string> {
  const set = new Set<string>();
  const walk = (value: unknown, path: string[]) => {
    if (!value || typeof value !== 'object') return;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && path.length > 0) set.add(pathKey(path));
    for (const [k, v] of entries) {
      if (k === '.') set.add(pathKey(path));
      else walk(v, [...path, k]);
    }
  };
  walk(fields, []);
  return set;
}
