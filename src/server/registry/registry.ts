// Every served resource, each behind a generic store configured by its kind's strategy. One store per
// group/resource; a resource served in several versions (autoscaling v1 and v2) keeps one storage
// version and converts at the edge.
import type { KubeObject } from '../../api/object.ts';
import { builtinResources, type ResourceInfo } from '../../api/resources.ts';
import type { Storage } from '../storage/storage.ts';
import { ResourceStore, type StoreEnvironment } from './store.ts';
import { strategyFor, versionConverter } from './kinds/index.ts';
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
}

const identity = (obj: KubeObject) => obj;

/** Group versions whose objects are stored in another version of the same group. */
const STORAGE_VERSIONS: Record<string, string> = { autoscaling: 'v2' };

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
    const storageVersion = STORAGE_VERSIONS[info.group];
    const storageInfo =
      storageVersion && storageVersion !== info.version
        ? builtinResources.find((r) => r.group === info.group && r.version === storageVersion && r.resource === info.resource) ?? info
        : info;
    const storeKey = `${info.group}/${info.resource}`;
    let store = this.stores.get(storeKey);
    if (!store) {
      store = new ResourceStore(storageInfo, strategyFor(storageInfo), this.storage, this.env);
      this.stores.set(storeKey, store);
    }
    const convert = storageInfo === info ? undefined : versionConverter(info.group, info.resource);
    this.endpoints.set(endpointKey(info.group, info.version, info.resource), {
      info,
      store,
      toVersion: convert ? (obj) => convert.toVersion(obj, info.version) : identity,
      fromVersion: convert ? (obj) => convert.fromVersion(obj, info.version) : identity,
    });
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
    this.endpoints.set(endpointKey(info.group, info.version, info.resource), {
      info,
      store,
      toVersion: info.version === storageVersion ? identity : rewrite(apiVersion),
      fromVersion: info.version === storageVersion ? identity : rewrite(storageApiVersion),
    });
    const i = this.served.findIndex((r) => r.group === info.group && r.version === info.version && r.resource === info.resource);
    if (i >= 0) this.served[i] = info;
    else this.served.push(info);
    this.changed();
  }

  /** Stops serving every version of a group/resource (its stored objects stay until deleted). */
  removeResource(group: string, resource: string): void {
    this.stores.delete(`${group}/${resource}`);
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
    const store = this.stores.get(`${group}/${resource}`);
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
