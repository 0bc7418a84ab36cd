// Events: one resource served as core/v1 and events.k8s.io/v1, stored in the core/v1 shape
// (pkg/apis/events/v1/conversion.go renames; the rest of the fields carry the same names).
import type { KubeObject } from '../../../api/object.ts';
import { builtinTypes } from '../../../api/types.ts';
import { canonicalize } from '../canonical.ts';
import type { Strategy } from '../strategy.ts';
import type { VersionConverter } from './index.ts';
import { validateEventCreate, validateEventUpdate } from '../validation/event.ts';

/** events.k8s.io/v1 name → core/v1 name. */
const RENAMES: Readonly<Record<string, string>> = {
  regarding: 'involvedObject',
  note: 'message',
  reportingController: 'reportingComponent',
  deprecatedSource: 'source',
  deprecatedFirstTimestamp: 'firstTimestamp',
  deprecatedLastTimestamp: 'lastTimestamp',
  deprecatedCount: 'count',
};
const TO_EVENTS_V1 = Object.fromEntries(Object.entries(RENAMES).map(([v1, core]) => [core, v1]));

/** events.k8s.io/v1 fields with omitempty whose zero value Go leaves out ("" strings, count 0). */
const OMIT_EMPTY_V1 = new Set(['reportingController', 'reportingInstance', 'action', 'reason', 'note', 'type', 'deprecatedCount']);

function rename(obj: KubeObject, names: Readonly<Record<string, string>>, apiVersion: string, dropEmpty?: ReadonlySet<string>): KubeObject {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const name = names[k] ?? k;
    if (dropEmpty?.has(name) && (v === '' || v === 0)) continue;
    out[name] = v;
  }
  out.apiVersion = apiVersion;
  return out as KubeObject;
}

/** A core/v1 Event (as stored) in events.k8s.io/v1, in that type's field order. */
export function toEventsV1(obj: KubeObject): KubeObject {
  const renamed = rename(obj, TO_EVENTS_V1, 'events.k8s.io/v1', OMIT_EMPTY_V1);
  const types = builtinTypes();
  const typeName = types.typeNameForKind('events.k8s.io', 'v1', 'Event');
  if (!typeName) return renamed;
  const { apiVersion, kind, ...rest } = canonicalize(types, typeName, renamed).value;
  return { apiVersion, kind, ...rest } as KubeObject;
}

/** An events.k8s.io/v1 Event in core/v1 (no defaulting: source.component stays empty, as upstream). */
export const toCoreV1 = (obj: KubeObject): KubeObject => rename(obj, RENAMES, 'v1');

export const eventConversion: VersionConverter = {
  toVersion: (obj, version) => (version === 'v1' ? toEventsV1(obj) : obj),
  fromVersion: (obj, version) => (version === 'v1' ? toCoreV1(obj) : obj),
};

// Internal writers have no request version; upstream's zero GroupVersion gets the strict rules too.
const requestVersionOf = (v: string | undefined) => v ?? '';

export const events: Strategy = {
  allowCreateOnUpdate: true,
  validate: (e, ctx) => validateEventCreate(e, requestVersionOf(ctx.requestVersion)),
  validateUpdate: (e, old, ctx) => validateEventUpdate(e, old, requestVersionOf(ctx.requestVersion)),
};
