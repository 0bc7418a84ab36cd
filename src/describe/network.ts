// Services, Endpoints, EndpointSlices, Ingresses, IngressClasses, NetworkPolicies, ServiceCIDRs
// and IPAddresses.
import { describeEvents } from './events.ts';
import { formatLabelSelector, formatLabels } from '../api/labels/format.ts';
import { goTimeString, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './format.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type PrefixWriter } from './writer.ts';
import { byteOrder, has, int, intOrString, obj, objs, str, strs, type Obj } from './values.ts';

const joinHostPort = (host: string, port: string) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/**
 * formatEndpointSlices: ready addresses (host:port for the named ports; bare for slices without
 * ports), at most three, then "+ N more...". Unset readiness counts as ready.
 */
export function formatEndpointSlices(slices: Obj[], ports: Set<string> | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  const ready = (e: Obj) => {
    const r = obj(e.conditions).ready;
    return r === undefined || r === null || r === true;
  };
  for (const slice of slices) {
    const slicePorts = objs(slice.ports);
    const endpoints = objs(slice.endpoints);
    if (slicePorts.length === 0) {
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(strs(e.addresses)[0] ?? '');
        count++;
      }
      continue;
    }
    for (const port of slicePorts) {
      if (ports && !ports.has(str(port.name))) continue;
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(joinHostPort(strs(e.addresses)[0] ?? '', String(int(port.port))));
        count++;
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

function loadBalancerIngress(ingress: Obj[]): string {
  return ingress
    .map((i) => {
      if (str(i.ip) !== '') return has(i.ipMode) ? `${str(i.ip)} (${str(i.ipMode)})` : str(i.ip);
      return str(i.hostname);
    })
    .join(', ');
}

export function describeService(svc: Obj, endpointSlices: Obj[], events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(svc.metadata);
    const s = obj(svc.spec);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(s.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${str(s.type)}\n`);
    if (has(s.ipFamilyPolicy)) w.write(LEVEL_0, `IP Family Policy:\t${str(s.ipFamilyPolicy)}\n`);
    const families = strs(s.ipFamilies);
    w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${str(s.clusterIP)}\n`);
    const ips = strs(s.clusterIPs);
    w.write(LEVEL_0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
    if (strs(s.externalIPs).length > 0) w.write(LEVEL_0, `External IPs:\t${strs(s.externalIPs).join(',')}\n`);
    if (str(s.loadBalancerIP) !== '') w.write(LEVEL_0, `Desired LoadBalancer IP:\t${str(s.loadBalancerIP)}\n`);
    if (str(s.externalName) !== '') w.write(LEVEL_0, `External Name:\t${str(s.externalName)}\n`);
    const lb = objs(obj(obj(svc.status).loadBalancer).ingress);
    if (lb.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${loadBalancerIngress(lb)}\n`);
    for (const sp of objs(s.ports)) {
      const name = str(sp.name) || '<unset>';
      const protocol = str(sp.protocol);
      w.write(LEVEL_0, `Port:\t${name}\t${int(sp.port)}/${protocol}\n`);
      w.write(LEVEL_0, `TargetPort:\t${intOrString(sp.targetPort)}/${protocol}\n`);
      if (int(sp.nodePort) !== 0) w.write(LEVEL_0, `NodePort:\t${name}\t${int(sp.nodePort)}/${protocol}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(endpointSlices, new Set([str(sp.name)]))}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${str(s.sessionAffinity)}\n`);
    if (str(s.externalTrafficPolicy) !== '') w.write(LEVEL_0, `External Traffic Policy:\t${str(s.externalTrafficPolicy)}\n`);
    if (has(s.internalTrafficPolicy)) w.write(LEVEL_0, `Internal Traffic Policy:\t${str(s.internalTrafficPolicy)}\n`);
    if (int(s.healthCheckNodePort) !== 0) w.write(LEVEL_0, `HealthCheck NodePort:\t${int(s.healthCheckNodePort)}\n`);
    if (strs(s.loadBalancerSourceRanges).length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${strs(s.loadBalancerSourceRanges).join(',')}\n`);
    if (events) describeEvents(events, w, now);
  });
}

export function describeEndpoints(ep: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(ep.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of objs(ep.subsets)) {
      const addresses = objs(subset.addresses).map((a) => str(a.ip)).join(',');
      w.write(LEVEL_1, `Addresses:\t${addresses || '<none>'}\n`);
      const notReady = objs(subset.notReadyAddresses).map((a) => str(a.ip)).join(',');
      w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
      const ports = objs(subset.ports);
      if (ports.length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of ports) w.write(LEVEL_2, `${str(p.name) || '<unset>'}\t${int(p.port)}\t${str(p.protocol)}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    if (events) describeEvents(events, w, now);
  });
}

/** discovery/v1 and v1beta1 EndpointSlices (v1beta1 joins addresses without a space and shows topology). */
export function describeEndpointSlice(eps: Obj, events: Obj[] | undefined, now: Date, v1beta1 = false): string {
  return tabbedString((w) => {
    const m = obj(eps.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `AddressType:\t${str(eps.addressType)}\n`);
    const ports = objs(eps.ports);
    if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n');
    else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of ports) w.write(LEVEL_1, `${str(p.name) || '<unset>'}\t${has(p.port) ? int(p.port) : '<unset>'}\t${str(p.protocol)}\n`);
    }
    const endpoints = objs(eps.endpoints);
    if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n');
    else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const e of endpoints) {
        const addresses = strs(e.addresses).join(v1beta1 ? ',' : ', ');
        w.write(LEVEL_1, `- Addresses:\t${addresses || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        const ready = obj(e.conditions).ready;
        w.write(LEVEL_3, `Ready:\t${typeof ready === 'boolean' ? String(ready) : '<unset>'}\n`);
        w.write(LEVEL_2, `Hostname:\t${has(e.hostname) ? str(e.hostname) : '<unset>'}\n`);
        if (has(e.targetRef)) w.write(LEVEL_2, `TargetRef:\t${str(obj(e.targetRef).kind)}/${str(obj(e.targetRef).name)}\n`);
        if (v1beta1) printLabelsMultiline(w, 'Topology', e.topology, '    ');
        else {
          w.write(LEVEL_2, `NodeName:\t${has(e.nodeName) ? str(e.nodeName) : '<unset>'}\n`);
          w.write(LEVEL_2, `Zone:\t${has(e.zone) ? str(e.zone) : '<unset>'}\n`);
        }
      }
    }
    if (events) describeEvents(events, w, now);
  });
}

/** What an Ingress backend's Service resolves to: its EndpointSlices and Service, or the error. */
export interface BackendService {
  endpointSlices: Obj[];
  service?: Obj;
  /** The error text of the failed lookup, e.g. `services "x" not found`. */
  error?: string;
}

/** describeBackendV1: "svc:port (endpoints)", or the resource reference. */
function describeBackend(backend: Obj, services: ReadonlyMap<string, BackendService>): string {
  if (has(backend.service)) {
    const svc = obj(backend.service);
    const port = obj(svc.port);
    const number = int(port.number);
    const sb = `${str(svc.name)}:${number !== 0 ? number : str(port.name)}`;
    const found = services.get(str(svc.name)) ?? { endpointSlices: [], error: `services "${str(svc.name)}" not found` };
    if (found.error !== undefined || !found.service) return `${sb} (<error: ${found.error ?? ''}>)`;
    let spName = '';
    for (const sp of objs(obj(found.service.spec).ports)) {
      if (number !== 0 && number === int(sp.port)) spName = str(sp.name);
      else if (str(port.name) !== '' && str(port.name) === str(sp.name)) spName = str(sp.name);
    }
    return `${sb} (${formatEndpointSlices(found.endpointSlices, new Set([spName]))})`;
  }
  if (has(backend.resource)) {
    const r = obj(backend.resource);
    return `APIGroup: ${has(r.apiGroup) ? str(r.apiGroup) : '<none>'}, Kind: ${str(r.kind)}, Name: ${str(r.name)}`;
  }
  return '';
}

/** The Service names an Ingress's backends refer to, for the related lookups. */
export function ingressServiceNames(ing: Obj): string[] {
  const s = obj(ing.spec);
  const backends = [obj(s.defaultBackend), ...objs(s.rules).flatMap((r) => objs(obj(r.http).paths).map((p) => obj(p.backend)))];
  return [...new Set(backends.filter((b) => has(b.service)).map((b) => str(obj(b.service).name)))];
}

export function describeIngress(ing: Obj, services: ReadonlyMap<string, BackendService>, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(ing.metadata);
    const s = obj(ing.spec);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    const addresses = [...new Set(objs(obj(obj(ing.status).loadBalancer).ingress).map((i) => str(i.ip) || str(i.hostname)).filter((a) => a !== ''))].sort(byteOrder);
    w.write(LEVEL_0, `Address:\t${addresses.join(',')}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${has(s.ingressClassName) ? str(s.ingressClassName) : '<none>'}\n`);
    const def = has(s.defaultBackend) ? describeBackend(obj(s.defaultBackend), services) : '<default>';
    w.write(LEVEL_0, `Default backend:\t${def}\n`);
    const tls = objs(s.tls);
    if (tls.length > 0) {
      w.write(LEVEL_0, 'TLS:\n');
      for (const t of tls) {
        if (str(t.secretName) === '') w.write(LEVEL_1, `SNI routes ${strs(t.hosts).join(',')}\n`);
        else w.write(LEVEL_1, `${str(t.secretName)} terminates ${strs(t.hosts).join(',')}\n`);
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    let count = 0;
    for (const rule of objs(s.rules)) {
      if (!has(rule.http)) continue;
      count++;
      w.write(LEVEL_1, `${str(rule.host) || '*'}\t\n`);
      for (const p of objs(obj(rule.http).paths)) w.write(LEVEL_2, `\t${str(p.path)} \t${describeBackend(obj(p.backend), services)}\n`);
    }
    if (count === 0) w.write(LEVEL_1, `*\t*\t${def}\n`);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    if (events) describeEvents(events, w, now);
  });
}

export function describeIngressClass(ic: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(ic.metadata);
    const s = obj(ic.spec);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Controller:\t${str(s.controller)}\n`);
    if (has(s.parameters)) {
      const p = obj(s.parameters);
      w.write(LEVEL_0, 'Parameters:\n');
      if (has(p.apiGroup)) w.write(LEVEL_1, `APIGroup:\t${str(p.apiGroup)}\n`);
      w.write(LEVEL_1, `Kind:\t${str(p.kind)}\n`);
      w.write(LEVEL_1, `Name:\t${str(p.name)}\n`);
    }
    if (events) describeEvents(events, w, now);
  });
}

export function describeNetworkPolicy(np: Obj): string {
  return tabbedString((w) => {
    const m = obj(np.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    w.write(LEVEL_0, `Created on:\t${goTimeString(m.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    const s = obj(np.spec);
    w.write(LEVEL_0, 'Spec:\n');
    w.write(LEVEL_1, 'PodSelector: ');
    const ps = obj(s.podSelector);
    if (Object.keys(obj(ps.matchLabels)).length === 0 && objs(ps.matchExpressions).length === 0) {
      w.write(LEVEL_2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
    } else {
      w.write(LEVEL_2, `${formatLabelSelector(ps)}\n`);
    }
    const types = strs(s.policyTypes);
    if (types.includes('Ingress')) {
      w.write(LEVEL_1, 'Allowing ingress traffic:\n');
      printPolicyRules(objs(s.ingress), 'from', w);
    } else w.write(LEVEL_1, 'Not affecting ingress traffic\n');
    if (types.includes('Egress')) {
      w.write(LEVEL_1, 'Allowing egress traffic:\n');
      printPolicyRules(objs(s.egress), 'to', w);
    } else w.write(LEVEL_1, 'Not affecting egress traffic\n');
    w.write(LEVEL_1, `Policy Types: ${has(s.policyTypes) ? types.join(', ') || '<none>' : '<none>'}\n`);
  });
}

function printPolicyRules(rules: Obj[], direction: 'from' | 'to', w: PrefixWriter): void {
  const indent = '    ';
  const ingress = direction === 'from';
  if (rules.length === 0) {
    w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ${ingress ? 'ingress' : 'egress'} connectivity)\n`);
    return;
  }
  rules.forEach((rule, i) => {
    const ports = objs(rule.ports);
    if (ports.length === 0) w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of ports) {
      const proto = has(p.protocol) ? str(p.protocol) : 'TCP';
      // %s of an unset *IntOrString
      const port = has(p.port) ? intOrString(p.port) : '<nil>';
      if (!has(p.endPort)) w.write(LEVEL_0, `${indent}To Port: ${port}/${proto}\n`);
      else w.write(LEVEL_0, `${indent}To Port Range: ${port}-${int(p.endPort)}/${proto}\n`);
    }
    const peers = objs(ingress ? rule.from : rule.to);
    if (peers.length === 0) {
      w.write(LEVEL_0, ingress ? `${indent}From: <any> (traffic not restricted by source)\n` : `${indent}To: <any> (traffic not restricted by destination)\n`);
    }
    for (const peer of peers) {
      w.write(LEVEL_0, `${indent}${ingress ? 'From:' : 'To:'}\n`);
      if (has(peer.podSelector) && has(peer.namespaceSelector)) {
        w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
        w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      } else if (has(peer.podSelector)) {
        w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      } else if (has(peer.namespaceSelector)) {
        w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
      } else if (has(peer.ipBlock)) {
        w.write(LEVEL_1, `${indent}IPBlock:\n`);
        w.write(LEVEL_2, `${indent}CIDR: ${str(obj(peer.ipBlock).cidr)}\n`);
        w.write(LEVEL_2, `${indent}Except: ${strs(obj(peer.ipBlock).except).join(', ')}\n`);
      }
    }
    if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
  });
}

export function describeServiceCidr(sc: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(sc.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `CIDRs:\t${strs(obj(sc.spec).cidrs).join(', ')}\n`);
    const conditions = objs(obj(sc.status).conditions);
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Status:\n');
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) w.write(LEVEL_1, `${str(c.type)}\t${str(c.status)}\t${rfc1123z(c.lastTransitionTime)}\t${str(c.reason)}\t${str(c.message)}\n`);
    }
    if (events) describeEvents(events, w, now);
  });
}

export function describeIpAddress(ip: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(ip.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    const ref = obj(ip.spec).parentRef;
    if (has(ref)) {
      const r = obj(ref);
      w.write(LEVEL_0, 'Parent Reference:\n');
      w.write(LEVEL_1, `Group:\t${str(r.group)}\n`);
      w.write(LEVEL_1, `Resource:\t${str(r.resource)}\n`);
      w.write(LEVEL_1, `Namespace:\t${str(r.namespace)}\n`);
      w.write(LEVEL_1, `Name:\t${str(r.name)}\n`);
    }
    if (events) describeEvents(events, w, now);
  });
}
