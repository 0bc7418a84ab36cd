// managedFields for non-apply writes (operation "Update"): the writer gains the fields it added or
// changed, everyone else loses them, and fields that disappear leave every set
// (k8s.io/apimachinery pkg/util/managedfields/internal: FieldManager.Update, skipNonApplied,
// managedFieldsUpdater, stripMeta, capManagers).
import type { KubeObject, ManagedFieldsEntry } from '../../api/object.ts';
import { parseApiVersion } from '../../api/object.ts';
import type { TypeIndex } from '../../api/types.ts';
import { builtinTypes } from '../../api/types.ts';
import type { WriteContext } from '../registry/store.ts';
import { zeroValue } from './compare.ts';
import { resetFilter, trackUpdate } from './field-manager.ts';
import { encodeManaged, tryDecodeManaged, type Managed } from './managers.ts';
import { Schema } from './typed.ts';

export interface UpdateRequest {
  /** The stored object; undefined on create. */
  live: KubeObject | undefined;
  /** The object about to be stored; its managedFields (as sent) are replaced. */
  object: KubeObject;
  /** The writer (fieldManager parameter, else the User-Agent's product). */
  manager: string;
  apiVersion: string;
  subresource?: string;
  now: Date;
  types: TypeIndex | undefined;
  typeName: string | undefined;
  /** As ApplyRequest.resetFields. */
  resetFields?: readonly (readonly string[])[];
}

/** Sets `req.object.metadata.managedFields` for a create, update or non-apply patch. */
export function updateManagedFields(req: UpdateRequest): void {
  const { live, object } = req;
  const managed = managedOfWrite(req);
  delete object.metadata.managedFields;
  // skipNonAppliedManager: an existing object nobody tracks stays untracked until an apply.
  if (managed.size > 0 || !live?.metadata.uid) {
    const schema = new Schema(req.types);
    const t = { schema, shape: Schema.rootShape(req.typeName) };
    const before = live ? withoutManagedFields(live) : req.typeName ? zeroValue(req.types, req.typeName) : {};
    const writer = { manager: req.manager || 'unknown', operation: 'Update' as const, apiVersion: req.apiVersion, ...(req.subresource ? { subresource: req.subresource } : {}) };
    trackUpdate(t, before, object, managed, writer, req.now, resetFilter(req.subresource, req.resetFields));
  }
  const entries = encodeManaged(managed);
  if (entries) object.metadata.managedFields = entries;
}

/**
 * decodeLiveOrNew: a subresource write keeps the stored managedFields; otherwise the request's
 * own managedFields win when readable and non-empty ([] or [{}] resets them), else the stored ones.
 */
function managedOfWrite(req: UpdateRequest): Managed {
  const stored = () => tryDecodeManaged(req.live?.metadata.managedFields) ?? new Map();
  if (req.subresource) return stored();
  const requested = req.object.metadata.managedFields;
  if (isReset(requested)) return new Map();
  const decoded = tryDecodeManaged(requested ?? undefined);
  return decoded && decoded.size > 0 ? decoded : stored();
}

function isReset(entries: ManagedFieldsEntry[] | null | undefined): boolean {
  if (!Array.isArray(entries)) return false;
  if (entries.length === 0) return true;
  return entries.length === 1 && Object.values(entries[0] ?? {}).every((v) => v === undefined);
}

function withoutManagedFields(obj: KubeObject): KubeObject {
  const { managedFields: _m, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** The store's hook: managedFields of a non-apply write of a built-in (or schemaless) kind. */
export function recordManagedFields(obj: KubeObject, old: KubeObject | undefined, ctx: WriteContext, apiVersion: string): void {
  const types = builtinTypes();
  const { group, version } = parseApiVersion(apiVersion);
  const typeName = types.typeNameForKind(group, version, obj.kind ?? '');
  updateManagedFields({ live: old, object: obj, manager: ctx.fieldManager, apiVersion, subresource: ctx.subresource, now: ctx.now, types, typeName });
}
