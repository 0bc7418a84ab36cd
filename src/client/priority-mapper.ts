// apimachinery's RESTMapper layer over discovery: one DefaultRESTMapper per group version, their
// union, and the PriorityRESTMapper client-go builds from discovery (core v1 first, then each
// group's preferred version, its other versions, then the groups in the server's order). Errors
// are meta's, with their texts.
import type { ApiResource } from './types.ts';
import type { ApiGroup, ApiResourceEntry } from './discovery-types.ts';

export interface GVR {
  group: string;
  version: string;
  resource: string;
}
export interface GVK {
  group: string;
  version: string;
  kind: string;
}

const ANY = '*';
const gvrText = (r: GVR) => `${r.group}/${r.version}, Resource=${r.resource}`;
const gvkText = (k: GVK) => `${k.group}/${k.version}, Kind=${k.kind}`;
const sameGvr = (a: GVR, b: GVR) => a.group === b.group && a.version === b.version && a.resource === b.resource;
const sameGvk = (a: GVK, b: GVK) => a.group === b.group && a.version === b.version && a.kind === b.kind;
const gvrKey = (r: GVR) => `${r.group}\0${r.version}\0${r.resource}`;
const gvkKey = (k: GVK) => `${k.group}\0${k.version}\0${k.kind}`;

/** meta.NoResourceMatchError. */
export class NoResourceMatchError extends Error {
  readonly exitCode = 1;
  constructor(readonly partial: GVR) {
    super(`no matches for ${gvrText(partial)}`);
    this.name = 'NoResourceMatchError';
  }

  /** kubectl's CheckErr prints these without `error: ` (`kubectl explain foo`). */
  kubectlMessage(): string {
    const { group, version, resource } = this.partial;
    const base = `the server doesn't have a resource type ${JSON.stringify(resource)}`;
    if (group && version) return `${base} in group ${JSON.stringify(group)} and version ${JSON.stringify(version)}`;
    if (group) return `${base} in group ${JSON.stringify(group)}`;
    if (version) return `${base} in version ${JSON.stringify(version)}`;
    return base;
  }
}

/** meta.NoKindMatchError: `no matches for kind "X" in version "g/v"`. */
export class NoKindMatchError extends Error {
  constructor(
    readonly groupKind: { group: string; kind: string },
    readonly searchedVersions: string[],
  ) {
    const versions = [...new Set(searchedVersions.map((v) => (groupKind.group ? `${groupKind.group}/${v}` : v)))].sort();
    const kind = JSON.stringify(groupKind.kind);
    super(
      versions.length === 0
        ? `no matches for kind ${kind} in group ${JSON.stringify(groupKind.group)}`
        : versions.length === 1
          ? `no matches for kind ${kind} in version ${JSON.stringify(versions[0])}`
          : `no matches for kind ${kind} in versions [${versions.map((v) => JSON.stringify(v)).join(' ')}]`,
    );
    this.name = 'NoKindMatchError';
  }
}

/** meta.AmbiguousResourceError / AmbiguousKindError. */
export class AmbiguousError extends Error {
  constructor(partial: string, resources: GVR[], kinds: GVK[]) {
    const r = `[${resources.map(gvrText).join(' ')}]`;
    const k = `[${kinds.map(gvkText).join(' ')}]`;
    super(
      resources.length && kinds.length
        ? `${partial} matches multiple resources ${r} and kinds ${k}`
        : kinds.length
          ? `${partial} matches multiple kinds ${k}`
          : resources.length
            ? `${partial} matches multiple resources ${r}`
            : `${partial} matches multiple resources or kinds`,
    );
    this.name = 'AmbiguousError';
  }
}

export const isNoMatch = (e: unknown) => e instanceof NoResourceMatchError || e instanceof NoKindMatchError;

const UNPLURALIZED = ['endpoints'];

/** meta.UnsafeGuessKindToResource. */
export function guessResource(kind: string): { plural: string; singular: string } {
  const singular = kind.toLowerCase();
  if (!singular) return { plural: '', singular: '' };
  if (UNPLURALIZED.some((s) => singular.endsWith(s))) return { plural: singular, singular };
  if (singular.endsWith('s')) return { plural: `${singular}es`, singular };
  if (singular.endsWith('y')) return { plural: `${singular.slice(0, -1)}ies`, singular };
  return { plural: `${singular}s`, singular };
}

/** One group version's mappings (a DefaultRESTMapper holding a single version). */
class VersionMapper {
  readonly pairs: { plural: GVR; singular: GVR }[] = [];
  private readonly pluralIndex = new Map<string, number>();
  readonly resourceToKind = new Map<string, { resource: GVR; kind: GVK }>();
  readonly kindToPlural = new Map<string, GVR>();
  readonly kindToNamespaced = new Map<string, boolean>();
  readonly entries = new Map<string, ApiResourceEntry>();

  constructor(
    readonly group: string,
    readonly version: string,
    readonly preferred: boolean,
  ) {}

  addSpecific(kind: GVK, plural: GVR, singular: GVR, namespaced: boolean): void {
    const at = this.pluralIndex.get(gvrKey(plural));
    if (at === undefined) {
      this.pluralIndex.set(gvrKey(plural), this.pairs.length);
      this.pairs.push({ plural, singular });
    } else this.pairs[at] = { plural, singular };
    this.resourceToKind.set(gvrKey(singular), { resource: singular, kind });
    this.resourceToKind.set(gvrKey(plural), { resource: plural, kind });
    this.kindToPlural.set(gvkKey(kind), plural);
    this.kindToNamespaced.set(gvkKey(kind), namespaced);
  }

  add(kind: GVK, namespaced: boolean): void {
    const { plural, singular } = guessResource(kind.kind);
    const gv = { group: kind.group, version: kind.version };
    this.addSpecific(kind, { ...gv, resource: plural }, { ...gv, resource: singular }, namespaced);
  }

  resourcesFor(r: GVR): GVR[] {
    const out: GVR[] = [];
    const push = (p: GVR) => {
      if (!out.some((x) => sameGvr(x, p))) out.push(p);
    };
    if (r.group && r.version) {
      for (const { plural, singular } of this.pairs) {
        if (sameGvr(singular, r) || sameGvr(plural, r)) {
          push(plural);
          break;
        }
      }
    } else if (r.group) {
      let exact = false;
      for (const { plural, singular } of this.pairs) {
        if ((singular.group === r.group && singular.resource === r.resource) || (plural.group === r.group && plural.resource === r.resource)) {
          exact = true;
          push(plural);
        }
      }
      // storageclass.storage matches storage.k8s.io: a group prefix is enough when nothing matches exactly
      if (!exact) for (const { plural, singular } of this.pairs) if (plural.group.startsWith(r.group) && (singular.resource === r.resource || plural.resource === r.resource)) push(plural);
    } else if (r.version) {
      for (const { plural, singular } of this.pairs) if ((singular.version === r.version && singular.resource === r.resource) || (plural.version === r.version && plural.resource === r.resource)) push(plural);
    } else {
      for (const { plural, singular } of this.pairs) if (singular.resource === r.resource || plural.resource === r.resource) push(plural);
    }
    return out;
  }

  kindsFor(r: GVR): GVK[] {
    const out: GVK[] = [];
    const push = (k: GVK) => {
      if (!out.some((x) => sameGvk(x, k))) out.push(k);
    };
    const all = [...this.resourceToKind.values()];
    if (r.group && r.version) {
      const hit = this.resourceToKind.get(gvrKey(r));
      if (hit) push(hit.kind);
    } else if (r.group) {
      let exact = false;
      for (const { resource, kind } of all) {
        if (resource.group === r.group && resource.resource === r.resource) {
          exact = true;
          push(kind);
        }
      }
      if (!exact) for (const { resource, kind } of all) if (resource.group.startsWith(r.group) && resource.resource === r.resource) push(kind);
    } else if (r.version) {
      for (const { resource, kind } of all) if (resource.version === r.version && resource.resource === r.resource) push(kind);
    } else {
      for (const { resource, kind } of all) if (resource.resource === r.resource) push(kind);
    }
    return out;
  }

  restMappings(gk: { group: string; kind: string }, versions: string[]): { gvk: GVK; resource: GVR; namespaced: boolean }[] | 'nomatch' {
    const potential: GVK[] = [];
    let hadVersion = false;
    for (const v of versions) {
      if (!v || v === '__internal') continue;
      hadVersion = true;
      const k = { ...gk, version: v };
      if (this.kindToPlural.has(gvkKey(k))) {
        potential.push(k);
        break;
      }
    }
    if (!hadVersion && !potential.length && this.group === gk.group) potential.push({ ...gk, version: this.version });
    if (!potential.length) return 'nomatch';
    const out = [];
    for (const gvk of potential) {
      const resource = this.kindToPlural.get(gvkKey(gvk));
      if (!resource) continue;
      out.push({ gvk, resource, namespaced: this.kindToNamespaced.get(gvkKey(gvk))! });
    }
    return out.length ? out : 'nomatch';
  }
}

interface Mapping {
  gvk: GVK;
  resource: GVR;
  namespaced: boolean;
}

/** client-go's NewDiscoveryRESTMapper: the union of version mappers under group/version priorities. */
export class PriorityMapper {
  private readonly mappers: VersionMapper[] = [];
  private readonly resourcePriority: GVR[] = [{ group: '', version: 'v1', resource: ANY }];
  private readonly kindPriority: GVK[] = [{ group: '', version: 'v1', kind: ANY }];

  constructor(groups: { group: ApiGroup; versioned: Map<string, ApiResourceEntry[]> }[]) {
    for (const { group, versioned } of groups) {
      const preferred = group.preferredVersion.version;
      if (preferred && versioned.has(preferred)) {
        this.resourcePriority.push({ group: group.name, version: preferred, resource: ANY });
        this.kindPriority.push({ group: group.name, version: preferred, kind: ANY });
      }
      for (const dv of group.versions ?? []) {
        const resources = versioned.get(dv.version);
        if (!resources) continue;
        if (dv.version !== preferred) {
          this.resourcePriority.push({ group: group.name, version: dv.version, resource: ANY });
          this.kindPriority.push({ group: group.name, version: dv.version, kind: ANY });
        }
        const vm = new VersionMapper(group.name, dv.version, dv.version === preferred);
        const gv = { group: group.name, version: dv.version };
        for (const r of resources) {
          if (r.name.includes('/')) continue;
          const plural = { ...gv, resource: r.name };
          const singular = { ...gv, resource: r.singularName || guessResource(r.kind).singular };
          vm.addSpecific({ ...gv, kind: r.kind.toLowerCase() }, plural, singular, r.namespaced);
          vm.addSpecific({ ...gv, kind: r.kind }, plural, singular, r.namespaced);
          vm.add({ ...gv, kind: `${r.kind}List` }, r.namespaced);
          vm.entries.set(r.name, r);
        }
        vm.add({ ...gv, kind: 'List' }, false);
        this.mappers.push(vm);
      }
    }
    for (const { group } of groups) {
      this.resourcePriority.push({ group: group.name, version: ANY, resource: ANY });
      this.kindPriority.push({ group: group.name, version: ANY, kind: ANY });
    }
  }

  private coerce(r: GVR): GVR {
    return { ...r, resource: r.resource.toLowerCase(), version: r.version === '__internal' ? '' : r.version };
  }

  resourcesFor(input: GVR): GVR[] {
    const r = this.coerce(input);
    // every DefaultRESTMapper rejects an empty resource; MultiRESTMapper reports that once
    if (!r.resource && this.mappers.length) throw new Error(`a resource must be present, got: ${gvrText(r)}`);
    const out: GVR[] = [];
    for (const m of this.mappers) for (const x of m.resourcesFor(r)) if (!out.some((y) => sameGvr(x, y))) out.push(x);
    if (!out.length) throw new NoResourceMatchError(r);
    return out;
  }

  /** PriorityRESTMapper.ResourceFor: the one resource the priorities pick. */
  resourceFor(input: GVR): Mapping {
    const all = this.resourcesFor(input);
    let pick: GVR | undefined = all.length === 1 ? all[0] : undefined;
    let remaining = all;
    for (const p of pick ? [] : this.resourcePriority) {
      const matched = remaining.filter((r) => (p.group === ANY || p.group === r.group) && (p.version === ANY || p.version === r.version) && (p.resource === ANY || p.resource === r.resource));
      if (matched.length === 1) {
        pick = matched[0];
        break;
      }
      if (matched.length > 1) remaining = matched;
    }
    if (!pick) throw new AmbiguousError(gvrText(input), all, []);
    const vm = this.mappers.find((m) => m.group === pick!.group && m.version === pick!.version)!;
    const hit = vm.resourceToKind.get(gvrKey(pick))!;
    return { gvk: hit.kind, resource: pick, namespaced: vm.kindToNamespaced.get(gvkKey(hit.kind)) ?? true };
  }

  kindFor(input: GVR): GVK {
    const r = this.coerce(input);
    const all: GVK[] = [];
    for (const m of this.mappers) for (const k of m.kindsFor(r)) if (!all.some((x) => sameGvk(x, k))) all.push(k);
    if (!all.length) throw new NoResourceMatchError(input);
    if (all.length === 1) return all[0]!;
    let remaining = all;
    for (const p of this.kindPriority) {
      const matched = remaining.filter((k) => (p.group === ANY || p.group === k.group) && (p.version === ANY || p.version === k.version) && (p.kind === ANY || p.kind === k.kind));
      if (matched.length === 1) return matched[0]!;
      if (matched.length > 1) remaining = matched;
    }
    throw new AmbiguousError(gvrText(input), [], all);
  }

  restMapping(gk: { group: string; kind: string }, versions: string[]): Mapping {
    const all: Mapping[] = [];
    for (const m of this.mappers) {
      const found = m.restMappings(gk, versions);
      if (found !== 'nomatch') all.push(...found);
    }
    if (!all.length) throw new NoKindMatchError(gk, versions);
    const priorities: GVK[] = [...versions.map((v) => ({ group: gk.group, version: v, kind: ANY })), ...this.kindPriority];
    let remaining = all;
    for (const p of priorities) {
      const matched = remaining.filter((m) => (p.group === ANY || p.group === m.gvk.group) && (p.version === ANY || p.version === m.gvk.version) && (p.kind === ANY || p.kind === m.gvk.kind));
      if (matched.length === 1) return matched[0]!;
      if (matched.length > 1) remaining = matched;
    }
    if (remaining.length === 1) return remaining[0]!;
    throw new AmbiguousError(`${gk.group}/, Kind=${gk.kind}`, [], all.map((m) => m.gvk));
  }

  apiResource(m: Mapping): ApiResource {
    const vm = this.mappers.find((x) => x.group === m.resource.group && x.version === m.resource.version);
    const entry = vm?.entries.get(m.resource.resource);
    return {
      group: m.resource.group,
      version: m.resource.version,
      resource: m.resource.resource,
      singular: entry?.singularName || guessResource(m.gvk.kind).singular,
      kind: entry?.kind ?? m.gvk.kind,
      namespaced: m.namespaced,
      verbs: entry?.verbs ?? [],
      shortNames: entry?.shortNames ?? [],
      categories: entry?.categories ?? [],
      preferred: vm?.preferred ?? false,
    };
  }
}

