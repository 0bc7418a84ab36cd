// Containers of a pod spec (core validation validateContainers / validateInitContainers /
// validateContainerCommon): names, image, ports, env, mounts, probes, lifecycle, resources,
// security context.
import type { FieldError } from '../../status.ts';
import { arr, child, duplicate, forbidden, index, invalid, isObj, nonNegative, notFound, notSupported, obj, required, str, type Obj } from './field.ts';
import { isConfigMapKey, isDNS1123Subdomain, isHTTPHeaderName, isRelaxedEnvVarName, isValidGroupID, isValidPortName, isValidPortNum, isValidUserID } from '../../../api/validation/names.ts';
import { dnsLabelErrors, localDescendingPath, objectFieldSelector, type VolumeIndex } from './volumes.ts';
import { validateResourceRequirements } from './resources.ts';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
const ENV_RESOURCES = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];

export interface ContainerContext {
  vols: VolumeIndex;
  claimNames: Set<string>;
  gracePeriod: number | undefined;
  restartPolicy: string;
  hostUsers: boolean;
}

function validateContainerPorts(ports: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  arr(ports).forEach((p, i) => {
    const idx = index(path, i);
    const name = str(p.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) errs.push(...msgs.map((m) => invalid(child(idx, 'name'), name, m)));
      else if (names.has(name)) errs.push(duplicate(child(idx, 'name'), name));
      else names.add(name);
    }
    const cp = typeof p.containerPort === 'number' ? p.containerPort : 0;
    if (cp === 0) errs.push(required(child(idx, 'containerPort')));
    else errs.push(...isValidPortNum(cp).map((m) => invalid(child(idx, 'containerPort'), cp, m)));
    if (typeof p.hostPort === 'number' && p.hostPort !== 0) errs.push(...isValidPortNum(p.hostPort).map((m) => invalid(child(idx, 'hostPort'), p.hostPort, m)));
    const proto = str(p.protocol);
    if (!proto) errs.push(required(child(idx, 'protocol')));
    else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(child(idx, 'protocol'), proto, PROTOCOLS));
  });
  return errs;
}

function keySelector(s: Obj, path: string): FieldError[] {
  const errs = isDNS1123Subdomain(str(s.name)).map((m) => invalid(child(path, 'name'), str(s.name), m));
  const k = str(s.key);
  if (!k) errs.push(required(child(path, 'key')));
  else errs.push(...isConfigMapKey(k).map((m) => invalid(child(path, 'key'), k, m)));
  return errs;
}

function validateEnv(env: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(env).forEach((ev, i) => {
    const idx = index(path, i);
    const name = str(ev.name);
    if (!name) errs.push(required(child(idx, 'name')));
    else errs.push(...isRelaxedEnvVarName(name).map((m) => invalid(child(idx, 'name'), name, m)));
    if (!ev.valueFrom) return;
    const vf = obj(ev.valueFrom);
    const vp = child(idx, 'valueFrom');
    let n = 0;
    if (vf.fieldRef) {
      n++;
      errs.push(...objectFieldSelector(obj(vf.fieldRef), ENV_FIELD_PATHS, child(vp, 'fieldRef')));
    }
    if (vf.resourceFieldRef) {
      n++;
      const r = obj(vf.resourceFieldRef);
      const rp = child(vp, 'resourceFieldRef');
      if (!str(r.resource)) errs.push(required(child(rp, 'resource')));
      else if (!ENV_RESOURCES.includes(str(r.resource)) && !/^(limits|requests)\.hugepages-/.test(str(r.resource)))
        errs.push(notSupported(child(rp, 'resource'), str(r.resource), ENV_RESOURCES));
    }
    if (vf.configMapKeyRef) {
      n++;
      errs.push(...keySelector(obj(vf.configMapKeyRef), child(vp, 'configMapKeyRef')));
    }
    if (vf.secretKeyRef) {
      n++;
      errs.push(...keySelector(obj(vf.secretKeyRef), child(vp, 'secretKeyRef')));
    }
    if (n === 0) errs.push(invalid(vp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    else if (str(ev.value)) errs.push(invalid(vp, '', 'may not be specified when `value` is not empty'));
    else if (n > 1) errs.push(invalid(vp, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateEnvFrom(envFrom: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(envFrom).forEach((ev, i) => {
    const idx = index(path, i);
    if (str(ev.prefix)) errs.push(...isRelaxedEnvVarName(str(ev.prefix)).map((m) => invalid(child(idx, 'prefix'), str(ev.prefix), m)));
    let n = 0;
    for (const kind of ['configMapRef', 'secretRef'] as const) {
      if (!ev[kind]) continue;
      n++;
      const name = str(obj(ev[kind]).name);
      if (!name) errs.push(required(child(idx, kind, 'name')));
      else errs.push(...isDNS1123Subdomain(name).map((m) => invalid(child(idx, kind, 'name'), name, m)));
    }
    if (n === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

const MOUNT_PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];

function validateVolumeMounts(c: Obj, vols: VolumeIndex, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const devices = new Map(arr(c.volumeDevices).map((d) => [str(d.name), str(d.devicePath)]));
  const mountPoints = new Set<string>();
  const privileged = obj(c.securityContext).privileged === true;
  arr(c.volumeMounts).forEach((m, i) => {
    const idx = index(path, i);
    const name = str(m.name);
    const mp = str(m.mountPath);
    if (!name) errs.push(required(child(idx, 'name')));
    if (!vols.has(name)) errs.push(notFound(child(idx, 'name'), name));
    if (!mp) errs.push(required(child(idx, 'mountPath')));
    if (mountPoints.has(mp)) errs.push(invalid(child(idx, 'mountPath'), mp, 'must be unique'));
    mountPoints.add(mp);
    if (devices.has(name)) errs.push(invalid(child(idx, 'name'), name, 'must not already exist in volumeDevices'));
    if ([...devices.values()].includes(mp)) errs.push(invalid(child(idx, 'mountPath'), mp, 'must not already exist as a path in volumeDevices'));
    if (str(m.subPath)) errs.push(...localDescendingPath(str(m.subPath), child(path, 'subPath')));
    if (str(m.subPathExpr)) {
      if (str(m.subPath)) errs.push(invalid(child(idx, 'subPathExpr'), str(m.subPathExpr), 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...localDescendingPath(str(m.subPathExpr), child(path, 'subPathExpr')));
    }
    if (m.mountPropagation !== undefined && m.mountPropagation !== null) {
      const mpPath = child(path, 'mountPropagation');
      if (!MOUNT_PROPAGATIONS.includes(str(m.mountPropagation))) errs.push(notSupported(mpPath, str(m.mountPropagation), MOUNT_PROPAGATIONS));
      if (m.mountPropagation === 'Bidirectional' && !privileged) errs.push(forbidden(mpPath, 'Bidirectional mount propagation is available only to privileged containers'));
    }
  });
  return errs;
}

/** ValidatePortNumOrName over an IntOrString port. */
export function portNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  return isValidPortNum(0).map((m) => invalid(path, 0, m));
}

function validateHandler(h: Obj, kinds: readonly string[], grace: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const kind of kinds) {
    if (!h[kind]) continue;
    if (n > 0) {
      errs.push(forbidden(child(path, kind), 'may not specify more than 1 handler type'));
      continue;
    }
    n++;
    const a = obj(h[kind]);
    const p = child(path, kind);
    if (kind === 'exec' && !arr(a.command).length) errs.push(required(child(p, 'command')));
    if (kind === 'httpGet') {
      if (!str(a.path)) errs.push(required(child(p, 'path')));
      errs.push(...portNumOrName(a.port, child(p, 'port')));
      if (!['HTTP', 'HTTPS'].includes(str(a.scheme))) errs.push(notSupported(child(p, 'scheme'), str(a.scheme), ['HTTP', 'HTTPS']));
      for (const hdr of arr(a.httpHeaders)) errs.push(...isHTTPHeaderName(str(hdr.name)).map((m) => invalid(child(p, 'httpHeaders'), str(hdr.name), m)));
    }
    if (kind === 'tcpSocket') errs.push(...portNumOrName(a.port, child(p, 'port')));
    if (kind === 'grpc') errs.push(...portNumOrName(typeof a.port === 'number' ? a.port : 0, child(p, 'port')));
    if (kind === 'sleep') {
      const s = typeof a.seconds === 'number' ? a.seconds : 0;
      if (grace !== undefined && (s < 0 || s > grace)) errs.push(invalid(p, s, `must be non-negative and less than terminationGracePeriodSeconds (${grace})`));
    }
  }
  if (n === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

function validateProbe(kind: 'liveness' | 'readiness' | 'startup', probe: unknown, grace: number | undefined, path: string): FieldError[] {
  if (!isObj(probe)) return [];
  const errs = validateHandler(probe, PROBE_HANDLERS, grace, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) errs.push(...nonNegative(probe[f], child(path, f)));
  const tgps = probe.terminationGracePeriodSeconds;
  if (typeof tgps === 'number' && tgps <= 0) errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), tgps, 'must be greater than 0'));
  if (kind !== 'readiness' && probe.successThreshold !== 1) errs.push(invalid(child(path, 'successThreshold'), probe.successThreshold ?? 0, 'must be 1'));
  if (kind === 'readiness' && tgps !== undefined && tgps !== null) errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), tgps, 'must not be set for readinessProbes'));
  return errs;
}

function validateLifecycle(lc: Obj, grace: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (lc.postStart) errs.push(...validateHandler(obj(lc.postStart), LIFECYCLE_HANDLERS, grace, child(path, 'postStart')));
  if (lc.preStop) errs.push(...validateHandler(obj(lc.preStop), LIFECYCLE_HANDLERS, grace, child(path, 'preStop')));
  return errs;
}

const SECCOMP_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];

/** validateSeccompProfileField. */
export function seccompProfile(sp: unknown, path: string): FieldError[] {
  if (!isObj(sp)) return [];
  const errs: FieldError[] = [];
  const t = str(sp.type);
  if (!t) errs.push(required(child(path, 'type'), 'type is required when seccompProfile is set'));
  else if (!SECCOMP_TYPES.includes(t)) errs.push(notSupported(child(path, 'type'), t, SECCOMP_TYPES));
  if (t === 'Localhost') {
    if (sp.localhostProfile === undefined || sp.localhostProfile === null) errs.push(required(child(path, 'localhostProfile'), 'must be set when seccomp type is Localhost'));
    else errs.push(...localDescendingPath(str(sp.localhostProfile), child(path, 'localhostProfile')));
  }
  return errs;
}

/** ValidateSecurityContext (containers). Privileged containers are allowed, as clusters run --allow-privileged. */
function validateSecurityContext(sc: unknown, hostUsers: boolean, path: string): FieldError[] {
  if (!isObj(sc)) return [];
  const errs: FieldError[] = [];
  if (typeof sc.runAsUser === 'number') errs.push(...isValidUserID(sc.runAsUser).map((m) => invalid(child(path, 'runAsUser'), sc.runAsUser, m)));
  if (typeof sc.runAsGroup === 'number') errs.push(...isValidGroupID(sc.runAsGroup).map((m) => invalid(child(path, 'runAsGroup'), sc.runAsGroup, m)));
  if (sc.procMount !== undefined && sc.procMount !== null) {
    const pm = str(sc.procMount);
    if (pm !== 'Default' && pm !== 'Unmasked') errs.push(notSupported(child(path, 'procMount'), pm, ['Default', 'Unmasked']));
    if (hostUsers && pm === 'Unmasked') errs.push(invalid(child(path, 'procMount'), pm, '`hostUsers` must be false to use `Unmasked`'));
  }
  errs.push(...seccompProfile(sc.seccompProfile, child(path, 'seccompProfile')));
  if (sc.allowPrivilegeEscalation === false) {
    if (sc.privileged === true) errs.push(forbiddenSc(path, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
    if (arr<string>(obj(sc.capabilities).add).includes('CAP_SYS_ADMIN')) errs.push(forbiddenSc(path, 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'));
  }
  return errs;
}

/** These two errors print the whole *core.SecurityContext struct upstream; only the detail is reproduced. */
const forbiddenSc = (path: string, detail: string): FieldError => ({ type: 'FieldValueInvalid', field: path, detail });

function validateContainerCommon(c: Obj, ctx: ContainerContext, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(c.name);
  if (!name) errs.push(required(child(path, 'name')));
  else errs.push(...dnsLabelErrors(name, child(path, 'name')));
  if (!str(c.image)) errs.push(required(child(path, 'image')));
  const tmp = str(c.terminationMessagePolicy);
  if (!tmp) errs.push(required(child(path, 'terminationMessagePolicy')));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(notSupported(child(path, 'terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  errs.push(...validateContainerPorts(c.ports, child(path, 'ports')));
  errs.push(...validateEnv(c.env, child(path, 'env')));
  errs.push(...validateEnvFrom(c.envFrom, child(path, 'envFrom')));
  errs.push(...validateVolumeMounts(c, ctx.vols, child(path, 'volumeMounts')));
  const pp = str(c.imagePullPolicy);
  if (!pp) errs.push(required(child(path, 'imagePullPolicy')));
  else if (!PULL_POLICIES.includes(pp)) errs.push(notSupported(child(path, 'imagePullPolicy'), pp, PULL_POLICIES));
  errs.push(...validateResourceRequirements(c.resources, ctx.claimNames, child(path, 'resources')));
  errs.push(...validateResizePolicy(c.resizePolicy, ctx.restartPolicy, child(path, 'resizePolicy')));
  errs.push(...validateSecurityContext(c.securityContext, ctx.hostUsers, child(path, 'securityContext')));
  return errs;
}

function validateResizePolicy(list: unknown, restartPolicy: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  arr(list).forEach((p, i) => {
    const rn = str(p.resourceName);
    if (seen.has(rn)) errs.push(duplicate(index(path, i), rn));
    seen.add(rn);
    if (!rn) errs.push(required(path));
    else if (rn !== 'cpu' && rn !== 'memory') errs.push(notSupported(path, rn, ['cpu', 'memory']));
    const rp = str(p.restartPolicy);
    if (!rp) errs.push(required(path));
    else if (rp !== 'NotRequired' && rp !== 'RestartContainer') errs.push(notSupported(path, rp, ['NotRequired', 'RestartContainer']));
    if (restartPolicy === 'Never' && rp !== 'NotRequired') errs.push(invalid(path, rp, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
  });
  return errs;
}

/** AccumulateUniqueHostPorts over the given containers. */
function hostPortConflicts(containers: Obj[], path: string, seen = new Set<string>()): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((c, ci) => {
    arr(c.ports).forEach((p, pi) => {
      const hp = typeof p.hostPort === 'number' ? p.hostPort : 0;
      if (!hp) return;
      const k = `${str(p.protocol)}/${str(p.hostIP)}/${hp}`;
      if (seen.has(k)) errs.push(duplicate(child(index(child(index(path, ci), 'ports'), pi), 'hostPort'), k));
      else seen.add(k);
    });
  });
  return errs;
}

export function validateContainers(containers: unknown, ctx: ContainerContext, path: string): FieldError[] {
  const list = arr(containers);
  if (!list.length) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, ctx, p));
    const name = str(c.name);
    if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
    else names.add(name);
    if (c.lifecycle) errs.push(...validateLifecycle(obj(c.lifecycle), ctx.gracePeriod, child(p, 'lifecycle')));
    errs.push(...validateProbe('liveness', c.livenessProbe, ctx.gracePeriod, child(p, 'livenessProbe')));
    errs.push(...validateProbe('readiness', c.readinessProbe, ctx.gracePeriod, child(p, 'readinessProbe')));
    errs.push(...validateProbe('startup', c.startupProbe, ctx.gracePeriod, child(p, 'startupProbe')));
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) errs.push(forbidden(child(p, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(...hostPortConflicts(list, path));
  return errs;
}

export function validateInitContainers(initContainers: unknown, containers: unknown, ctx: ContainerContext, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(arr(containers).map((c) => str(c.name)));
  arr(initContainers).forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, ctx, p));
    let restartAlways = false;
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) {
      if (c.restartPolicy !== 'Always') errs.push(notSupported(child(p, 'restartPolicy'), str(c.restartPolicy), ['Always']));
      restartAlways = c.restartPolicy === 'Always';
    }
    const name = str(c.name);
    if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
    else if (name) names.add(name);
    errs.push(...hostPortConflicts([c], path));
    if (restartAlways) {
      if (c.lifecycle) errs.push(...validateLifecycle(obj(c.lifecycle), ctx.gracePeriod, child(p, 'lifecycle')));
      errs.push(...validateProbe('liveness', c.livenessProbe, ctx.gracePeriod, child(p, 'livenessProbe')));
      errs.push(...validateProbe('readiness', c.readinessProbe, ctx.gracePeriod, child(p, 'readinessProbe')));
      errs.push(...validateProbe('startup', c.startupProbe, ctx.gracePeriod, child(p, 'startupProbe')));
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'])
        if (c[f]) errs.push(forbidden(child(p, f), 'may not be set for init containers without restartPolicy=Always'));
    }
  });
  return errs;
}

/** validateContainersOnlyForPod: a pod's images may not carry surrounding whitespace. */
export function validateImagesOnlyForPod(containers: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(containers).forEach((c, i) => {
    const image = str(c.image);
    if (image !== image.trim()) errs.push(invalid(child(index(path, i), 'image'), image, 'must not have leading or trailing whitespace'));
  });
  return errs;
}

