// The "Events:" section every describer ends with, and which events belong to an object.
import { humanDuration, parseTime, since } from '../api/duration.ts';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './writer.ts';
import { int, obj, str, type Obj } from './values.ts';

/** DescribeEvents: oldest last-seen first; "x4 over 10m" for repeated events. */
export function describeEvents(events: readonly Obj[], w: PrefixWriter, now: Date): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  // SortableEvents by lastTimestamp; an unset one is the zero time, before all others
  const last = (e: Obj) => parseTime(e.lastTimestamp) ?? -Infinity;
  const sorted = [...events].sort((a, b) => (last(a) < last(b) ? -1 : last(a) > last(b) ? 1 : 0));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const eventTime = parseTime(e.eventTime);
    const first = eventTime === undefined ? since(e.firstTimestamp, now) : humanDuration(now.getTime() - eventTime);
    const series = e.series === undefined || e.series === null ? undefined : obj(e.series);
    let interval: string;
    if (series) interval = `${since(series.lastObservedTime, now)} (x${int(series.count)} over ${first})`;
    else if (int(e.count) > 1) interval = `${since(e.lastTimestamp, now)} (x${int(e.count)} over ${first})`;
    else interval = first;
    const source = str(obj(e.source).component) || str(e.reportingComponent);
    w.write(LEVEL_1, `${str(e.type)}\t${str(e.reason)}\t${interval}\t${source}\t${str(e.message).trim()}\n`);
  }
}

/** What identifies an object's events: the fields of an ObjectReference the search matches on. */
export interface EventTarget {
  name: string;
  namespace: string;
  /** Omitted for pods, whose events kubectl finds by name, namespace and uid alone. */
  kind?: string;
  uid?: string;
}

/** fields.EscapeValue for field selector values. */
const escapeFieldValue = (v: string) => v.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/=/g, '\\=');

/** The field selector of the events search (GetFieldSelector). */
export function eventFieldSelector(t: EventTarget): string {
  const terms: [string, string][] = [
    ['involvedObject.name', t.name],
    ['involvedObject.namespace', t.namespace],
  ];
  if (t.kind) terms.push(['involvedObject.kind', t.kind]);
  if (t.uid) terms.push(['involvedObject.uid', t.uid]);
  return terms.map(([k, v]) => `${k}=${escapeFieldValue(v)}`).join(',');
}

/** The reference search of an object fetched from the server. */
export function eventTargetOf(o: Obj, kind: string | undefined): EventTarget {
  const m = obj(o.metadata);
  return { name: str(m.name), namespace: str(m.namespace), kind, uid: str(m.uid) || undefined };
}
