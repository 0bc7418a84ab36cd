// ClusterIP and NodePort allocation for Services (pkg/registry/core/service/storage: beginCreate /
// beginUpdate and alloc.go) on a single-stack IPv4 cluster. What is in use is read from the stored
// Services themselves, so a value is free again as soon as no Service holds it.
import type { KubeObject } from '../../../api/object.ts';
import { internalError, type FieldError } from '../../status.ts';
import type { StrategyContext } from '../strategy.ts';
import { formatIPv4, ipFamilyOf, ipRange, nextFreeIP, nextFreeNodePort, nodePortRangeText, NODE_PORT_RANGE, parseIPv4, SERVICE_CIDR } from './ranges.ts';
import {
  needsHealthCheckNodePort,
  needsNodePort,
  normalizeClusterIPs,
  patchAllocatedValues,
  type ServicePort,
  type ServiceSpec,
} from './service-fields.ts';

export { dropTypeDependentFields } from './service-fields.ts';

const RANGE = ipRange(SERVICE_CIDR);
const CONFIGURED_FAMILY = 'IPv4';

const ERR_IP_ALLOCATED = 'provided IP is already allocated';
const ERR_PORT_ALLOCATED = 'provided port is already allocated';

/** What other Services hold (the allocators' bitmaps, rebuilt from storage). */
interface InUse {
  ips: Set<number>;
  ports: Set<number>;
}

/**
 * Fills spec.clusterIP(s), ipFamilies, ipFamilyPolicy, ports[].nodePort and healthCheckNodePort of a
 * Service being created (old undefined) or updated, as kube-apiserver's service REST does before the
 * strategy runs. Returns the field errors upstream answers 422 Invalid with (empty on success);
 * throws the 500s (a full range).
 */
export async function allocateService(svc: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): Promise<FieldError[]> {
  const spec = ((svc.spec ??= {}) as ServiceSpec);
  const oldSpec = old ? ((old.spec ?? {}) as ServiceSpec) : undefined;
  if (oldSpec) patchAllocatedValues(spec, oldSpec);
  normalizeClusterIPs(spec, oldSpec);
  const familyErrors = initIPFamilyFields(spec, oldSpec);
  if (familyErrors.length) return familyErrors;
  const inUse = await inUseByOthers(svc, ctx);
  const ipErrors = !oldSpec || oldSpec.type === 'ExternalName' ? allocClusterIPs(spec, inUse) : [];
  if (ipErrors.length) return ipErrors;
  // on update, the old service's ports stay taken until the update commits
  const oldPorts = new Set(oldSpec ? nodePortsOf(oldSpec) : []);
  if (oldSpec?.healthCheckNodePort) oldPorts.add(oldSpec.healthCheckNodePort);
  for (const p of oldPorts) inUse.ports.add(p);
  if (needsNodePort(spec)) {
    const portErrors = oldSpec ? updateNodePorts(spec, oldSpec, inUse) : initNodePorts(spec, inUse);
    if (portErrors.length) return portErrors;
  }
  if (needsHealthCheckNodePort(spec) && !(oldSpec && needsHealthCheckNodePort(oldSpec))) allocHealthCheckNodePort(spec, inUse);
  return [];
}

async function inUseByOthers(svc: KubeObject, ctx: StrategyContext): Promise<InUse> {
  const inUse: InUse = { ips: new Set(), ports: new Set() };
  const services = (await ctx.cluster?.list('', 'services')) ?? [];
  for (const other of services) {
    if (other.metadata.namespace === svc.metadata.namespace && other.metadata.name === svc.metadata.name) continue;
    const spec = (other.spec ?? {}) as ServiceSpec;
    for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) {
      const n = parseIPv4(ip);
      if (n !== undefined) inUse.ips.add(n);
    }
    for (const p of nodePortsOf(spec)) inUse.ports.add(p);
    if (spec.healthCheckNodePort) inUse.ports.add(spec.healthCheckNodePort);
  }
  return inUse;
}

const nodePortsOf = (spec: ServiceSpec) => (spec.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n !== 0);
const invalid = (field: string, value: unknown, detail: string): FieldError => ({ type: 'FieldValueInvalid', field, value, detail });
/** A []string bad value: field.Error prints it as Go's %#v, which status.ts cannot, so it leads the detail. */
const invalidSlice = (field: string, values: string[], detail: string): FieldError => ({
  type: 'FieldValueInvalid',
  field,
  detail: `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}: ${detail}`,
});

/** initIPFamilyFields on a cluster that serves IPv4 only. */
function initIPFamilyFields(spec: ServiceSpec, old: ServiceSpec | undefined): FieldError[] {
  if (spec.type === 'ExternalName') return [];
  const headlessSelectorless = spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0;
  if (spec.ipFamilyPolicy === undefined || spec.ipFamilyPolicy === null) {
    if (old?.ipFamilyPolicy) spec.ipFamilyPolicy = old.ipFamilyPolicy;
    else spec.ipFamilyPolicy = headlessSelectorless ? 'RequireDualStack' : 'SingleStack';
  }
  const errors: FieldError[] = [];
  const families = (spec.ipFamilies ??= []);
  if (old && spec.ipFamilyPolicy === 'SingleStack') {
    // switching to SingleStack releases the secondary family
    if (families.length > 1 && JSON.stringify(old.ipFamilies ?? []) === JSON.stringify(families)) families.splice(1);
  }
  if (spec.ipFamilyPolicy === 'SingleStack') {
    if ((spec.clusterIPs ?? []).length === 2)
      errors.push(invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
    if (families.length === 2)
      errors.push(invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
  }
  // infer families from the requested IPs
  for (const [i, ip] of (spec.clusterIPs ?? []).entries()) {
    if (ip === 'None') break;
    const family = ipFamilyOf(ip);
    if (!family || i < families.length) continue;
    if (family === CONFIGURED_FAMILY) families.push(family);
    else errors.push(invalidSlice(`spec.clusterIPs[${i}]`, spec.clusterIPs!, `${family} is not configured on this cluster`));
  }
  if (errors.length) return errors;
  if (headlessSelectorless) {
    if (families.length === 0) families.push(CONFIGURED_FAMILY);
    // headless without selector may name both families even on a single-stack cluster
    if (families.length < 2 && spec.ipFamilyPolicy !== 'SingleStack') families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
    return [];
  }
  if (spec.ipFamilyPolicy === 'RequireDualStack')
    errors.push(invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy, 'this cluster is not configured for dual-stack services'));
  for (const [i, family] of families.entries())
    if (family !== CONFIGURED_FAMILY) errors.push(invalid(`spec.ipFamilies[${i}]`, family, 'not configured on this cluster'));
  if (errors.length) return errors;
  if (families.length === 0) families.push(CONFIGURED_FAMILY);
  return [];
}

function allocClusterIPs(spec: ServiceSpec, inUse: InUse): FieldError[] {
  if (spec.type === 'ExternalName') return [];
  const ips = spec.clusterIPs ?? [];
  if (ips[0] === 'None') return [];
  const requested = ips[0] ?? '';
  if (!requested) {
    const next = nextFreeIP(RANGE, inUse.ips);
    if (next === undefined) throw internalError(new Error('failed to allocate a serviceIP: range is full'));
    spec.clusterIPs = [formatIPv4(next), ...ips.slice(1)];
    spec.clusterIP = spec.clusterIPs[0];
    return [];
  }
  const n = parseIPv4(requested);
  // not an IPv4 address: validation reports it
  if (n === undefined) return [];
  const failed = (why: string) => [invalidSlice('spec.clusterIPs', ips, `failed to allocate IP ${requested}: ${why}`)];
  // the ServiceCIDR allocator: outside every ServiceCIDR, or its network/broadcast address
  if (n < RANGE.base || n >= RANGE.base + RANGE.size) return failed('the provided network does not match the current range');
  if (n < RANGE.first || n > RANGE.last)
    return failed(`the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`);
  if (inUse.ips.has(n)) return failed(ERR_IP_ALLOCATED);
  spec.clusterIP = requested;
  return [];
}

/** A port the client asked for: in range and not held by another Service (or this request). */
function reserve(port: number, inUse: InUse): string | undefined {
  if (port < NODE_PORT_RANGE.base || port >= NODE_PORT_RANGE.base + NODE_PORT_RANGE.size)
    return `provided port is not in the valid range. The range of valid ports is ${nodePortRangeText()}`;
  if (inUse.ports.has(port)) return ERR_PORT_ALLOCATED;
  inUse.ports.add(port);
  return undefined;
}

function next(inUse: InUse): number {
  const port = nextFreeNodePort(inUse.ports);
  if (port === undefined) throw internalError(new Error('failed to allocate a nodePort: range is full'));
  inUse.ports.add(port);
  return port;
}

/** shouldAllocateNodePorts: LoadBalancers may opt out with allocateLoadBalancerNodePorts=false. */
const allocatesNodePorts = (spec: ServiceSpec) => spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);

/** initNodePorts: entries with the same port share one node port. */
function initNodePorts(spec: ServiceSpec, inUse: InUse): FieldError[] {
  const ports = spec.ports ?? [];
  const byServicePort = new Map<number, number>();
  for (const [i, p] of ports.entries()) {
    if (!p.nodePort && !allocatesNodePorts(spec)) continue;
    const port = p.port ?? 0;
    const shared = byServicePort.get(port);
    if (!shared) {
      const requested = ports.find((q) => (q.port ?? 0) === port && q.nodePort)?.nodePort;
      if (requested) {
        const why = reserve(requested, inUse);
        if (why) return [invalid(`spec.ports[${i}].nodePort`, requested, why)];
        p.nodePort = requested;
      } else {
        p.nodePort = next(inUse);
      }
      byServicePort.set(port, p.nodePort);
    } else if (p.nodePort !== shared) {
      if (!p.nodePort) p.nodePort = shared;
      else {
        const why = reserve(p.nodePort, inUse);
        if (why) return [invalid(`spec.ports[${i}].nodePort`, p.nodePort, why)];
      }
    }
  }
  return [];
}

/** updateNodePorts: ports the old Service held may be kept; others are reserved or allocated. */
function updateNodePorts(spec: ServiceSpec, old: ServiceSpec, inUse: InUse): FieldError[] {
  const oldPorts = new Set(nodePortsOf(old));
  const reserved = new Set<number>();
  const seen: ServicePort[] = [];
  for (const [i, p] of (spec.ports ?? []).entries()) {
    if (!p.nodePort && !allocatesNodePorts(spec)) continue;
    if (p.nodePort) {
      if (!oldPorts.has(p.nodePort) && !reserved.has(p.nodePort)) {
        const why = reserve(p.nodePort, inUse);
        if (why) return [invalid(`spec.ports[${i}].nodePort`, p.nodePort, why)];
        reserved.add(p.nodePort);
      }
    } else {
      p.nodePort = next(inUse);
    }
    const protocol = p.protocol ?? '';
    if (seen.some((q) => q.protocol === protocol && q.nodePort === p.nodePort)) throw internalError(new Error(`duplicate nodePort: {${protocol} ${p.nodePort}}`));
    seen.push({ protocol, nodePort: p.nodePort });
  }
  return [];
}

function allocHealthCheckNodePort(spec: ServiceSpec, inUse: InUse): void {
  const requested = spec.healthCheckNodePort ?? 0;
  if (requested) {
    const why = reserve(requested, inUse);
    if (why) throw internalError(new Error(`failed to allocate requested HealthCheck NodePort ${requested}: ${why}`));
    return;
  }
  spec.healthCheckNodePort = next(inUse);
}
