// Resource names typed by users and kinds of manifests, resolved as kubectl resolves them: the
// shortcut expander (short names), the deferred mapper (one rediscovery when the cache was not
// fresh), the category expander, and cli-runtime's Builder.mappingFor, which tries the argument as
// a resource and then as a kind; all over the priority mapper (priority-mapper.ts).
import type { ApiResource, RestMapper } from './types.ts';
import type { ApiResourceEntry } from './discovery-types.ts';
import type { Discovery } from './discovery.ts';
import { guessResource, isNoMatch, PriorityMapper, type GVK, type GVR } from './priority-mapper.ts';

export { AmbiguousError, guessResource, NoKindMatchError, NoResourceMatchError } from './priority-mapper.ts';

const parseResourceArg = (arg: string): { full?: GVR; gr: { group: string; resource: string } } => {
  const dot = arg.indexOf('.');
  const gr = dot < 0 ? { group: '', resource: arg } : { group: arg.slice(dot + 1), resource: arg.slice(0, dot) };
  if (arg.split('.').length - 1 < 2) return { gr };
  const [resource, version, ...rest] = arg.split('.');
  return { full: { group: rest.join('.'), version: version!, resource: resource! }, gr };
};

/** The RESTMapper kubectl commands use (cli-runtime's ToRESTMapper and Builder.mappingFor). */
export class KubeRestMapper implements RestMapper {
  private delegate?: PriorityMapper;

  constructor(
    private readonly discovery: Discovery,
    /** Shortcut ambiguity warnings, printed by kubectl as `Warning: …`. */
    private readonly warn: (message: string) => void = () => {},
  ) {}

  /** GetAPIGroupResources + NewDiscoveryRESTMapper; a failed discovery is retried on the next call. */
  private async getDelegate(): Promise<PriorityMapper> {
    if (this.delegate) return this.delegate;
    const { groups, lists } = await this.discovery.serverGroupsAndResources();
    const byGv = new Map(lists.map((l) => [l.groupVersion, l]));
    this.delegate = new PriorityMapper(
      groups.map((group) => {
        const versioned = new Map<string, ApiResourceEntry[]>();
        for (const v of group.versions ?? []) {
          const list = byGv.get(v.groupVersion);
          if (list) versioned.set(v.version, list.resources ?? []);
        }
        return { group, versioned };
      }),
    );
    return this.delegate;
  }

  /** DeferredDiscoveryRESTMapper.Reset. */
  reset(): void {
    this.discovery.invalidate();
    this.delegate = undefined;
  }

  /** The deferred mapper's pattern: on failure with a cache that was not fresh, rediscover once. */
  private async deferred<T>(op: (m: PriorityMapper) => T): Promise<T> {
    const m = await this.getDelegate();
    try {
      return op(m);
    } catch (err) {
      if (this.discovery.fresh) throw err;
      this.reset();
      return this.deferred(op);
    }
  }

  /** shortcutExpander.expandResourceShortcut. */
  private async expand(r: GVR): Promise<GVR> {
    let lists;
    try {
      lists = (await this.discovery.serverGroupsAndResources()).lists;
    } catch {
      return r;  // kubectl expands nothing when discovery fails
    }
    const parsed = lists.map((l) => ({ group: l.groupVersion.includes('/') ? l.groupVersion.split('/')[0]! : '', resources: l.resources ?? [] }));
    for (const { group, resources } of parsed) {
      if (r.group && r.group !== group) continue;
      if (resources.some((x) => x.name === r.resource || x.singularName === r.resource)) return r;
    }
    const shortcuts = parsed.flatMap(({ group, resources }) => resources.flatMap((x) => (x.shortNames ?? []).map((s) => ({ short: s, group, long: x.name }))));
    let found: { group: string; resource: string } | undefined;
    const warned = new Set<string>();
    for (const s of shortcuts) {
      if (r.group && r.group !== s.group) continue;
      if (r.resource !== s.short) continue;
      if (found) {
        if (s.long === found.resource && s.group === found.group) continue;
        const long = s.group ? `${s.long}.${s.group}` : s.long;
        if (!warned.has(long)) {
          this.warn(`short name ${JSON.stringify(r.resource)} could also match lower priority resource ${long}`);
          warned.add(long);
        }
        continue;
      }
      found = { group: s.group, resource: s.long };
    }
    // kubectl drops the version on an exact short-name match (deploy.v9.apps still finds apps/v1).
    if (found) return { version: '', ...found };
    if (!r.group) return r;
    for (const s of shortcuts) if (s.group.startsWith(r.group) && r.resource === s.short) return { version: r.version, group: s.group, resource: s.long };
    return r;
  }

  private async restMapping(gk: { group: string; kind: string }, version: string): Promise<ApiResource> {
    return this.deferred((m) => m.apiResource(m.restMapping(gk, [version])));
  }

  private async lookupKind(r: GVR): Promise<GVK | undefined> {
    try {
      const first = await this.expand(r);
      try {
        return await this.deferred((m) => m.kindFor(first));
      } catch (err) {
        if (!isNoMatch(err)) throw err;
        const second = await this.expand(r);
        return await this.deferred((m) => m.kindFor(second));
      }
    } catch {
      return undefined;  // Builder.mappingFor ignores these errors and tries the argument as a kind
    }
  }

  async resourceFor(input: string): Promise<ApiResource> {
    const { full, gr } = parseResourceArg(input);
    let gvk: GVK | undefined;
    if (full) gvk = await this.lookupKind(full);
    if (!gvk) gvk = await this.lookupKind({ ...gr, version: '' });
    if (gvk) return this.restMapping(gvk, gvk.version);
    const dot = input.indexOf('.');
    const gk = dot < 0 ? { group: '', kind: input } : { group: input.slice(dot + 1), kind: input.slice(0, dot) };
    const parts = input.split('.');
    const fullKind = parts.length >= 3 ? { group: parts.slice(2).join('.'), version: parts[1]!, kind: parts[0]! } : { ...gk, version: '' };
    if (fullKind.group || fullKind.version || fullKind.kind) {
      try {
        return await this.restMapping(fullKind, fullKind.version);
      } catch {
        // fall through to the group/kind reading
      }
    }
    try {
      return await this.restMapping(gk, '');
    } catch (err) {
      if (isNoMatch(err)) throw new Error(`the server doesn't have a resource type ${JSON.stringify(gr.resource)}`);
      throw err;
    }
  }

  async resourceForGVR(partial: { group?: string; version?: string; resource: string }): Promise<ApiResource> {
    const gvr = await this.expand({ group: partial.group ?? '', version: partial.version ?? '', resource: partial.resource });
    return this.deferred((m) => m.apiResource(m.resourceFor(gvr)));
  }

  async resourcesForGVR(partial: { group?: string; version?: string; resource: string }): Promise<{ group: string; version: string; resource: string }[]> {
    const gvr = await this.expand({ group: partial.group ?? '', version: partial.version ?? '', resource: partial.resource });
    return this.deferred((m) => m.resourcesFor(gvr));
  }

  async resourceForKind(apiVersion: string, kind: string): Promise<ApiResource> {
    const slash = apiVersion.indexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
    return this.restMapping({ group, kind }, version);
  }

  async categoryMembers(name: string): Promise<string[] | undefined> {
    let lists;
    try {
      lists = (await this.discovery.serverGroupsAndResources()).lists;
    } catch {
      return undefined;
    }
    const members: string[] = [];
    for (const l of lists) {
      const group = l.groupVersion.includes('/') ? l.groupVersion.split('/')[0]! : '';
      for (const r of l.resources ?? []) if (r.categories?.includes(name)) members.push(group ? `${r.name}.${group}` : r.name);
    }
    return members.length ? members : undefined;
  }

  async category(name: string): Promise<ApiResource[] | undefined> {
    const members = await this.categoryMembers(name);
    if (!members) return undefined;
    const out: ApiResource[] = [];
    for (const m of [...new Set(members)]) {
      const r = await this.resourceFor(m);
      if (!out.some((x) => x.group === r.group && x.version === r.version && x.kind === r.kind)) out.push(r);
    }
    return out;
  }

  async all(): Promise<ApiResource[]> {
    const { lists, groups } = await this.discovery.serverGroupsAndResources();
    const preferred = new Map(groups.map((g) => [g.name, g.preferredVersion.version]));
    const out: ApiResource[] = [];
    for (const l of lists) {
      const [group, version] = l.groupVersion.includes('/') ? (l.groupVersion.split('/') as [string, string]) : ['', l.groupVersion];
      for (const r of l.resources ?? []) {
        if (r.name.includes('/')) continue;
        out.push({
          group, version, resource: r.name, singular: r.singularName || guessResource(r.kind).singular, kind: r.kind, namespaced: r.namespaced,
          verbs: r.verbs ?? [], shortNames: r.shortNames ?? [], categories: r.categories ?? [], preferred: preferred.get(group) === version,
        });
      }
    }
    return out;
  }
}
