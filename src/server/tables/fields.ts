// Reading untyped object JSON the way the printers read Go structs: a missing field is its zero
// value ("" / 0 / false / empty), a missing pointer is undefined.
import { compareGoStrings } from '../../api/jsonpath/go-values.ts';
import type { KubeObject } from '../../api/object.ts';
import { since } from '../../api/duration.ts';

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A nested struct: {} when absent. */
export const obj = (v: unknown): Json => (isObject(v) ? v : {});

/** A slice of structs: [] when absent; non-object items read as {}. */
export const items = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);

/** A slice of strings. */
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);

/** A string field: "" when absent. */
export function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/** An integer field: 0 when absent. */
export const int = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);

/** A set pointer (Go `!= nil`). */
export const has = (v: unknown): boolean => v !== undefined && v !== null;

/** A map field's size (Go len(map)). */
export const size = (v: unknown): number => (isObject(v) ? Object.keys(v).length : 0);

/** A slice field's length. */
export const length = (v: unknown): number => (Array.isArray(v) ? v.length : 0);

export const meta = (o: KubeObject): Json => obj(o.metadata);
export const spec = (o: KubeObject): Json => obj(o.spec);
export const status = (o: KubeObject): Json => obj(o.status);
export const name = (o: KubeObject): string => str(o.metadata?.name);
export const annotations = (o: KubeObject): Json => obj(o.metadata?.annotations);
export const deleting = (o: KubeObject): boolean => has(o.metadata?.deletionTimestamp);

/** translateTimestampSince(obj.CreationTimestamp): the AGE cell. */
export const age = (o: KubeObject, now: Date): string => since(o.metadata?.creationTimestamp, now);

/** The first condition of a type, as the printers' loops find it. */
export const condition = (conditions: unknown, type: string): Json | undefined =>
  items(conditions).find((c) => c.type === type);

/** hasJobCondition and friends: the first condition of that type has status True. */
export const conditionTrue = (conditions: unknown, type: string): boolean => condition(conditions, type)?.status === 'True';

/** "<none>" for an empty string. */
export const orNone = (s: string): string => (s === '' ? '<none>' : s);

/** printBool / printBoolPtr. */
export const goBool = (v: boolean): string => (v ? 'True' : 'False');
export const boolPtr = (v: unknown): string => (has(v) ? goBool(v === true) : '<unset>');

/** Go's sort.Strings order: by UTF-8 bytes. */
export const byteOrder = compareGoStrings;

/** sets.NewString(...).List(): sorted and de-duplicated. */
export const sortedSet = (values: Iterable<string>): string[] => [...new Set(values)].sort(byteOrder);

/** layoutContainerCells: container names and images, comma-joined. */
export function containerCells(containers: unknown): [string, string] {
  const list = items(containers);
  return [list.map((c) => str(c.name)).join(','), list.map((c) => str(c.image)).join(',')];
}

/** listWithMoreString: the first `max` values, then " + N more...", `<unset>` when empty. */
export function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const joined = list.join(',');
  if (more) return `${joined} + ${count - max} more...`;
  return joined === '' ? '<unset>' : joined;
}
