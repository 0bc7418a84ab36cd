// TypedValue.Merge and RemoveItems of structured-merge-diff: the applied configuration merged into
// the live object along the schema, and fields taken out of an object by ownership paths.
import { fieldElement, PathTree, pathKey, pathOf, type PathElement } from './path-set.ts';
import { deduceAtom, isMap, type ListAtom, type Schema, type Shape } from './typed.ts';

/**
 * Merges `rhs` (the applied configuration) into `lhs` (the live object): leaves and atomic values
 * take the right-hand side, granular maps merge key by key, associative lists item by item.
 * Nothing is removed; throws when a list cannot be indexed.
 */
export function merge(schema: Schema, shape: Shape, lhs: unknown, rhs: unknown): unknown {
  if (rhs === undefined) return structuredClone(lhs);
  if (lhs === undefined) return structuredClone(rhs);
  const atom = deduceAtom(schema.resolve(shape), rhs);
  if (atom.map) {
    const l = isMap(lhs) ? lhs : undefined;
    const r = isMap(rhs) ? rhs : undefined;
    if (atom.map.atomic || (isEmpty(l) && isEmpty(r))) return structuredClone(rhs);
    const out: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(l ?? {}), ...Object.keys(r ?? {})])) {
      const v = merge(schema, schema.mapChild(atom.map, key) ?? {}, l?.[key], r?.[key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  if (atom.scalar || !atom.list) return structuredClone(rhs);
  const l = Array.isArray(lhs) ? lhs : undefined;
  const r = Array.isArray(rhs) ? rhs : undefined;
  if (!atom.list.associative || (!l?.length && !r?.length)) return structuredClone(rhs);
  return mergeItems(schema, atom.list, l ?? [], r ?? []);
}

function isEmpty(m: Record<string, unknown> | undefined): boolean {
  return !m || Object.keys(m).length === 0;
}

/**
 * visitListItems' order: the applied items in their order, live-only items kept where they were
 * relative to the items both sides have. Duplicated live items are not merged with the applied one.
 */
function mergeItems(schema: Schema, list: ListAtom, lhs: unknown[], rhs: unknown[]): unknown[] {
  const elements = (items: unknown[], side: string) =>
    items.map((item, i) => {
      const r = schema.itemElement(list, item);
      if ('error' in r) throw new Error(`${side}: element ${i}: ${r.error}`);
      return r.el;
    });
  const rEls = elements(rhs, 'rhs');
  const lEls = elements(lhs, 'lhs');
  const observedR = new Map<string, unknown>();
  rEls.forEach((el, i) => {
    if (observedR.has(el)) throw new Error(`duplicate entries for key ${el}`);
    observedR.set(el, rhs[i]);
  });
  const observedL = new Map<string, unknown>();
  lEls.forEach((el, i) => observedL.set(el, observedL.has(el) ? null : lhs[i]));
  const shared = rEls.filter((el) => observedL.has(el));
  let sharedAt = 0;
  let nextShared = shared[sharedAt++];
  const mergedR = new Set<string>();
  const out: unknown[] = [];
  const push = (l: unknown, r: unknown) => {
    const v = merge(schema, list.elem, l, r);
    if (v !== undefined) out.push(v);
  };
  let li = 0;
  let ri = 0;
  while (li < lEls.length || ri < rEls.length) {
    if (li < lEls.length && ri < rEls.length) {
      const el = lEls[li]!;
      if (el === rEls[ri]) {
        mergedR.add(el);
        push(observedL.get(el), observedR.get(el));
        li++;
        ri++;
        nextShared = shared[sharedAt++];
        continue;
      }
      // An item both sides have, but not the next one the applied order wants: it comes later.
      if (observedR.has(el) && nextShared !== undefined && nextShared !== el) {
        li++;
        continue;
      }
    }
    if (li < lEls.length) {
      const el = lEls[li]!;
      if (!observedR.has(el)) {
        push(lhs[li], undefined);
        li++;
        continue;
      }
      if (mergedR.has(el)) li++;
    }
    if (ri < rEls.length) {
      const el = rEls[ri]!;
      mergedR.add(el);
      push(observedL.get(el), observedR.get(el));
      ri++;
      if (nextShared !== undefined && nextShared === el) nextShared = shared[sharedAt++];
    }
  }
  return out;
}

export interface Removal {
  value: unknown;
  /** Paths of maps and lists that lost all their members (left as null, as SMD leaves them). */
  emptied: string[];
}

/** TypedValue.RemoveItems: drops every member of `set` (with what it holds) from `value`. */
export function removeItems(schema: Schema, shape: Shape, value: unknown, set: Iterable<string>): Removal {
  const emptied: string[] = [];
  const tree = PathTree.of(set);
  return { value: tree.empty ? value : remove(schema, shape, value, tree, [], emptied), emptied };
}

function remove(schema: Schema, shape: Shape, value: unknown, tree: PathTree, path: PathElement[], emptied: string[]): unknown {
  const atom = deduceAtom(schema.resolve(shape), value);
  const gone = () => {
    emptied.push(pathKey(path));
    return null;
  };
  if (atom.map) {
    if (!isMap(value) || Object.keys(value).length === 0) return value;
    if (atom.map.atomic) return gone();
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const el = fieldElement(key);
      if (tree.members.has(el)) continue;
      const sub = tree.children.get(el);
      out[key] = sub ? remove(schema, schema.mapChild(atom.map, key) ?? {}, v, sub, [...path, el], emptied) : v;
    }
    return Object.keys(out).length ? out : gone();
  }
  if (atom.scalar || !atom.list) return value;
  if (!Array.isArray(value) || value.length === 0) return value;
  if (!atom.list.associative) return gone();
  const out: unknown[] = [];
  for (const item of value) {
    const r = schema.itemElement(atom.list, item);
    if ('error' in r) {
      out.push(item);
      continue;
    }
    if (tree.members.has(r.el)) continue;
    const sub = tree.children.get(r.el);
    out.push(sub ? remove(schema, atom.list.elem, item, sub, [...path, r.el], emptied) : item);
  }
  return out.length ? out : gone();
}

/** Deletes the map entries that removal left as null, as decoding into Go types drops them. */
export function dropEmptied(schema: Schema, shape: Shape, value: unknown, emptied: readonly string[]): void {
  for (const key of emptied) {
    const path = pathOf(key);
    const last = path.pop();
    if (!last?.startsWith('f:')) continue;
    let node: unknown = value;
    let nodeShape: Shape | undefined = shape;
    for (const el of path) {
      const atom = nodeShape ? deduceAtom(schema.resolve(nodeShape), node) : {};
      if (el.startsWith('f:') && atom.map && isMap(node)) {
        nodeShape = schema.mapChild(atom.map, el.slice(2));
        node = node[el.slice(2)];
      } else if (atom.list && Array.isArray(node)) {
        const list = atom.list;
        node = node.find((item) => {
          const r = schema.itemElement(list, item);
          return 'el' in r && r.el === el;
        });
        nodeShape = list.elem;
      } else node = undefined;
      if (node === undefined) break;
    }
    if (isMap(node) && node[last.slice(2)] === null) delete node[last.slice(2)];
  }
}
