// Fan-out of events to watchers. Each watcher has its own queue drained in a microtask, so a write
// never runs listener code, a listener that throws only ends its own watch, and events reach each
// watcher in revision order even when a listener writes (its events queue behind the current batch).
import type { StorageEvent, Watch } from './storage.ts';

export type Listener = (event: StorageEvent) => void;

class Watcher {
  private queue: StorageEvent[] = [];
  private scheduled = false;
  stopped = false;

  constructor(
    readonly prefix: string,
    readonly fromRevision: number,
    private readonly listener: Listener,
    private readonly onError: (err: unknown) => void,
    private readonly detach: (w: Watcher) => void,
  ) {}

  push(event: StorageEvent): void {
    this.queue.push(event);
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.drain());
    }
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.queue = [];
    this.detach(this);
  }

  private drain(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    for (const event of batch) {
      if (this.stopped) return;
      try {
        this.listener(event);
      } catch (err) {
        this.stop();
        this.onError(err);
        return;
      }
    }
  }
}

export class WatchHub {
  /** Watchers grouped by prefix: a write tests each distinct prefix once. */
  private readonly byPrefix = new Map<string, Set<Watcher>>();

  constructor(private readonly onError: (err: unknown) => void) {}

  /** Registers a watcher that first receives backlog (already filtered), then live events. */
  add(prefix: string, fromRevision: number, backlog: StorageEvent[], listener: Listener): Watch {
    const w = new Watcher(prefix, fromRevision, listener, this.onError, (x) => this.remove(x));
    let set = this.byPrefix.get(prefix);
    if (!set) this.byPrefix.set(prefix, (set = new Set()));
    set.add(w);
    for (const event of backlog) w.push(event);
    return { stop: () => w.stop() };
  }

  publish(event: StorageEvent): void {
    for (const [prefix, set] of this.byPrefix) {
      if (!event.key.startsWith(prefix)) continue;
      for (const w of set) if (event.revision > w.fromRevision) w.push(event);
    }
  }

  stopAll(): void {
    for (const set of [...this.byPrefix.values()]) for (const w of [...set]) w.stop();
  }

  private remove(w: Watcher): void {
    const set = this.byPrefix.get(w.prefix);
    if (!set) return;
    set.delete(w);
    if (set.size === 0) this.byPrefix.delete(w.prefix);
  }
}
