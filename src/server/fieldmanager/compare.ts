// TypedValue.Compare of structured-merge-diff: which paths a write added, modified or removed.
// Leaves (scalars, atomic lists and maps, and lists or maps empty on both sides) compare by value;
// elsewhere a node present on one side only is added or removed together with all it holds.
import { isDeepStrictEqual } from 'node:util';
import type { TypeIndex } from '../../api/types.ts';
import { fieldElement, pathKey, type PathElement } from './path-set.ts';
import { deduceAtom, isMap, type Atom, type Schema, type Shape } from './typed.ts';

export interface Comparison {
  added: Set<string>;
  modified: Set<string>;
  removed: Set<string>;
}

/** Compares `lhs` (before) with `rhs` (after); undefined stands for an absent value. */
export function compare(schema: Schema, shape: Shape, lhs: unknown, rhs: unknown): Comparison {
  const out: Comparison = { added: new Set(), modified: new Set(), removed: new Set() };
  walk(schema, shape, lhs, rhs, [], out);
  return out;
}

export function isSame(c: Comparison): boolean {
  return c.added.size === 0 && c.modified.size === 0 && c.removed.size === 0;
}

/** value.Equals: deep equality, key order aside. */
export function valueEquals(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}

function walk(schema: Schema, shape: Shape, lhs: unknown, rhs: unknown, path: PathElement[], out: Comparison): void {
  const atom = schema.resolve(shape);
  const left = deduceAtom(atom, lhs);
  const right = deduceAtom(atom, rhs);
  let leaf: boolean;
  if (rhs === undefined) leaf = handle(schema, left, lhs, rhs, path, out);
  else if (lhs === undefined || sameAtom(left, right)) leaf = handle(schema, right, lhs, rhs, path, out);
  else {
    // A value that changed kind (deduced types): both readings, as SMD walks both atoms; the
    // right-hand one decides whether the node is a leaf.
    handle(schema, left, lhs, rhs, path, out);
    leaf = handle(schema, right, lhs, rhs, path, out);
  }
  if (!leaf && path.length) {
    if (lhs === undefined) out.added.add(pathKey(path));
    else if (rhs === undefined) out.removed.add(pathKey(path));
  }
}

function sameAtom(a: Atom, b: Atom): boolean {
  return a.map === b.map && a.list === b.list && a.scalar === b.scalar;
}

/** handleAtom: map first, then scalar, then list. Returns whether the node was a leaf. */
function handle(schema: Schema, atom: Atom, lhs: unknown, rhs: unknown, path: PathElement[], out: Comparison): boolean {
  if (atom.map) {
    const l = isMap(lhs) ? lhs : undefined;
    const r = isMap(rhs) ? rhs : undefined;
    if (atom.map.atomic || (isEmptyMap(l) && isEmptyMap(r))) return leaf(lhs, rhs, path, out);
    if (!l && !r) return false;
    for (const key of new Set([...Object.keys(l ?? {}), ...Object.keys(r ?? {})])) {
      const child = schema.mapChild(atom.map, key) ?? {};
      walk(schema, child, l?.[key], r?.[key], [...path, fieldElement(key)], out);
    }
    return false;
  }
  if (atom.scalar || !atom.list) return leaf(lhs, rhs, path, out);
  const l = Array.isArray(lhs) ? lhs : undefined;
  const r = Array.isArray(rhs) ? rhs : undefined;
  if (!atom.list.associative || (!l?.length && !r?.length)) return leaf(lhs, rhs, path, out);
  compareItems(schema, atom.list, l ?? [], r ?? [], path, out);
  return false;
}

function isEmptyMap(m: Record<string, unknown> | undefined): boolean {
  return !m || Object.keys(m).length === 0;
}

function leaf(lhs: unknown, rhs: unknown, path: PathElement[], out: Comparison): true {
  if (!path.length) return true;
  if (lhs === undefined) out.added.add(pathKey(path));
  else if (rhs === undefined) out.removed.add(pathKey(path));
  else if (!valueEquals(lhs, rhs)) out.modified.add(pathKey(path));
  return true;
}

/** Items matched by key; duplicated keys compare as a whole (the live object may hold them). */
function compareItems(schema: Schema, list: NonNullable<Atom['list']>, lhs: unknown[], rhs: unknown[], path: PathElement[], out: Comparison): void {
  const order: string[] = [];
  const group = (items: unknown[]) => {
    const m = new Map<string, unknown[]>();
    for (const item of items) {
      const r = schema.itemElement(list, item);
      if (!('el' in r)) continue;
      const same = m.get(r.el);
      if (same) same.push(item);
      else {
        m.set(r.el, [item]);
        if (!order.includes(r.el)) order.push(r.el);
      }
    }
    return m;
  };
  const left = group(lhs);
  const right = group(rhs);
  for (const el of order) {
    const l = left.get(el) ?? [];
    const r = right.get(el) ?? [];
    const itemPath = [...path, el];
    if (l.length <= 1 && r.length <= 1) walk(schema, list.elem, l[0], r[0], itemPath, out);
    else if (l.length >= 2 && r.length >= 2) {
      if (!isDeepStrictEqual(l, r)) out.modified.add(pathKey(itemPath));
    } else if (l.length >= 2) {
      if (r.length) walk(schema, list.elem, undefined, r[0], itemPath, out);
      out.removed.add(pathKey(itemPath));
    } else {
      if (l.length) walk(schema, list.elem, l[0], undefined, itemPath, out);
      out.added.add(pathKey(itemPath));
    }
  }
}

const SCALARS = new Set(['string', 'int32', 'int64', 'boolean', 'double', 'bytes']);

/**
 * The Go zero value of a type as JSON: what a freshly created object is compared against, so that
 * non-pointer structs (default {}) and required fields count as existing before the first write.
 */
export function zeroValue(types: TypeIndex | undefined, typeName: string, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!types || depth > 8) return out;
  for (const f of types.jsonFields(typeName)) {
    if (f.repeated || f.map) {
      if (f.required) out[f.name] = null;
      continue;
    }
    const t = types.type(f.type);
    const isStruct = !!t && !t.special && !SCALARS.has(f.type);
    if (isStruct && f.default !== undefined && typeof f.default === 'object') out[f.name] = zeroValue(types, f.type, depth + 1);
    else if (f.required && isStruct) out[f.name] = null;
  }
  return out;
}
