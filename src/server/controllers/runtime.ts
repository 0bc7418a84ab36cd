// What every in-process controller needs: watches of stores that start with the current objects,
// delayed retries, and one stop() that ends both.
import type { KubeObject } from '../../api/object.ts';
import { everything } from '../registry/filter.ts';
import type { ResourceStore } from '../registry/store.ts';

export type EventListener = (type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KubeObject) => void;

export class ControllerRuntime {
  #stopped = false;
  readonly #watches: { stop(): void }[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();

  get stopped(): boolean {
    return this.#stopped;
  }

  /** Every object of the store (all namespaces) as ADDED, then every change. */
  watch(store: ResourceStore, listener: EventListener): void {
    void store.watch('', { filter: everything }, listener).then((w) => {
      if (this.#stopped) w.stop();
      else this.#watches.push(w);
    });
  }

  /** Runs fn after a delay, unless stopped first. */
  later(fn: () => void, ms: number): void {
    if (this.#stopped) return;
    const t = setTimeout(() => {
      this.#timers.delete(t);
      if (!this.#stopped) fn();
    }, ms);
    this.#timers.add(t);
  }

  stop(): void {
    this.#stopped = true;
    for (const w of this.#watches) w.stop();
    for (const t of this.#timers) clearTimeout(t);
  }
}
