// Resource facts (src/api/resources.ts ResourceInfo) from the upstream discovery documents.
import type { ResourceInfo, SubresourceInfo } from '../../src/api/resources.ts';
import { SERVED, type Sources } from './sources.ts';

// kube-apiserver v1.33 serves pods/resize (InPlacePodVerticalScaling is beta and on by default;
// storage_core.go registers it); the api__v1.json snapshot predates it.
const CORE_ADDITIONS: Record<string, SubresourceInfo[]> = {
  pods: [{ name: 'resize', kind: 'Pod', verbs: ['get', 'patch', 'update'] }],
};

// Registry stores with ReturnDeletedObject: true answer DELETE with the object, not a Status
// (pkg/registry/core/{pod,podtemplate,persistentvolume,persistentvolumeclaim,resourcequota,
// serviceaccount,service} and pkg/registry/storage/{storageclass,csidriver,csinode,volumeattachment}).
const DELETE_RETURNS_OBJECT = new Set([
  '/pods', '/podtemplates', '/persistentvolumes', '/persistentvolumeclaims', '/resourcequotas', '/serviceaccounts', '/services',
  'storage.k8s.io/storageclasses', 'storage.k8s.io/csidrivers', 'storage.k8s.io/csinodes', 'storage.k8s.io/volumeattachments',
]);

export function buildResources(src: Sources): ResourceInfo[] {
  return [...coreResources(src), ...groupResources(src)].map((r) => {
    if (DELETE_RETURNS_OBJECT.has(`${r.group}/${r.resource}`)) r.deleteReturnsObject = true;
    return r;
  });
}

/** Core v1 from the legacy /api/v1 list (the aggregated document covers /apis only). */
function coreResources(src: Sources): ResourceInfo[] {
  const out: ResourceInfo[] = [];
  const byName = new Map<string, ResourceInfo>();
  for (const r of src.discovery.apiV1.resources) {
    const [resource, sub] = (r.name as string).split('/');
    if (!sub) {
      const info: ResourceInfo = {
        group: '',
        version: 'v1',
        kind: r.kind,
        resource: resource!,
        singular: r.singularName || r.kind.toLowerCase(),
        namespaced: r.namespaced,
        verbs: r.verbs,
        ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
        ...(r.categories?.length ? { categories: r.categories } : {}),
      };
      byName.set(resource!, info);
      out.push(info);
      continue;
    }
    const parent = byName.get(resource!);
    if (!parent) throw new Error(`subresource ${r.name} before its resource`);
    const other = r.group !== undefined && (r.group !== '' || r.version !== 'v1');
    const s: SubresourceInfo = { name: sub, kind: r.kind, ...(other ? { group: r.group, version: r.version } : {}), verbs: r.verbs };
    (parent.subresources ??= []).push(s);
  }
  for (const [resource, extra] of Object.entries(CORE_ADDITIONS)) {
    const parent = byName.get(resource)!;
    for (const s of extra) {
      if (parent.subresources?.some((x) => x.name === s.name)) continue;
      parent.subresources = [...(parent.subresources ?? []), s].sort((a, b) => (a.name < b.name ? -1 : 1));
    }
  }
  return out;
}

/** Other groups from the aggregated v2 document, in its group order and version order. */
function groupResources(src: Sources): ResourceInfo[] {
  const out: ResourceInfo[] = [];
  for (const g of src.discovery.aggregated.items) {
    const group: string = g.metadata.name;
    for (const v of g.versions) {
      if (!SERVED.some((s) => s.group === group && s.version === v.version)) continue;
      for (const r of v.resources) {
        const info: ResourceInfo = {
          group,
          version: v.version,
          kind: r.responseKind.kind,
          resource: r.resource,
          singular: r.singularResource,
          namespaced: r.scope === 'Namespaced',
          verbs: r.verbs,
          ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
          ...(r.categories?.length ? { categories: r.categories } : {}),
        };
        const subs: SubresourceInfo[] = (r.subresources ?? []).map((s: any) => {
          const k = s.responseKind;
          const other = k.group !== '' && (k.group !== group || k.version !== v.version);
          return { name: s.subresource, kind: k.kind, ...(other ? { group: k.group, version: k.version } : {}), verbs: s.verbs };
        });
        if (subs.length) info.subresources = subs;
        out.push(info);
      }
    }
  }
  const missing = SERVED.filter((s) => s.group !== '' && !out.some((r) => r.group === s.group && r.version === s.version));
  if (missing.length) throw new Error(`no discovery facts for ${missing.map((s) => `${s.group}/${s.version}`).join(', ')}`);
  return out;
}
