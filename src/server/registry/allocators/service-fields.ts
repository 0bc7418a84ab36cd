// How the service registry reconciles the linked, allocated fields of a Service between what the
// client sent and what was stored (pkg/registry/core/service/strategy.go: NormalizeClusterIPs,
// PatchAllocatedValues, dropTypeDependentFields).
import { isDeepStrictEqual } from 'node:util';
import { externallyAccessible } from '../defaults/core.ts';

export interface ServicePort {
  name?: string;
  protocol?: string;
  port?: number;
  nodePort?: number;
  [key: string]: unknown;
}

export interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ipFamilies?: string[];
  ipFamilyPolicy?: string | null;
  selector?: Record<string, string>;
  ports?: ServicePort[];
  externalTrafficPolicy?: string;
  healthCheckNodePort?: number;
  allocateLoadBalancerNodePorts?: boolean | null;
  loadBalancerClass?: string | null;
  [key: string]: unknown;
}

export const needsClusterIP = (spec: ServiceSpec) => spec.type !== 'ExternalName';
export const needsNodePort = (spec: ServiceSpec) => spec.type === 'NodePort' || spec.type === 'LoadBalancer';
/** service.NeedsHealthCheck: a LoadBalancer that keeps client source IPs. */
export const needsHealthCheckNodePort = (spec: ServiceSpec) => spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';

const clusterIPsOf = (spec: ServiceSpec) => spec.clusterIPs ?? [];
const sameClusterIPs = (a: ServiceSpec, b: ServiceSpec) => isDeepStrictEqual(clusterIPsOf(a), clusterIPsOf(b));
const nodePortsOf = (spec: ServiceSpec) => (spec.ports ?? []).map((p) => p.nodePort ?? 0);

/** Keeps clusterIP and clusterIPs in step for clients that send only one of them. */
export function normalizeClusterIPs(spec: ServiceSpec, old: ServiceSpec | undefined): void {
  if (!old) {
    // an old client sent only the singular field
    if (spec.clusterIP && clusterIPsOf(spec).length === 0) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  // an old client patching something else dropped clusterIPs
  if (clusterIPsOf(old).length > 0 && clusterIPsOf(spec).length === 0 && (old.clusterIP ?? '') === (spec.clusterIP ?? '')) spec.clusterIPs = old.clusterIPs;
  if ((old.clusterIP ?? '') !== (spec.clusterIP ?? '')) {
    // clearing clusterIP clears the untouched plural too
    if (old.clusterIP && !spec.clusterIP && sameClusterIPs(old, spec)) delete spec.clusterIPs;
    if (sameClusterIPs(old, spec)) spec.clusterIPs = [spec.clusterIP ?? ''];
  }
}

/** Carries allocated values the client left out of a PUT over from the stored object. */
export function patchAllocatedValues(spec: ServiceSpec, old: ServiceSpec): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (!spec.clusterIP && old.clusterIP) spec.clusterIP = old.clusterIP;
    if (clusterIPsOf(spec).length === 0 && clusterIPsOf(old).length > 0) spec.clusterIPs = [...old.clusterIPs!];
  }
  if (needsNodePort(old) && needsNodePort(spec)) {
    const newPorts = new Set(nodePortsOf(spec).filter((n) => n !== 0));
    // ports kept by the new spec cannot be patched into another entry
    const used = new Set(nodePortsOf(old).filter((n) => n !== 0 && newPorts.has(n)));
    const byName = new Map<string, number>();
    for (const p of old.ports ?? []) byName.set(p.name ?? '', p.nodePort ?? 0);
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue;
      const previous = byName.get(p.name ?? '') ?? 0;
      if (previous && !used.has(previous)) p.nodePort = previous;
    }
  }
  if (needsHealthCheckNodePort(old) && needsHealthCheckNodePort(spec) && !spec.healthCheckNodePort && old.healthCheckNodePort)
    spec.healthCheckNodePort = old.healthCheckNodePort;
}

/**
 * dropTypeDependentFields (the service strategy's PrepareForUpdate): a type change wipes values the
 * old type had allocated or defaulted, unless the client changed them in the same request.
 */
export function dropTypeDependentFields(spec: ServiceSpec, old: ServiceSpec, status?: Record<string, unknown>): void {
  if (needsClusterIP(old) && !needsClusterIP(spec)) {
    if (sameClusterIPs(old, spec)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (isDeepStrictEqual(old.ipFamilies ?? [], spec.ipFamilies ?? [])) delete spec.ipFamilies;
    if ((old.ipFamilyPolicy ?? undefined) === (spec.ipFamilyPolicy ?? undefined)) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(old) && !needsNodePort(spec) && isDeepStrictEqual(nodePortsOf(old), nodePortsOf(spec)))
    for (const p of spec.ports ?? []) delete p.nodePort;
  if (needsHealthCheckNodePort(old) && !needsHealthCheckNodePort(spec) && (old.healthCheckNodePort ?? 0) === (spec.healthCheckNodePort ?? 0))
    delete spec.healthCheckNodePort;
  if (old.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    const a = old.allocateLoadBalancerNodePorts;
    const b = spec.allocateLoadBalancerNodePorts;
    if (a !== undefined && a !== null && b !== undefined && b !== null && a === b) delete spec.allocateLoadBalancerNodePorts;
    // canSetLoadBalancerClass: only LoadBalancer services may carry a class
    if ((old.loadBalancerClass ?? undefined) === (spec.loadBalancerClass ?? undefined)) delete spec.loadBalancerClass;
  }
  if (externallyAccessible(old) && !externallyAccessible(spec) && (old.externalTrafficPolicy ?? '') === (spec.externalTrafficPolicy ?? ''))
    delete spec.externalTrafficPolicy;
  // the load-balancer status only means something for a LoadBalancer
  if (status && spec.type !== 'LoadBalancer') status.loadBalancer = {};
}
