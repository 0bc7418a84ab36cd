// Applying a strategic merge patch (application/strategic-merge-patch+json) with the semantics of
// k8s.io/apimachinery strategicpatch.StrategicMergeMapPatch, which kube-apiserver and
// `kubectl patch --local` run: maps merge, null deletes, lists follow the field's patch strategy,
// and the $patch, $retainKeys, $setElementOrder and $deleteFromPrimitiveList directives apply.
// The same merge, with other options, combines the two halves of a three-way patch (diff.ts).
import { type Json, type JsonObject, clone, deepEqual, goEqual, goKind, goSprint, has, isObject, put } from '../go-value.ts';
import {
  PatchError, errBadArgType, errBadJSONDoc, errBadPatchFormatForRetainKeys, errBadPatchFormatForSetElementOrderList,
  errBadPatchType, errNoMergeKey,
} from '../errors.ts';
import type { PatchSchema } from '../schema.ts';
import {
  DELETE_FROM_PRIMITIVE_LIST, DIRECTIVE, RETAIN_KEYS, SET_ELEMENT_ORDER, SLICE_TYPE, asMap, containsDirective,
  appendedCapacity, deduplicateInPlace, elementKind, extractKey, extractToDeleteItems, findByMergeKey, mergeKeyValueEqual,
  normalizeElementOrder, partitionMaps, partitionPrimitives, retainKeysAndStrategy,
} from './lists.ts';

export interface MergeOptions {
  /** Apply $deleteFromPrimitiveList and $setElementOrder (server side) rather than carry them (patch merging). */
  mergeParallelList: boolean;
  /** Drop nulls that have nothing to delete rather than keep them (to send an explicit delete). */
  ignoreUnmatchedNulls: boolean;
}

const APPLY: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };

/**
 * Applies a strategic merge patch to an object and returns the result; the inputs are not modified.
 * A null patch changes nothing. Throws PatchError with upstream's messages.
 */
export function strategicMergePatch(original: JsonObject, patch: Json, schema: PatchSchema): JsonObject {
  if (patch === null) return clone(original);
  if (!isObject(patch) || !isObject(original)) throw errBadJSONDoc();
  return mergeMap(clone(original), clone(patch), schema, APPLY);
}

/** Upstream mergeMap. Mutates both arguments. */
export function mergeMap(original: JsonObject | null, patch: JsonObject, schema: PatchSchema, options: MergeOptions): JsonObject {
  if (DIRECTIVE in patch) return mapDirective(patch[DIRECTIVE]!, patch);
  const target = original ?? {};
  applyRetainKeys(target, patch, options);
  mergeOrderedLists(target, patch, schema, options);

  for (const patchKey of Object.keys(patch)) {
    const patchV = patch[patchKey]!;
    let k = patchKey, isDeleteList = false;
    if (patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      if (!options.mergeParallelList) {
        put(target, patchKey, patchV);
        continue;
      }
      const listKey = extractKey(patchKey, DELETE_FROM_PRIMITIVE_LIST);
      isDeleteList = true;
      if (listKey) k = listKey;
    }
    if (patchV === null) {
      delete target[k];
      if (options.ignoreUnmatchedNulls) continue;
    }
    if (!has(target, k) || goKind(target[k]) !== goKind(patchV)) {
      // Absent or of another type: the patch value wins, minus its directives.
      if (!isDeleteList) {
        if (options.ignoreUnmatchedNulls) discardNulls(patchV);
        setWithoutDirectives(target, k, patchV);
      }
      continue;
    }
    const current = target[k]!;
    if (isObject(current)) {
      const field = schema.field(k);
      const { strategy } = retainKeysAndStrategy(field.strategies());
      put(target, k, strategy === 'replace' ? patchV : mergeMap(current, patchV as JsonObject, field, options));
    } else if (Array.isArray(current)) {
      const field = schema.field(k);
      const items = field.element();
      const { strategy } = retainKeysAndStrategy(field.strategies());
      put(target, k, mergeSliceHandler(current, patchV as Json[], items, strategy, field.mergeKey(), isDeleteList, options));
    } else {
      setWithoutDirectives(target, k, patchV);
    }
  }
  return target;
}

function mapDirective(directive: Json, patch: JsonObject): JsonObject {
  if (goEqual(directive, 'replace')) {
    delete patch[DIRECTIVE];
    return patch;
  }
  if (goEqual(directive, 'delete')) return {};
  throw errBadPatchType(directive, patch);
}

function setWithoutDirectives(target: JsonObject, key: string, value: Json): void {
  const [v, keep] = removeDirectives(value);
  if (keep) put(target, key, v);
  else delete target[key];
}

/** Drops maps carrying $patch (at any depth); false when `value` itself is one. Mutates maps. */
export function removeDirectives(value: Json): [Json, boolean] {
  if (Array.isArray(value)) {
    const out: Json[] = [];
    for (const v of value) {
      const [nv, keep] = removeDirectives(v);
      if (keep) out.push(nv);
    }
    return [out, true];
  }
  if (!isObject(value)) return [value, true];
  if (DIRECTIVE in value) return [null, false];
  for (const k of Object.keys(value)) setWithoutDirectives(value, k, value[k]!);
  return [value, true];
}

function discardNulls(value: Json): void {
  if (Array.isArray(value)) value.forEach(discardNulls);
  else if (isObject(value)) {
    for (const k of Object.keys(value)) {
      if (value[k] === null) delete value[k];
      else discardNulls(value[k]!);
    }
  }
}

/** $retainKeys: clear the original's fields not listed; every set field of the patch must be listed. */
function applyRetainKeys(original: JsonObject, patch: JsonObject, options: MergeOptions): void {
  if (!(RETAIN_KEYS in patch)) return;
  const retain = patch[RETAIN_KEYS]!;
  delete patch[RETAIN_KEYS];
  if (!options.mergeParallelList) {
    // Merging two patches: both must agree.
    if (!(RETAIN_KEYS in original)) original[RETAIN_KEYS] = retain;
    else if (!deepEqual(original[RETAIN_KEYS], retain)) {
      throw new PatchError(`${goSprint(original[RETAIN_KEYS])} and ${goSprint(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`);
    }
    return;
  }
  if (!Array.isArray(retain)) throw errBadPatchFormatForRetainKeys();
  const keys = new Set(retain.filter((v): v is string => typeof v === 'string'));
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keys.has(k)) throw errBadPatchFormatForRetainKeys();
  }
  for (const k of Object.keys(original)) if (!keys.has(k)) delete original[k];
}

/** $setElementOrder/<list>: merge that list now and order it; removes both keys from the patch. */
function mergeOrderedLists(original: JsonObject, patch: JsonObject, schema: PatchSchema, options: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER) || !has(patch, key)) continue;
    const order = patch[key]!;
    if (!options.mergeParallelList) {
      // Merging two patches: the order directive moves to the first, and both must agree.
      if (!has(original, key)) put(original, key, order);
      else if (!deepEqual(original[key], order)) throw errBadPatchFormatForSetElementOrderList();
    }
    delete patch[key];
    if (!Array.isArray(order)) throw errBadArgType(SLICE_TYPE, order);
    const listKey = extractKey(key, SET_ELEMENT_ORDER);
    const foundOriginal = has(original, listKey), foundPatch = has(patch, listKey);
    const originalList = foundOriginal ? asSlice(original[listKey]) : [];
    const patchList = foundPatch ? asSlice(patch[listKey]) : [];
    const field = schema.field(listKey);
    const items = field.element();
    const { strategy } = retainKeysAndStrategy(field.strategies());
    const mergeKey = field.mergeKey();
    validatePatchWithSetOrderList(patchList, order, mergeKey);

    let merged: Json[];
    if (foundOriginal && !foundPatch) merged = originalList;
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList)[0] as Json[];
    else if (foundOriginal && foundPatch) merged = mergeSliceHandler(originalList, patchList, items, strategy, mergeKey, false, options);
    else continue;

    const [inOrder, serverOnly] = mergeKey ? partitionMaps(merged, order, mergeKey) : partitionPrimitives(merged, order);
    const isMap = elementKind(originalList, patchList) === 'map';
    put(original, listKey, normalizeElementOrder(inOrder, serverOnly, order, originalList, mergeKey, isMap));
    delete patch[listKey];
  }
}

function asSlice(v: Json | undefined): Json[] {
  if (!Array.isArray(v)) throw errBadArgType(SLICE_TYPE, v);
  return v;
}

/** The patch's list items (deletions aside) must appear in the $setElementOrder list, in its order. */
function validatePatchWithSetOrderList(patchList: Json[], order: Json[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const kept = mergeKey ? extractToDeleteItems(patchList)[0] : patchList;
  let p = 0, o = 0;
  while (p < kept.length && o < order.length) {
    if (containsDirective(kept[p]!)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(kept[p]!, order[o]!, mergeKey)) p++;
    o++;
  }
  if (p < kept.length && o >= order.length) {
    throw new PatchError(`The order in patch list:\n${goSprint(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goSprint(order)}\n`);
  }
}

function mergeSliceHandler(
  original: Json[], patch: Json[], items: PatchSchema, strategy: string, mergeKey: string, isDeleteList: boolean, options: MergeOptions,
): Json[] {
  // A deletion list applies whatever the field's strategy.
  if (strategy === 'merge' || isDeleteList) return mergeSlice(original, patch, items, mergeKey, options, isDeleteList);
  return patch;
}

function mergeSlice(original: Json[], patch: Json[], items: PatchSchema, mergeKey: string, options: MergeOptions, isDeleteList: boolean): Json[] {
  if (original.length === 0 && patch.length === 0) return original;
  const isMap = elementKind(original, patch) === 'map';
  let merged: Json[];
  if (!isMap) {
    if (options.mergeParallelList && isDeleteList) return original.filter((v) => !patch.some((d) => goEqual(d, v)));
    const both = [...original, ...patch];
    merged = both.slice(0, deduplicateInPlace(both));
    // Go appends the patch into the original's spare capacity when it fits, so de-duplicating
    // rewrites the live order that ordering consults below (visible when the list had duplicates).
    if (appendedCapacity(original.length) >= both.length) original = both.slice(0, original.length);
  } else {
    if (!mergeKey) throw new PatchError(`cannot merge lists without merge key for ${items.name()}`);
    [original, patch] = applySpecialItems(original, patch, mergeKey);
    merged = mergeItems(original, patch, mergeKey, items, options);
  }
  const [inPatch, serverOnly] = mergeKey ? partitionMaps(merged, patch, mergeKey) : partitionPrimitives(merged, patch);
  return normalizeElementOrder(inPatch, serverOnly, patch, original, mergeKey, isMap);
}

/** Items with $patch: delete removes by key, replace makes the patch's items the list. */
function applySpecialItems(original: Json[], patch: Json[], mergeKey: string): [Json[], Json[]] {
  const plain: Json[] = [];
  let replace = false;
  for (const v of patch) {
    const m = v as JsonObject;
    if (!(DIRECTIVE in m)) {
      plain.push(v);
      continue;
    }
    const directive = m[DIRECTIVE]!;
    if (goEqual(directive, 'delete')) {
      if (!has(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
      original = deleteMatching(original, mergeKey, m[mergeKey]!);
    } else if (goEqual(directive, 'replace')) {
      replace = true; // keep going: later directive items are dropped too
    } else if (goEqual(directive, 'merge')) {
      throw new PatchError('merging lists cannot yet be specified in the patch');
    } else {
      throw errBadPatchType(directive, m);
    }
  }
  return replace ? [plain, []] : [original, plain];
}

function deleteMatching(list: Json[], mergeKey: string, value: Json): Json[] {
  const out = [...list];
  for (let found = findByMergeKey(out, mergeKey, value); found; found = findByMergeKey(out, mergeKey, value)) out.splice(found[1], 1);
  return out;
}

/** Merges each patch item into the original item with its key, or appends it. */
function mergeItems(original: Json[], patch: Json[], mergeKey: string, items: PatchSchema, options: MergeOptions): Json[] {
  const out = [...original];
  for (const v of patch) {
    const m = asMap(v);
    if (!has(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
    const found = findByMergeKey(out, mergeKey, m[mergeKey]!);
    if (found) out[found[1]] = mergeMap(found[0], m, items, options);
    else out.push(v);
  }
  return out;
}
