// Events (printers.go printEvent). events.k8s.io/v1 Events are the same internal type upstream, so
// they convert to the core shape first and print identically.
import type { KubeObject } from '../../../api/object.ts';
import { parseTime, since } from '../../../api/duration.ts';
import { NAME, text, wide } from '../columns.ts';
import { has, int, name, obj, str } from '../fields.ts';
import type { Json } from '../fields.ts';
import type { TableEntry } from '../types.ts';
import { toCoreV1 } from '../../registry/kinds/event.ts';

/** The fields printEvent reads: an events.k8s.io/v1 Event in its core shape. */
export function coreEventFields(e: KubeObject): KubeObject {
  return str(e.apiVersion).startsWith('events.k8s.io/') ? toCoreV1(e) : e;
}

/** formatEventSource: component (else reporting controller, JSON reportingComponent), then ", host" (else reporting instance). */
function eventSource(e: Json): string {
  const source = obj(e.source);
  const component = str(source.component) || str(e.reportingComponent);
  const instance = str(source.host) || str(e.reportingInstance);
  return instance === '' ? component : `${component}, ${instance}`;
}

export const events: TableEntry = {
  columns: [
    text('Last Seen', 'How long ago the event last occurred.'),
    text('Type', 'Normal or Warning.'),
    text('Reason', 'Why the event happened, in one word.'),
    text('Object', 'The object the event is about.'),
    wide('Subobject', 'The part of the object, such as a container.'),
    wide('Source', 'The component that reported the event.'),
    text('Message', 'What happened.'),
    wide('First Seen', 'How long ago the event first occurred.'),
    wide('Count', 'How many times the event occurred.'),
    { ...NAME, priority: 1 },
  ],
  row(raw, now) {
    const e = coreEventFields(raw);
    const first = parseTime(e.firstTimestamp) === undefined ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let last = parseTime(e.lastTimestamp) === undefined ? first : since(e.lastTimestamp, now);
    let count = int(e.count);
    if (has(e.series)) {
      last = since(obj(e.series).lastObservedTime, now);
      count = int(obj(e.series).count);
    } else if (count === 0) {
      // singleton events of the new API carry no count
      count = 1;
    }
    const involved = obj(e.involvedObject);
    const kind = str(involved.kind).toLowerCase();
    const target = str(involved.name) === '' ? kind : `${kind}/${str(involved.name)}`;
    return [
      last, str(e.type), str(e.reason), target, str(involved.fieldPath), eventSource(e), str(e.message).trim(),
      first, count, name(e),
    ];
  },
};
