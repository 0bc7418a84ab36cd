// Discovery documents, legacy (/api, /apis, /apis/<g>, /api/v1, /apis/<g>/<v>) and aggregated v2 /
// v2beta1 (k8s.io/apiserver pkg/endpoints/discovery), built from the registry's served resources
// and cached until the set of resources changes.
import { createHash } from 'node:crypto';
import { groupVersionsOf, type ResourceInfo } from '../../api/resources.ts';

export interface DiscoveryDoc {
  body: string;
  etag: string;
}

function doc(value: unknown): DiscoveryDoc {
  const body = JSON.stringify(value);
  return { body, etag: `"${createHash('sha512').update(body).digest('hex').toUpperCase()}"` };
}

type GroupVersions = ReturnType<typeof groupVersionsOf>[number];

const gv = (group: string, version: string) => (group ? `${group}/${version}` : version);

export class Discovery {
  private cache = new Map<string, DiscoveryDoc>();

  constructor(
    private readonly resources: () => readonly ResourceInfo[],
    private readonly serverAddress: () => string,
  ) {}

  invalidate(): void {
    this.cache.clear();
  }

  private cached(key: string, build: () => unknown): DiscoveryDoc {
    let d = this.cache.get(key);
    if (!d) {
      d = doc(build());
      this.cache.set(key, d);
    }
    return d;
  }

  /** GET /api: APIVersions. */
  coreVersions(): DiscoveryDoc {
    return this.cached('api', () => ({
      kind: 'APIVersions',
      versions: groupVersionsOf(this.resources()).find((g) => g.name === '')?.versions ?? ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: this.serverAddress() }],
    }));
  }

  private apiGroup(g: GroupVersions) {
    const versions = g.versions.map((version) => ({ groupVersion: gv(g.name, version), version }));
    return { name: g.name, versions, preferredVersion: versions[0]! };
  }

  /** GET /apis: APIGroupList (every group but core). */
  groupList(): DiscoveryDoc {
    return this.cached('apis', () => ({
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groupVersionsOf(this.resources())
        .filter((g) => g.name !== '')
        .map((g) => this.apiGroup(g)),
    }));
  }

  /** GET /apis/<group>: APIGroup, or undefined when the group is not served. */
  group(name: string): DiscoveryDoc | undefined {
    const g = groupVersionsOf(this.resources()).find((x) => x.name === name && name !== '');
    if (!g) return undefined;
    return this.cached(`group/${name}`, () => ({ kind: 'APIGroup', apiVersion: 'v1', ...this.apiGroup(g) }));
  }

  /** GET /api/v1 or /apis/<g>/<v>: APIResourceList, or undefined when not served. */
  resourceList(group: string, version: string): DiscoveryDoc | undefined {
    const resources = this.resources().filter((r) => r.group === group && r.version === version);
    if (resources.length === 0) return undefined;
    return this.cached(`resources/${group}/${version}`, () => ({
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: gv(group, version),
      resources: resources.flatMap((r) => [
        {
          name: r.resource,
          singularName: r.singular,
          namespaced: r.namespaced,
          kind: r.kind,
          verbs: r.verbs,
          ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
          ...(r.categories?.length ? { categories: r.categories } : {}),
          storageVersionHash: storageVersionHash(r.group, r.version, r.kind),
        },
        ...(r.subresources ?? []).map((s) => ({
          name: `${r.resource}/${s.name}`,
          singularName: '',
          namespaced: r.namespaced,
          // Another group/version is named in full (deployments/scale: autoscaling/v1 Scale).
          ...((s.group !== undefined && s.group !== r.group) || (s.version !== undefined && s.version !== r.version)
            ? { group: s.group ?? r.group, version: s.version ?? r.version }
            : {}),
          kind: s.kind,
          verbs: s.verbs,
        })),
      ]),
    }));
  }

  /** Aggregated discovery for /api (core only) or /apis (all other groups). */
  aggregated(root: 'api' | 'apis', format: 'v2' | 'v2beta1'): DiscoveryDoc {
    return this.cached(`aggregated/${root}/${format}`, () => ({
      kind: 'APIGroupDiscoveryList',
      apiVersion: `apidiscovery.k8s.io/${format}`,
      metadata: {},
      items: groupVersionsOf(this.resources())
        .filter((g) => (root === 'api') === (g.name === ''))
        .map((g) => ({
          metadata: { name: g.name, creationTimestamp: null },
          versions: g.versions.map((version) => ({
            version,
            resources: this.resources()
              .filter((r) => r.group === g.name && r.version === version)
              .map((r) => ({
                resource: r.resource,
                responseKind: { group: r.group, version: r.version, kind: r.kind },
                scope: r.namespaced ? 'Namespaced' : 'Cluster',
                singularResource: r.singular,
                verbs: r.verbs,
                ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
                ...(r.categories?.length ? { categories: r.categories } : {}),
                ...(r.subresources?.length
                  ? {
                      subresources: r.subresources.map((s) => ({
                        subresource: s.name,
                        responseKind: { group: s.group ?? r.group, version: s.version ?? r.version, kind: s.kind },
                        verbs: s.verbs,
                      })),
                    }
                  : {}),
              })),
            freshness: 'Current',
          })),
        })),
    }));
  }
}

/** discovery.StorageVersionHash: base64 of the first 8 bytes of sha256("<group>/<version>/<kind>"). */
export function storageVersionHash(group: string, version: string, kind: string): string {
  return createHash('sha256').update(`${group}/${version}/${kind}`).digest().subarray(0, 8).toString('base64');
}
