// metadata.managedFields decoded into managers and their field sets, and encoded back
// (k8s.io/apimachinery pkg/util/managedfields/internal: managedfields.go, capmanagers.go).
// A manager is identified by name, operation, subresource and, for Update only, apiVersion:
// one Apply entry per applier whatever the version it last applied with.
import type { ManagedFieldsEntry } from '../../api/object.ts';
import { fromFieldsV1, toFieldsV1 } from './path-set.ts';

export interface ManagerInfo {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  subresource?: string;
}

export interface ManagerSet extends ManagerInfo {
  set: Set<string>;
  time?: string;
}

/** Managers by identifier (BuildManagerIdentifier). */
export type Managed = Map<string, ManagerSet>;

/** BuildManagerIdentifier: the entry's JSON without time and fields, apiVersion dropped for Apply. */
export function managerId(m: ManagerInfo): string {
  const id: Record<string, string> = { manager: m.manager, operation: m.operation };
  if (m.operation === 'Update') id.apiVersion = m.apiVersion;
  if (m.subresource) id.subresource = m.subresource;
  return JSON.stringify(id);
}

/** DecodeManagedFields: throws on entries upstream refuses (bad operation, no apiVersion or fieldsType). */
export function decodeManaged(entries: readonly ManagedFieldsEntry[] | undefined): Managed {
  const managed: Managed = new Map();
  (entries ?? []).forEach((e, i) => {
    if (e.operation !== 'Apply' && e.operation !== 'Update') throw new Error('operation must be `Apply` or `Update`');
    if (!e.apiVersion) throw new Error('apiVersion must not be empty');
    if (e.fieldsType !== 'FieldsV1') {
      throw new Error(e.fieldsType ? `invalid fieldsType ${JSON.stringify(e.fieldsType)} in managed fields entry ${i}` : `missing fieldsType in managed fields entry ${i}`);
    }
    const m: ManagerSet = { manager: e.manager ?? '', operation: e.operation, apiVersion: e.apiVersion, set: fromFieldsV1(e.fieldsV1 ?? {}) };
    if (e.subresource) m.subresource = e.subresource;
    if (e.time) m.time = e.time;
    managed.set(managerId(m), m);
  });
  return managed;
}

/** Like decodeManaged, but undefined where upstream would fall back (emptyManagedFieldsOnErr). */
export function tryDecodeManaged(entries: readonly ManagedFieldsEntry[] | undefined): Managed | undefined {
  try {
    return decodeManaged(entries);
  } catch {
    return undefined;
  }
}

/** encodeManagedFields: one entry per manager with fields, sorted as upstream sorts them. */
export function encodeManaged(managed: Managed): ManagedFieldsEntry[] | undefined {
  const out: ManagedFieldsEntry[] = [];
  for (const m of managed.values()) {
    if (m.set.size === 0) continue;
    const e: ManagedFieldsEntry = { manager: m.manager, operation: m.operation, apiVersion: m.apiVersion };
    if (m.time) e.time = m.time;
    e.fieldsType = 'FieldsV1';
    e.fieldsV1 = toFieldsV1(m.set);
    if (m.subresource) e.subresource = m.subresource;
    out.push(e);
  }
  out.sort(compareEntries);
  return out.length ? out : undefined;
}

/** sortEncodedManagedFields: operation, then time (seconds), manager, apiVersion, subresource. */
function compareEntries(p: ManagedFieldsEntry, q: ManagedFieldsEntry): number {
  const s = (a?: string, b?: string) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
  if (p.operation !== q.operation) return s(p.operation, q.operation);
  const pt = p.time ? Math.floor(Date.parse(p.time) / 1000) : 0;
  const qt = q.time ? Math.floor(Date.parse(q.time) / 1000) : 0;
  if (pt !== qt) return pt - qt;
  return s(p.manager, q.manager) || s(p.apiVersion, q.apiVersion) || s(p.subresource, q.subresource);
}

/** printManager: how conflicts name a manager (`"kubectl-edit" using apps/v1`). */
export function printManager(m: ManagerInfo): string {
  let s = JSON.stringify(m.manager);
  if (m.subresource) s += ` with subresource ${JSON.stringify(m.subresource)}`;
  // The identifier carries no time, so upstream never prints the "at <time>" form.
  if (m.operation === 'Update') s += ` using ${m.apiVersion}`;
  return s;
}

const MAX_UPDATE_MANAGERS = 10;
const ANCIENT_CHANGES = 'ancient-changes';

/**
 * capUpdateManagers: past ten Update managers, the oldest ones of each apiVersion are folded into
 * one "ancient-changes" entry per version.
 */
export function capUpdateManagers(managed: Managed): void {
  const updaters = [...managed.entries()].filter(([, m]) => m.operation === 'Update');
  if (updaters.length <= MAX_UPDATE_MANAGERS) return;
  const seconds = (m: ManagerSet) => (m.time ? Math.floor(Date.parse(m.time) / 1000) : 0);
  updaters.sort(([ia, a], [ib, b]) => seconds(a) - seconds(b) || (ia < ib ? -1 : ia > ib ? 1 : 0));
  const firstOfVersion = new Map<string, string>();
  let length = updaters.length;
  for (const [id, m] of updaters) {
    if (length <= MAX_UPDATE_MANAGERS) break;
    const bucketId = managerId({ manager: ANCIENT_CHANGES, operation: 'Update', apiVersion: m.apiVersion });
    const first = firstOfVersion.get(m.apiVersion);
    if (first === undefined) {
      firstOfVersion.set(m.apiVersion, id);
      continue;
    }
    if (!managed.has(bucketId)) {
      // The first manager of this version becomes the bucket.
      const firstSet = managed.get(first)!;
      managed.delete(first);
      managed.set(bucketId, { ...firstSet, manager: ANCIENT_CHANGES, operation: 'Update', subresource: undefined });
    }
    const bucket = managed.get(bucketId)!;
    managed.set(bucketId, { ...bucket, set: new Set([...m.set, ...bucket.set]), time: m.time });
    managed.delete(id);
    length--;
  }
}
