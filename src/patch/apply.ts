// kube-apiserver's PATCH body handling for the three patch types it applies to a stored object
// (endpoints/handlers/patch.go): body validation, decoding with its field-validation mode, the
// JSON patch operation limit, and the error class of each failure (see errors.ts). The result
// still has to be decoded into the kind by the caller, as upstream does after patching.
import { type Json, type JsonObject, isObject } from './go-value.ts';
import { PatchError } from './errors.ts';
import { MAX_JSON_PATCH_OPERATIONS, SERVER_MAX_COPY_BYTES, applyJsonPatch, decodeJsonPatch, jsonTypeName } from './json-patch.ts';
import { mergePatch } from './json-merge-patch.ts';
import type { PatchSchema } from './schema.ts';
import { strategicMergePatch } from './strategic/merge.ts';

export const JSON_PATCH = 'application/json-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';
export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
export type PatchType = typeof JSON_PATCH | typeof MERGE_PATCH | typeof STRATEGIC_MERGE_PATCH;

export interface ApplyPatchOptions {
  /** The request's fieldValidation; absent or "" means the server default, Warn. */
  fieldValidation?: string;
  /** The kind's schema: required for strategic merge patch. */
  schema?: PatchSchema;
}

/** Parses the body as kube-apiserver validates it before any patch type is considered. */
export function parsePatchBody(body: Buffer | string): Json {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw new PatchError('invalid JSON patch', 'BadRequest');
  }
}

/**
 * Applies a PATCH body of `type` to the current object and returns the patched JSON (an array
 * for a merge patch that is an array: the caller's decoding rejects it). Throws PatchError;
 * patchErrorStatus() turns it into kube-apiserver's Status.
 */
export function applyPatch(type: PatchType, current: JsonObject, body: Buffer | string, options: ApplyPatchOptions = {}): Json {
  const patch = parsePatchBody(body);
  // Warn (the default) and Strict decode the body strictly first, with their own messages.
  const strict = options.fieldValidation !== 'Ignore';
  switch (type) {
    case JSON_PATCH: {
      if (strict) checkJsonPatchOps(patch);
      const ops = decodeJsonPatch(patch);
      if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
        throw new PatchError(`The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`, 'TooLarge');
      }
      return applyJsonPatch(current, ops, { maxCopyBytes: SERVER_MAX_COPY_BYTES });
    }
    case MERGE_PATCH:
      if (strict && patch !== null && !isObject(patch)) {
        throw new PatchError(`error decoding patch: json: cannot unmarshal ${jsonTypeName(patch)} into Go value of type map[string]interface {}`, 'BadRequest');
      }
      return mergePatch(current, patch);
    case STRATEGIC_MERGE_PATCH:
      if (patch !== null && !isObject(patch)) {
        throw new PatchError(`json: cannot unmarshal ${jsonTypeName(patch)} into Go value of type map[string]interface {}`, 'BadRequest');
      }
      if (!options.schema) throw new Error('strategic merge patch needs the schema of the kind');
      return strategicMergePatch(current, patch, options.schema);
  }
}

/** The strict decoding into []jsonPatchOp{op, path, from string; value any} that precedes DecodePatch. */
function checkJsonPatchOps(patch: Json): void {
  const decodeError = (m: string) => new PatchError(`error decoding patch: json: cannot unmarshal ${m}`, 'BadRequest');
  if (patch === null) return;
  if (!Array.isArray(patch)) throw decodeError(`${jsonTypeName(patch)} into Go value of type []handlers.jsonPatchOp`);
  let first: PatchError | undefined;
  for (const op of patch) {
    if (op === null) continue;
    if (!isObject(op)) {
      first ??= decodeError(`${jsonTypeName(op)} into Go value of type handlers.jsonPatchOp`);
      continue;
    }
    for (const [field, v] of Object.entries(op)) {
      if ((field === 'op' || field === 'path' || field === 'from') && v !== null && typeof v !== 'string') {
        first ??= decodeError(`${jsonTypeName(v)} into Go struct field jsonPatchOp.${field} of type string`);
      }
    }
  }
  if (first) throw first;
}
