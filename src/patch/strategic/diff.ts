// Creating strategic merge patches, as kubectl does for client-side apply
// (strategicpatch.CreateTwoWayMergePatch and CreateThreeWayMergePatch): fields dropped from the
// configuration become nulls, removed merge-list items `$patch: delete`, removed primitives a
// $deleteFromPrimitiveList list, reordered or changed merge lists get $setElementOrder, and fields
// with the retainKeys strategy get a $retainKeys list.
import { toYaml } from '../../printers/yaml.ts';
import { type Json, type JsonObject, clone, compareStrings, deepEqual, goKind, goSprint, has, isObject, put, sortKeysDeep } from '../go-value.ts';
import { PatchError, errBadArgType } from '../errors.ts';
import type { PatchSchema } from '../schema.ts';
import { mergingMapsHaveConflicts } from './conflicts.ts';
import {
  DELETE_FROM_PRIMITIVE_LIST, DIRECTIVE, RETAIN_KEYS, SET_ELEMENT_ORDER, deduplicateScalars, elementKind,
  mergeKeyValue, mergeKeyValueEqual, normalizeSliceOrder, retainKeysAndStrategy, sortMapsByField, sortScalars,
} from './lists.ts';
import { mergeMap } from './merge.ts';

interface DiffOptions {
  /** Emit $setElementOrder lists. */
  setElementOrder?: boolean;
  ignoreChangesAndAdditions?: boolean;
  ignoreDeletions?: boolean;
  /** Emit $retainKeys for this map (its field has the retainKeys strategy). */
  buildRetainKeysDirective?: boolean;
}

/** A check on a created patch (mergepatch.PreconditionFunc); false rejects the patch. */
export type Precondition = (patch: JsonObject) => boolean;

/** The patch must not change this top-level key (kubectl apply: apiVersion, kind). */
export const requireKeyUnchanged = (key: string): Precondition => (patch) => !has(patch, key);

/** The patch must not change metadata.<key> (kubectl apply: name). */
export const requireMetadataKeyUnchanged = (key: string): Precondition => (patch) => {
  const metadata = patch.metadata;
  return !isObject(metadata) || !has(metadata, key);
};

function checkPreconditions(patch: JsonObject, preconditions: Precondition[]): void {
  for (const fn of preconditions) {
    if (!fn(patch)) throw new PatchError(`precondition failed for: ${goSprint(patch)}`, 'PreconditionFailed');
  }
}

/** A patch that turns `original` into `modified`, keys in json.Marshal order. */
export function createTwoWayMergePatch(
  original: JsonObject | null, modified: JsonObject | null, schema: PatchSchema, preconditions: Precondition[] = [],
): JsonObject {
  const patch = diffMaps(clone(original ?? {}), clone(modified ?? {}), schema, { setElementOrder: true });
  checkPreconditions(patch, preconditions);
  return sortKeysDeep(patch);
}

/**
 * kubectl apply's patch: changes from `current` (live) to `modified` (new configuration), plus the
 * deletions from `original` (last applied) to `modified`; fields only in `current` are left alone.
 * With overwrite false, a patch touching what changed from original to current is a Conflict.
 */
export function createThreeWayMergePatch(
  original: JsonObject | null, modified: JsonObject | null, current: JsonObject | null,
  schema: PatchSchema, overwrite: boolean, preconditions: Precondition[] = [],
): JsonObject {
  // One copy each, shared by the steps as upstream shares its maps (its list sorts are in place).
  const o = clone(original ?? {}), m = clone(modified ?? {}), c = clone(current ?? {});
  const delta = diffMaps(c, m, schema, { ignoreDeletions: true, setElementOrder: true });
  const deletions = diffMaps(o, m, schema, { setElementOrder: true, ignoreChangesAndAdditions: true });
  const patch = mergeMap(deletions, delta, schema, { mergeParallelList: false, ignoreUnmatchedNulls: false });
  checkPreconditions(patch, preconditions);
  if (!overwrite) {
    const changed = diffMaps(o, c, schema, {});
    if (mergingMapsHaveConflicts(patch, changed, schema)) {
      throw new PatchError(`patch:\n${toYaml(patch)}\nconflicts with changes made from original to current:\n${toYaml(changed)}\n`, 'Conflict');
    }
  }
  return sortKeysDeep(patch);
}

export function diffMaps(original: JsonObject, modified: JsonObject, schema: PatchSchema, options: DiffOptions): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: Json[] = [];
  for (const [key, modifiedValue] of Object.entries(modified)) {
    if (options.buildRetainKeysDirective && modifiedValue !== null) retainKeys.push(key);
    if (!has(original, key)) {
      if (!options.ignoreChangesAndAdditions) put(patch, key, modifiedValue);
      continue;
    }
    const originalValue = original[key]!;
    if (key === DIRECTIVE) {
      if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string') throw new PatchError(`invalid value for special key: ${DIRECTIVE}`);
      if (originalValue !== modifiedValue) patch[DIRECTIVE] = modifiedValue;
      continue;
    }
    if (goKind(originalValue) !== goKind(modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) put(patch, key, modifiedValue);
      continue;
    }
    if (isObject(originalValue)) diffMapField(key, originalValue, modifiedValue as JsonObject, patch, schema, options);
    else if (Array.isArray(originalValue)) diffListField(key, originalValue, modifiedValue as Json[], patch, schema, options);
    else replaceIfNotEqual(key, originalValue, modifiedValue, patch, options);
  }
  if (!options.ignoreDeletions) for (const key of Object.keys(original)) if (!has(modified, key)) put(patch, key, null);
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    patch[RETAIN_KEYS] = sortScalars(retainKeys);
  }
  return patch;
}

function hasAdditionalNewField(original: JsonObject, modified: JsonObject): boolean {
  return Object.entries(original).some(([k, v]) => v !== null && !has(modified, k));
}

function replaceIfNotEqual(key: string, original: Json, modified: Json, patch: JsonObject, options: DiffOptions): void {
  if (!options.ignoreChangesAndAdditions && !deepEqual(original, modified)) put(patch, key, modified);
}

/** A schema lookup whose failure only matters when the values differ. */
function lookup<T>(fn: () => T, original: Json, modified: Json): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (deepEqual(original, modified)) return undefined;
    throw e;
  }
}

function diffMapField(key: string, original: JsonObject, modified: JsonObject, patch: JsonObject, schema: PatchSchema, options: DiffOptions): void {
  const field = lookup(() => schema.field(key), original, modified);
  if (!field) return;
  const { retainKeys, strategy } = retainKeysAndStrategy(field.strategies());
  if (strategy === 'replace') {
    if (!options.ignoreChangesAndAdditions) put(patch, key, modified);
    return;
  }
  const value = diffMaps(original, modified, field, { ...options, buildRetainKeysDirective: retainKeys });
  if (Object.keys(value).length > 0) put(patch, key, value);
}

function diffListField(key: string, original: Json[], modified: Json[], patch: JsonObject, schema: PatchSchema, options: DiffOptions): void {
  const found = lookup(() => {
    const field = schema.field(key);
    return { field, items: field.element() };
  }, original, modified);
  if (!found) return;
  const { retainKeys, strategy } = retainKeysAndStrategy(found.field.strategies());
  if (strategy !== 'merge') {
    replaceIfNotEqual(key, original, modified, patch, options);
    return;
  }
  const [add, remove, order] = diffLists(original, modified, found.items, found.field.mergeKey(), { ...options, buildRetainKeysDirective: retainKeys });
  if (add.length > 0) put(patch, key, add);
  if (remove.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST}/${key}`] = remove;
  if (order.length > 0) patch[`${SET_ELEMENT_ORDER}/${key}`] = order;
}

/** The patch list, the primitive deletion list and the $setElementOrder list of a merge list. */
function diffLists(original: Json[], modified: Json[], items: PatchSchema, mergeKey: string, options: DiffOptions): [Json[], Json[], Json[]] {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return [[], [], []];
    return [modified, [], []];
  }
  const isMap = elementKind(original, modified) === 'map';
  let order: Json[] = [];
  if (isMap) {
    const [changed, deleted] = diffListsOfMaps(original, modified, items, mergeKey, options);
    const patchList = [...normalizeSliceOrder(changed, modified, mergeKey, true), ...deleted];
    const orderSame = isOrderSame(original, modified, mergeKey);
    if (options.setElementOrder && ((!options.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) ||
      (!options.ignoreDeletions && patchList.length > 0))) {
      order = modified.map((v) => ({ [mergeKey]: (v as JsonObject)[mergeKey] ?? null }));
    }
    return [patchList, [], order];
  }
  const [added, deleted] = diffListsOfScalars(original, modified, options);
  const patchList = normalizeSliceOrder(added, modified, mergeKey, false);
  // `original` is sorted in place by now, as upstream's is: an unchanged but unsorted list
  // still gets a $setElementOrder.
  if (options.setElementOrder && ((!options.ignoreDeletions && deleted.length > 0) ||
    (!options.ignoreChangesAndAdditions && !deepEqual(original, modified)))) {
    order = modified;
  }
  return [patchList, deleted, order];
}

function isOrderSame(original: Json[], modified: Json[], mergeKey: string): boolean {
  return original.length === modified.length && modified.every((m, i) => mergeKeyValueEqual(original[i]!, m, mergeKey));
}

/** Walks both lists sorted by %v text; sorts `original` in place. */
function diffListsOfScalars(original: Json[], modified: Json[], options: DiffOptions): [Json[], Json[]] {
  const o = sortScalars(original);
  const m = sortScalars([...modified]);
  const added: Json[] = [], deleted: Json[] = [];
  let i = 0, j = 0;
  while (i < o.length || j < m.length) {
    const cmp = i >= o.length ? 1 : j >= m.length ? -1 : compareStrings(goSprint(o[i]), goSprint(m[j]));
    if (cmp === 0) {
      i++;
      j++;
    } else if (cmp > 0) {
      if (!options.ignoreChangesAndAdditions) added.push(m[j]!);
      j++;
    } else {
      if (!options.ignoreDeletions) deleted.push(o[i]!);
      i++;
    }
  }
  return [added, deduplicateScalars(deleted)];
}

function itemWithKey(list: Json[], i: number, mergeKey: string): [JsonObject, Json] {
  const m = list[i];
  if (!isObject(m)) throw errBadArgType('map[string]interface {}', m);
  return [m, mergeKeyValue(m, mergeKey)];
}

/** Changed and added items (recursive patches), and `$patch: delete` items for removed ones. */
function diffListsOfMaps(original: Json[], modified: Json[], items: PatchSchema, mergeKey: string, options: DiffOptions): [Json[], Json[]] {
  const o = sortMapsByField([...original] as JsonObject[], mergeKey);
  const m = sortMapsByField([...modified] as JsonObject[], mergeKey);
  const patch: Json[] = [], deleted: Json[] = [];
  let i = 0, j = 0;
  while (i < o.length || j < m.length) {
    const [oItem, oKey] = i < o.length ? itemWithKey(o, i, mergeKey) : [undefined, null];
    const [mItem, mKey] = j < m.length ? itemWithKey(m, j, mergeKey) : [undefined, null];
    const cmp = !oItem ? 1 : !mItem ? -1 : compareStrings(goSprint(oKey), goSprint(mKey));
    if (cmp === 0) {
      const value = diffMaps(oItem!, mItem!, items, options);
      if (Object.keys(value).length > 0) {
        put(value, mergeKey, mKey);
        patch.push(value);
      }
      i++;
      j++;
    } else if (cmp > 0) {
      if (!options.ignoreChangesAndAdditions) patch.push(mItem!);
      j++;
    } else {
      if (!options.ignoreDeletions) deleted.push({ [mergeKey]: oKey, [DIRECTIVE]: 'delete' });
      i++;
    }
  }
  return [patch, deleted];
}
