// Objects every cluster has from its first start (kube-apiserver's bootstrap controllers): the
// system namespaces and the `kubernetes` Service with its Endpoints and EndpointSlice, which point
// at this server.
import type { KubeObject } from '../api/object.ts';
import type { Registry } from './registry/registry.ts';
import type { WriteContext } from './registry/store.ts';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
export const KUBERNETES_SERVICE_IP = '10.96.0.1';

export function systemWriteContext(manager: string): WriteContext {
  return { user: { name: 'system:apiserver', groups: ['system:masters', 'system:authenticated'] }, now: new Date(), dryRun: false, fieldManager: manager, skipAdmission: true };
}

async function ensure(registry: Registry, group: string, resource: string, obj: KubeObject, manager: string): Promise<void> {
  const store = registry.store(group, resource);
  const ns = obj.metadata.namespace ?? '';
  const current = await store.tryGet(ns, obj.metadata.name!);
  const ctx = systemWriteContext(manager);
  if (!current) {
    await store.create(ns, obj, ctx);
    return;
  }
  // Only the parts that track this server (its port) are refreshed on a restart.
  await store.guaranteedUpdate(ns, obj.metadata.name!, (cur) => ({ ...cur, ...pickContent(obj) }), ctx);
}

function pickContent(obj: KubeObject): Record<string, unknown> {
  const { metadata: _m, apiVersion: _a, kind: _k, status: _s, ...content } = obj;
  return content;
}

export async function bootstrap(registry: Registry, server: { address: string; port: number }): Promise<void> {
  const namespaces = registry.store('', 'namespaces');
  const ctx = systemWriteContext('kube-apiserver');
  for (const name of SYSTEM_NAMESPACES) {
    if (!(await namespaces.tryGet('', name))) await namespaces.create('', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, ctx);
  }
  const endpointIp = server.address === '0.0.0.0' || server.address === '::' ? '127.0.0.1' : server.address;
  const port = { name: 'https', port: server.port, protocol: 'TCP' };
  await ensure(
    registry,
    '',
    'services',
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: {
        clusterIP: KUBERNETES_SERVICE_IP,
        clusterIPs: [KUBERNETES_SERVICE_IP],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: server.port }],
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
    },
    'kube-apiserver',
  );
  await ensure(
    registry,
    '',
    'endpoints',
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: endpointIp }], ports: [port] }],
    },
    'kube-apiserver',
  );
  await ensure(
    registry,
    'discovery.k8s.io',
    'endpointslices',
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [endpointIp], conditions: { ready: true } }],
      ports: [port],
    },
    'kube-apiserver',
  );
}
