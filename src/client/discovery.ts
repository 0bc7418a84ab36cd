// Discovery as kubectl does it: aggregated discovery (v2, then v2beta1) from /api and /apis, else
// the legacy documents and one request per group version; kept in memory for the process and on
// disk under <cache-dir>/discovery/<host>/ with a 6 h TTL, in the files and JSON kubectl writes
// (client-go discovery, cached/memory, cached/disk). Failed fetches are retried on the next call
// and logged the way kubectl's memcache logs them.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  apiGroup, encodeGroupList, encodeResourceList, groupFromApiVersions, resourceList, splitAggregated,
  type ApiGroup, type ApiResourceList,
} from './discovery-types.ts';
import { parseMediaType, StatusError } from './errors.ts';

export const DISCOVERY_TTL_MS = 6 * 60 * 60 * 1000;
const ACCEPT_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const ACCEPT_V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';
/** What kubectl asks /api and /apis for. */
export const DISCOVERY_ACCEPT = `${ACCEPT_V2},${ACCEPT_V2BETA1},application/json`;

/** GET a discovery path; rejects with StatusError / ConnectionError like any request. */
export type DiscoveryFetch = (path: string, accept: string) => Promise<{ contentType: string; body: Buffer }>;

export interface DiscoveryOptions {
  fetch: DiscoveryFetch;
  /** <cache-dir>/discovery/<host>; undefined: no disk cache. */
  cacheDir?: string;
  /** A klog error line (`memcache.go:265`, message). */
  logError(location: string, message: string): void;
  now?(): Date;
}

/** What ServerGroupsAndResources answers: every group, the resource lists found, the failures. */
export interface GroupsAndResources {
  groups: ApiGroup[];
  lists: ApiResourceList[];
  failed: Map<string, Error>;
}

/** discovery.ErrGroupDiscoveryFailed's text. */
export function groupDiscoveryFailedText(failed: Map<string, Error>): string {
  const parts = [...failed].map(([gv, e]) => `${gv}: ${e.message}`).sort();
  return `unable to retrieve the complete list of server APIs: ${parts.join(', ')}`;
}

interface Live {
  groups: ApiGroup[];
  entries: Map<string, { list?: ApiResourceList; error?: Error }>;
}

const isAggregated = (contentType: string, version: string) => {
  const m = parseMediaType(contentType);
  return m?.type === 'application/json' && m.params.g === 'apidiscovery.k8s.io' && m.params.v === version && m.params.as === 'APIGroupDiscoveryList';
};

function isTransient(err: Error | undefined): boolean {
  if (!err) return false;
  if (err instanceof StatusError) return err.code >= 500 || err.code === 429;
  return /connection refused|connection reset/.test(err.message);
}

export class Discovery {
  private live?: Live;
  private readonly ourFiles = new Set<string>();
  private invalidated = false;
  private isFresh = true;
  /** Parsed cache files, so that repeated lookups in one command read each file once. */
  private readonly fileMemo = new Map<string, unknown>();

  constructor(private readonly o: DiscoveryOptions) {}

  /** True when everything used so far was fetched (or written) by this process. */
  get fresh(): boolean {
    return this.isFresh;
  }

  /** Forget memory and disk caches: the next lookups go to the server and rewrite the files. */
  invalidate(): void {
    this.ourFiles.clear();
    this.fileMemo.clear();
    this.isFresh = true;
    this.invalidated = true;
    this.live = undefined;
  }

  // ---- the server (client-go DiscoveryClient + memCacheClient) ----

  private async download(path: string): Promise<{ aggregated: ReturnType<typeof splitAggregated> | undefined; doc: Record<string, unknown> } | undefined> {
    let answer;
    try {
      answer = await this.o.fetch(path, DISCOVERY_ACCEPT);
    } catch (err) {
      if (path === '/api' && err instanceof StatusError && err.code === 404) return undefined;
      throw err;
    }
    const doc = JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
    const aggregated = isAggregated(answer.contentType, 'v2') || isAggregated(answer.contentType, 'v2beta1') ? splitAggregated(doc) : undefined;
    return { aggregated, doc };
  }

  private async fetchList(gv: string): Promise<ApiResourceList> {
    const path = gv === 'v1' ? '/api/v1' : `/apis/${gv}`;
    try {
      const answer = await this.o.fetch(path, 'application/json, */*');
      return resourceList(JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>, gv);
    } catch (err) {
      if (gv === 'v1' && err instanceof StatusError && err.code === 404) return { groupVersion: gv, resources: null };
      throw err;
    }
  }

  /** One group version's resources; `location` is the memcache line kubectl logs a failure at. */
  private async fetchEntry(gv: string, location: string): Promise<{ list?: ApiResourceList; error?: Error }> {
    try {
      const list = await this.fetchList(gv);
      if (!list.resources?.length) return { list, error: new Error(`received empty response for: ${gv}`) };
      return { list };
    } catch (err) {
      this.o.logError(location, `couldn't get resource list for ${gv}: ${(err as Error).message}`);
      return { error: err as Error };
    }
  }

  private async refresh(): Promise<Live> {
    if (this.live) return this.live;
    let groups: ApiGroup[];
    let entries: Live['entries'] | undefined;
    try {
      const core = await this.download('/api');
      const apis = await this.download('/apis');
      groups = core ? (core.aggregated ? core.aggregated.groups : [groupFromApiVersions(core.doc)]) : [];
      groups = [...groups, ...(apis!.aggregated ? apis!.aggregated.groups : ((apis!.doc.groups as Record<string, unknown>[] | undefined) ?? []).map(apiGroup))];
      if ((!core || core.aggregated) && apis!.aggregated) {
        entries = new Map();
        for (const part of [core?.aggregated, apis!.aggregated]) {
          for (const [gv, list] of part?.resources ?? []) entries.set(gv, { list });
          for (const [gv, error] of part?.failed ?? []) entries.set(gv, { error });
        }
      }
    } catch (err) {
      this.o.logError('memcache.go:265', `couldn't get current server API group list: ${(err as Error).message}`);
      throw err;
    }
    if (!entries) {
      entries = new Map();
      const gvs = groups.flatMap((g) => (g.versions ?? []).map((v) => v.groupVersion));
      const fetched = await Promise.all(gvs.map((gv) => this.fetchEntry(gv, 'memcache.go:287')));
      gvs.forEach((gv, i) => entries!.set(gv, fetched[i]!));
    }
    this.live = { groups, entries };
    return this.live;
  }

  private async liveResources(gv: string): Promise<ApiResourceList> {
    const live = await this.refresh();
    let entry = live.entries.get(gv);
    if (!entry) throw new Error('not found');
    if (entry.error && isTransient(entry.error) && !entry.error.message.startsWith('received empty response')) {
      entry = await this.fetchEntry(gv, 'memcache.go:121');
      live.entries.set(gv, entry);
    }
    if (entry.error) throw entry.error;
    return entry.list!;
  }

  // ---- the disk cache (client-go cached/disk) ----

  private async cached(file: string): Promise<unknown | undefined> {
    if (!this.o.cacheDir) return undefined;
    const path = join(this.o.cacheDir, file);
    if (this.invalidated && !this.ourFiles.has(path)) return undefined;
    if (this.fileMemo.has(path)) return this.fileMemo.get(path);
    try {
      const info = await stat(path);
      const now = this.o.now?.() ?? new Date();
      if (now.getTime() > info.mtimeMs + DISCOVERY_TTL_MS) return undefined;
      const doc = JSON.parse(await readFile(path, 'utf8')) as unknown;
      this.isFresh = this.isFresh && this.ourFiles.has(path);
      this.fileMemo.set(path, doc);
      return doc;
    } catch {
      return undefined;
    }
  }

  private async write(file: string, text: string, doc: unknown): Promise<void> {
    if (!this.o.cacheDir) return;
    const path = join(this.o.cacheDir, file);
    const temp = `${path}.${randomBytes(6).readUIntBE(0, 6)}`;
    try {
      await mkdir(dirname(path), { recursive: true, mode: 0o750 });
      await writeFile(temp, text, { mode: 0o660 });
      await chmod(temp, 0o660);
      await rename(temp, path);
      this.ourFiles.add(path);
      this.fileMemo.set(path, doc);
    } catch {
      // kubectl only logs (at -v1) when it cannot write its cache
      await unlink(temp).catch(() => {});
    }
  }

  /** ServerGroups: the groups, in the server's order. */
  async serverGroups(): Promise<ApiGroup[]> {
    const cached = (await this.cached('servergroups.json')) as { groups?: Record<string, unknown>[] } | undefined;
    if (cached && Array.isArray(cached.groups)) return cached.groups.map(apiGroup);
    const { groups } = await this.refresh();
    if (groups.length) await this.write('servergroups.json', encodeGroupList(groups), JSON.parse(encodeGroupList(groups)));
    return groups;
  }

  /** ServerResourcesForGroupVersion ("v1", "apps/v1"). */
  async serverResourcesForGroupVersion(gv: string): Promise<ApiResourceList> {
    const file = join(gv, 'serverresources.json');
    const cached = (await this.cached(file)) as Record<string, unknown> | undefined;
    if (cached && typeof cached === 'object') return resourceList(cached, gv);
    const list = await this.liveResources(gv);
    if (list.resources?.length) await this.write(file, encodeResourceList(list), JSON.parse(encodeResourceList(list)));
    return list;
  }

  /** ServerGroupsAndResources: lists in group order; failures collected, not thrown (see `failed`). */
  async serverGroupsAndResources(): Promise<GroupsAndResources> {
    const groups = await this.serverGroups();
    const gvs = groups.flatMap((g) => (g.versions ?? []).map((v) => v.groupVersion));
    const failed = new Map<string, Error>();
    const results = await Promise.all(
      gvs.map((gv) =>
        this.serverResourcesForGroupVersion(gv).catch((err: Error) => {
          failed.set(gv, err);
          return undefined;
        }),
      ),
    );
    return { groups, lists: results.filter((r): r is ApiResourceList => !!r), failed };
  }

  /** ServerPreferredResources: one version of each group's resources (subresources left out). */
  async serverPreferredResources(): Promise<GroupsAndResources> {
    const all = await this.serverGroupsAndResources();
    const byGv = new Map(all.lists.map((l) => [l.groupVersion, l]));
    const chosen = new Map<string, { gv: string; entry: NonNullable<ApiResourceList['resources']>[number] }>();
    const lists: ApiResourceList[] = [];
    const listFor = new Map<string, ApiResourceList>();
    for (const g of all.groups) {
      for (const v of g.versions ?? []) {
        const list = byGv.get(v.groupVersion);
        if (!list) continue;
        const out: ApiResourceList = { groupVersion: v.groupVersion, resources: [] };
        listFor.set(v.groupVersion, out);
        lists.push(out);
        for (const r of list.resources ?? []) {
          if (r.name.includes('/')) continue;
          const key = `${g.name}/${r.name}`;
          if (chosen.has(key) && v.version !== g.preferredVersion.version) continue;
          chosen.set(key, { gv: v.groupVersion, entry: r });
        }
      }
    }
    for (const { gv, entry } of chosen.values()) listFor.get(gv)!.resources!.push(entry);
    return { groups: all.groups, lists, failed: all.failed };
  }
}

/** kubectl's cache directory name for a server: scheme dropped, every character but [\w/.()] as `_`. */
export function discoveryCacheDir(cacheDir: string, host: string): string {
  const schemeless = host.replace('https://', '').replace('http://', '');
  return join(cacheDir, 'discovery', schemeless.replace(/[^(\w/.)]/g, '_'));
}
