// The Kubernetes layers around the structured-merge-diff updater
// (k8s.io/apimachinery pkg/util/managedfields/internal): stripMetaManager, managedFieldsUpdater's
// "current-operation", capManagersManager, and the fields each subresource resets.
import { rfc3339 } from '../registry/object-meta.ts';
import { capUpdateManagers, managerId, type Managed, type ManagerInfo } from './managers.ts';
import { fieldElement, pathKey } from './path-set.ts';
import { excluding, only, updateOwnership, type FieldFilter, type Typed } from './updater.ts';

/** Fields no manager owns (stripMetaManager): identity and server-set metadata. */
const STRIPPED = new Set(
  [['apiVersion'], ['kind'], ['metadata'], ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'].map((f) => ['metadata', f])].map((p) =>
    pathKey(p.map(fieldElement)),
  ),
);

/** stripMetaManager.stripFields: the manager loses the stripped paths (exact paths only). */
export function stripMeta(managed: Managed, id: string): void {
  const m = managed.get(id);
  if (!m) return;
  const set = new Set([...m.set].filter((k) => !STRIPPED.has(k)));
  if (set.size) managed.set(id, { ...m, set });
  else managed.delete(id);
}

/**
 * The reset fields of a write (strategies' GetResetFields): a main-resource write never owns or
 * takes status (the strategy restores it); a status write owns status only. `resetFields`, when
 * given, lists the paths a main-resource write resets instead of status.
 */
export function resetFilter(subresource: string | undefined, resetFields?: readonly (readonly string[])[]): FieldFilter | undefined {
  if (subresource === 'status') return only([pathKey([fieldElement('status')])]);
  return excluding((resetFields ?? [['status']]).map((p) => pathKey(p.map(fieldElement))));
}

/** Manager identifier of the write in progress, as managedFieldsUpdater names it. */
const CURRENT_OPERATION = 'current-operation';

/**
 * An Update by `writer` through managedFieldsUpdater, stripMeta and capManagers: the writer owns
 * what it changed (added to what it owned), others lose it; its time moves only if it gained fields.
 */
export function trackUpdate(t: Typed, live: unknown, next: unknown, managed: Managed, writer: ManagerInfo, now: Date, keep: FieldFilter | undefined): void {
  updateOwnership(t, live, next, managed, { ...writer, set: new Set() }, CURRENT_OPERATION, keep);
  stripMeta(managed, CURRENT_OPERATION);
  const current = managed.get(CURRENT_OPERATION);
  if (current) {
    managed.delete(CURRENT_OPERATION);
    const id = managerId(writer);
    const previous = managed.get(id);
    const entry = { ...writer, set: previous ? new Set([...current.set, ...previous.set]) : current.set, time: rfc3339(now) };
    managed.set(id, entry);
  }
  capUpdateManagers(managed);
}
