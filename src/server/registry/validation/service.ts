// Services, Endpoints and EndpointSlices (core and discovery validation).
import type { FieldError } from '../../status.ts';
import { arr, child, deepEqual, duplicate, FIELD_IMMUTABLE, forbidden, index, invalid, isObj, notSupported, obj, required, str, tooMany, type Obj } from './field.ts';
import { goServicePortKey, goSlice } from './go-repr.ts';
import { validateLabelName, validateLabels, validateQualifiedName } from './meta.ts';
import { CIDR_ERROR, isDNS1123Subdomain, isValidPortNum, parseCIDRSloppy, parseIPSloppy } from '../../../api/validation/names.ts';
import { portNumOrName } from './containers.ts';
import { validIP } from './pod-spec.ts';
import { dnsLabelErrors } from './volumes.ts';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const NODE_PORT_RANGE = { base: 30000, size: 2768 };

/** ValidateNonSpecialIP (Endpoints, EndpointSlices, external IPs). */
export function nonSpecialIP(ip: string, path: string): FieldError[] {
  const fam = parseIPSloppy(ip);
  if (!fam) return [invalid(path, ip, 'must be a valid IP address')];
  const errs: FieldError[] = [];
  const v4 = fam === 4 ? ip.split('.').map(Number) : undefined;
  const lower = ip.toLowerCase();
  if ((v4 && v4.every((n) => n === 0)) || (!v4 && /^(0*:)*:?0*$/.test(lower))) errs.push(invalid(path, ip, `may not be unspecified (${ip})`));
  if ((v4 && v4[0] === 127) || (!v4 && /^(0*:)*:?0*1$/.test(lower))) errs.push(invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if ((v4 && v4[0] === 169 && v4[1] === 254) || (!v4 && /^fe[89ab]/.test(lower))) errs.push(invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if ((v4 && v4[0] === 224 && v4[1] === 0 && v4[2] === 0) || (!v4 && lower.startsWith('ff02:'))) errs.push(invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return errs;
}

const isHeadless = (spec: Obj) => arr<string>(spec.clusterIPs).length === 1 && arr<string>(spec.clusterIPs)[0] === 'None';
const externallyAccessible = (spec: Obj) => spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && arr(spec.externalIPs).length > 0);

function servicePort(sp: Obj, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(sp.name);
  if (requireName && !name) errs.push(required(child(path, 'name')));
  else if (name) {
    errs.push(...dnsLabelErrors(name, child(path, 'name')));
    if (names.has(name)) errs.push(duplicate(child(path, 'name'), name));
    else names.add(name);
  }
  const port = typeof sp.port === 'number' ? sp.port : 0;
  errs.push(...isValidPortNum(port).map((m) => invalid(child(path, 'port'), port, m)));
  const proto = str(sp.protocol);
  if (!proto) errs.push(required(child(path, 'protocol')));
  else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(child(path, 'protocol'), proto, PROTOCOLS));
  errs.push(...portNumOrName(sp.targetPort, child(path, 'targetPort')));
  if (typeof sp.appProtocol === 'string') errs.push(...validateQualifiedName(sp.appProtocol, child(path, 'appProtocol')));
  return errs;
}

/** ValidateServiceClusterIPsRelatedFields. */
function clusterIPsRelated(spec: Obj): FieldError[] {
  if (spec.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ips = arr<string>(spec.clusterIPs);
  const clusterIP = str(spec.clusterIP);
  if (clusterIP) {
    if (!ips.length) errs.push(required('spec.clusterIPs'));
    else if (ips[0] !== clusterIP) errs.push(invalid('spec.clusterIPs', goSlice(ips), 'first value must match `clusterIP`'));
  } else if (ips.length) errs.push(invalid('spec.clusterIPs', goSlice(ips), 'must be empty when `clusterIP` is not specified'));
  const seen = new Set<string>();
  arr<string>(spec.ipFamilies).forEach((f, i) => {
    const p = index('spec.ipFamilies', i);
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(p, str(f), ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(duplicate(p, str(f)));
    seen.add(f);
  });
  if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null && !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(str(spec.ipFamilyPolicy)))
    errs.push(notSupported('spec.ipFamilyPolicy', str(spec.ipFamilyPolicy), ['PreferDualStack', 'RequireDualStack', 'SingleStack']));
  let bad = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        bad = true;
        errs.push(invalid('spec.clusterIPs', goSlice(ips), "'None' must be the first and only value"));
      }
      return;
    }
    const e = validIP(str(ip), index('spec.clusterIPs', i));
    if (e.length) bad = true;
    errs.push(...e);
  });
  if (ips.length > 2) errs.push(invalid('spec.clusterIPs', goSlice(ips), 'may only hold up to 2 values'));
  if (bad) return errs;
  if (ips.length > 1 && parseIPSloppy(ips[0]!) === parseIPSloppy(ips[1]!)) errs.push(invalid('spec.clusterIPs', goSlice(ips), 'may specify no more than one IP for each IP family'));
  if (!isHeadless(spec)) {
    const fams = arr<string>(spec.ipFamilies);
    ips.forEach((ip, i) => {
      if (i >= fams.length) return;
      const v6 = parseIPSloppy(ip) === 6;
      if (fams[i] === 'IPv4' && v6) errs.push(invalid(index('spec.clusterIPs', i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (fams[i] === 'IPv6' && !v6) errs.push(invalid(index('spec.clusterIPs', i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errs;
}

export function validateService(svc: Obj): FieldError[] {
  const spec = obj(svc.spec);
  const errs: FieldError[] = [];
  const ports = arr(spec.ports);
  const headless = isHeadless(spec);
  if (!ports.length && !headless && spec.type !== 'ExternalName') errs.push(required('spec.ports'));
  if (spec.type === 'LoadBalancer' && headless) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"));
  if (spec.type === 'NodePort' && headless) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
  if (spec.type === 'ExternalName') {
    if (arr(spec.clusterIPs).length) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (arr(spec.ipFamilies).length) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = str(spec.externalName).replace(/\.$/, '');
    if (cname) errs.push(...isDNS1123Subdomain(cname).map((m) => invalid('spec.externalName', cname, m)));
    else errs.push(required('spec.externalName'));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...servicePort(p, ports.length > 1, names, index('spec.ports', i))));
  if (spec.selector !== undefined && spec.selector !== null) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  const sa = str(spec.sessionAffinity);
  if (!sa) errs.push(required('spec.sessionAffinity'));
  else if (sa !== 'ClientIP' && sa !== 'None') errs.push(notSupported('spec.sessionAffinity', sa, ['ClientIP', 'None']));
  if (sa === 'ClientIP') {
    const cfg = spec.sessionAffinityConfig;
    const when = 'when session affinity type is ClientIP';
    if (!isObj(cfg)) errs.push(required('spec.sessionAffinityConfig', when));
    else if (!isObj(cfg.clientIP)) errs.push(required('spec.sessionAffinityConfig.clientIP', when));
    else if (typeof cfg.clientIP.timeoutSeconds !== 'number') errs.push(required('spec.sessionAffinityConfig.clientIP.timeoutSeconds', when));
    else if (cfg.clientIP.timeoutSeconds <= 0 || cfg.clientIP.timeoutSeconds > 86400)
      errs.push(invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', cfg.clientIP.timeoutSeconds, 'must be greater than 0 and less than 86400'));
  } else if (sa === 'None' && spec.sessionAffinityConfig) errs.push(forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  errs.push(...clusterIPsRelated(spec));
  arr<string>(spec.externalIPs).forEach((ip, i) => {
    const p = index('spec.externalIPs', i);
    const e = validIP(str(ip), p);
    errs.push(...(e.length ? e : nonSpecialIP(str(ip), p)));
  });
  const type = str(spec.type);
  if (!type) errs.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(type)) errs.push(notSupported('spec.type', type, SERVICE_TYPES));
  if (type === 'ClusterIP')
    ports.forEach((p, i) => {
      if (typeof p.nodePort === 'number' && p.nodePort !== 0) errs.push(forbidden(child(index('spec.ports', i), 'nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (typeof p.nodePort !== 'number' || p.nodePort === 0) return;
    const k = `${str(p.protocol)}/${p.nodePort}`;
    if (nodePorts.has(k)) errs.push(duplicate(child(index('spec.ports', i), 'nodePort'), p.nodePort));
    nodePorts.add(k);
  });
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const port = typeof p.port === 'number' ? p.port : 0;
    const k = `${str(p.protocol)}/${port}`;
    if (portKeys.has(k)) errs.push(duplicate(index('spec.ports', i), goServicePortKey(str(p.protocol), port)));
    portKeys.add(k);
  });
  const ranges = arr<string>(spec.loadBalancerSourceRanges);
  if (ranges.length) {
    if (type !== 'LoadBalancer') errs.push(forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => {
      const v = str(r).trim();
      if (!parseCIDRSloppy(v)) errs.push(invalid(index('spec.LoadBalancerSourceRanges', i), v, CIDR_ERROR));
    });
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null && type !== 'LoadBalancer')
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  if (type === 'LoadBalancer' && (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null))
    errs.push(required('allocateLoadBalancerNodePorts'));
  if (typeof spec.loadBalancerClass === 'string') {
    if (type === 'LoadBalancer') errs.push(...validateQualifiedName(spec.loadBalancerClass, 'spec.loadBalancerClass'));
    else errs.push(forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"));
  }
  const etp = str(spec.externalTrafficPolicy);
  if (!externallyAccessible(spec)) {
    if (etp) errs.push(invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  } else if (!etp) errs.push(required('spec.externalTrafficPolicy'));
  else if (etp !== 'Cluster' && etp !== 'Local') errs.push(notSupported('spec.externalTrafficPolicy', etp, ['Cluster', 'Local']));
  const needsHealthCheck = type === 'LoadBalancer' && etp === 'Local';
  const hc = typeof spec.healthCheckNodePort === 'number' ? spec.healthCheckNodePort : 0;
  if (!needsHealthCheck) {
    if (hc) errs.push(invalid('spec.healthCheckNodePort', hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (hc) errs.push(...isValidPortNum(hc).map((m) => invalid('spec.healthCheckNodePort', hc, m)));
  if ((spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(type))
    errs.push(required('spec.internalTrafficPolicy'));
  if (typeof spec.internalTrafficPolicy === 'string' && !['Cluster', 'Local'].includes(spec.internalTrafficPolicy))
    errs.push(notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']));
  if (typeof spec.trafficDistribution === 'string' && spec.trafficDistribution !== 'PreferClose')
    errs.push(notSupported('spec.trafficDistribution', spec.trafficDistribution, ['PreferClose']));
  // The node-port allocator's check (pkg/registry/core/service/portallocator), with its text.
  if (type === 'NodePort' || type === 'LoadBalancer')
    ports.forEach((p, i) => {
      const np = p.nodePort;
      if (typeof np === 'number' && np !== 0 && (np < NODE_PORT_RANGE.base || np >= NODE_PORT_RANGE.base + NODE_PORT_RANGE.size))
        errs.push(invalid(child(index('spec.ports', i), 'nodePort'), np, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.base}-${NODE_PORT_RANGE.base + NODE_PORT_RANGE.size - 1}`));
    });
  return errs;
}

/** ValidateServiceUpdate: clusterIPs and ipFamilies may be extended or trimmed but not changed. */
export function validateServiceUpdate(svc: Obj, old: Obj): FieldError[] {
  const spec = obj(svc.spec);
  const oldSpec = obj(old.spec);
  const errs: FieldError[] = [];
  if (spec.type !== 'ExternalName' && oldSpec.type !== 'ExternalName' && !(isHeadless(spec) && isHeadless(oldSpec))) {
    // The service REST layer carries clusterIP edits into clusterIPs[0] before validating.
    let ips = arr<string>(spec.clusterIPs);
    const oldIPs = arr<string>(oldSpec.clusterIPs);
    if (str(spec.clusterIP) && str(spec.clusterIP) !== str(oldSpec.clusterIP) && deepEqual(ips, oldIPs)) ips = [str(spec.clusterIP), ...ips.slice(1)];
    if (!ips.length && !str(spec.clusterIP)) ips = oldIPs;
    if (oldIPs.length === ips.length) {
      oldIPs.forEach((ip, i) => {
        if (ip !== ips[i]) errs.push(invalid(index('spec.clusterIPs', i), goSlice(ips), 'may not change once set'));
      });
    } else if (oldIPs.length > ips.length) {
      if (!ips.length) errs.push(invalid('spec.clusterIPs[0]', goSlice(ips), 'primary clusterIP can not be unset'));
      else if (ips[0] !== oldIPs[0]) errs.push(invalid('spec.clusterIPs[0]', goSlice(ips), 'may not change once set'));
      if (ips.length === 1 && spec.ipFamilyPolicy !== 'SingleStack')
        errs.push(invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    } else if (oldIPs.length && ips[0] !== oldIPs[0]) errs.push(invalid('spec.clusterIPs[0]', goSlice(ips), 'may not change once set'));
  }
  if (spec.type === 'LoadBalancer' && oldSpec.type === 'LoadBalancer' && (spec.loadBalancerClass ?? null) !== (oldSpec.loadBalancerClass ?? null))
    errs.push(invalid('spec.loadBalancerClass', spec.loadBalancerClass ?? null, 'may not change once set'));
  return [...errs, ...validateService({ ...svc, spec: normalizedClusterIPs(spec, oldSpec) })];
}

/**
 * What the service REST layer does before validating an update: an edited clusterIP moves into
 * clusterIPs[0], and omitted allocations (clusterIP(s)) are carried over from the stored object.
 */
function normalizedClusterIPs(spec: Obj, oldSpec: Obj): Obj {
  if (spec.type === 'ExternalName') return spec;
  const ips = arr<string>(spec.clusterIPs);
  const oldIPs = arr<string>(oldSpec.clusterIPs);
  if (!str(spec.clusterIP) && !ips.length) return { ...spec, clusterIP: oldSpec.clusterIP, clusterIPs: oldSpec.clusterIPs };
  if (str(spec.clusterIP) && str(spec.clusterIP) !== str(oldSpec.clusterIP) && deepEqual(ips, oldIPs)) return { ...spec, clusterIPs: [str(spec.clusterIP), ...ips.slice(1)] };
  return spec;
}

function endpointPort(p: Obj, requireName: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(p.name);
  if (requireName && !name) errs.push(required(child(path, 'name')));
  else if (name) errs.push(...dnsLabelErrors(name, child(path, 'name')));
  const port = typeof p.port === 'number' ? p.port : 0;
  errs.push(...isValidPortNum(port).map((m) => invalid(child(path, 'port'), port, m)));
  const proto = str(p.protocol);
  if (!proto) errs.push(required(child(path, 'protocol')));
  else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(child(path, 'protocol'), proto, PROTOCOLS));
  if (typeof p.appProtocol === 'string') errs.push(...validateQualifiedName(p.appProtocol, child(path, 'appProtocol')));
  return errs;
}

function endpointAddress(a: Obj, path: string): FieldError[] {
  const errs = validIP(str(a.ip), child(path, 'ip'));
  if (str(a.hostname)) errs.push(...dnsLabelErrors(str(a.hostname), child(path, 'hostname')));
  if (typeof a.nodeName === 'string') errs.push(...isDNS1123Subdomain(a.nodeName).map((m) => invalid(child(path, 'nodeName'), a.nodeName, m)));
  errs.push(...nonSpecialIP(str(a.ip), child(path, 'ip')));
  return errs;
}

export function validateEndpoints(ep: Obj): FieldError[] {
  const errs: FieldError[] = [];
  arr(ep.subsets).forEach((ss, i) => {
    const p = index('subsets', i);
    if (!arr(ss.addresses).length && !arr(ss.notReadyAddresses).length) errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
    arr(ss.addresses).forEach((a, j) => errs.push(...endpointAddress(a, index(child(p, 'addresses'), j))));
    arr(ss.notReadyAddresses).forEach((a, j) => errs.push(...endpointAddress(a, index(child(p, 'notReadyAddresses'), j))));
    const ports = arr(ss.ports);
    ports.forEach((port, j) => errs.push(...endpointPort(port, ports.length > 1, index(child(p, 'ports'), j))));
  });
  return errs;
}

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

export function validateEndpointSlice(es: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(es.addressType);
  if (!type) errs.push(required('addressType'));
  else if (!ADDRESS_TYPES.includes(type)) errs.push(notSupported('addressType', type, ADDRESS_TYPES));
  const endpoints = arr(es.endpoints);
  if (endpoints.length > 1000) errs.push(tooMany('endpoints', endpoints.length, 1000));
  endpoints.forEach((e, i) => {
    const p = index('endpoints', i);
    const ap = child(p, 'addresses');
    const addrs = arr<string>(e.addresses);
    if (!addrs.length) errs.push(required(ap, 'must contain at least 1 address'));
    else if (addrs.length > 100) errs.push(tooMany(ap, addrs.length, 100));
    addrs.forEach((a, j) => {
      const aj = index(ap, j);
      if (type === 'IPv4' || type === 'IPv6') {
        if (parseIPSloppy(str(a)) !== (type === 'IPv4' ? 4 : 6)) errs.push(invalid(aj, str(a), `must be a valid ${type} address`));
        else errs.push(...nonSpecialIP(str(a), aj));
      } else if (type === 'FQDN') {
        const name = str(a).replace(/\.$/, '');
        const m = isDNS1123Subdomain(name);
        if (!a) errs.push(required(aj));
        else if (m.length) errs.push(invalid(aj, name, m.join(',')));
        else if (name.split('.').length < 2) errs.push(invalid(aj, name, 'should be a domain with at least two segments separated by dots'));
      }
    });
    if (typeof e.nodeName === 'string') errs.push(...isDNS1123Subdomain(e.nodeName).map((m) => invalid(child(p, 'nodeName'), e.nodeName, m)));
    errs.push(...validateLabels(e.deprecatedTopology, child(p, 'deprecatedTopology')));
    if (typeof e.zone === 'string') errs.push(...validateLabelName(e.zone, child(p, 'zone')));
    if (typeof e.hostname === 'string') errs.push(...dnsLabelErrors(e.hostname, child(p, 'hostname')));
  });
  const ports = arr(es.ports);
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = index('ports', i);
    const name = str(port.name);
    if (name) errs.push(...dnsLabelErrors(name, child(p, 'name')));
    if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
    names.add(name);
    const proto = port.protocol;
    if (proto === undefined || proto === null) errs.push(required(child(p, 'protocol')));
    else if (!PROTOCOLS.includes(str(proto))) errs.push(notSupported(child(p, 'protocol'), str(proto), PROTOCOLS));
    if (typeof port.appProtocol === 'string') errs.push(...validateQualifiedName(port.appProtocol, child(p, 'appProtocol')));
  });
  return errs;
}

export function validateEndpointSliceUpdate(es: Obj, old: Obj): FieldError[] {
  const errs = validateEndpointSlice(es);
  if (str(es.addressType) !== str(old.addressType)) errs.push(invalid('addressType', str(es.addressType), FIELD_IMMUTABLE));
  return errs;
}
