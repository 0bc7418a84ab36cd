// List helpers shared by applying and creating strategic merge patches: directive names, element
// types, merge-key lookups, de-duplication and the element-order rules ($setElementOrder > order
// in the patch > order in the live list) of upstream's strategicpatch package.
import { goSort, goSortStable } from '../../api/go-sort.ts';
import {
  type GoKind, type Json, type JsonObject, compareStrings, get, goEqual, goKind, goSprint, has, isObject,
} from '../go-value.ts';
import {
  PatchError, errBadArgType, errBadPatchFormatForPrimitiveList, errBadPatchFormatForSetElementOrderList,
  errListElementTypes, errNoElements, errNoListOfLists, errNoMergeKey,
} from '../errors.ts';

export const DIRECTIVE = '$patch';
export const RETAIN_KEYS = '$retainKeys';
export const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
export const SET_ELEMENT_ORDER = '$setElementOrder';

const MAP_TYPE = 'map[string]interface {}';
export const SLICE_TYPE = '[]interface {}';

/** The list key behind "$setElementOrder/<key>" or "$deleteFromPrimitiveList/<key>". */
export function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/');
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST) throw errBadPatchFormatForPrimitiveList();
    if (prefix === SET_ELEMENT_ORDER) throw errBadPatchFormatForSetElementOrderList();
    throw new PatchError(`fail to find unknown prefix ${JSON.stringify(prefix)} in ${s}\n`);
  }
  return s.slice(slash + 1);
}

/** Splits "merge,retainKeys" into the retainKeys flag and the other strategy. */
export function retainKeysAndStrategy(strategies: string[]): { retainKeys: boolean; strategy: string } {
  if (strategies.length === 0) return { retainKeys: false, strategy: '' };
  if (strategies.length === 1) {
    return strategies[0] === 'retainKeys' ? { retainKeys: true, strategy: '' } : { retainKeys: false, strategy: strategies[0]! };
  }
  if (strategies.length === 2) {
    if (strategies[0] === 'retainKeys') return { retainKeys: true, strategy: strategies[1]! };
    if (strategies[1] === 'retainKeys') return { retainKeys: true, strategy: strategies[0]! };
  }
  throw new PatchError(`unexpected patch strategy: ${goSprint(strategies)}`);
}

/** The one JSON type of all items of the lists (upstream sliceElementType). */
export function elementKind(...slices: Json[][]): GoKind {
  let prev: GoKind | undefined;
  for (const s of slices) {
    for (const v of s) {
      const k = goKind(v);
      if (prev === undefined) {
        prev = k;
        if (k === 'slice') throw errNoListOfLists();
      } else if (prev !== k) {
        throw errListElementTypes(slices);
      }
    }
  }
  if (prev === undefined) throw errNoElements();
  return prev;
}

export function asMap(v: Json | undefined): JsonObject {
  if (!isObject(v)) throw errBadArgType(MAP_TYPE, v);
  return v;
}

export function mergeKeyValue(m: JsonObject, mergeKey: string): Json {
  if (!has(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
  return m[mergeKey]!;
}

/** The item of `list` whose merge key equals `value`, and its index. */
export function findByMergeKey(list: Json[], mergeKey: string, value: Json): [JsonObject, number] | undefined {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!isObject(v)) throw new PatchError(`value for key ${i} is not a map`);
    if (has(v, mergeKey) && goEqual(v[mergeKey], value)) return [v, i];
  }
  return undefined;
}

/** Go's == between two items, by merge key when there is one. */
export function mergeKeyValueEqual(left: Json, right: Json, mergeKey: string): boolean {
  if (!mergeKey) return goEqual(left, right);
  return goEqual(mergeKeyValue(asMap(left), mergeKey), mergeKeyValue(asMap(right), mergeKey));
}

/** Upstream's in-place de-duplication: a later duplicate is overwritten by the last item. */
export function deduplicateScalars(s: Json[]): Json[] {
  s.length = deduplicateInPlace(s);
  return s;
}

/** The de-duplication on a buffer that keeps its size: slots past the returned length stay as Go leaves them. */
export function deduplicateInPlace(s: Json[]): number {
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (goEqual(s[i], s[j])) {
        s[j] = s[length]!;
        length--;
        j--;
      }
    }
  }
  return length + 1;
}

/** Capacity of a Go slice of n items built by appending one at a time (JSON and protobuf decoding). */
export function appendedCapacity(n: number): number {
  let cap = 0;
  while (cap < n) cap = cap === 0 ? 1 : cap < 256 ? cap * 2 : cap + Math.trunc((cap + 768) / 4);
  return cap;
}

// fmt %v strings compared with sort.StringsAreSorted([a, b]), i.e. a <= b.
const lessOrEqual = (a: string, b: string) => compareStrings(a, b) <= 0;

/** sort.Sort of scalars by their %v text. */
export function sortScalars(s: Json[]): Json[] {
  return goSort(s, (a, b) => lessOrEqual(goSprint(a), goSprint(b)));
}

/** sort.Sort of maps by the %v text of one field. */
export function sortMapsByField(s: JsonObject[], field: string): JsonObject[] {
  return goSort(s, (a, b) => lessOrEqual(goSprint(a[field]), goSprint(b[field])));
}

export function containsDirective(v: Json): boolean {
  return isObject(v) && DIRECTIVE in v;
}

/** Splits list items into kept ones and `$patch: delete` ones. */
export function extractToDeleteItems(list: Json[]): [Json[], Json[]] {
  const keep: Json[] = [], toDelete: Json[] = [];
  for (const v of list) {
    const m = asMap(v);
    (DIRECTIVE in m && goEqual(m[DIRECTIVE], 'delete') ? toDelete : keep).push(v);
  }
  return [keep, toDelete];
}

function validateMergeKeyInLists(mergeKey: string, ...lists: Json[][]): void {
  for (const list of lists) for (const item of list) mergeKeyValue(asMap(item), mergeKey);
}

/** Go's == between list items as a lookup key; undefined for maps and slices, which == never matches. */
function identity(v: Json | undefined): string | undefined {
  const k = goKind(v);
  if (k === 'map' || k === 'slice') return undefined;
  return k === 'nil' ? k : `${k}:${String(v)}`;
}

/** Position lookup in `list` (first occurrence), by merge key for maps, where a missing key is null. */
function positionsIn(list: Json[], mergeKey: string, isMap: boolean): (item: Json) => number {
  const keyOf = isMap ? (v: Json) => (isObject(v) ? (get(v, mergeKey) ?? null) : null) : (v: Json) => v;
  const first = new Map<string, number>();
  list.forEach((v, i) => {
    const id = identity(keyOf(v));
    if (id !== undefined && !first.has(id)) first.set(id, i);
  });
  return (item) => {
    const id = identity(keyOf(item));
    return id === undefined ? -1 : (first.get(id) ?? -1);
  };
}

/** Sorts `toSort` by positions in `order` (stable; unknown items compare as "less"). */
export function normalizeSliceOrder(toSort: Json[], order: Json[], mergeKey: string, isMap: boolean): Json[] {
  let toDelete: Json[] = [];
  if (isMap) {
    validateMergeKeyInLists(mergeKey, toSort, order);
    [toSort, toDelete] = extractToDeleteItems(toSort);
  }
  const position = positionsIn(order, mergeKey, isMap);
  goSortStable(toSort, (a, b) => {
    const ia = position(a);
    if (ia >= 0) {
      const ib = position(b);
      if (ib >= 0) return ia < ib;
    }
    return true;
  });
  return [...toSort, ...toDelete];
}

/** Interleaves server-only items into patch items, keeping both relative orders (upstream mergeSortedSlice). */
function mergeSorted(left: Json[], right: Json[], serverOrder: Json[], mergeKey: string, isMap: boolean): Json[] {
  const position = positionsIn(serverOrder, mergeKey, isMap);
  const out: Json[] = [];
  let i = 0, j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]!);
    else if (j >= right.length) out.push(left[i++]!);
    else {
      const li = position(left[i]!), ri = position(right[j]!);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]!);
      else out.push(right[j++]!);
    }
  }
  return out;
}

/** Orders patch items by `patchOrder`, server-only items by the live order, then interleaves them. */
export function normalizeElementOrder(
  patch: Json[], serverOnly: Json[], patchOrder: Json[], serverOrder: Json[], mergeKey: string, isMap: boolean,
): Json[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, isMap);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, isMap);
  return mergeSorted(s, p, serverOrder, mergeKey, isMap);
}

/** Items of `list` present in `by` (by value), and the others. */
export function partitionPrimitives(list: Json[], by: Json[]): [Json[], Json[]] {
  const present = new Set(by.map(identity));
  const inPatch: Json[] = [], serverOnly: Json[] = [];
  for (const v of list) {
    const id = identity(v);
    (id !== undefined && present.has(id) ? inPatch : serverOnly).push(v);
  }
  return [inPatch, serverOnly];
}

/** Items of `list` whose merge key appears in `by`, and the others. */
export function partitionMaps(list: Json[], by: Json[], mergeKey: string): [Json[], Json[]] {
  // With only maps in `by` a lookup table answers as the scan would; otherwise scan, for its error.
  let present: ((value: Json) => boolean) | undefined;
  if (by.every(isObject)) {
    const ids = new Set((by as JsonObject[]).filter((m) => has(m, mergeKey)).map((m) => identity(m[mergeKey])));
    present = (value) => {
      const id = identity(value);
      return id !== undefined && ids.has(id);
    };
  }
  const inPatch: Json[] = [], serverOnly: Json[] = [];
  for (const v of list) {
    const value = mergeKeyValue(asMap(v), mergeKey);
    const found = present ? present(value) : findByMergeKey(by, mergeKey, value) !== undefined;
    (found ? inPatch : serverOnly).push(v);
  }
  return [inPatch, serverOnly];
}
