// Turning a requested write into the change it makes: the encoding that takes ownership of the
// caller's object, precondition checks, and resourceVersion stamping. Pure: the caller supplies the
// current state and the revision, so a batch can be planned against its own earlier writes.
import type { KubeObject } from '../../api/object.ts';
import { StorageError } from './storage.ts';
import type { Preconditions, StorageEvent, StoredItem } from './storage.ts';

export type WriteOp =
  | { verb: 'create'; key: string; json: string }
  | { verb: 'update'; key: string; json: string; preconditions: Preconditions | undefined }
  | { verb: 'delete'; key: string; preconditions: Preconditions | undefined };

export interface Change {
  event: StorageEvent;
  /** State after the change; undefined for a delete. */
  item: StoredItem | undefined;
  /** State before the change; undefined for a create. */
  prev: StoredItem | undefined;
  /** Encoded object to persist (create/update). */
  json: string | undefined;
}

/**
 * Serialises the caller's object, which is both the copy storage keeps (the caller may reuse theirs)
 * and the persisted form. resourceVersion is left out: it comes from the row's revision, as etcd
 * keeps it in mod_revision rather than in the value.
 */
export function encode(object: KubeObject): string {
  return JSON.stringify({ ...object, metadata: { ...object.metadata, resourceVersion: undefined } });
}

/** ObjectMeta fields that follow resourceVersion in Go struct order (= kube-apiserver's JSON order). */
const AFTER_RESOURCE_VERSION = new Set([
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
]);

/** metadata with resourceVersion stamped in its place among the other keys. */
function stampRevision(metadata: KubeObject['metadata'], revision: number): KubeObject['metadata'] {
  const out: KubeObject['metadata'] = {};
  let placed = false;
  for (const [k, v] of Object.entries(metadata)) {
    if (k === 'resourceVersion') continue;
    if (!placed && AFTER_RESOURCE_VERSION.has(k)) {
      out.resourceVersion = String(revision);
      placed = true;
    }
    out[k] = v;
  }
  if (!placed) out.resourceVersion = String(revision);
  return out;
}

/** Decodes a stored encoding and stamps the revision it was written at. */
export function decode(json: string, revision: number): KubeObject {
  const object = JSON.parse(json) as KubeObject;
  if (typeof object !== 'object' || object === null || Array.isArray(object)) throw new TypeError('stored value is not a JSON object');
  object.metadata = stampRevision(typeof object.metadata === 'object' && object.metadata !== null ? object.metadata : {}, revision);
  return object;
}

/** The change op makes at revision, given the key's current state; throws StorageError. */
export function plan(op: WriteOp, revision: number, current: StoredItem | undefined): Change {
  const { key } = op;
  if (op.verb === 'create') {
    if (current) throw new StorageError('KeyExists', key, `key exists: ${key}`);
    const item = { key, object: decode(op.json, revision), revision };
    return { event: { type: 'ADDED', key, object: item.object, revision }, item, prev: undefined, json: op.json };
  }
  if (!current) throw new StorageError('KeyNotFound', key, `key not found: ${key}`);
  checkPreconditions(key, op.preconditions, current);
  if (op.verb === 'update') {
    const item = { key, object: decode(op.json, revision), revision };
    return { event: { type: 'MODIFIED', key, object: item.object, previous: current.object, revision }, item, prev: current, json: op.json };
  }
  // kube-apiserver stamps the deleted object with the deletion's revision (etcd3 store Delete).
  const object = { ...current.object, metadata: { ...current.object.metadata, resourceVersion: String(revision) } };
  return { event: { type: 'DELETED', key, object, previous: current.object, revision }, item: undefined, prev: current, json: undefined };
}

function checkPreconditions(key: string, p: Preconditions | undefined, current: StoredItem): void {
  if (p?.uid !== undefined && p.uid !== current.object.metadata.uid)
    throw new StorageError('Conflict', key, `precondition failed: uid ${p.uid} does not match stored uid ${current.object.metadata.uid ?? '(none)'}`);
  if (p?.revision !== undefined && p.revision !== current.revision)
    throw new StorageError('Conflict', key, `precondition failed: revision ${p.revision} does not match stored revision ${current.revision}`);
}
