// Discovery documents in the shapes kubectl keeps (metav1 APIGroupList / APIResourceList), how
// aggregated discovery (apidiscovery v2 and v2beta1) converts into them, and their JSON exactly as
// kubectl's disk cache writes it, so that kubectl and ktl can share a cache directory.
import { goJson } from './go-text.ts';

export interface GroupVersionForDiscovery {
  groupVersion: string;
  version: string;
}

export interface ApiGroup {
  name: string;
  versions: GroupVersionForDiscovery[] | null;
  preferredVersion: GroupVersionForDiscovery;
  serverAddressByClientCIDRs?: unknown[];
}

/** metav1.APIResource. */
export interface ApiResourceEntry {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[] | null;
  shortNames?: string[];
  categories?: string[];
  storageVersionHash?: string;
}

export interface ApiResourceList {
  groupVersion: string;
  resources: ApiResourceEntry[] | null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

/** An APIResource as a server's JSON has it, keeping only metav1 fields. */
export function resourceEntry(r: Record<string, unknown>): ApiResourceEntry {
  const out: ApiResourceEntry = { name: str(r.name), singularName: str(r.singularName), namespaced: r.namespaced === true, kind: str(r.kind), verbs: strings(r.verbs) ?? null };
  if (str(r.group)) out.group = str(r.group);
  if (str(r.version)) out.version = str(r.version);
  const short = strings(r.shortNames);
  if (short?.length) out.shortNames = short;
  const cats = strings(r.categories);
  if (cats?.length) out.categories = cats;
  if (str(r.storageVersionHash)) out.storageVersionHash = str(r.storageVersionHash);
  return out;
}

export function resourceList(doc: Record<string, unknown>, groupVersion: string): ApiResourceList {
  const resources = Array.isArray(doc.resources) ? (doc.resources as Record<string, unknown>[]).map(resourceEntry) : null;
  return { groupVersion: str(doc.groupVersion) || groupVersion, resources };
}

function versionEntry(v: unknown): GroupVersionForDiscovery {
  const o = (v ?? {}) as Record<string, unknown>;
  return { groupVersion: str(o.groupVersion), version: str(o.version) };
}

export function apiGroup(g: Record<string, unknown>): ApiGroup {
  const out: ApiGroup = {
    name: str(g.name),
    versions: Array.isArray(g.versions) ? g.versions.map(versionEntry) : null,
    preferredVersion: versionEntry(g.preferredVersion),
  };
  if (Array.isArray(g.serverAddressByClientCIDRs) && g.serverAddressByClientCIDRs.length) out.serverAddressByClientCIDRs = g.serverAddressByClientCIDRs;
  return out;
}

/** /api without aggregation: APIVersions, as the core group. */
export function groupFromApiVersions(doc: Record<string, unknown>): ApiGroup {
  const versions = strings(doc.versions) ?? [];
  if (!versions.length) return { name: '', versions: null, preferredVersion: { groupVersion: '', version: '' } };
  const list = versions.map((v) => ({ groupVersion: v, version: v }));
  return { name: '', versions: list, preferredVersion: list[0]! };
}

export interface SplitDiscovery {
  groups: ApiGroup[];
  resources: Map<string, ApiResourceList>;
  /** Group versions the aggregated document marks stale. */
  failed: Map<string, Error>;
}

const gvString = (group: string, version: string) => (group ? `${group}/${version}` : version);

/** client-go's SplitGroupsAndResources (v2 and v2beta1 have the same shape for what is read). */
export function splitAggregated(doc: Record<string, unknown>): SplitDiscovery {
  const out: SplitDiscovery = { groups: [], resources: new Map(), failed: new Map() };
  for (const item of (Array.isArray(doc.items) ? doc.items : []) as Record<string, unknown>[]) {
    const name = str((item.metadata as Record<string, unknown> | undefined)?.name);
    const group: ApiGroup = { name, versions: null, preferredVersion: { groupVersion: '', version: '' } };
    for (const v of (Array.isArray(item.versions) ? item.versions : []) as Record<string, unknown>[]) {
      const version = str(v.version);
      const gv = gvString(name, version);
      if (v.freshness === 'Stale') {
        out.failed.set(gv, new Error(`stale GroupVersion discovery: ${gv}`));
        continue;
      }
      const entry = { groupVersion: gv, version };
      (group.versions ??= []).push(entry);
      if (!group.preferredVersion.groupVersion && !group.preferredVersion.version) group.preferredVersion = entry;
      const list: ApiResourceList = { groupVersion: gv, resources: null };
      for (const r of (Array.isArray(v.resources) ? v.resources : []) as Record<string, unknown>[]) {
        const kind = (r.responseKind ?? {}) as Record<string, unknown>;
        const hasKind = !!(str(kind.group) || str(kind.version) || str(kind.kind));
        const parent: ApiResourceEntry = {
          name: str(r.resource), singularName: str(r.singularResource), namespaced: r.scope === 'Namespaced', kind: '', verbs: strings(r.verbs) ?? null,
        };
        if (hasKind) {
          if (str(kind.group)) parent.group = str(kind.group);
          if (str(kind.version)) parent.version = str(kind.version);
          parent.kind = str(kind.kind);
        }
        const short = strings(r.shortNames);
        if (short?.length) parent.shortNames = short;
        const cats = strings(r.categories);
        if (cats?.length) parent.categories = cats;
        // A resource without a kind is dropped, but its subresources are still listed (as upstream).
        if (hasKind) (list.resources ??= []).push(reorder(parent));
        for (const sub of (Array.isArray(r.subresources) ? r.subresources : []) as Record<string, unknown>[]) {
          const sk = (sub.responseKind ?? {}) as Record<string, unknown>;
          if (!(str(sk.group) || str(sk.version) || str(sk.kind))) continue;
          const s: ApiResourceEntry = { name: `${parent.name}/${str(sub.subresource)}`, singularName: parent.singularName, namespaced: parent.namespaced, kind: str(sk.kind), verbs: strings(sub.verbs) ?? null };
          if (str(sk.group)) s.group = str(sk.group);
          if (str(sk.version)) s.version = str(sk.version);
          (list.resources ??= []).push(reorder(s));
        }
      }
      out.resources.set(gv, list);
    }
    out.groups.push(group);
  }
  return out;
}

/** Fields in metav1.APIResource's order, so that JSON.stringify writes them as Go does. */
function reorder(r: ApiResourceEntry): ApiResourceEntry {
  const out: Record<string, unknown> = { name: r.name, singularName: r.singularName, namespaced: r.namespaced };
  if (r.group !== undefined) out.group = r.group;
  if (r.version !== undefined) out.version = r.version;
  out.kind = r.kind;
  out.verbs = r.verbs;
  if (r.shortNames) out.shortNames = r.shortNames;
  if (r.categories) out.categories = r.categories;
  if (r.storageVersionHash) out.storageVersionHash = r.storageVersionHash;
  return out as unknown as ApiResourceEntry;
}

/** servergroups.json: `{"kind":"APIGroupList","apiVersion":"v1","groups":[…]}` and a newline. */
export function encodeGroupList(groups: ApiGroup[]): string {
  const ordered = groups.map((g) => {
    const o: Record<string, unknown> = { name: g.name, versions: g.versions, preferredVersion: { groupVersion: g.preferredVersion.groupVersion, version: g.preferredVersion.version } };
    if (g.serverAddressByClientCIDRs) o.serverAddressByClientCIDRs = g.serverAddressByClientCIDRs;
    return o;
  });
  return `${goJson({ kind: 'APIGroupList', apiVersion: 'v1', groups: ordered })}\n`;
}

/** serverresources.json. */
export function encodeResourceList(list: ApiResourceList): string {
  return `${goJson({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: list.groupVersion, resources: list.resources?.map(reorder) ?? null })}\n`;
}
