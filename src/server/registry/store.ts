// The generic store (kube-apiserver's genericregistry.Store): all the common work of create, get,
// list, update, delete and watch, calling the kind's Strategy at fixed points.
import { isDeepStrictEqual } from 'node:util';
import type { KubeObject, ObjectMeta } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import type { Storage, StorageEvent, StoredItem } from '../storage/storage.ts';
import { StorageError } from '../storage/storage.ts';
import {
  ApiError,
  alreadyExists,
  badRequest,
  conflict,
  internalError,
  invalid,
  notFound,
  OBJECT_MODIFIED,
  resourceExpired,
  tooLargeResourceVersion,
  type FieldError,
} from '../status.ts';
import { decodeContinue, encodeContinue } from './continue-token.ts';
import { generateName, newUid, rfc3339, validateObjectMeta, validateObjectMetaUpdate, withoutVolatileMeta } from './object-meta.ts';
import type { Strategy, StrategyContext } from './strategy.ts';
import type { ObjectFilter } from './filter.ts';
import { builtinTypes } from '../../api/types.ts';
import { canonicalize } from './canonical.ts';

export interface RequestUser {
  name: string;
  groups: string[];
  uid?: string;
}

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface WriteContext {
  user: RequestUser;
  now: Date;
  dryRun: boolean;
  /** What unknown fields in the request cause (default Warn, as kube-apiserver). */
  fieldValidation?: FieldValidation;
  /** Warnings for the client (Warning headers). */
  warnings?: string[];
  /** Field manager of this write (fieldManager parameter, else the User-Agent's product). */
  fieldManager: string;
  /** "status" when writing through the status subresource. */
  subresource?: string;
  /** managedFields were computed by the caller (server-side apply). */
  managedFieldsSet?: boolean;
  /** Internal writers (controllers, bootstrap) skip mutating admission. */
  skipAdmission?: boolean;
  /** Keys the request's JSON repeated (reported like unknown fields). */
  duplicateFields?: string[];
  /** The server's own bootstrap objects skip the kind's validation (a loopback-only host). */
  skipKindValidation?: boolean;
  /** The apiVersion the request was addressed to, for kinds validated per version (events). */
  requestVersion?: string;
}

export interface ListParams {
  filter: ObjectFilter;
  limit?: number;
  continueToken?: string;
  resourceVersion?: string;
  resourceVersionMatch?: string;
}

export interface ListAnswer {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface WatchParams {
  filter: ObjectFilter;
  resourceVersion?: string;
  sendInitialEvents?: boolean;
}

export type WatchEmit = (type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject) => void;

export interface StoreWatch {
  stop(): void;
  /** Revision of the last event sent (or the start revision). */
  lastRevision(): number;
}

export interface DeleteParams {
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  /** The request said orphanDependents=false (its answer is 202 while the object lingers). */
  orphanDependentsFalse?: boolean;
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface DeleteAnswer {
  object: KubeObject;
  /** False when the object still exists (finalizers or graceful deletion pending). */
  deleted: boolean;
}

/** Hooks the store needs from the rest of the server (namespace lifecycle, field manager). */
export interface StoreEnvironment {
  /** Throws when objects may not be created in this namespace (missing or terminating). */
  admitNamespace(namespace: string, resource: ResourceInfo, name: string): Promise<void>;
  /** Records managedFields for a non-apply write. */
  recordManagedFields(obj: KubeObject, old: KubeObject | undefined, ctx: WriteContext, apiVersion: string): void;
  /** Mutating admission (service accounts, default tolerations, ...): may change obj or throw. */
  admit?(operation: 'create' | 'update', resource: ResourceInfo, obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): Promise<void>;
  /** Read access to other objects, for hooks that need it (allocators, admission). */
  cluster?: ClusterReader;
}

export interface ClusterReader {
  /** Current objects of a resource (all namespaces when namespace is undefined). */
  list(group: string, resource: string, namespace?: string): Promise<readonly KubeObject[]>;
  get(group: string, resource: string, namespace: string, name: string): Promise<KubeObject | undefined>;
}

const MAX_UPDATE_RETRIES = 5;

export class ResourceStore {
  readonly groupResource: { group: string; resource: string };
  readonly hasStatus: boolean;
  /** The kind's definition in the type table (built-in kinds). */
  private readonly typeName: string | undefined;
  /** Built-in kinds other than CRDs get core's metadata rules (finalizer names). */
  private readonly coreValidation: boolean;

  constructor(
    readonly info: ResourceInfo,
    readonly strategy: Strategy,
    private readonly storage: Storage,
    private readonly env: StoreEnvironment,
  ) {
    this.groupResource = { group: info.group, resource: info.resource };
    this.hasStatus = (info.subresources ?? []).some((s) => s.name === 'status');
    this.typeName = builtinTypes().typeNameForKind(info.group, info.version, info.kind);
    this.coreValidation = !info.custom && info.group !== 'apiextensions.k8s.io' && info.group !== 'apiregistration.k8s.io';
  }

  /**
   * Decodes the request's object into the kind's shape: unknown fields are dropped, and reported
   * according to fieldValidation (Strict fails, Warn warns).
   */
  private decodeRequest(obj: KubeObject, ctx: WriteContext): KubeObject {
    const decodeError = this.strategy.checkDecode?.(obj);
    if (decodeError) throw badRequest(decodeError);
    // Built-in kinds decode through the type table; custom resources through their schema.
    const decoded = this.typeName ? canonicalize(builtinTypes(), this.typeName, obj) : this.strategy.decode?.(obj);
    const { value, unknownFields } = decoded ?? { value: obj, unknownFields: [] };
    reportDecodeProblems(this.info, unknownFields, ctx.duplicateFields ?? [], ctx);
    return value as KubeObject;
  }

  /** Fields of obj its kind does not have (".spec.foo" paths), as strict decoding would report. */
  unknownFieldsOf(obj: KubeObject): string[] {
    const decoded = this.typeName ? canonicalize(builtinTypes(), this.typeName, obj) : this.strategy.decode?.(obj);
    return decoded?.unknownFields ?? [];
  }

  /** The stored form: canonical field order and shape. */
  private encodeForStorage(obj: KubeObject): KubeObject {
    if (!this.typeName) return obj;
    return canonicalize(builtinTypes(), this.typeName, obj).value as KubeObject;
  }

  get apiVersion(): string {
    return this.info.group ? `${this.info.group}/${this.info.version}` : this.info.version;
  }

  /** Storage key prefix of the collection (all namespaces, or one). */
  prefix(namespace?: string): string {
    const base = `/registry/${this.info.group || 'core'}/${this.info.resource}/`;
    return this.info.namespaced && namespace ? `${base}${namespace}/` : base;
  }

  key(namespace: string, name: string): string {
    return this.info.namespaced ? `${this.prefix(namespace)}${name}` : `${this.prefix()}${name}`;
  }

  private scope(namespace: string): string {
    return this.info.namespaced ? namespace : '';
  }

  async get(namespace: string, name: string): Promise<KubeObject> {
    const item = await this.storage.get(this.key(this.scope(namespace), name));
    if (!item) throw notFound(this.groupResource, name);
    return item.object;
  }

  async tryGet(namespace: string, name: string): Promise<StoredItem | undefined> {
    return this.storage.get(this.key(this.scope(namespace), name));
  }

  async list(namespace: string, params: ListParams): Promise<ListAnswer> {
    const prefix = this.prefix(this.scope(namespace));
    let revision: number | undefined;
    let after: string | undefined;
    if (params.continueToken) {
      const token = decodeContinue(params.continueToken);
      revision = token.revision;
      after = prefix + token.start.replace(/\u0000$/, '');
      if (params.resourceVersion && params.resourceVersion !== '0')
        throw badRequest('specifying resource version is not allowed when using continue');
    } else if (params.resourceVersion && params.resourceVersion !== '0') {
      const rv = parseResourceVersion(params.resourceVersion);
      if (params.resourceVersionMatch === 'Exact') revision = rv;
      else if (rv > this.storage.revision()) throw tooLargeResourceVersion(rv, this.storage.revision());
    }
    const limit = params.limit && params.limit > 0 ? params.limit : undefined;
    const items: KubeObject[] = [];
    let lastKey: string | undefined;
    let remaining = 0;
    let readAt: number;
    try {
      // Page through storage until the page is full of matching items: a selector may reject many.
      for (;;) {
        const page = await this.storage.list(prefix, { revision, after, limit: limit ? Math.max(limit - items.length, 1) * (params.filter.isEverything ? 1 : 4) : undefined });
        readAt = page.revision;
        revision = page.revision;
        remaining = page.remaining;
        let full = false;
        for (const item of page.items) {
          if (limit && items.length >= limit) {
            full = true;
            break;
          }
          lastKey = item.key;
          if (params.filter.matches(item.object)) items.push(item.object);
        }
        if (full) {
          remaining = 1; // at least one more key follows
          break;
        }
        if (page.remaining === 0 || page.items.length === 0) break;
        after = page.items[page.items.length - 1]!.key;
        if (limit && items.length >= limit) break;
      }
    } catch (e) {
      if (e instanceof StorageError && e.code === 'Compacted') {
        if (params.continueToken)
          throw resourceExpired(
            'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
          );
        throw resourceExpired(`too old resource version: ${revision} (${e.compactedRevision ?? 0})`);
      }
      if (e instanceof StorageError && e.code === 'FutureRevision') throw tooLargeResourceVersion(revision ?? 0, this.storage.revision());
      throw e;
    }
    const answer: ListAnswer = { items, resourceVersion: String(readAt) };
    if (limit && remaining > 0 && lastKey !== undefined) {
      answer.continue = encodeContinue(readAt, `${lastKey.slice(prefix.length)}\u0000`);
      if (params.filter.isEverything) {
        const rest = await this.storage.list(prefix, { revision: readAt, after: lastKey, limit: 1 });
        answer.remainingItemCount = rest.items.length + rest.remaining;
      }
    }
    return answer;
  }

  async watch(namespace: string, params: WatchParams, emit: WatchEmit): Promise<StoreWatch> {
    const prefix = this.prefix(this.scope(namespace));
    const { filter } = params;
    const rvParam = params.resourceVersion;
    let start: number;
    let last: number;
    const initial = params.sendInitialEvents ?? (!rvParam || rvParam === '0');
    if (initial) {
      const listed = await this.storage.list(prefix, rvParam && rvParam !== '0' ? { revision: parseResourceVersion(rvParam) } : {});
      start = listed.revision;
      for (const item of listed.items) if (filter.matches(item.object)) emit('ADDED', item.object);
    } else {
      start = parseResourceVersion(rvParam!);
    }
    last = start;
    const onEvent = (ev: StorageEvent) => {
      last = ev.revision;
      const now = ev.type !== 'DELETED' && filter.matches(ev.object);
      const before = ev.previous !== undefined && filter.matches(ev.previous);
      if (ev.type === 'ADDED') {
        if (now) emit('ADDED', ev.object);
      } else if (ev.type === 'MODIFIED') {
        if (now && before) emit('MODIFIED', ev.object);
        else if (now) emit('ADDED', ev.object);
        else if (before) emit('DELETED', stampRevision(ev.previous!, ev.revision));
      } else if (before || (ev.previous === undefined && filter.matches(ev.object))) {
        emit('DELETED', ev.object);
      }
    };
    try {
      const w = this.storage.watch(prefix, start, onEvent);
      return { stop: () => w.stop(), lastRevision: () => last };
    } catch (e) {
      if (e instanceof StorageError && e.code === 'Compacted') throw resourceExpired(`too old resource version: ${start} (${(e.compactedRevision ?? 1) - 1})`);
      if (e instanceof StorageError && e.code === 'FutureRevision') throw tooLargeResourceVersion(start, this.storage.revision());
      throw e;
    }
  }

  revision(): number {
    return this.storage.revision();
  }

  async create(namespace: string, input: KubeObject, ctx: WriteContext): Promise<KubeObject> {
    let obj = this.decodeRequest(structuredClone(input), ctx);
    obj.apiVersion = this.apiVersion;
    obj.kind = this.info.kind;
    const meta = (obj.metadata ??= {});
    if (this.info.namespaced) {
      if (meta.namespace && namespace && meta.namespace !== namespace)
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      meta.namespace = meta.namespace || namespace;
    } else {
      delete meta.namespace;
    }
    if (meta.resourceVersion) throw internalError(new Error('resourceVersion should not be set on objects to be created'));
    if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName);
    const sctx = this.strategyContext(ctx);
    // kube-apiserver's order: defaulting (at decode), mutating admission, field manager, then the
    // strategy's PrepareForCreate, validation and validating admission.
    await this.strategy.applyDefaults?.(obj, sctx);
    if (!ctx.skipAdmission) await this.env.admit?.('create', this.info, obj, undefined, sctx);
    if (!ctx.managedFieldsSet) this.env.recordManagedFields(obj, undefined, ctx, this.apiVersion);
    this.fillSystemFields(meta, ctx.now);
    // Status changes only through /status: a new object starts with what the kind says.
    if (this.hasStatus && 'status' in obj) delete obj.status;
    await this.strategy.prepareForCreate?.(obj, sctx);
    if (this.strategy.tracksGeneration) meta.generation = 1;
    else delete meta.generation;
    const kindErrors = ctx.skipKindValidation ? [] : ((await this.strategy.validate?.(obj, sctx)) ?? []);
    const errors = [...validateObjectMeta(meta, this.info.namespaced, this.strategy.nameRule ?? 'subdomain', this.coreValidation), ...kindErrors];
    if (errors.length) throw this.invalid(meta.name ?? '', errors);
    if (this.info.namespaced) await this.env.admitNamespace(meta.namespace!, this.info, meta.name!);
    await this.strategy.canonicalize?.(obj);
    obj = this.encodeForStorage(obj);
    const key = this.key(meta.namespace ?? '', meta.name!);
    if (ctx.dryRun) {
      if (await this.storage.get(key)) throw alreadyExists(this.groupResource, meta.name!);
      return obj;
    }
    try {
      return (await this.storage.create(key, obj)).object;
    } catch (e) {
      if (e instanceof StorageError && e.code === 'KeyExists') throw alreadyExists(this.groupResource, meta.name!);
      throw e;
    }
  }

  /**
   * PUT: replace the object. With ctx.subresource "status" only the status (and some metadata)
   * changes. Returns whether the object was created (PUT on a missing object for kinds that allow it).
   */
  async update(namespace: string, name: string, input: KubeObject, ctx: WriteContext): Promise<{ object: KubeObject; created: boolean }> {
    const obj = this.decodeRequest(structuredClone(input), ctx);
    const meta = (obj.metadata ??= {});
    if (meta.name && meta.name !== name) throw badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${name})`);
    if (this.info.namespaced && meta.namespace && meta.namespace !== namespace)
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    meta.name = name;
    const key = this.key(this.scope(namespace), name);
    const current = await this.storage.get(key);
    if (!current) {
      if (!this.strategy.allowCreateOnUpdate || ctx.subresource) throw notFound(this.groupResource, name);
      delete meta.resourceVersion;
      return { object: await this.create(namespace, obj, ctx), created: true };
    }
    const precondition = meta.resourceVersion ? parseResourceVersionForUpdate(meta.resourceVersion) : undefined;
    return { object: await this.writeUpdate(key, current, obj, precondition, ctx), created: false };
  }

  /**
   * Read-modify-write with retries, for patch and internal writers: `mutate` gets the current object
   * (a private copy) and returns the desired one. A conflict is retried unless the desired object
   * pins a resourceVersion.
   */
  async guaranteedUpdate(
    namespace: string,
    name: string,
    mutate: (current: KubeObject) => KubeObject | Promise<KubeObject>,
    ctx: WriteContext,
  ): Promise<KubeObject> {
    const key = this.key(this.scope(namespace), name);
    for (let attempt = 0; ; attempt++) {
      const current = await this.storage.get(key);
      if (!current) throw notFound(this.groupResource, name);
      const desired = this.decodeRequest(await mutate(structuredClone(current.object)), ctx);
      const pinned = desired.metadata?.resourceVersion && desired.metadata.resourceVersion !== current.object.metadata.resourceVersion;
      try {
        return await this.writeUpdate(key, current, desired, pinned ? parseResourceVersionForUpdate(desired.metadata.resourceVersion!) : current.revision, ctx);
      } catch (e) {
        if (!(e instanceof ApiError) || e.reason !== 'Conflict' || pinned || attempt >= MAX_UPDATE_RETRIES) throw e;
      }
    }
  }

  private async writeUpdate(key: string, current: StoredItem, input: KubeObject, precondition: number | undefined, ctx: WriteContext): Promise<KubeObject> {
    let obj = input;
    const old = current.object;
    const name = old.metadata.name!;
    if (precondition !== undefined && precondition !== current.revision) throw conflict(this.groupResource, name, OBJECT_MODIFIED);
    obj.apiVersion = this.apiVersion;
    obj.kind = this.info.kind;
    const meta = obj.metadata;
    meta.namespace = old.metadata.namespace;
    if (!this.info.namespaced) delete meta.namespace;
    meta.uid ??= old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    if (old.metadata.deletionTimestamp) {
      meta.deletionTimestamp = old.metadata.deletionTimestamp;
      meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    meta.generation = old.metadata.generation;
    if (meta.generation === undefined) delete meta.generation;
    const sctx = this.strategyContext(ctx);
    if (ctx.subresource !== 'status' && ctx.subresource !== 'finalize') {
      await this.strategy.applyDefaults?.(obj, sctx);
      if (!ctx.skipAdmission) await this.env.admit?.('update', this.info, obj, old, sctx);
    }
    if (!ctx.managedFieldsSet) this.env.recordManagedFields(obj, old, ctx, this.apiVersion);
    if (ctx.subresource === 'status') {
      prepareStatusUpdate(obj, old);
      await this.strategy.status?.prepareForUpdate?.(obj, old, sctx);
    } else if (ctx.subresource === 'finalize') {
      await this.strategy.finalize?.prepareForUpdate?.(obj, old, sctx);
    } else {
      if (this.hasStatus) {
        if (old.status === undefined) delete obj.status;
        else obj.status = structuredClone(old.status);
      }
      await this.strategy.prepareForUpdate?.(obj, old, sctx);
      if (this.strategy.tracksGeneration) {
        const spec = this.strategy.specOf ?? specOf;
        if (!isDeepStrictEqual(spec(obj), spec(old))) meta.generation = (old.metadata.generation ?? 0) + 1;
      }
    }
    const errors: FieldError[] = [
      ...validateObjectMetaUpdate(meta, old.metadata),
      ...validateObjectMeta(meta, this.info.namespaced, this.strategy.nameRule ?? 'subdomain', this.coreValidation),
      ...(ctx.skipKindValidation ? [] : ((await (ctx.subresource === 'status' ? this.strategy.status?.validateUpdate : this.strategy.validateUpdate)?.(obj, old, sctx)) ?? [])),
    ];
    if (errors.length) throw this.invalid(name, errors);
    await this.strategy.canonicalize?.(obj);
    // Finalizers emptied on an object being deleted: the delete completes now.
    const finishDeletion = !!meta.deletionTimestamp && !(meta.finalizers?.length) && !this.strategy.deletionPending?.(obj);
    obj = this.encodeForStorage(obj);
    // A write that changes nothing is not a write (no new resourceVersion, no watch event).
    if (isDeepStrictEqual(withoutVolatileMeta(obj), withoutVolatileMeta(old)) && !finishDeletion) return old;
    if (ctx.dryRun) return { ...obj, metadata: { ...obj.metadata, resourceVersion: old.metadata.resourceVersion } };
    try {
      if (finishDeletion) return (await this.storage.delete(key, { revision: current.revision })).object;
      return (await this.storage.update(key, obj, { revision: current.revision })).object;
    } catch (e) {
      if (e instanceof StorageError && e.code === 'Conflict') throw conflict(this.groupResource, name, OBJECT_MODIFIED);
      if (e instanceof StorageError && e.code === 'KeyNotFound') throw notFound(this.groupResource, name);
      throw e;
    }
  }

  async delete(namespace: string, name: string, params: DeleteParams, ctx: WriteContext): Promise<DeleteAnswer> {
    const key = this.key(this.scope(namespace), name);
    const current = await this.storage.get(key);
    if (!current) throw notFound(this.groupResource, name);
    const obj = current.object;
    const pre = params.preconditions;
    if (pre?.uid && pre.uid !== obj.metadata.uid)
      throw conflict(
        this.groupResource,
        name,
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata.uid ?? ''}`,
      );
    if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata.resourceVersion)
      throw conflict(
        this.groupResource,
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion ?? ''}`,
      );
    const sctx = this.strategyContext(ctx);
    const meta = obj.metadata;
    const requestedGrace = params.gracePeriodSeconds !== undefined && params.gracePeriodSeconds < 0 ? 1 : params.gracePeriodSeconds;
    // rest.BeforeDelete: graceful kinds (pods) wait out a grace period; one already terminating may
    // only have its grace period shortened.
    let graceful = false;
    let grace = 0;
    let deletionTimestamp = meta.deletionTimestamp;
    if (meta.deletionTimestamp && this.strategy.gracefulDelete) {
      const current = meta.deletionGracePeriodSeconds ?? 0;
      if (current > 0) {
        if (requestedGrace === undefined || requestedGrace >= current) return { object: obj, deleted: false };
        grace = requestedGrace;
        graceful = true;
        deletionTimestamp = rfc3339(new Date(Date.parse(meta.deletionTimestamp) - current * 1000 + grace * 1000));
      }
    } else if (this.strategy.gracefulDelete) {
      grace = this.strategy.gracefulDelete(obj, requestedGrace);
      graceful = true;
      deletionTimestamp = rfc3339(new Date(ctx.now.getTime() + grace * 1000));
    }
    // deletionFinalizersForGarbageCollection: the propagation policy as finalizers.
    const finalizers = (meta.finalizers ?? []).filter((f) => f !== 'orphan' && f !== 'foregroundDeletion');
    const policy = params.propagationPolicy;
    if (policy === 'Orphan' || (!policy && meta.finalizers?.includes('orphan'))) finalizers.push('orphan');
    if (policy === 'Foreground' || (!policy && meta.finalizers?.includes('foregroundDeletion'))) finalizers.push('foregroundDeletion');
    const finalizersChanged = !isDeepStrictEqual([...finalizers].sort(), [...(meta.finalizers ?? [])].sort());
    const pendingFinalizers = finalizers.length > 0 || !!this.strategy.deletionPending?.(obj);
    if (!graceful && !pendingFinalizers) return this.deleteNow(key, current, ctx);
    const updated = structuredClone(obj);
    const um = updated.metadata;
    if (finalizersChanged) {
      if (finalizers.length) um.finalizers = finalizers;
      else delete um.finalizers;
    }
    if (!meta.deletionTimestamp && um.generation !== undefined && um.generation > 0) um.generation += 1;
    if (graceful) {
      um.deletionTimestamp = deletionTimestamp;
      um.deletionGracePeriodSeconds = grace;
    } else {
      // markAsDeleting: now, unless an earlier deletion is already recorded; no grace period.
      if (!um.deletionTimestamp || Date.parse(um.deletionTimestamp) > ctx.now.getTime()) um.deletionTimestamp = rfc3339(ctx.now);
      um.deletionGracePeriodSeconds = 0;
    }
    await this.strategy.prepareForDeletion?.(updated, sctx);
    const stays = pendingFinalizers || grace > 0;
    if (ctx.dryRun) return { object: updated, deleted: !stays };
    let written: StoredItem;
    try {
      written = await this.storage.update(key, updated, { revision: current.revision });
    } catch (e) {
      if (e instanceof StorageError && e.code === 'Conflict') throw conflict(this.groupResource, name, OBJECT_MODIFIED);
      if (e instanceof StorageError && e.code === 'KeyNotFound') throw notFound(this.groupResource, name);
      throw e;
    }
    if (stays) return { object: written.object, deleted: false };
    return this.deleteNow(key, written, ctx);
  }

  private async deleteNow(key: string, current: StoredItem, ctx: WriteContext): Promise<DeleteAnswer> {
    const name = current.object.metadata.name!;
    if (ctx.dryRun) return { object: current.object, deleted: true };
    try {
      return { object: (await this.storage.delete(key, { revision: current.revision })).object, deleted: true };
    } catch (e) {
      if (e instanceof StorageError && e.code === 'KeyNotFound') throw notFound(this.groupResource, name);
      if (e instanceof StorageError && e.code === 'Conflict') throw conflict(this.groupResource, name, OBJECT_MODIFIED);
      throw e;
    }
  }

  private strategyContext(ctx: WriteContext): StrategyContext {
    const sctx: StrategyContext = { now: ctx.now, user: ctx.user, dryRun: ctx.dryRun, cluster: this.env.cluster };
    if (ctx.requestVersion !== undefined) sctx.requestVersion = ctx.requestVersion;
    return sctx;
  }

  private fillSystemFields(meta: ObjectMeta, now: Date): void {
    meta.uid = newUid();
    meta.creationTimestamp = rfc3339(now);
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete meta.selfLink;
  }

  private invalid(name: string, errors: FieldError[]): ApiError {
    return invalid({ group: this.info.group, kind: this.info.kind }, name, errors);
  }

}



/**
 * Unknown and duplicate fields of a request as fieldValidation wants them: Strict fails with the
 * decoder's text, Warn adds warnings, Ignore drops them.
 */
export function reportDecodeProblems(info: Pick<ResourceInfo, 'kind' | 'version'>, unknownFields: readonly string[], duplicates: readonly string[], ctx: WriteContext): void {
  const mode = ctx.fieldValidation ?? 'Warn';
  if ((!unknownFields.length && !duplicates.length) || mode === 'Ignore') return;
  const texts = [
    ...unknownFields.map((p) => `unknown field ${JSON.stringify(p.replace(/^\./, ''))}`),
    ...duplicates.map((p) => `duplicate field ${JSON.stringify(p)}`),
  ];
  if (mode === 'Strict') {
    const { kind, version } = info;
    throw badRequest(`${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: strict decoding error: ${texts.join(', ')}`);
  }
  (ctx.warnings ??= []).push(...texts);
}

/** Default "spec": the object without metadata and status. */
function specOf(obj: KubeObject): unknown {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}

/** The status endpoint keeps everything but status (metav1.ResetObjectMetaForStatus). */
function prepareStatusUpdate(obj: KubeObject, old: KubeObject): void {
  const status = obj.status;
  for (const k of Object.keys(obj)) if (k !== 'metadata' && k !== 'apiVersion' && k !== 'kind') delete obj[k];
  for (const [k, v] of Object.entries(old)) if (k !== 'metadata' && k !== 'apiVersion' && k !== 'kind' && k !== 'status') obj[k] = structuredClone(v);
  if (status !== undefined) obj.status = status;
  const meta = obj.metadata;
  const om = old.metadata;
  for (const f of ['deletionTimestamp', 'generation', 'labels', 'annotations', 'finalizers', 'ownerReferences'] as const) {
    if (om[f] === undefined) delete meta[f];
    else (meta as Record<string, unknown>)[f] = structuredClone(om[f]);
  }
}

function stampRevision(obj: KubeObject, revision: number): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(revision) } };
}

export function parseResourceVersion(rv: string): number {
  if (!/^\d+$/.test(rv)) throw badRequest(`invalid resource version: ${rv}`);
  return Number(rv);
}

function parseResourceVersionForUpdate(rv: string): number {
  if (!/^\d+$/.test(rv)) throw badRequest(`metadata.resourceVersion: Invalid value: ${JSON.stringify(rv)}: must be specified for an update`);
  return Number(rv);
}

