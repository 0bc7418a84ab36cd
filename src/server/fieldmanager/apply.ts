// Server-side apply (PATCH with application/apply-patch+yaml): the applied configuration merged
// into the live object with managedFields updated, through kube-apiserver's field manager layers
// (k8s.io/apimachinery pkg/util/managedfields/internal: versionCheck, lastAppliedUpdater,
// lastAppliedManager, skipNonApplied, buildManagerInfo, managedFieldsUpdater, stripMeta,
// structuredMerge). The caller stores the result through the usual update (or create) path:
// defaulting, the strategy's resets and validation happen there.
import type { KubeObject } from '../../api/object.ts';
import { parseApiVersion } from '../../api/object.ts';
import type { TypeIndex } from '../../api/types.ts';
import { rfc3339 } from '../registry/object-meta.ts';
import { ApiError, badRequest, invalid } from '../status.ts';
import { zeroValue } from './compare.ts';
import { resetFilter, stripMeta, trackUpdate } from './field-manager.ts';
import { allowedConflicts, buildLastApplied, hasLastApplied, KUBECTL_MANAGER, setLastApplied } from './last-applied.ts';
import { decodeManaged, encodeManaged, managerId, printManager, type Managed, type ManagerInfo } from './managers.ts';
import { dropEmptied } from './merge.ts';
import { pathString } from './path-set.ts';
import { Schema } from './typed.ts';
import { applyOwnership, ConflictsError, type Conflict, type FieldFilter, type Typed } from './updater.ts';
import { validateApplied } from './validate.ts';

export interface ApplyRequest {
  /** The stored object; undefined when the apply creates it. */
  live: KubeObject | undefined;
  /** The applied configuration as sent (decoded JSON or YAML). */
  applied: KubeObject;
  /** The fieldManager parameter (required for apply). */
  manager: string;
  force: boolean;
  /** apiVersion of the request (group/version of the URL). */
  apiVersion: string;
  /** Kind served at the URL; defaults to the live object's, else the type's. */
  kind?: string;
  /** "status" for applies to /status. */
  subresource?: string;
  now: Date;
  types: TypeIndex;
  /** The kind's definition in `types`; undefined for schemaless (deduced) custom resources. */
  typeName: string | undefined;
  /**
   * Paths (field names) the main-resource strategy resets, which the applier never owns
   * (GetResetFields). Default [["status"]]; [] for kinds whose status is an ordinary field.
   */
  resetFields?: readonly (readonly string[])[];
}

const BEFORE_FIRST_APPLY = 'before-first-apply';

/** The merged object with managedFields set; throws ApiError (409 on conflicts). */
export function serverSideApply(req: ApplyRequest): KubeObject {
  if (!req.manager)
    throw invalid({ group: 'meta.k8s.io', kind: 'PatchOptions' }, '', [{ type: 'FieldValueRequired', field: 'fieldManager', detail: 'is required for apply patch' }]);
  checkVersion(req);
  if (req.applied.metadata?.managedFields !== undefined && req.applied.metadata.managedFields !== null) throw badRequest('metadata.managedFields must be nil');
  const schema = new Schema(req.types);
  const t: Typed = { schema, shape: Schema.rootShape(req.typeName) };
  const invalidConfig = validateApplied(schema, t.shape, req.applied);
  if (invalidConfig) throw unknownError(`failed to create typed patch object (${objectGVKNN(req.applied)}): ${invalidConfig}`);
  const keep = resetFilter(req.subresource, req.resetFields);

  let result: Applied;
  try {
    result = applyWithLastApplied(req, t, keep);
  } catch (e) {
    if (e instanceof ConflictsError) throw conflictError(e.conflicts);
    throw e;
  }
  const { object, managed } = result;
  // lastAppliedUpdater: kubectl's annotation follows what kubectl now applies.
  if (req.manager === KUBECTL_MANAGER && hasLastApplied(object)) setLastApplied(object, buildLastApplied(req.applied));
  const entries = encodeManaged(managed);
  if (entries) object.metadata.managedFields = entries;
  else delete object.metadata.managedFields;
  return object;
}

interface Applied {
  object: KubeObject;
  managed: Managed;
}

/**
 * lastAppliedManager: when "kubectl" conflicts only on fields the last-applied annotation vouches
 * for (live value unchanged since client-side apply), the apply goes through as if forced.
 */
function applyWithLastApplied(req: ApplyRequest, t: Typed, keep: FieldFilter | undefined): Applied {
  try {
    return applyOnce(req, t, keep, req.force);
  } catch (e) {
    if (req.manager !== KUBECTL_MANAGER || !(e instanceof ConflictsError)) throw e;
    const allowed = allowedConflicts(t, req.live, req.apiVersion);
    if (!allowed) throw e;
    const remaining = e.conflicts.filter((c) => !allowed.has(c.path));
    if (remaining.length) throw new ConflictsError(remaining);
    return applyOnce(req, t, keep, true);
  }
}

function applyOnce(req: ApplyRequest, t: Typed, keep: FieldFilter | undefined, force: boolean): Applied {
  let managed: Managed;
  try {
    managed = decodeManaged(req.live?.metadata.managedFields);
  } catch (e) {
    throw unknownError(`failed to decode managed fields: ${(e as Error).message}`);
  }
  const live = req.live ? structuredClone(req.live) : undefined;
  // skipNonAppliedManager: an object nobody tracks yet is first owned by "before-first-apply".
  if (live && managed.size === 0) {
    const zero = req.typeName ? zeroValue(req.types, req.typeName) : {};
    trackUpdate(t, zero, live, managed, managerInfo(req, BEFORE_FIRST_APPLY, 'Update'), req.now, keep);
  }
  const applier = managerInfo(req, req.manager, 'Apply');
  const id = managerId(applier);
  let result;
  try {
    result = applyOwnership(t, live ?? {}, req.applied, managed, { ...applier, set: new Set() }, id, force, keep);
  } catch (e) {
    if (e instanceof ConflictsError) throw e;
    throw unknownError((e as Error).message);
  }
  stripMeta(managed, id);
  let object: KubeObject;
  if (result.object === undefined) {
    // Nothing changed: the applier's time stays (a new applier gets none), as managedFieldsUpdater.
    object = structuredClone(live ?? (req.applied as KubeObject));
    delete object.metadata.managedFields;
  } else {
    object = result.object as KubeObject;
    dropEmptied(t.schema, t.shape, object, result.emptied);
    const m = managed.get(id);
    if (m) managed.set(id, { ...m, time: rfc3339(req.now) });
  }
  object.metadata ??= {};
  return { object, managed };
}

function managerInfo(req: ApplyRequest, manager: string, operation: 'Apply' | 'Update'): ManagerInfo {
  const info: ManagerInfo = { manager: manager || 'unknown', operation, apiVersion: req.apiVersion };
  if (req.subresource) info.subresource = req.subresource;
  return info;
}

/** versionCheckManager: the configuration must be of the URL's group, version and kind. */
function checkVersion(req: ApplyRequest): void {
  const kind = req.kind ?? req.live?.kind ?? (req.typeName ? req.types.type(req.typeName)?.gvk?.[0]?.kind : undefined);
  const applied = req.applied;
  if (applied.apiVersion !== req.apiVersion || (kind !== undefined && applied.kind !== kind)) throw badRequest(`invalid object type: ${gvkString(applied)}`);
}

/** schema.GroupVersionKind.String() of an object: "apps/v1, Kind=Deployment", "/v1, Kind=Pod". */
function gvkString(obj: KubeObject): string {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const parts = apiVersion.split('/');
  const { group, version } = parts.length > 2 ? { group: '', version: '' } : parseApiVersion(apiVersion);
  return `${group}/${version}, Kind=${typeof obj.kind === 'string' ? obj.kind : ''}`;
}

/** objectGVKNN: "namespace/name; group/version, Kind=Kind" of the applied configuration. */
function objectGVKNN(obj: KubeObject): string {
  const meta = obj.metadata ?? {};
  return `${meta.namespace ?? ''}/${meta.name ?? ''}; ${gvkString(obj)}`;
}

/** An error kube-apiserver has no Status for: 500, no reason ("Error from server: <message>"). */
function unknownError(message: string): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 });
}

/** NewConflictError: 409 Conflict, one FieldManagerConflict cause per path. */
function conflictError(conflicts: readonly Conflict[]): ApiError {
  const causes = conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${printManager(c.manager)}`, field: pathString(c.path) }));
  let message: string;
  if (conflicts.length === 1) {
    const c = conflicts[0]!;
    message = `Apply failed with 1 conflict: conflict with ${printManager(c.manager)}: ${pathString(c.path)}`;
  } else {
    const lines: string[] = [];
    const byManager = new Map<string, Conflict[]>();
    for (const c of conflicts) byManager.set(c.managerId, [...(byManager.get(c.managerId) ?? []), c]);
    for (const id of [...byManager.keys()].sort()) {
      const group = byManager.get(id)!;
      lines.push(`conflicts with ${printManager(group[0]!.manager)}:`);
      for (const c of group) lines.push(`- ${pathString(c.path)}`);
    }
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  }
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Conflict', details: { causes }, code: 409 });
}
