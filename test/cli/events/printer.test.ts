// Unit tests of events' printing: LAST SEEN, ordering, the table, the typed form.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EventTablePrinter, interval, lastSeen, sortEvents, typedEvent, typedEventList, type CoreEvent } from '../../../src/cli/events/printer.ts';

const now = new Date('2026-01-01T12:00:00Z');
const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString().replace(/\.000Z$/, 'Z');

test('LAST SEEN', () => {
  assert.equal(interval({ firstTimestamp: at(5), lastTimestamp: at(5), count: 1 }, now), '5m');
  assert.equal(interval({ firstTimestamp: at(50), lastTimestamp: at(15), count: 4 }, now), '15m (x4 over 50m)');
  assert.equal(interval({ eventTime: '2026-01-01T11:15:00.000000Z', series: { count: 3, lastObservedTime: '2026-01-01T11:48:00.000000Z' } }, now), '12m (x3 over 45m)');
  assert.equal(interval({}, now), '<unknown>');
  assert.equal(interval({ count: 2 }, now), '<unknown> (x2 over <unknown>)');
});

test('ordering by the time last seen, microseconds included', () => {
  const events: CoreEvent[] = [
    { metadata: { name: 'series' }, series: { lastObservedTime: '2026-01-01T11:00:00.000002Z' }, lastTimestamp: at(1) },
    { metadata: { name: 'last' }, lastTimestamp: at(90), eventTime: at(1) },
    { metadata: { name: 'micro' }, eventTime: '2026-01-01T11:00:00.000001Z' },
    { metadata: { name: 'none' } },
  ];
  assert.equal(lastSeen(events[3]!), -Infinity);
  sortEvents(events);
  assert.deepEqual(events.map((e) => e.metadata?.name), ['none', 'last', 'micro', 'series']);
});

test('the table: header once, namespace with -A, trimmed and escaped cells', () => {
  let out = '';
  const w = { write: (s: string) => (out += s) };
  const p = new EventTablePrinter({ noHeaders: false, allNamespaces: true, now: () => now });
  const e: CoreEvent = { metadata: { namespace: 'ns' }, type: 'Normal', reason: 'R\x1b', involvedObject: { kind: 'Pod', name: 'p' }, message: '  m  ', firstTimestamp: at(2) };
  p.print([e], w);
  p.print([e], w);
  assert.equal(out, 'NAMESPACE\tLAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\nns\t2m\tNormal\tR^[\tPod/p\tm\nns\t2m\tNormal\tR^[\tPod/p\tm\n');
});

test('typed form: struct order, kind set, zero values and null times filled in', () => {
  const e = typedEvent({ metadata: { name: 'e', namespace: 'd', creationTimestamp: '2026-01-01T00:00:00Z' }, involvedObject: { name: 'x', kind: 'Pod' }, reason: 'R', unknown: 1, lastTimestamp: '2026-01-01T01:02:03.456+01:00' } as CoreEvent);
  assert.deepEqual(Object.keys(e), ['kind', 'apiVersion', 'metadata', 'involvedObject', 'reason', 'source', 'firstTimestamp', 'lastTimestamp', 'eventTime', 'reportingComponent', 'reportingInstance']);
  assert.deepEqual(Object.keys(e.involvedObject as object), ['kind', 'name']);
  assert.equal(e.kind, 'Event');
  assert.deepEqual(e.source, {});
  assert.equal(e.firstTimestamp, null);
  assert.equal(e.lastTimestamp, '2026-01-01T00:02:03Z');
  assert.equal(e.reportingComponent, '');
  const list = typedEventList([]);
  assert.deepEqual(list, { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: [] });
});
