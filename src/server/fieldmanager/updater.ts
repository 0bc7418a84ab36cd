// structured-merge-diff's merge.Updater: who owns what after a write, conflicts of an apply, and
// the pruning of fields an applier stopped applying. Objects of every apiVersion are compared in
// the request's version (no conversion between versions here).
import { compare, valueEquals, type Comparison } from './compare.ts';
import type { Managed, ManagerSet } from './managers.ts';
import { merge, removeItems } from './merge.ts';
import { isUnder, sortedPaths } from './path-set.ts';
import type { Schema, Shape } from './typed.ts';

/** Which paths the strategy resets on this write (GetResetFields): false drops a path. */
export type FieldFilter = (key: string) => boolean;

export interface Conflict {
  managerId: string;
  manager: ManagerSet;
  path: string;
}

/** merge.Conflicts: the apply changes fields other managers own. */
export class ConflictsError extends Error {
  constructor(readonly conflicts: Conflict[]) {
    super('conflicts');
  }
}

export interface Typed {
  schema: Schema;
  shape: Shape;
}

const filterSet = (set: Set<string>, keep: FieldFilter | undefined) => (keep ? new Set([...set].filter(keep)) : set);
const difference = (a: Set<string>, b: Set<string>) => new Set([...a].filter((k) => !b.has(k)));
const union = (...sets: Set<string>[]) => new Set(sets.flatMap((s) => [...s]));

function filterComparison(c: Comparison, keep: FieldFilter | undefined): Comparison {
  return { added: filterSet(c.added, keep), modified: filterSet(c.modified, keep), removed: filterSet(c.removed, keep) };
}

/**
 * Updater.update: every manager but `workflowId` loses the fields this write changed (conflicts,
 * unless forced) and the ones it removed; managers left with nothing go.
 */
function update(t: Typed, live: unknown, next: unknown, managers: Managed, workflowId: string, force: boolean, keep: FieldFilter | undefined): Comparison {
  const full = compare(t.schema, t.shape, live, next);
  const cmp = filterComparison(full, keep);
  const changed = union(cmp.modified, cmp.added);
  const conflicts: Conflict[] = [];
  const lost = new Map<string, Set<string>>();
  for (const [id, m] of managers) {
    if (id === workflowId) continue;
    const conflicting = [...m.set].filter((k) => changed.has(k));
    if (conflicting.length) {
      for (const path of sortedPaths(conflicting)) conflicts.push({ managerId: id, manager: m, path });
      lost.set(id, new Set(conflicting));
    }
  }
  if (!force && conflicts.length) {
    conflicts.sort((a, b) => (a.managerId < b.managerId ? -1 : a.managerId > b.managerId ? 1 : 0));
    throw new ConflictsError(conflicts);
  }
  for (const [id, m] of managers) {
    if (id === workflowId) continue;
    let set = m.set;
    const taken = lost.get(id);
    if (taken) set = difference(set, taken);
    if (cmp.removed.size) set = difference(set, cmp.removed);
    if (set !== m.set) managers.set(id, { ...m, set });
  }
  for (const [id, m] of managers) if (m.set.size === 0) managers.delete(id);
  return cmp;
}

/** Updater.Update: the writer owns what it added or modified, keeps what it had and still exists. */
export function updateOwnership(t: Typed, live: unknown, next: unknown, managers: Managed, writer: ManagerSet, writerId: string, keep: FieldFilter | undefined): void {
  const cmp = update(t, live, next, managers, writerId, true, keep);
  const previous = managers.get(writerId)?.set ?? new Set<string>();
  const set = filterSet(union(difference(previous, cmp.removed), cmp.modified, cmp.added), keep);
  if (set.size) managers.set(writerId, { ...writer, set });
  else managers.delete(writerId);
}

export interface ApplyResult {
  /** The merged object; undefined when it equals the live object. */
  object: unknown;
  /** Map entries that pruning emptied (null in `object`). */
  emptied: string[];
}

/**
 * Updater.Apply: merges the configuration into the live object, makes the applier own exactly
 * what it applied, prunes what it applied last time and no one owns any more, then settles
 * ownership (and conflicts) against the live object.
 */
export function applyOwnership(
  t: Typed,
  live: unknown,
  config: unknown,
  managers: Managed,
  applier: ManagerSet,
  applierId: string,
  force: boolean,
  keep: FieldFilter | undefined,
): ApplyResult {
  let merged: unknown;
  try {
    merged = merge(t.schema, t.shape, live, config);
  } catch (e) {
    throw new Error(`failed to merge config: ${(e as Error).message}`);
  }
  const last = managers.get(applierId);
  const lastSet = last?.set;
  const set = filterSet(t.schema.toFieldSet(t.shape, config), keep);
  // The entry's time is the layer above's business (managedFieldsUpdater); it survives here.
  managers.set(applierId, { ...applier, set, time: last?.time });
  const pruned = lastSet?.size ? prune(t, merged, managers, lastSet) : { value: merged, emptied: [] };
  update(t, live, pruned.value, managers, applierId, force, keep);
  if (valueEquals(live, pruned.value)) return { object: undefined, emptied: [] };
  return { object: pruned.value, emptied: pruned.emptied };
}

/**
 * Updater.prune: removes what the applier owned last time and did not apply now, unless another
 * manager (or the new configuration) owns it, or it was never the applier's to remove.
 */
function prune(t: Typed, merged: unknown, managers: Managed, lastSet: Set<string>): { value: unknown; emptied: string[] } {
  const { schema, shape } = t;
  const named = (s: Set<string>) => schema.ensureNamedFieldsAreMembers(shape, s);
  const mergedSet = named(schema.toFieldSet(shape, merged));
  const first = removeItems(schema, shape, merged, named(lastSet)).value;
  // addBackOwnedItems: whatever someone owns comes back.
  const owned = union(...[...managers.values()].map((m) => m.set));
  const ownedBack = removeItems(schema, shape, merged, difference(mergedSet, union(named(schema.toFieldSet(shape, first)), named(owned)))).value;
  // addBackDanglingItems: only what the applier owned last time may go.
  const stillPruned = difference(mergedSet, named(schema.toFieldSet(shape, ownedBack)));
  const last = named(lastSet);
  return removeItems(schema, shape, merged, [...stillPruned].filter((k) => last.has(k)));
}

/** A filter keeping what is not under any of `paths` (fieldpath.NewExcludeSetFilter). */
export function excluding(paths: readonly string[]): FieldFilter | undefined {
  if (!paths.length) return undefined;
  return (key) => !paths.some((p) => isUnder(key, p));
}

/** A filter keeping only what is under one of `paths`. */
export function only(paths: readonly string[]): FieldFilter {
  return (key) => paths.some((p) => isUnder(key, p));
}
