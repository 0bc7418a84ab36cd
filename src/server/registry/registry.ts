// Every served resource, each behind a generic store configured by its kind's strategy. One store per
// group/resource; a resource served in several versions (autoscaling v1 and v2), or in another group
// too (events.k8s.io/v1 Events are core's), keeps one storage version and converts at the edge.
import type { KubeObject } from '../../api/object.ts';
import { builtinResources, type ResourceInfo } from '../../api/resources.ts';
import { builtinTypes } from '../../api/types.ts';
import type { Storage } from '../storage/storage.ts';
import { canonicalize } from './canonical.ts';
import { reportDecodeProblems, ResourceStore, type StoreEnvironment, type WriteContext } from './store.ts';
import { strategyFor, versionConverter, type VersionConverter } from './kinds/index.ts';
import type { Strategy } from './strategy.ts';

/** A resource as one version serves it: the store plus conversion from/to the storage version. */
export interface Endpoint {
  info: ResourceInfo;
  /** Replaced when a custom resource's storage version changes. */
  store: ResourceStore;
  /** Storage version → this version. */
  toVersion(obj: KubeObject): KubeObject;
  /** This version → storage version. */
  fromVersion(obj: KubeObject): KubeObject;
  /** A request body in this version → storage version, its unknown fields judged against this version. */
  fromRequest(obj: KubeObject, ctx: WriteContext): KubeObject;
  /** Fields of an object in this version that its type lacks (".spec.foo"). */
  unknownFieldsOf(obj: KubeObject): string[];
}

const identity = (obj: KubeObject) => obj;

/** Group versions whose objects are stored in another version of the same group. */
const STORAGE_VERSIONS: Record<string, string> = { autoscaling: 'v2' };

/**
 * Resources served from another group's store ("group/resource" → the resource whose store serves it):
 * kube-apiserver's events.k8s.io storage is core's event storage, so both APIs see one set of
 * objects, one resourceVersion sequence, core's strategy and core's error texts.
 */
const SHARED_STORES: Record<string, { group: string; version: string; resource: string }> = {
  'events.k8s.io/events': { group: '', version: 'v1', resource: 'events' },
};

/** Where the store of a group/resource lives in the stores map. */
function storeKeyOf(group: string, resource: string): string {
  const shared = SHARED_STORES[`${group}/${resource}`];
  return shared ? `${shared.group}/${shared.resource}` : `${group}/${resource}`;
}

function storageInfoOf(info: ResourceInfo): ResourceInfo {
  const shared = SHARED_STORES[`${info.group}/${info.resource}`];
  const target = shared ?? { group: info.group, version: STORAGE_VERSIONS[info.group] ?? info.version, resource: info.resource };
  if (target.group === info.group && target.version === info.version) return info;
  return builtinResources.find((r) => r.group === target.group && r.version === target.version && r.resource === target.resource) ?? info;
}

/** An endpoint serving the store's own version: the store decodes and reports unknown fields itself. */
function plainEndpoint(info: ResourceInfo, store: ResourceStore, toVersion = identity, fromVersion = identity): Endpoint {
  const endpoint: Endpoint = {
    info,
    store,
    toVersion,
    fromVersion,
    fromRequest: (obj) => fromVersion(obj),
    unknownFieldsOf: (obj) => endpoint.store.unknownFieldsOf(obj),
  };
  return endpoint;
}

/**
 * An endpoint converting to another version's store. Like upstream, a body is decoded into its own
 * version's type first, so its unknown fields are judged (and dropped) by that type, not the stored one.
 */
function convertedEndpoint(info: ResourceInfo, store: ResourceStore, convert: VersionConverter): Endpoint {
  const types = builtinTypes();
  const typeName = types.typeNameForKind(info.group, info.version, info.kind);
  const decode = (obj: KubeObject) => (typeName ? canonicalize(types, typeName, obj) : { value: obj, unknownFields: [] });
  const fromVersion = (obj: KubeObject) => convert.fromVersion(decode(obj).value as KubeObject, info.version);
  return {
    info,
    store,
    toVersion: (obj) => convert.toVersion(obj, info.version),
    fromVersion,
    fromRequest(obj, ctx) {
      const { unknownFields } = decode(obj);
      // a strict failure names duplicates too; otherwise the store reports those
      const strict = unknownFields.length > 0 && ctx.fieldValidation === 'Strict';
      reportDecodeProblems(info, unknownFields, strict ? (ctx.duplicateFields ?? []) : [], ctx);
      return fromVersion(obj);
    },
    unknownFieldsOf: (obj) => decode(obj).unknownFields,
  };
}

export class Registry {
  private readonly stores = new Map<string, ResourceStore>();
  private readonly endpoints = new Map<string, Endpoint>();
  private readonly served: ResourceInfo[] = [];
  private listeners: (() => void)[] = [];

  constructor(
    readonly storage: Storage,
    private readonly env: StoreEnvironment,
  ) {
    for (const info of builtinResources) this.addBuiltin(info);
  }

  private addBuiltin(info: ResourceInfo): void {
    this.served.push(info);
    // Virtual resources (reviews) have no storage; their handlers live elsewhere.
    if (!info.verbs.includes('get') && !info.verbs.includes('list')) return;
    const storageInfo = storageInfoOf(info);
    const storeKey = storeKeyOf(info.group, info.resource);
    let store = this.stores.get(storeKey);
    if (!store) {
      store = new ResourceStore(storageInfo, strategyFor(storageInfo), this.storage, this.env);
      this.stores.set(storeKey, store);
    }
    const convert = storageInfo === info ? undefined : versionConverter(info.group, info.resource);
    this.endpoints.set(endpointKey(info.group, info.version, info.resource), convert ? convertedEndpoint(info, store, convert) : plainEndpoint(info, store));
  }

  /**
   * Objects a shared resource stored under its own key before it shared a store (ktl before events
   * were one resource) move to the shared store's key, converted; where both exist the shared one
   * wins. Runs once at start, before serving; later starts find nothing to move.
   */
  async migrateSharedStores(): Promise<void> {
    for (const [groupResource, target] of Object.entries(SHARED_STORES)) {
      const [group, resource] = groupResource.split('/') as [string, string];
      const convert = versionConverter(group, resource);
      const store = this.stores.get(storeKeyOf(target.group, target.resource));
      if (!convert || !store) continue;
      const types = builtinTypes();
      const typeName = types.typeNameForKind(store.info.group, store.info.version, store.info.kind);
      const legacy = await this.storage.list(`/registry/${group}/${resource}/`);
      for (const item of legacy.items) {
        const version = (item.object.apiVersion ?? '').split('/')[1] ?? '';
        const { resourceVersion: _rv, ...meta } = item.object.metadata;
        const converted = convert.fromVersion({ ...item.object, metadata: meta }, version);
        const key = store.key(meta.namespace ?? '', meta.name!);
        if (!(await this.storage.get(key)))
          await this.storage.create(key, typeName ? (canonicalize(types, typeName, converted).value as KubeObject) : converted);
        await this.storage.delete(item.key);
      }
    }
  }

  /**
   * Serves a resource that is not built in (a CRD's version). Versions of one group/resource share
   * one store in `storageVersion`; other versions only change apiVersion (conversion "None").
   */
  addResource(info: ResourceInfo, strategy: Strategy, storageVersion: string): void {
    const storeKey = `${info.group}/${info.resource}`;
    let store = this.stores.get(storeKey);
    const storageInfo = { ...info, version: storageVersion };
    if (!store || store.info.version !== storageVersion) {
      store = new ResourceStore(storageInfo, strategy, this.storage, this.env);
      this.stores.set(storeKey, store);
      for (const e of this.endpoints.values()) if (e.info.group === info.group && e.info.resource === info.resource) e.store = store;
    }
    const apiVersion = `${info.group}/${info.version}`;
    const storageApiVersion = `${info.group}/${storageVersion}`;
    const rewrite = (to: string) => (obj: KubeObject) => (obj.apiVersion === to ? obj : { ...obj, apiVersion: to });
    this.endpoints.set(
      endpointKey(info.group, info.version, info.resource),
      info.version === storageVersion ? plainEndpoint(info, store) : plainEndpoint(info, store, rewrite(apiVersion), rewrite(storageApiVersion)),
    );
    const i = this.served.findIndex((r) => r.group === info.group && r.version === info.version && r.resource === info.resource);
    if (i >= 0) this.served[i] = info;
    else this.served.push(info);
    this.changed();
  }

  /** Stops serving every version of a group/resource (its stored objects stay until deleted). */
  removeResource(group: string, resource: string): void {
    this.stores.delete(storeKeyOf(group, resource));
    for (const [key, e] of this.endpoints) if (e.info.group === group && e.info.resource === resource) this.endpoints.delete(key);
    for (let i = this.served.length - 1; i >= 0; i--) if (this.served[i]!.group === group && this.served[i]!.resource === resource) this.served.splice(i, 1);
    this.changed();
  }

  /** All served resources, in discovery order. */
  resources(): readonly ResourceInfo[] {
    return this.served;
  }

  endpoint(group: string, version: string, resource: string): Endpoint | undefined {
    return this.endpoints.get(endpointKey(group, version, resource));
  }

  /** The store of a group/resource regardless of version (controllers and internal writers). */
  store(group: string, resource: string): ResourceStore {
    const store = this.stores.get(storeKeyOf(group, resource));
    if (!store) throw new Error(`no store for ${resource}.${group}`);
    return store;
  }

  allStores(): ResourceStore[] {
    return [...this.stores.values()];
  }

  /** Called when the set of served resources changes (CRDs), so that discovery is rebuilt. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}

function endpointKey(group: string, version: string, resource: string): string {
  return `${group}/${version}/${resource}`;
}
