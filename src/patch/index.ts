// The patch library shared by the server's PATCH handler and the CLI (patch, apply): strategic
// merge patch, JSON merge patch and JSON patch, applied and created with upstream's semantics.
export type { Json, JsonObject } from './go-value.ts';
export { sortKeysDeep } from './go-value.ts';
export { PatchError, type PatchErrorKind, isPatchError, patchErrorStatus } from './errors.ts';
export { type PatchSchema, schemaless, typedSchema, schemaForKind } from './schema.ts';
export { strategicMergePatch } from './strategic/merge.ts';
export {
  type Precondition, createTwoWayMergePatch, createThreeWayMergePatch, requireKeyUnchanged, requireMetadataKeyUnchanged,
} from './strategic/diff.ts';
export { mergingMapsHaveConflicts } from './strategic/conflicts.ts';
export {
  mergePatch, createMergePatch, createThreeWayMergePatch as createThreeWayJsonMergePatch, hasConflicts,
} from './json-merge-patch.ts';
export {
  type JsonPatchOperation, type JsonPatchOptions, MAX_JSON_PATCH_OPERATIONS, SERVER_MAX_COPY_BYTES, applyJsonPatch, decodeJsonPatch,
} from './json-patch.ts';
export {
  type ApplyPatchOptions, type PatchType, JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, applyPatch, parsePatchBody,
} from './apply.ts';
