// A ClusterReader over a fixed set of objects (the narrow input admission and allocators read
// other objects through), and a StrategyContext around it.
import type { KubeObject } from '../../../src/api/object.ts';
import { builtinResources } from '../../../src/api/resources.ts';
import type { StrategyContext } from '../../../src/server/registry/strategy.ts';
import type { ClusterReader } from '../../../src/server/registry/store.ts';

function resourceOf(obj: KubeObject): { group: string; resource: string } {
  const [group, version] = obj.apiVersion!.includes('/') ? obj.apiVersion!.split('/') : ['', obj.apiVersion!];
  const info = builtinResources.find((r) => r.group === group && r.version === version && r.kind === obj.kind);
  if (!info) throw new Error(`no resource for ${obj.apiVersion} ${obj.kind}`);
  return { group: info.group, resource: info.resource };
}

export function clusterReader(objects: KubeObject[]): ClusterReader {
  const matching = (group: string, resource: string) =>
    objects.filter((o) => {
      const r = resourceOf(o);
      return r.group === group && r.resource === resource;
    });
  return {
    async list(group, resource, namespace) {
      return matching(group, resource).filter((o) => namespace === undefined || (o.metadata.namespace ?? '') === namespace);
    },
    async get(group, resource, namespace, name) {
      return matching(group, resource).find((o) => (o.metadata.namespace ?? '') === namespace && o.metadata.name === name);
    },
  };
}

export function strategyContext(objects: KubeObject[]): StrategyContext {
  return { now: new Date('2025-01-01T00:00:00Z'), user: { name: 'admin', groups: ['system:masters'] }, dryRun: false, cluster: clusterReader(objects) };
}
