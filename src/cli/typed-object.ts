// kubectl's typed round trip: commands that read through client-go's typed clients (events,
// cluster-info dump) decode the server's JSON into Go structs and print those again, so -o json
// shows struct field order, unknown fields dropped, non-omitempty zero values ("", {}, null times)
// filled in and times re-formatted (UTC; seconds, or microseconds for MicroTime). The field order
// and zero values come from the generated type table.
import { builtinTypes, type FieldSchema } from '../api/types.ts';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const CORE = 'io.k8s.api.core.v1.';
const APPS = 'io.k8s.api.apps.v1.';

/**
 * metav1.Time / MicroTime fields held by value (not by pointer): Go prints them as null when unset.
 * The type table cannot tell these from pointer fields, which are left out instead.
 */
const VALUE_TIMES: Record<string, string[]> = {
  [`${META}ObjectMeta`]: ['creationTimestamp'],
  [`${META}Condition`]: ['lastTransitionTime'],
  [`${CORE}Event`]: ['firstTimestamp', 'lastTimestamp', 'eventTime'],
  [`${CORE}EventSeries`]: ['lastObservedTime'],
  [`${CORE}PodCondition`]: ['lastProbeTime', 'lastTransitionTime'],
  [`${CORE}NodeCondition`]: ['lastHeartbeatTime', 'lastTransitionTime'],
  [`${CORE}ContainerStateRunning`]: ['startedAt'],
  [`${CORE}ContainerStateTerminated`]: ['startedAt', 'finishedAt'],
  [`${CORE}ReplicationControllerCondition`]: ['lastTransitionTime'],
  [`${CORE}NamespaceCondition`]: ['lastTransitionTime'],
  [`${APPS}DeploymentCondition`]: ['lastUpdateTime', 'lastTransitionTime'],
  [`${APPS}ReplicaSetCondition`]: ['lastTransitionTime'],
  [`${APPS}DaemonSetCondition`]: ['lastTransitionTime'],
  [`${APPS}StatefulSetCondition`]: ['lastTransitionTime'],
};

const ZERO: Record<string, unknown> = { string: '', int32: 0, int64: 0, boolean: false, double: 0 };

const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(?:\.(\d+))?([Zz]|[+-]\d\d:\d\d)$/;

/** A timestamp as microseconds since the epoch; undefined when absent or not RFC 3339; -Infinity for Go's zero time. */
export function timeMicros(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = RFC3339.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac = '', zone] = m as unknown as string[];
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(s), 0);
  let seconds = date.getTime() / 1000;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone!.startsWith('-') ? -1 : 1;
    seconds -= sign * (Number(zone!.slice(1, 3)) * 3600 + Number(zone!.slice(4, 6)) * 60);
  }
  const micros = seconds * 1e6 + Number((frac + '000000').slice(0, 6));
  return micros === GO_ZERO_TIME ? -Infinity : micros;
}

// 0001-01-01T00:00:00Z
const GO_ZERO_TIME = -62135596800 * 1e6;

/** metav1.Time (seconds) or MicroTime as Go marshals it; null for an unset or zero time. */
export function formatTime(value: unknown, micro: boolean): string | null {
  const us = timeMicros(value);
  if (us === undefined) return typeof value === 'string' && value !== '' ? value : null;
  if (us === -Infinity) return null;
  const seconds = Math.floor(us / 1e6);
  const date = new Date(seconds * 1000);
  const iso = date.toISOString().replace(/\.\d{3}Z$/, '');
  // years past 9999 or before 0000 make toISOString use six digits and a sign
  if (!micro) return `${iso}Z`;
  return `${iso}.${String(us - seconds * 1e6).padStart(6, '0')}Z`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Go map keys come out sorted (byte order; the same as UTF-16 order outside the surrogates). */
function sortedMap(value: Record<string, unknown>, each: (v: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = each(value[k]);
  return out;
}

/** The value of one field as its Go type prints it. */
function encodeValue(typeName: string, value: unknown): unknown {
  if (typeName in ZERO || typeName === 'bytes') return value;
  return encodeTyped(typeName, value);
}

function encodeField(typeName: string, f: FieldSchema, value: unknown): unknown {
  if (f.repeated) return Array.isArray(value) ? value.map((v) => encodeValue(f.type, v)) : value;
  if (f.map) return isObject(value) ? sortedMap(value, (v) => encodeValue(f.type, v)) : value;
  if (VALUE_TIMES[typeName]?.includes(f.name)) return formatTime(value, builtinTypes().type(f.type)?.special === 'microtime');
  return encodeValue(f.type, value);
}

/** What an unset field prints as: nothing (omitempty or pointer), null (a time by value), or its zero value. */
function unsetField(typeName: string, f: FieldSchema): { value: unknown } | undefined {
  if (VALUE_TIMES[typeName]?.includes(f.name)) return { value: null };
  if (f.default === undefined || f.repeated || f.map) return undefined;
  if (f.type in ZERO) return f.default === ZERO[f.type] ? { value: f.default } : undefined;
  // a struct held by value prints even when empty
  return isObject(f.default) ? { value: encodeTyped(f.type, {}) } : undefined;
}

/** An object of the table's type `typeName` after kubectl's typed decode and encode. */
export function encodeTyped(typeName: string, value: unknown): unknown {
  const types = builtinTypes();
  const t = types.type(typeName);
  if (!t) return value;
  if (t.special) {
    if (t.special === 'time') return formatTime(value, false);
    if (t.special === 'microtime') return formatTime(value, true);
    return value;
  }
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const f of types.jsonFields(typeName)) {
    const v = value[f.name];
    if (v === undefined || v === null) {
      const unset = unsetField(typeName, f);
      if (unset) out[f.name] = unset.value;
      continue;
    }
    out[f.name] = encodeField(typeName, f, v);
  }
  return out;
}

/** The table's type name of a kind, e.g. ('', 'v1', 'Event') → io.k8s.api.core.v1.Event. */
export function typeNameOf(group: string, version: string, kind: string): string | undefined {
  return builtinTypes().typeNameForKind(group, version, kind);
}
