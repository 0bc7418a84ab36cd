// Defaulting of the core/v1 kinds without a pod template (pkg/apis/core/v1/defaults.go and the
// v1 conversions whose effect is visible in the served JSON).
import { Buffer } from 'node:buffer';
import { defaultVolumePlugins } from './pod.ts';
import { roundUpResourceList } from './resource-list.ts';
import { child, defaultPointer, defaultString, ensureChild, hasEntries, isObject, items, type Json } from './walk.ts';

/** v1.DefaultClientIPServiceAffinitySeconds (3 hours). */
const CLIENT_IP_AFFINITY_SECONDS = 10800;

/** service.ExternallyAccessible: node ports, load balancers, or a ClusterIP with external IPs. */
export function externallyAccessible(spec: Json): boolean {
  return spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && hasEntries(spec.externalIPs));
}

export function defaultService(svc: Json): void {
  const spec = ensureChild(svc, 'spec');
  defaultString(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const timeout = child(child(spec, 'sessionAffinityConfig'), 'clientIP')?.timeoutSeconds;
    if (timeout === undefined || timeout === null) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: CLIENT_IP_AFFINITY_SECONDS } };
  }
  defaultString(spec, 'type', 'ClusterIP');
  for (const port of items(spec, 'ports')) {
    defaultString(port, 'protocol', 'TCP');
    // intstr zero values: the int 0 and the string ""
    const unset = port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === '';
    if (unset && port.port !== undefined) port.targetPort = port.port;
  }
  if (externallyAccessible(spec)) defaultString(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP') defaultPointer(spec, 'internalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') {
    defaultPointer(spec, 'allocateLoadBalancerNodePorts', true);
    for (const ingress of items(child(child(svc, 'status'), 'loadBalancer'), 'ingress'))
      if (ingress.ip && (ingress.ipMode === undefined || ingress.ipMode === null)) ingress.ipMode = 'VIP';
  }
}

export function defaultSecret(secret: Json): void {
  defaultString(secret, 'type', 'Opaque');
  // Convert_v1_Secret_To_core_Secret: stringData is written into data and never stored
  const stringData = secret.stringData;
  if (isObject(stringData) && Object.keys(stringData).length > 0) {
    const data = ensureChild(secret, 'data');
    for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(String(v ?? ''), 'utf8').toString('base64');
  }
  delete secret.stringData;
}

export function defaultNamespace(ns: Json): void {
  const meta = ensureChild(ns, 'metadata');
  // nameless (generateName) namespaces get the label from the strategy
  if (typeof meta.name === 'string' && meta.name) meta.labels = { ...(child(meta, 'labels') ?? {}), 'kubernetes.io/metadata.name': meta.name };
  defaultString(ensureChild(ns, 'status'), 'phase', 'Active');
}

export function defaultNode(node: Json): void {
  const spec = child(node, 'spec');
  // v1 conversion: podCIDR mirrors podCIDRs[0]; a lone podCIDR (old client) fills podCIDRs
  if (spec) {
    const cidr = typeof spec.podCIDR === 'string' ? spec.podCIDR : '';
    const cidrs = Array.isArray(spec.podCIDRs) ? spec.podCIDRs : [];
    if (cidr && (cidrs.length === 0 || cidrs[0] !== cidr)) spec.podCIDRs = [cidr];
    if (Array.isArray(spec.podCIDRs) && typeof spec.podCIDRs[0] === 'string') spec.podCIDR = spec.podCIDRs[0];
  }
  const status = child(node, 'status');
  if (!status) return;
  if ((status.allocatable === undefined || status.allocatable === null) && isObject(status.capacity)) status.allocatable = { ...status.capacity };
  roundUpResourceList(status, 'capacity');
  roundUpResourceList(status, 'allocatable');
}

export function defaultPersistentVolume(pv: Json): void {
  defaultString(ensureChild(pv, 'status'), 'phase', 'Pending');
  const spec = ensureChild(pv, 'spec');
  defaultString(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  defaultPointer(spec, 'volumeMode', 'Filesystem');
  roundUpResourceList(spec, 'capacity');
  const hostPath = child(spec, 'hostPath');
  if (hostPath) defaultPointer(hostPath, 'type', '');
  defaultVolumePlugins(spec);
}

export function defaultEndpoints(ep: Json): void {
  for (const subset of items(ep, 'subsets')) for (const port of items(subset, 'ports')) defaultString(port, 'protocol', 'TCP');
}

export function defaultLimitRange(lr: Json): void {
  for (const item of items(child(lr, 'spec'), 'limits')) {
    if (item.type === 'Container') {
      // default ← max, defaultRequest ← default, defaultRequest ← min (only keys not given)
      fillMissing(item, 'default', child(item, 'max'));
      fillMissing(item, 'defaultRequest', child(item, 'default'));
      fillMissing(item, 'defaultRequest', child(item, 'min'));
    }
    for (const list of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) roundUpResourceList(item, list);
  }
}

function fillMissing(o: Json, key: string, from: Json | undefined): void {
  if (!from) return;
  for (const [k, v] of Object.entries(from)) {
    const target = child(o, key);
    if (target && k in target) continue;
    ensureChild(o, key)[k] = v;
  }
}

export function defaultResourceQuota(rq: Json): void {
  roundUpResourceList(child(rq, 'spec'), 'hard');
  const status = child(rq, 'status');
  roundUpResourceList(status, 'hard');
  roundUpResourceList(status, 'used');
}
