// Whether two strategic merge patches touch the same keys differently
// (strategicpatch.MergingMapsHaveConflicts): the check behind `kubectl apply --overwrite=false`.
import { type Json, type JsonObject, deepEqual, goSprint, goSprintS, has, isObject } from '../go-value.ts';
import { PatchError } from '../errors.ts';
import type { PatchSchema } from '../schema.ts';
import { DIRECTIVE, RETAIN_KEYS, deduplicateInPlace, elementKind, retainKeysAndStrategy, sortScalars } from './lists.ts';

export function mergingMapsHaveConflicts(left: JsonObject, right: JsonObject, schema: PatchSchema): boolean {
  return fieldsHaveConflicts(left, right, schema, '', '');
}

function fieldsHaveConflicts(left: Json, right: Json, schema: PatchSchema | undefined, strategy: string, mergeKey: string): boolean {
  if (isObject(left)) {
    if (!isObject(right)) return true;
    const l = DIRECTIVE in left, r = DIRECTIVE in right;
    // A directive acts on the whole map: both must carry the same one.
    if ((l || r) && (l !== r || !deepEqual(left[DIRECTIVE], right[DIRECTIVE]))) return true;
    if (strategy === 'replace') return false;
    return mapsHaveConflicts(left, right, schema!);
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right)) return true;
    return slicesHaveConflicts(left, right, schema, strategy, mergeKey);
  }
  return !deepEqual(left, right);
}

function mapsHaveConflicts(left: JsonObject, right: JsonObject, schema: PatchSchema): boolean {
  for (const [key, leftValue] of Object.entries(left)) {
    if (key === DIRECTIVE || key === RETAIN_KEYS || !has(right, key)) continue;
    let sub: PatchSchema | undefined, strategy = '', mergeKey = '';
    if (Array.isArray(leftValue) || isObject(leftValue)) {
      const field = schema.field(key);
      sub = Array.isArray(leftValue) ? field.element() : field;
      strategy = retainKeysAndStrategy(field.strategies()).strategy;
      mergeKey = field.mergeKey();
    }
    if (fieldsHaveConflicts(leftValue, right[key]!, sub, strategy, mergeKey)) return true;
  }
  return false;
}

function slicesHaveConflicts(left: Json[], right: Json[], items: PatchSchema | undefined, strategy: string, mergeKey: string): boolean {
  const kind = elementKind(left, right);
  if (strategy === 'merge') {
    // Merged primitives never conflict; merged maps are compared item by item, by merge key.
    if (kind !== 'map') return false;
    const l = byMergeKey(left, mergeKey), r = byMergeKey(right, mergeKey);
    for (const [key, value] of l) if (r.has(key) && fieldsHaveConflicts(value, r.get(key)!, items, '', '')) return true;
    return false;
  }
  if (left.length !== right.length) return true;
  if (kind !== 'map') {
    left = dedupeAndSortInPlace(left);
    right = dedupeAndSortInPlace(right);
  }
  return left.some((v, i) => fieldsHaveConflicts(v, right[i]!, items, '', ''));
}

/**
 * Upstream de-duplicates and sorts the lists of the patch in place, so a patch that passes this
 * check is sent with those lists sorted; the caller's arrays are rewritten the same way.
 */
function dedupeAndSortInPlace(list: Json[]): Json[] {
  const n = deduplicateInPlace(list);
  const head = sortScalars(list.slice(0, n));
  head.forEach((v, i) => (list[i] = v));
  return head;
}

function byMergeKey(list: Json[], mergeKey: string): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  for (const v of list) {
    if (!isObject(v)) throw new PatchError(`invalid element type in merging list:${goSprint(list)}`);
    if (!has(v, mergeKey)) throw new PatchError(`cannot find merge key \`${mergeKey}\` in merging list element:${goSprint(v)}`);
    out.set(goSprintS(v[mergeKey]), v);
  }
  return out;
}
