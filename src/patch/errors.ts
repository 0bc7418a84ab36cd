// Patch errors with the texts of k8s.io/apimachinery (mergepatch, strategicpatch) and
// evanphx/json-patch, each tagged with how kube-apiserver answers it (handlers/patch.go):
//   BadRequest   400, the message as is (mergepatch's format sentinels, undecodable patches);
//   Invalid      422 with the fixed text "the server rejected our request due to an error in our
//                request" and empty details: NewGenericServerResponse drops the message
//                (every failing JSON patch operation, lists of lists);
//   TooLarge     413 (more than 10000 JSON patch operations);
//   Internal     500 with no reason and the message as is: a plain Go error that reached
//                ErrorToAPIStatus (most strategic merge patch failures: unknown $patch, missing
//                merge keys, unknown fields);
//   Conflict / PreconditionFailed: client-side three-way patch creation only.
import type { Status } from '../api/object.ts';
import { type Json, type JsonObject, goSprint, goSprintS, goTypeName } from './go-value.ts';

export type PatchErrorKind = 'BadRequest' | 'Invalid' | 'TooLarge' | 'Internal' | 'Conflict' | 'PreconditionFailed';

export class PatchError extends Error {
  constructor(
    message: string,
    readonly kind: PatchErrorKind = 'Internal',
  ) {
    super(message);
    this.name = 'PatchError';
  }
}

export function isPatchError(e: unknown): e is PatchError {
  return e instanceof PatchError;
}

// mergepatch's sentinel errors.
export const MSG = {
  badJSONDoc: 'invalid JSON document',
  noListOfLists: 'lists of lists are not supported',
  badPatchFormatForPrimitiveList: 'invalid patch format of primitive list',
  badPatchFormatForRetainKeys: 'invalid patch format of retainKeys',
  badPatchFormatForSetElementOrderList: 'invalid patch format of setElementOrder list',
  unsupportedStrategicMergePatchFormat: 'strategic merge patch format is not supported',
} as const;

export const errBadJSONDoc = () => new PatchError(MSG.badJSONDoc, 'BadRequest');
export const errNoListOfLists = () => new PatchError(MSG.noListOfLists, 'Invalid');
export const errBadPatchFormatForPrimitiveList = () => new PatchError(MSG.badPatchFormatForPrimitiveList, 'BadRequest');
export const errBadPatchFormatForRetainKeys = () => new PatchError(MSG.badPatchFormatForRetainKeys, 'BadRequest');
export const errBadPatchFormatForSetElementOrderList = () => new PatchError(MSG.badPatchFormatForSetElementOrderList, 'BadRequest');

export const errNoMergeKey = (m: JsonObject, key: string) =>
  new PatchError(`map: ${goSprint(m)} does not contain declared merge key: ${key}`);

/** mergepatch.ErrBadArgType: expected is a Go type name ("map[string]interface {}", "[]interface {}"). */
export const errBadArgType = (expected: string, actual: Json | undefined) =>
  new PatchError(`expected a ${expected}, but received a ${goTypeName(actual)}`);

export const errBadPatchType = (directive: Json | undefined, m: JsonObject) =>
  new PatchError(`unknown patch type: ${goSprintS(directive)} in map: ${goSprint(m)}`);

/** A strategic merge patch over a list whose elements are not all of one JSON type. */
export const errListElementTypes = (slices: Json[][]) =>
  new PatchError(`list element types are not identical: ${goSprint(slices)}`);

export const errNoElements = () => new PatchError('no elements in any of the given slices');

const REJECTED = 'the server rejected our request due to an error in our request';

/**
 * The Status kube-apiserver answers a failed patch with. Errors that are not PatchErrors (bugs) are
 * reported as upstream reports unexpected errors: 500, no reason, the message.
 */
export function patchErrorStatus(err: unknown): Status {
  const message = err instanceof Error ? err.message : String(err);
  const base = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure' } as const;
  const kind = err instanceof PatchError ? err.kind : 'Internal';
  switch (kind) {
    case 'BadRequest':
      return { ...base, message, reason: 'BadRequest', code: 400 };
    case 'Invalid':
      return { ...base, message: REJECTED, reason: 'Invalid', details: {}, code: 422 };
    case 'TooLarge':
      return { ...base, message: `Request entity too large: ${message}`, reason: 'RequestEntityTooLarge', code: 413 };
    case 'Conflict':
      return { ...base, message, reason: 'Conflict', code: 409 };
    default:
      return { ...base, message, code: 500 };
  }
}
