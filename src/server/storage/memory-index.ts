// The in-memory state both backends serve reads from (as kube-apiserver serves lists and watches
// from its watch cache): current objects by key, a sorted key set for prefix lists, the event
// history for watches and old-revision lists, and the watcher fan-out. Backends decide what a
// write is (change.ts) and make it durable, then apply it here.
import type { Change } from './change.ts';
import { EventHistory } from './history.ts';
import type { RetentionOptions } from './history.ts';
import { SortedKeys, compare, prefixEnd } from './sorted-keys.ts';
import { StorageError } from './storage.ts';
import type { ListOptions, ListResult, StoredItem, Watch } from './storage.ts';
import { WatchHub } from './watchers.ts';
import type { Listener } from './watchers.ts';

export interface StorageOptions {
  /** How much event history to keep for watches and old-revision lists. */
  history?: RetentionOptions;
  /** Clock for history retention (ms). */
  now?: () => number;
  /**
   * Deep-freeze stored objects so a caller that mutates a shared value fails loudly. For tests and
   * development: it costs a walk of every written object.
   */
  freezeObjects?: boolean;
  /** Called when a watch listener throws (that watch is stopped); default process.emitWarning. */
  onListenerError?: (err: unknown) => void;
}

export class MemoryIndex {
  private readonly items = new Map<string, StoredItem>();
  private readonly keys: SortedKeys;
  private readonly history: EventHistory;
  private readonly hub: WatchHub;
  private readonly freeze: boolean;
  private current: number;

  constructor(revision: number, items: Iterable<StoredItem>, options: StorageOptions = {}) {
    this.current = revision;
    this.freeze = options.freezeObjects ?? false;
    for (const item of items) this.items.set(item.key, this.freeze ? deepFreeze(item) : item);
    this.keys = SortedKeys.from(this.items.keys());
    this.history = new EventHistory(revision, options.history ?? {}, options.now ?? Date.now);
    this.hub = new WatchHub(options.onListenerError ?? ((err) => process.emitWarning(err instanceof Error ? err : String(err), 'WatchListenerError')));
  }

  revision(): number {
    return this.current;
  }

  compactedRevision(): number {
    return this.history.compactedRevision;
  }

  get size(): number {
    return this.items.size;
  }

  get(key: string): StoredItem | undefined {
    return this.items.get(key);
  }

  list(prefix: string, options: ListOptions = {}): ListResult {
    const at = options.revision ?? this.current;
    this.checkRevision(prefix, at);
    const limit = options.limit !== undefined && options.limit > 0 ? options.limit : Infinity;
    const after = options.after !== undefined && options.after >= prefix ? options.after : undefined;
    return at === this.current ? this.listCurrent(prefix, after, limit) : this.listAt(at, prefix, after, limit);
  }

  /** Throws Compacted when fromRevision is older than the retained history. */
  watch(prefix: string, fromRevision: number, listener: Listener): Watch {
    const compacted = this.history.compactedRevision;
    if (fromRevision < compacted)
      throw new StorageError('Compacted', prefix, `too old resource version: ${fromRevision} (${compacted})`, compacted);
    const backlog = this.history.since(fromRevision, (key) => key.startsWith(prefix));
    return this.hub.add(prefix, fromRevision, backlog, listener);
  }

  compact(revision: number): void {
    if (revision > this.current) throw futureRevision('', revision, this.current);
    this.history.compact(revision);
  }

  /** Makes a planned change visible; changes must come in revision order. */
  apply(change: Change): void {
    const { event, item } = change;
    if (event.revision !== this.current + 1) throw new Error(`storage: change at revision ${event.revision} applied at ${this.current}`);
    if (this.freeze) deepFreeze(change);
    if (item) {
      if (!this.items.has(event.key)) this.keys.add(event.key);
      this.items.set(event.key, item);
    } else {
      this.items.delete(event.key);
      this.keys.delete(event.key);
    }
    this.current = event.revision;
    this.history.append(event, change.prev);
    this.hub.publish(event);
  }

  /** Stops every watch. */
  close(): void {
    this.hub.stopAll();
  }

  private checkRevision(prefix: string, at: number): void {
    if (at > this.current) throw futureRevision(prefix, at, this.current);
    const compacted = this.history.compactedRevision;
    if (at < compacted)
      throw new StorageError('Compacted', prefix, `revision ${at} has been compacted; oldest available is ${compacted}`, compacted);
  }

  private listCurrent(prefix: string, after: string | undefined, limit: number): ListResult {
    const items: StoredItem[] = [];
    let remaining = 0;
    for (const key of this.keys.from(after ?? prefix, after !== undefined)) {
      if (!key.startsWith(prefix)) break;
      if (items.length === limit) {
        // Count the rest by rank rather than walking it: the set knows positions.
        remaining = this.countAfter(prefix, items.at(-1)!.key);
        break;
      }
      items.push(this.items.get(key)!);
    }
    return { items, revision: this.current, remaining };
  }

  /** The state at an older revision: today's keys with every newer event undone. */
  private listAt(at: number, prefix: string, after: string | undefined, limit: number): ListResult {
    const undone = new Map<string, StoredItem | undefined>();
    // Newest first, so the value left for a key is the state before its oldest newer event.
    this.history.undo(at, (key, prev) => {
      if (key.startsWith(prefix) && (after === undefined || key > after)) undone.set(key, prev);
    });
    const items: StoredItem[] = [];
    let more = false;
    for (const item of this.merge(prefix, after, undone)) {
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push(item);
    }
    return { items, revision: at, remaining: more ? this.countAfter(prefix, items.at(-1)!.key, undone) : 0 };
  }

  /** How many keys under prefix after `last` exist now, or at the snapshot `undone` describes. */
  private countAfter(prefix: string, last: string, undone?: Map<string, StoredItem | undefined>): number {
    const end = prefixEnd(prefix);
    let n = (end === undefined ? this.keys.size : this.keys.rank(end)) - this.keys.rank(last) - (this.items.has(last) ? 1 : 0);
    for (const [key, prev] of undone ?? []) if (key > last) n += (prev ? 1 : 0) - (this.items.has(key) ? 1 : 0);
    return n;
  }

  private *merge(prefix: string, after: string | undefined, undone: Map<string, StoredItem | undefined>): Generator<StoredItem> {
    const old = [...undone.keys()].sort(compare);
    let o = 0;
    for (const key of this.keys.from(after ?? prefix, after !== undefined)) {
      if (!key.startsWith(prefix)) break;
      for (; o < old.length && old[o]! < key; o++) {
        const item = undone.get(old[o]!);
        if (item) yield item;
      }
      if (!undone.has(key)) yield this.items.get(key)!;
    }
    for (; o < old.length; o++) {
      const item = undone.get(old[o]!);
      if (item) yield item;
    }
  }
}

function futureRevision(key: string, revision: number, current: number): StorageError {
  return new StorageError('FutureRevision', key, `revision ${revision} is newer than the current revision ${current}`);
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}
