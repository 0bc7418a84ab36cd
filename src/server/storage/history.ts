// The window of recent events that watches start from and old-revision lists are rebuilt from,
// like kube-apiserver's watch cache ring: at least `minEvents` events, or all events younger than
// `windowMs`, whichever is more, but never more than `maxEvents`. Every write is one revision, so
// the retained events are exactly revisions compactedRevision+1 … current.
import type { StorageEvent, StoredItem } from './storage.ts';

export interface RetentionOptions {
  /** Events always kept (default 10 000). */
  minEvents?: number;
  /** Events younger than this are kept too (default 75 s, kube-apiserver's eventFreshDuration). */
  windowMs?: number;
  /** Hard cap, so a write storm cannot hold unbounded memory (default 100 000). */
  maxEvents?: number;
}

interface Entry {
  event: StorageEvent;
  /** State before the event, to undo it. */
  prev: StoredItem | undefined;
  time: number;
}

export class EventHistory {
  private entries: Array<Entry | undefined> = [];
  /** Index of the oldest retained entry; dropped entries are spliced out in bulk. */
  private head = 0;
  private compacted: number;
  private readonly minEvents: number;
  private readonly windowMs: number;
  private readonly maxEvents: number;

  constructor(
    revision: number,
    options: RetentionOptions,
    private readonly now: () => number,
  ) {
    this.compacted = revision;
    this.minEvents = options.minEvents ?? 10_000;
    this.windowMs = options.windowMs ?? 75_000;
    this.maxEvents = Math.max(options.maxEvents ?? 100_000, this.minEvents);
  }

  /** Oldest revision whose state can still be rebuilt (and watched from). */
  get compactedRevision(): number {
    return this.compacted;
  }

  get size(): number {
    return this.entries.length - this.head;
  }

  append(event: StorageEvent, prev: StoredItem | undefined): void {
    const expected = this.compacted + this.size + 1;
    if (event.revision !== expected) throw new Error(`history: revision ${event.revision} appended, expected ${expected}`);
    const time = this.now();
    this.entries.push({ event, prev, time });
    const cutoff = time - this.windowMs;
    while (this.size > this.maxEvents || (this.size > this.minEvents && this.entries[this.head]!.time < cutoff)) this.dropOldest();
    this.reclaim();
  }

  /** Forgets events up to and including revision. */
  compact(revision: number): void {
    while (this.compacted < revision && this.size > 0) this.dropOldest();
    // With no events left the whole past is gone, up to the requested revision.
    if (this.compacted < revision) this.compacted = revision;
    this.reclaim();
  }

  /** Events with revision > after, oldest first, passing filter. */
  since(after: number, filter: (key: string) => boolean): StorageEvent[] {
    const out: StorageEvent[] = [];
    for (let i = this.indexOf(after + 1); i < this.entries.length; i++) {
      const { event } = this.entries[i]!;
      if (filter(event.key)) out.push(event);
    }
    return out;
  }

  /** Visits events with revision > after, newest first, with the state each replaced. */
  undo(after: number, visit: (key: string, prev: StoredItem | undefined) => void): void {
    for (let i = this.entries.length - 1, stop = this.indexOf(after + 1); i >= stop; i--) {
      const { event, prev } = this.entries[i]!;
      visit(event.key, prev);
    }
  }

  private indexOf(revision: number): number {
    return this.head + Math.max(0, revision - this.compacted - 1);
  }

  private dropOldest(): void {
    this.compacted = this.entries[this.head]!.event.revision;
    this.entries[this.head++] = undefined;  // release the objects now
  }

  private reclaim(): void {
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
