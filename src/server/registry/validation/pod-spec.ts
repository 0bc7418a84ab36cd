// ValidatePodSpec (core validation) in upstream order, for pods and pod templates.
import type { FieldError } from '../../status.ts';
import { arr, child, duplicate, forbidden, index, invalid, isObj, notSupported, obj, required, str, type Obj } from './field.ts';
import { goSlice } from './go-repr.ts';
import { validateLabelName, validateLabelSelector, validateLabels, validateQualifiedName } from './meta.ts';
import { IP_ERROR, inclusiveRangeError, isDNS1123Subdomain, isDNS1123SubdomainWithUnderscore, isValidGroupID, isValidLabelValue, isValidUserID, parseIPSloppy } from '../../../api/validation/names.ts';
import { validateContainers, validateInitContainers, seccompProfile } from './containers.ts';
import { dnsLabelErrors, validateVolumes } from './volumes.ts';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const MAX_INT32 = 2147483647;

const subdomain = (v: string, path: string) => isDNS1123Subdomain(v).map((m) => invalid(path, v, m));
export const validIP = (v: string, path: string) => (parseIPSloppy(v) ? [] : [invalid(path, v, IP_ERROR)]);

/** ValidateTolerations. */
export function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(tolerations).forEach((t, i) => {
    const idx = index(path, i);
    const k = str(t.key);
    const op = str(t.operator);
    const effect = str(t.effect);
    if (k) errs.push(...validateLabelName(k, child(idx, 'key')));
    if (!k && op !== 'Exists') errs.push(invalid(child(idx, 'operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && effect !== 'NoExecute')
      errs.push(invalid(child(idx, 'effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(str(t.value));
      if (msgs.length) errs.push(invalid(child(idx, 'operator'), str(t.value), msgs.join(';')));
    } else if (op === 'Exists') {
      if (str(t.value)) errs.push(invalid(child(idx, 'operator'), str(t.value), "value must be empty when `operator` is 'Exists'"));
    } else errs.push(notSupported(child(idx, 'operator'), op, ['Equal', 'Exists']));
    if (effect && !TAINT_EFFECTS.includes(effect)) errs.push(notSupported(child(idx, 'effect'), effect, TAINT_EFFECTS));
  });
  return errs;
}

function nodeSelectorRequirement(r: Obj, allowInvalidValues: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = arr<string>(r.values);
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (!values.length) errs.push(required(child(path, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length) errs.push(forbidden(child(path, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) errs.push(required(child(path, 'values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(child(path, 'operator'), str(r.operator), 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(str(r.key), child(path, 'key')));
  if (!allowInvalidValues) values.forEach((v, i) => errs.push(...isValidLabelValue(str(v)).map((m) => invalid(index(child(path, 'values'), i), str(v), m))));
  return errs;
}

function nodeSelectorTerm(term: Obj, allowInvalidValues: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(term.matchExpressions).forEach((r, j) => errs.push(...nodeSelectorRequirement(r, allowInvalidValues, index(child(path, 'matchExpressions'), j))));
  arr(term.matchFields).forEach((r, j) => {
    const p = index(child(path, 'matchFields'), j);
    if (r.operator === 'In' || r.operator === 'NotIn') {
      if (arr(r.values).length !== 1) errs.push(required(child(p, 'values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
    } else errs.push(invalid(child(p, 'operator'), str(r.operator), 'not a valid selector operator'));
    if (r.key !== 'metadata.name') errs.push(invalid(child(p, 'key'), str(r.key), 'not a valid field selector key'));
  });
  return errs;
}

/** ValidateNodeSelector (required node affinity, PV node affinity). */
export function validateNodeSelector(ns: Obj, path: string): FieldError[] {
  const terms = arr(ns.nodeSelectorTerms);
  if (!terms.length) return [required(child(path, 'nodeSelectorTerms'), 'must have at least one node selector term')];
  return terms.flatMap((t, i) => nodeSelectorTerm(t, false, index(child(path, 'nodeSelectorTerms'), i)));
}

function podAffinityTerm(t: Obj, path: string): FieldError[] {
  const errs = [...validateLabelSelector(t.labelSelector, child(path, 'labelSelector')), ...validateLabelSelector(t.namespaceSelector, child(path, 'namespaceSelector'))];
  for (const ns of arr<string>(t.namespaces)) errs.push(...dnsLabelErrors(str(ns), child(path, 'namespace')));
  if (!str(t.topologyKey)) errs.push(required(child(path, 'topologyKey'), 'can not be empty'));
  errs.push(...validateLabelName(str(t.topologyKey), child(path, 'topologyKey')));
  return errs;
}

function podAffinity(a: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(a.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => errs.push(...podAffinityTerm(t, index(child(path, 'requiredDuringSchedulingIgnoredDuringExecution'), i))));
  arr(a.preferredDuringSchedulingIgnoredDuringExecution).forEach((w, i) => {
    const p = index(child(path, 'preferredDuringSchedulingIgnoredDuringExecution'), i);
    const weight = typeof w.weight === 'number' ? w.weight : 0;
    if (weight <= 0 || weight > 100) errs.push(invalid(child(p, 'weight'), weight, 'must be in the range 1-100'));
    errs.push(...podAffinityTerm(obj(w.podAffinityTerm), child(p, 'podAffinityTerm')));
  });
  return errs;
}

function validateAffinity(a: unknown, path: string): FieldError[] {
  if (!isObj(a)) return [];
  const errs: FieldError[] = [];
  if (isObj(a.nodeAffinity)) {
    const na = a.nodeAffinity;
    const np = child(path, 'nodeAffinity');
    if (isObj(na.requiredDuringSchedulingIgnoredDuringExecution))
      errs.push(...validateNodeSelector(na.requiredDuringSchedulingIgnoredDuringExecution, child(np, 'requiredDuringSchedulingIgnoredDuringExecution')));
    arr(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      const p = index(child(np, 'preferredDuringSchedulingIgnoredDuringExecution'), i);
      const weight = typeof t.weight === 'number' ? t.weight : 0;
      if (weight <= 0 || weight > 100) errs.push(invalid(child(p, 'weight'), weight, 'must be in the range 1-100'));
      errs.push(...nodeSelectorTerm(obj(t.preference), true, child(p, 'preference')));
    });
  }
  if (isObj(a.podAffinity)) errs.push(...podAffinity(a.podAffinity, child(path, 'podAffinity')));
  if (isObj(a.podAntiAffinity)) errs.push(...podAffinity(a.podAntiAffinity, child(path, 'podAntiAffinity')));
  return errs;
}

function validatePodSecurityContext(sc: unknown, path: string): FieldError[] {
  if (!isObj(sc)) return [];
  const errs: FieldError[] = [];
  if (typeof sc.fsGroup === 'number') errs.push(...isValidGroupID(sc.fsGroup).map((m) => invalid(child(path, 'fsGroup'), sc.fsGroup, m)));
  if (typeof sc.runAsUser === 'number') errs.push(...isValidUserID(sc.runAsUser).map((m) => invalid(child(path, 'runAsUser'), sc.runAsUser, m)));
  if (typeof sc.runAsGroup === 'number') errs.push(...isValidGroupID(sc.runAsGroup).map((m) => invalid(child(path, 'runAsGroup'), sc.runAsGroup, m)));
  arr<number>(sc.supplementalGroups).forEach((g, i) => errs.push(...isValidGroupID(g).map((m) => invalid(index(child(path, 'supplementalGroups'), i), g, m))));
  const names = new Set<string>();
  arr(sc.sysctls).forEach((s, i) => {
    const p = child(index(child(path, 'sysctls'), i), 'name');
    const name = str(s.name);
    const re = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;
    if (!name) errs.push(required(p));
    else if (name.length > 253 || !re.test(name))
      errs.push(invalid(p, name, 'must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$'));
    else if (names.has(name)) errs.push(duplicate(p, name));
    names.add(name);
  });
  if (sc.fsGroupChangePolicy !== undefined && sc.fsGroupChangePolicy !== null && !['Always', 'OnRootMismatch'].includes(str(sc.fsGroupChangePolicy)))
    errs.push(notSupported(child(path, 'fsGroupChangePolicy'), str(sc.fsGroupChangePolicy), ['Always', 'OnRootMismatch']));
  errs.push(...seccompProfile(sc.seccompProfile, child(path, 'seccompProfile')));
  return errs;
}

function validateDNSConfig(cfg: unknown, dnsPolicy: string, path: string): FieldError[] {
  if (dnsPolicy === 'None') {
    if (!isObj(cfg)) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (!arr(cfg.nameservers).length) return [required(child(path, 'nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!isObj(cfg)) return [];
  const errs: FieldError[] = [];
  const ns = arr<string>(cfg.nameservers);
  if (ns.length > 3) errs.push(invalid(child(path, 'nameservers'), goSlice(ns), 'must not have more than 3 nameservers'));
  ns.forEach((n, i) => errs.push(...validIP(str(n), index(child(path, 'nameservers'), i))));
  const searches = arr<string>(cfg.searches);
  if (searches.length > 32) errs.push(invalid(child(path, 'searches'), goSlice(searches), 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048) errs.push(invalid(child(path, 'searches'), goSlice(searches), 'must not have more than 2048 characters (including spaces) in the search list'));
  searches.forEach((s, i) => {
    if (s === '.') return; // RelaxedDNSSearchValidation (on by default in 1.33) allows "." and underscores
    const v = str(s).replace(/\.$/, '');
    errs.push(...isDNS1123SubdomainWithUnderscore(v).map((m) => invalid(index(child(path, 'searches'), i), v, m)));
  });
  arr(cfg.options).forEach((o, i) => {
    if (!str(o.name)) errs.push(required(index(child(path, 'options'), i), 'must not be empty'));
  });
  return errs;
}

function validateTopologySpread(constraints: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const list = arr(constraints);
  list.forEach((c, i) => {
    const p = index(path, i);
    const skew = typeof c.maxSkew === 'number' ? c.maxSkew : 0;
    if (skew <= 0) errs.push(invalid(child(p, 'maxSkew'), skew, 'must be greater than zero'));
    if (!str(c.topologyKey)) errs.push(required(child(p, 'topologyKey'), 'can not be empty'));
    const wu = str(c.whenUnsatisfiable);
    if (wu !== 'DoNotSchedule' && wu !== 'ScheduleAnyway') errs.push(notSupported(child(p, 'whenUnsatisfiable'), wu, ['DoNotSchedule', 'ScheduleAnyway']));
    if (list.slice(i + 1).some((o) => str(o.topologyKey) === str(c.topologyKey) && str(o.whenUnsatisfiable) === wu))
      errs.push(duplicate(child(p, '{topologyKey, whenUnsatisfiable}'), `{${str(c.topologyKey)}, ${wu}}`));
    if (typeof c.minDomains === 'number') {
      if (c.minDomains <= 0) errs.push(invalid(child(p, 'minDomains'), c.minDomains, 'must be greater than zero'));
      if (wu !== 'DoNotSchedule') errs.push(invalid(child(p, 'minDomains'), c.minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${wu}`));
    }
    for (const f of ['nodeAffinityPolicy', 'nodeTaintsPolicy'])
      if (c[f] !== undefined && c[f] !== null && !['Honor', 'Ignore'].includes(str(c[f]))) errs.push(notSupported(child(p, f), str(c[f]), ['Honor', 'Ignore']));
    errs.push(...validateLabelSelector(c.labelSelector, child(p, 'labelSelector')));
  });
  return errs;
}

export interface PodSpecOptions {
  /** The pod's name (generic ephemeral volume claim names); absent for templates. */
  podName?: string;
  /** Validating a Pod rather than a template: hostPort must equal containerPort under hostNetwork. */
  isPod: boolean;
}

export function validatePodSpec(spec: Obj, opts: PodSpecOptions, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const grace = typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : undefined;
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) errs.push(required(child(path, 'terminationGracePeriodSeconds')));
  const hostUsers = obj(spec.securityContext).hostUsers !== false;
  const { vols, errs: volErrs } = validateVolumes(spec.volumes, child(path, 'volumes'), opts);
  errs.push(...volErrs);
  const claimNames = new Set<string>();
  arr(spec.resourceClaims).forEach((c, i) => {
    const p = child(index(child(path, 'resourceClaims'), i), 'name');
    const name = str(c.name);
    if (!name) errs.push(required(p));
    else if (claimNames.has(name)) errs.push(duplicate(p, name));
    else {
      errs.push(...dnsLabelErrors(name, p));
      claimNames.add(name);
    }
  });
  const restartPolicy = str(spec.restartPolicy);
  const ctx = { vols, claimNames, gracePeriod: grace, restartPolicy, hostUsers };
  errs.push(...validateContainers(spec.containers, ctx, child(path, 'containers')));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, ctx, child(path, 'initContainers')));
  if (spec.hostNetwork === true) {
    arr(spec.containers).forEach((c, i) => {
      arr(c.ports).forEach((p, j) => {
        const hp = typeof p.hostPort === 'number' ? p.hostPort : 0;
        if ((opts.isPod || hp !== 0) && hp !== p.containerPort)
          errs.push(invalid(child(index(child(index(child(path, 'containers'), i), 'ports'), j), 'hostPort'), hp, 'must match `containerPort` when `hostNetwork` is true'));
      });
    });
  }
  if (!restartPolicy) errs.push(required(child(path, 'restartPolicy')));
  else if (!RESTART_POLICIES.includes(restartPolicy)) errs.push(notSupported(child(path, 'restartPolicy'), restartPolicy, RESTART_POLICIES));
  const dnsPolicy = str(spec.dnsPolicy);
  if (!dnsPolicy) errs.push(required(child(path, 'dnsPolicy')));
  else if (!DNS_POLICIES.includes(dnsPolicy)) errs.push(notSupported(child(path, 'dnsPolicy'), dnsPolicy, DNS_POLICIES));
  errs.push(...validateLabels(spec.nodeSelector, child(path, 'nodeSelector')));
  errs.push(...validatePodSecurityContext(spec.securityContext, child(path, 'securityContext')));
  arr(spec.imagePullSecrets).forEach((s, i) => {
    if (Object.keys(s).some((k) => k !== 'name')) errs.push(invalid(index(child(path, 'imagePullSecrets'), i), JSON.stringify(s), 'only name may be set'));
  });
  errs.push(...validateAffinity(spec.affinity, child(path, 'affinity')));
  errs.push(...validateDNSConfig(spec.dnsConfig, dnsPolicy, child(path, 'dnsConfig')));
  arr(spec.readinessGates).forEach((g, i) => errs.push(...validateQualifiedName(str(g.conditionType), child(index(child(path, 'readinessGates'), i), 'conditionType'))));
  const gates = new Set<string>();
  arr(spec.schedulingGates).forEach((g, i) => {
    const p = index(child(path, 'schedulingGates'), i);
    errs.push(...validateQualifiedName(str(g.name), p));
    if (gates.has(str(g.name))) errs.push(duplicate(p, str(g.name)));
    gates.add(str(g.name));
  });
  errs.push(...validateTopologySpread(spec.topologySpreadConstraints, child(path, 'topologySpreadConstraints')));
  if (str(spec.serviceAccountName)) errs.push(...subdomain(str(spec.serviceAccountName), child(path, 'serviceAccountName')));
  if (str(spec.nodeName)) errs.push(...subdomain(str(spec.nodeName), child(path, 'nodeName')));
  if (typeof spec.activeDeadlineSeconds === 'number' && (spec.activeDeadlineSeconds < 1 || spec.activeDeadlineSeconds > MAX_INT32))
    errs.push(invalid(child(path, 'activeDeadlineSeconds'), spec.activeDeadlineSeconds, inclusiveRangeError(1, MAX_INT32)));
  if (str(spec.hostname)) errs.push(...dnsLabelErrors(str(spec.hostname), child(path, 'hostname')));
  if (str(spec.subdomain)) errs.push(...dnsLabelErrors(str(spec.subdomain), child(path, 'subdomain')));
  errs.push(...validateTolerations(spec.tolerations, child(path, 'tolerations')));
  arr(spec.hostAliases).forEach((h, i) => {
    const p = index(child(path, 'hostAliases'), i);
    errs.push(...validIP(str(h.ip), child(p, 'ip')));
    arr<string>(h.hostnames).forEach((n, j) => errs.push(...subdomain(str(n), index(child(p, 'hostnames'), j))));
  });
  if (str(spec.priorityClassName)) errs.push(...subdomain(str(spec.priorityClassName), child(path, 'priorityClassName')));
  if (typeof spec.runtimeClassName === 'string') errs.push(...subdomain(spec.runtimeClassName, child(path, 'runtimeClassName')));
  if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== null) {
    const pp = str(spec.preemptionPolicy);
    if (!pp) errs.push(required(child(path, 'preemptionPolicy')));
    else if (pp !== 'PreemptLowerPriority' && pp !== 'Never') errs.push(notSupported(child(path, 'preemptionPolicy'), pp, ['PreemptLowerPriority', 'Never']));
  }
  if (isObj(spec.os)) {
    const name = str(spec.os.name);
    if (!name) errs.push(required(child(path, 'os', 'name'), 'cannot be empty'));
    else if (name !== 'linux' && name !== 'windows') errs.push(notSupported(child(path, 'os'), name, ['linux', 'windows']));
  }
  return errs;
}
