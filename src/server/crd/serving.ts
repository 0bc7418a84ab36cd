// What a CRD serves: one ResourceInfo per served version (customresource_discovery_controller.go:
// accepted names, verbs, status and scale subresources), and the OpenAPI parts of each.
import type { ResourceInfo, SubresourceInfo } from '../../api/resources.ts';
import type { CustomResourceSpec } from '../openapi/custom.ts';
import { servedVersions, versionOf, type Crd } from './types.ts';

const VERBS = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'];
const SUBRESOURCE_VERBS = ['get', 'patch', 'update'];

/** The served versions' resources, preferred version first; none until names are accepted. */
export function resourceInfos(crd: Crd): ResourceInfo[] {
  const names = crd.status?.acceptedNames ?? {};
  const group = crd.spec.group ?? '';
  if (!names.plural || !names.kind || !group) return [];
  return servedVersions(crd).map((version) => {
    const sub = versionOf(crd, version)?.subresources;
    const subresources: SubresourceInfo[] = [];
    if (sub?.status) subresources.push({ name: 'status', kind: names.kind!, verbs: [...SUBRESOURCE_VERBS] });
    if (sub?.scale) subresources.push({ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: [...SUBRESOURCE_VERBS] });
    const info: ResourceInfo = {
      group,
      version,
      kind: names.kind!,
      resource: names.plural!,
      singular: names.singular || names.kind!.toLowerCase(),
      namespaced: crd.spec.scope === 'Namespaced',
      verbs: [...VERBS],
      custom: true,
    };
    if (names.shortNames?.length) info.shortNames = [...names.shortNames];
    if (names.categories?.length) info.categories = [...names.categories];
    if (subresources.length) info.subresources = subresources;
    return info;
  });
}

/** OpenAPI inputs (customResourceParts) of every served version. */
export function customResourceSpecs(crd: Crd): CustomResourceSpec[] {
  const names = crd.status?.acceptedNames ?? {};
  return resourceInfos(crd).map((info) => {
    const v = versionOf(crd, info.version);
    const spec: CustomResourceSpec = {
      group: info.group,
      version: info.version,
      kind: info.kind,
      listKind: names.listKind || `${info.kind}List`,
      plural: info.resource,
      namespaced: info.namespaced,
      subresources: { status: !!v?.subresources?.status, scale: !!v?.subresources?.scale },
    };
    const schema = v?.schema?.openAPIV3Schema;
    if (schema) spec.schema = structuredClone(schema) as CustomResourceSpec['schema'];
    return spec;
  });
}
