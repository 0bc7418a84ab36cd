// Objects every cluster has from its first start (kube-apiserver's bootstrap controllers): the
// system namespaces and the `kubernetes` Service with its Endpoints and EndpointSlice, which point
// at this server.
import { networkInterfaces } from 'node:os';
import type { KubeObject } from '../api/object.ts';
import type { Registry } from './registry/registry.ts';
import type { WriteContext } from './registry/store.ts';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
export const KUBERNETES_SERVICE_IP = '10.96.0.1';

/** The built-in priority classes (scheduling/v1 SystemPriorityClasses): name, value, description. */
const SYSTEM_PRIORITY_CLASSES: [string, number, string][] = [
  ['system-node-critical', 2000001000, 'For pods that must stay on their node.'],
  ['system-cluster-critical', 2000000000, 'For pods the cluster needs, which may move between nodes.'],
];

export function systemWriteContext(manager: string): WriteContext {
  return { user: { name: 'system:apiserver', groups: ['system:masters', 'system:authenticated'] }, now: new Date(), dryRun: false, fieldManager: manager, skipAdmission: true };
}

async function ensure(registry: Registry, group: string, resource: string, obj: KubeObject, manager: string, trusted = false): Promise<void> {
  const store = registry.store(group, resource);
  const ns = obj.metadata.namespace ?? '';
  const current = await store.tryGet(ns, obj.metadata.name!);
  const ctx = { ...systemWriteContext(manager), skipKindValidation: trusted };
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

/**
 * The address the kubernetes Service's endpoints name (kube-apiserver's --advertise-address): the
 * listen address when it is routable, else the host's first non-loopback IPv4 address (endpoint
 * validation refuses loopback addresses), else the listen address as a last resort.
 */
export function advertiseAddress(listen: string): string {
  const routable = (ip: string) => ip !== '0.0.0.0' && ip !== '::' && !ip.startsWith('127.') && ip !== '::1';
  if (routable(listen)) return listen;
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return listen === '0.0.0.0' || listen === '::' ? '127.0.0.1' : listen;
}

export async function bootstrap(registry: Registry, server: { address: string; port: number }): Promise<void> {
  const namespaces = registry.store('', 'namespaces');
  const ctx = systemWriteContext('kube-apiserver');
  const serviceAccounts = registry.store('', 'serviceaccounts');
  for (const name of SYSTEM_NAMESPACES) {
    if (!(await namespaces.tryGet('', name))) await namespaces.create('', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, ctx);
    // Pods need their namespace's default service account from the first request on.
    if (!(await serviceAccounts.tryGet(name, 'default')))
      await serviceAccounts.create(name, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } }, systemWriteContext('kube-controller-manager'));
  }
  const priorityClasses = registry.store('scheduling.k8s.io', 'priorityclasses');
  for (const [name, value, description] of SYSTEM_PRIORITY_CLASSES) {
    if (!(await priorityClasses.tryGet('', name)))
      await priorityClasses.create('', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, description }, ctx);
  }
  const endpointIp = advertiseAddress(server.address);
  // Endpoint validation refuses loopback addresses; a host with nothing else still gets its Service.
  const loopback = endpointIp.startsWith('127.') || endpointIp === '::1';
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
    loopback,
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
    loopback,
  );
}
