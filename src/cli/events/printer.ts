// What `events` prints: its own table (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE; NAMESPACE first
// with -A), the order of a listing (by the time each event was last seen, Go's unstable sort), and
// events as client-go's typed Event prints them for -o json/yaml.
import { goSortInterface } from '../../api/go-sort.ts';
import { humanDuration } from '../../api/duration.ts';
import { escapeTerminal } from '../../printers/table.ts';
import type { Writer } from '../../printers/tabwriter.ts';
import { encodeTyped, timeMicros } from '../typed-object.ts';

/** A core/v1 Event as the server sends it (only what the table reads is typed). */
export interface CoreEvent {
  kind?: string;
  apiVersion?: string;
  metadata?: { name?: string; namespace?: string };
  involvedObject?: { kind?: string; name?: string };
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string | null } | null;
  [field: string]: unknown;
}

const EVENT_TYPE = 'io.k8s.api.core.v1.Event';

/** Microseconds of a timestamp; unset and unparsable both count as Go's zero time. */
const micros = (t: unknown): number => timeMicros(t) ?? -Infinity;
const isZero = (t: unknown): boolean => micros(t) === -Infinity;

/** The time an event was last seen: its series' last observation, its lastTimestamp, else its eventTime. */
export function lastSeen(e: CoreEvent): number {
  if (e.series) return micros(e.series.lastObservedTime);
  if (!isZero(e.lastTimestamp)) return micros(e.lastTimestamp);
  return micros(e.eventTime);
}

/** sort.Sort by lastSeen (not stable: equal times end up where Go's pdqsort leaves them). */
export function sortEvents(events: CoreEvent[]): void {
  const keys = events.map(lastSeen);
  goSortInterface(events.length, {
    less: (i, j) => keys[i]! < keys[j]!,
    swap: (i, j) => {
      [events[i], events[j]] = [events[j]!, events[i]!];
      [keys[i], keys[j]] = [keys[j]!, keys[i]!];
    },
  });
}

function since(t: unknown, now: Date): string {
  if (isZero(t)) return '<unknown>';
  return humanDuration(now.getTime() - micros(t) / 1000);
}

/** LAST SEEN: `<age>`, or `<age> (xN over <age of the first>)` for repeated events. */
export function interval(e: CoreEvent, now: Date): string {
  const first = isZero(e.eventTime) ? since(e.firstTimestamp, now) : since(e.eventTime, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** kubectl's EventPrinter: the header once (unless --no-headers), then one row per event. */
export class EventTablePrinter {
  private headerPrinted = false;

  constructor(
    private readonly options: { noHeaders: boolean; allNamespaces: boolean; now: () => Date },
  ) {}

  print(events: CoreEvent[], w: Writer): void {
    if (!this.options.noHeaders && !this.headerPrinted) {
      w.write(`${this.options.allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
      this.headerPrinted = true;
    }
    const now = this.options.now();
    for (const e of events) {
      const ns = this.options.allNamespaces ? `${e.metadata?.namespace ?? ''}\t` : '';
      const object = `${escapeTerminal(e.involvedObject?.kind ?? '')}/${escapeTerminal(e.involvedObject?.name ?? '')}`;
      w.write(`${ns}${interval(e, now)}\t${escapeTerminal(e.type ?? '')}\t${escapeTerminal(e.reason ?? '')}\t${object}\t${escapeTerminal((e.message ?? '').trim())}\n`);
    }
  }
}

/** An event as the typed client prints it, with kind and apiVersion set when the server left them out. */
export function typedEvent(e: CoreEvent): Record<string, unknown> {
  const withKind = e.kind || e.apiVersion ? e : { ...e, kind: 'Event', apiVersion: 'v1' };
  return encodeTyped(EVENT_TYPE, withKind) as Record<string, unknown>;
}

/** The EventList kubectl builds for the printers: no list metadata of the server's. */
export function typedEventList(events: CoreEvent[]): Record<string, unknown> {
  return { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: events.map(typedEvent) };
}
