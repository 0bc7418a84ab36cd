// The one storage interface of the server (SQLite, memory, later etcd), modelled on
// k8s.io/apiserver's storage.Interface. Keys look like `/registry/<group>/<resource>/<ns>/<name>`;
// values are JSON objects. The store owns resourceVersion: every write bumps one global revision
// and stamps it into metadata.resourceVersion of the stored value.
import type { KubeObject } from '../../api/object.ts';

export interface StoredItem {
  key: string;
  /** Never mutate: the same object may be shared with other readers and watchers. */
  object: KubeObject;
  /** Revision of the write that produced this state (= metadata.resourceVersion). */
  revision: number;
}

export interface ListOptions {
  /** Read the state as of this revision (must not be compacted); default the current one. */
  revision?: number;
  /** Return only keys strictly greater than this one (continue tokens). */
  after?: string;
  /** At most this many items; `remaining` then says how many more match the prefix. */
  limit?: number;
}

export interface ListResult {
  items: StoredItem[];
  /** Revision the list was read at. */
  revision: number;
  /** Items after the last returned one (0 when the list is complete). */
  remaining: number;
}

export type StorageEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StorageEvent {
  type: StorageEventType;
  key: string;
  /** State after the event; for DELETED the last state, stamped with the deletion's revision. */
  object: KubeObject;
  /** State before the event (absent for ADDED). */
  previous?: KubeObject;
  revision: number;
}

export interface Watch {
  stop(): void;
}

export interface Preconditions {
  /** The stored revision must equal this one. */
  revision?: number;
  /** The stored object's metadata.uid must equal this one. */
  uid?: string;
}

export type StorageErrorCode = 'KeyExists' | 'KeyNotFound' | 'Conflict' | 'Compacted' | 'FutureRevision';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    readonly key: string,
    message?: string,
    /** For Compacted: the oldest revision still available. */
    readonly compactedRevision?: number,
  ) {
    super(message ?? `${code}: ${key}`);
  }
}

export interface Storage {
  /** Current (latest written) revision. */
  revision(): number;
  /** Oldest revision watches and lists may still start from. */
  compactedRevision(): number;
  get(key: string): Promise<StoredItem | undefined>;
  /** Items whose key starts with prefix, in key order. */
  list(prefix: string, options?: ListOptions): Promise<ListResult>;
  /** Throws StorageError KeyExists. */
  create(key: string, object: KubeObject): Promise<StoredItem>;
  /** Replaces the value; throws KeyNotFound, or Conflict when preconditions fail. */
  update(key: string, object: KubeObject, preconditions?: Preconditions): Promise<StoredItem>;
  /** Removes the key and returns its last state; throws KeyNotFound or Conflict. */
  delete(key: string, preconditions?: Preconditions): Promise<StoredItem>;
  /**
   * Events for keys under prefix with revision > fromRevision, in revision order, delivered
   * asynchronously. Throws StorageError Compacted when fromRevision < compactedRevision().
   */
  watch(prefix: string, fromRevision: number, listener: (event: StorageEvent) => void): Watch;
  /** Forget history up to (not including) revision. */
  compact(revision: number): Promise<void>;
  close(): Promise<void>;
}
