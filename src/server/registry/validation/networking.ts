// networking.k8s.io/v1 Ingresses, IngressClasses and NetworkPolicies (networking validation).
import type { FieldError } from '../../status.ts';
import { arr, child, FIELD_IMMUTABLE, forbidden, goText, index, invalid, isObj, notSupported, obj, required, str, tooLong, type Obj } from './field.ts';
import { goSlice } from './go-repr.ts';
import { validateLabelSelector } from './meta.ts';
import { CIDR_ERROR, isDNS1035Label, isDNS1123Subdomain, isValidPathSegmentName, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain, parseCIDRSloppy, parseIPSloppy } from '../../../api/validation/names.ts';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

function typedLocalObjectReference(r: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (typeof r.apiGroup === 'string') errs.push(...isDNS1123Subdomain(r.apiGroup).map((m) => invalid(child(path, 'apiGroup'), r.apiGroup, m)));
  if (!str(r.kind)) errs.push(required(child(path, 'kind'), 'kind is required'));
  else errs.push(...isValidPathSegmentName(str(r.kind)).map((m) => invalid(child(path, 'kind'), str(r.kind), m)));
  if (!str(r.name)) errs.push(required(child(path, 'name'), 'name is required'));
  else errs.push(...isValidPathSegmentName(str(r.name)).map((m) => invalid(child(path, 'name'), str(r.name), m)));
  return errs;
}

function ingressBackend(b: Obj, path: string): FieldError[] {
  const hasResource = isObj(b.resource);
  const hasService = isObj(b.service);
  if (hasResource && hasService) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (hasResource) return typedLocalObjectReference(b.resource, child(path, 'resource'));
  if (!hasService) return [invalid(path, '', 'resource or service backend is required')];
  const svc = b.service;
  const errs: FieldError[] = [];
  const name = str(svc.name);
  if (!name) errs.push(required(child(path, 'service', 'name')));
  else errs.push(...isDNS1035Label(name).map((m) => invalid(child(path, 'service', 'name'), name, m)));
  const port = obj(svc.port);
  const pname = str(port.name);
  const pnum = typeof port.number === 'number' ? port.number : 0;
  if (pname && pnum) errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (pname) errs.push(...isValidPortName(pname).map((m) => invalid(child(path, 'service', 'port', 'name'), pname, m)));
  else if (pnum) errs.push(...isValidPortNum(pnum).map((m) => invalid(child(path, 'service', 'port', 'number'), pnum, m)));
  else errs.push(required(path, 'port name or number is required'));
  return errs;
}

function httpPath(p: Obj, path: string): FieldError[] {
  if (p.pathType === undefined || p.pathType === null) return [required(child(path, 'pathType'), 'pathType must be specified')];
  const errs: FieldError[] = [];
  const pt = str(p.pathType);
  const value = str(p.path);
  if (pt === 'Exact' || pt === 'Prefix') {
    if (!value.startsWith('/')) errs.push(invalid(child(path, 'path'), value, 'must be an absolute path'));
    if (value) {
      for (const seq of INVALID_SEQUENCES) if (value.includes(seq)) errs.push(invalid(child(path, 'path'), value, `must not contain '${seq}'`));
      for (const suf of INVALID_SUFFIXES) if (value.endsWith(suf)) errs.push(invalid(child(path, 'path'), value, `cannot end with '${suf}'`));
    }
  } else if (pt === 'ImplementationSpecific') {
    if (value && !value.startsWith('/')) errs.push(invalid(child(path, 'path'), value, 'must be an absolute path'));
  } else errs.push(notSupported(child(path, 'pathType'), pt, PATH_TYPES));
  errs.push(...ingressBackend(obj(p.backend), child(path, 'backend')));
  return errs;
}

function hostErrors(host: string, path: string): FieldError[] {
  if (host.includes('*')) return isWildcardDNS1123Subdomain(host).map((m) => invalid(path, host, m));
  return isDNS1123Subdomain(host).map((m) => invalid(path, host, m));
}

function ingressSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const rules = arr(spec.rules);
  if (!rules.length && !isObj(spec.defaultBackend)) errs.push(invalid('spec', goText('[]networking.IngressRule(nil)'), 'either `defaultBackend` or `rules` must be specified'));
  if (isObj(spec.defaultBackend)) errs.push(...ingressBackend(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((r, i) => {
    const rp = index('spec.rules', i);
    const host = str(r.host);
    if (host) {
      if (parseIPSloppy(host)) errs.push(invalid(child(rp, 'host'), host, 'must be a DNS name, not an IP address'));
      errs.push(...hostErrors(host, child(rp, 'host')));
    }
    if (isObj(r.http)) {
      const hp = child(rp, 'http');
      const paths = arr(r.http.paths);
      if (!paths.length) errs.push(required(child(hp, 'paths')));
      paths.forEach((p, j) => errs.push(...httpPath(p, index(child(hp, 'paths'), j))));
    }
  });
  arr(spec.tls).forEach((t, i) => {
    const tp = index('spec.tls', i);
    arr<string>(t.hosts).forEach((h, j) => errs.push(...hostErrors(str(h), index(child(tp, 'hosts'), j))));
    if (str(t.secretName)) errs.push(...isDNS1123Subdomain(str(t.secretName)).map((m) => invalid(child(tp, 'secretName'), str(t.secretName), m)));
  });
  if (typeof spec.ingressClassName === 'string') errs.push(...isDNS1123Subdomain(spec.ingressClassName).map((m) => invalid('spec.ingressClassName', spec.ingressClassName, m)));
  return errs;
}

export function validateIngress(ing: Obj): FieldError[] {
  const errs = ingressSpec(obj(ing.spec));
  const annotation = obj(ing.metadata?.annotations)['kubernetes.io/ingress.class'];
  const cls = obj(ing.spec).ingressClassName;
  if (annotation !== undefined && typeof cls === 'string' && annotation !== cls)
    errs.push(invalid('annotations.kubernetes.io/ingress.class', str(annotation), 'must match `ingressClassName` when both are specified'));
  return errs;
}

export const validateIngressUpdate = (ing: Obj) => ingressSpec(obj(ing.spec));

export function validateIngressClass(ic: Obj): FieldError[] {
  const spec = obj(ic.spec);
  const controller = str(spec.controller);
  const errs: FieldError[] = controller.length > 250 ? [tooLong('spec.controller', 250)] : [];
  if (!controller) errs.push(required('spec.controller'));
  else {
    const [host, rest] = [controller.split('/')[0]!, controller.split('/').slice(1).join('/')];
    if (!controller.includes('/') || !host || !rest) errs.push(invalid('spec.controller', controller, 'must be a domain-prefixed path (such as "acme.io/foo")'));
    else errs.push(...isDNS1123Subdomain(host).map((m) => invalid('spec.controller', host, m)));
  }
  if (isObj(spec.parameters)) {
    const p = spec.parameters;
    errs.push(...typedLocalObjectReference(p, 'spec.parameters'));
    if (p.scope === undefined || p.scope === null) errs.push(required('spec.parameters.scope'));
    else if (p.scope !== 'Namespace' && p.scope !== 'Cluster') errs.push(notSupported('spec.parameters.scope', str(p.scope), ['Cluster', 'Namespace']));
    else if (p.scope === 'Namespace' && (p.namespace === undefined || p.namespace === null)) errs.push(required('spec.parameters.namespace', "`parameters.scope` is set to 'Namespace'"));
    else if (p.scope === 'Cluster' && p.namespace !== undefined && p.namespace !== null) errs.push(forbidden('spec.parameters.namespace', "`parameters.scope` is set to 'Cluster'"));
  }
  return errs;
}

export function validateIngressClassUpdate(ic: Obj, old: Obj): FieldError[] {
  const c = str(obj(ic.spec).controller);
  const errs = c !== str(obj(old.spec).controller) ? [invalid('spec.controller', c, FIELD_IMMUTABLE)] : [];
  return [...errs, ...validateIngressClass(ic)];
}

function networkPolicyPort(p: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.protocol !== undefined && p.protocol !== null && !['TCP', 'UDP', 'SCTP'].includes(str(p.protocol)))
    errs.push(notSupported(child(path, 'protocol'), str(p.protocol), ['TCP', 'UDP', 'SCTP']));
  if (typeof p.port === 'number') {
    errs.push(...isValidPortNum(p.port).map((m) => invalid(child(path, 'port'), p.port, m)));
    if (typeof p.endPort === 'number') {
      if (p.endPort < p.port) errs.push(invalid(child(path, 'endPort'), p.port, 'must be greater than or equal to `port`'));
      errs.push(...isValidPortNum(p.endPort).map((m) => invalid(child(path, 'endPort'), p.endPort, m)));
    }
  } else if (typeof p.port === 'string') {
    if (typeof p.endPort === 'number') errs.push(invalid(child(path, 'endPort'), p.endPort, 'may not be specified when `port` is non-numeric'));
    errs.push(...isValidPortName(p.port).map((m) => invalid(child(path, 'port'), p.port, m)));
  } else if (typeof p.endPort === 'number') errs.push(invalid(child(path, 'endPort'), p.endPort, 'may not be specified when `port` is not specified'));
  return errs;
}

function ipBlock(b: Obj, path: string): FieldError[] {
  const cidr = str(b.cidr);
  if (!cidr) return [required(child(path, 'cidr'))];
  const parsed = parseCIDRSloppy(cidr);
  if (!parsed) return [invalid(child(path, 'cidr'), cidr, CIDR_ERROR)];
  const errs: FieldError[] = [];
  arr<string>(b.except).forEach((e, i) => {
    const ep = index(child(path, 'except'), i);
    const ex = parseCIDRSloppy(str(e));
    if (!ex) errs.push(invalid(ep, str(e), CIDR_ERROR));
    else if (ex.family !== parsed.family || ex.bits <= parsed.bits || !cidrContains(parsed, ex.ip)) errs.push(invalid(ep, str(e), 'must be a strict subset of `cidr`'));
  });
  return errs;
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((a, p) => a * 256 + Number(p), 0);
}

function cidrContains(net: { family: 4 | 6; ip: string; bits: number }, ip: string): boolean {
  if (net.family !== 4) return true;
  const mask = net.bits === 0 ? 0 : 2 ** 32 - 2 ** (32 - net.bits);
  const and = (a: number) => Number((BigInt(a) & BigInt(mask)).toString());
  return and(ipv4ToInt(net.ip)) === and(ipv4ToInt(ip));
}

function peer(p: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  if (isObj(p.podSelector)) {
    n++;
    errs.push(...validateLabelSelector(p.podSelector, child(path, 'podSelector')));
  }
  if (isObj(p.namespaceSelector)) {
    n++;
    errs.push(...validateLabelSelector(p.namespaceSelector, child(path, 'namespaceSelector')));
  }
  if (isObj(p.ipBlock)) {
    n++;
    errs.push(...ipBlock(p.ipBlock, child(path, 'ipBlock')));
  }
  if (n === 0) errs.push(required(path, 'must specify a peer'));
  else if (n > 1 && isObj(p.ipBlock)) errs.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}

export function validateNetworkPolicy(np: Obj): FieldError[] {
  const spec = obj(np.spec);
  const errs = validateLabelSelector(spec.podSelector, 'spec.podSelector');
  for (const [dir, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
    arr(spec[dir]).forEach((r, i) => {
      const rp = index(`spec.${dir}`, i);
      arr(r.ports).forEach((p, j) => errs.push(...networkPolicyPort(p, index(child(rp, 'ports'), j))));
      arr(r[peers]).forEach((p, j) => errs.push(...peer(p, index(child(rp, peers), j))));
    });
  }
  const types = arr<string>(spec.policyTypes);
  if (types.length > 2) return [...errs, invalid('spec.policyTypes', goSlice(types, 'networking.PolicyType'), 'may not specify more than two policyTypes')];
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(notSupported(index('spec.policyTypes', i), str(t), ['Ingress', 'Egress']));
  });
  return errs;
}
