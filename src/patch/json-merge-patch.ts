// JSON merge patch (RFC 7386, application/merge-patch+json) as evanphx/json-patch v4 implements it
// for kube-apiserver and kubectl (MergePatch, CreateMergePatch), and the three-way variant kubectl
// apply uses for types without a strategic schema (jsonmergepatch.CreateThreeWayJSONMergePatch).
import { toYaml } from '../printers/yaml.ts';
import { type Json, type JsonObject, clone, deepEqual, get, goKind, goSprint, has, isObject, put, sortKeysDeep } from './go-value.ts';
import { PatchError } from './errors.ts';
import type { Precondition } from './strategic/diff.ts';

export const MSG_BAD_JSON_PATCH = 'Invalid JSON Patch';

export const MSG_BAD_JSON_DOC = 'Invalid JSON Document';

/**
 * Applies a merge patch to a document; the inputs are not modified. An array patch, or an object
 * patch on a document that is not an object, replaces the document (nulls inside objects pruned).
 * A null or scalar patch is rejected with "Invalid JSON Patch" (BadRequest) and a null document
 * with "Invalid JSON Document", as upstream's MergePatch does.
 */
export function mergePatch(doc: Json, patch: Json): Json {
  if (doc === null) throw new PatchError(MSG_BAD_JSON_DOC);
  if (patch === null || (!isObject(patch) && !Array.isArray(patch))) throw new PatchError(MSG_BAD_JSON_PATCH, 'BadRequest');
  if (!isObject(doc) || !isObject(patch)) return pruneNulls(clone(patch));
  const out = clone(doc);
  mergeDocs(out, clone(patch));
  return out;
}

function mergeDocs(doc: JsonObject, patch: JsonObject): void {
  for (const [k, v] of Object.entries(patch)) {
    const current = get(doc, k);
    if (v === null) delete doc[k];
    else if (current === undefined || current === null) put(doc, k, pruneNulls(v));
    else put(doc, k, merge(current, v));
  }
}

function merge(current: Json, patch: Json): Json {
  if (!isObject(current)) return pruneNulls(patch);
  if (!isObject(patch)) return patch;
  mergeDocs(current, patch);
  return current;
}

/** Removes null members of objects at any depth; null array items stay. */
function pruneNulls(v: Json): Json {
  if (Array.isArray(v)) v.forEach(pruneNulls);
  else if (isObject(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else pruneNulls(v[k]!);
    }
  }
  return v;
}

/** The merge patch turning `original` into `modified` (CreateMergePatch), keys sorted as Go marshals them. */
export function createMergePatch(original: JsonObject, modified: JsonObject): JsonObject {
  return sortKeysDeep(getDiff(original, modified));
}

function getDiff(a: JsonObject, b: JsonObject): JsonObject {
  const into: JsonObject = {};
  for (const [key, bv] of Object.entries(b)) {
    if (!has(a, key)) {
      put(into, key, bv);
      continue;
    }
    const av = a[key]!;
    if (isObject(av) && isObject(bv)) {
      const sub = getDiff(av, bv);
      if (Object.keys(sub).length > 0) put(into, key, sub);
    } else if (!looseEqual(av, bv)) {
      put(into, key, bv);
    }
  }
  for (const key of Object.keys(a)) if (!has(b, key)) put(into, key, null);
  return into;
}

// evanphx decodes numbers as float64 only, so 1 and 1.0 are one value.
function looseEqual(a: Json, b: Json): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => looseEqual(v, b[i]!));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(b);
    return keys.length === Object.keys(a).length && keys.every((k) => has(a, k) && looseEqual(a[k]!, b[k]!));
  }
  return a === b;
}

/**
 * kubectl apply's merge patch: additions and changes from `current` to `modified` plus deletions
 * from `original` to `modified`. Throws Conflict when one changes what the other deletes.
 */
export function createThreeWayMergePatch(
  original: JsonObject | null, modified: JsonObject | null, current: JsonObject | null, preconditions: Precondition[] = [],
): JsonObject {
  const addAndChange = keepOrDeleteNull(getDiff(current ?? {}, modified ?? {}), false);
  const deletions = keepOrDeleteNull(getDiff(original ?? {}, modified ?? {}), true);
  if (hasConflicts(addAndChange, deletions)) {
    throw new PatchError(`patch:\n${toYaml(addAndChange)}\nconflicts with changes made from original to current:\n${toYaml(deletions)}\n`, 'Conflict');
  }
  const patch = mergePatch(deletions, addAndChange) as JsonObject;
  for (const fn of preconditions) {
    if (!fn(patch)) throw new PatchError(`precondition failed for: ${goSprint(patch)}`, 'PreconditionFailed');
  }
  return sortKeysDeep(patch);
}

/** Only the nulls (deletions) or only the rest; an explicitly empty object counts as a value. */
function keepOrDeleteNull(m: JsonObject, keepNull: boolean): JsonObject {
  const out: JsonObject = {};
  for (const [key, val] of Object.entries(m)) {
    if (val === null) {
      if (keepNull) put(out, key, null);
    } else if (isObject(val)) {
      if (Object.keys(val).length === 0) {
        if (!keepNull) put(out, key, val);
        continue;
      }
      const sub = keepOrDeleteNull(val, keepNull);
      if (Object.keys(sub).length > 0) put(out, key, sub);
    } else if (!keepNull) {
      put(out, key, val);
    }
  }
  return out;
}

/** mergepatch.HasConflicts: keys present in both with different values. */
export function hasConflicts(left: Json, right: Json): boolean {
  if (isObject(left)) {
    if (!isObject(right)) return true;
    return Object.entries(left).some(([k, v]) => has(right, k) && hasConflicts(v, right[k]!));
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right)) return true;
    return left.length !== right.length || left.some((v, i) => hasConflicts(v, right[i]!));
  }
  return goKind(left) !== goKind(right) || !deepEqual(left, right);
}
