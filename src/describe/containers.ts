// Containers as pods and pod templates describe them: image, ports, command, state, resources,
// probes, environment and mounts.
import { formatQuantity, quantityMilliValue, quantityOf, quantityValue, isZeroQuantity, type Quantity } from '../api/quantity.ts';
import { printBool, rfc1123z, stringOrNone } from './format.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './writer.ts';
import { byteOrder, goQuote, goStrings, int, intOrString, obj, objs, sortBy, sortedKeys, str, strs, type Obj } from './values.ts';

/** Resolves an env var's fieldRef against the pod; absent for pod templates. */
export type EnvResolver = (fieldRef: Obj) => string;

/**
 * EnvValueRetriever: kubectl's scheme knows only the generic field labels of a Pod, so only
 * metadata.name and metadata.namespace resolve; every other path shows empty.
 */
export function envValueRetriever(pod: Obj): EnvResolver {
  return (ref) => {
    const apiVersion = str(ref.apiVersion);
    if (apiVersion.split('/').length > 2) return '';
    const m = obj(pod.metadata);
    switch (str(ref.fieldPath)) {
      case 'metadata.name':
        return str(m.name);
      case 'metadata.namespace':
        return str(m.namespace);
      default:
        return '';
    }
  };
}

export function describeContainers(label: string, containers: Obj[], statuses: Obj[] | undefined, resolver: EnvResolver | undefined, w: PrefixWriter, space: string): void {
  const byName = new Map<string, Obj>();
  for (const s of statuses ?? []) byName.set(str(s.name), s);
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = byName.get(str(c.name));
    describeContainerBasicInfo(c, status, space, w);
    describeContainerCommand(c, w);
    if (status) describeContainerState(status, w);
    describeResources(obj(c.resources), w, LEVEL_2);
    describeContainerProbes(c, w);
    if (objs(c.envFrom).length > 0) describeContainerEnvFrom(c, w);
    describeContainerEnvVars(c, resolver, w);
    describeContainerVolumes(c, w);
  }
}

function describeContainerBasicInfo(c: Obj, status: Obj | undefined, space: string, w: PrefixWriter): void {
  w.write(LEVEL_1, `${space.length > 0 ? ' ' : ''}${str(c.name)}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${str(status.containerID)}\n`);
  w.write(LEVEL_2, `Image:\t${str(c.image)}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${str(status.imageID)}\n`);
  const ports = objs(c.ports);
  const portString = ports.map((p) => `${int(p.containerPort)}/${str(p.protocol)}`).join(', ');
  if (portString.includes(',')) w.write(LEVEL_2, `Ports:\t${portString}\n`);
  else w.write(LEVEL_2, `Port:\t${stringOrNone(portString)}\n`);
  const hostPortString = ports.map((p) => `${int(p.hostPort)}/${str(p.protocol)}`).join(', ');
  if (hostPortString.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPortString}\n`);
  else w.write(LEVEL_2, `Host Port:\t${stringOrNone(hostPortString)}\n`);
  const seccomp = obj(c.securityContext).seccompProfile;
  if (seccomp !== undefined && seccomp !== null) {
    w.write(LEVEL_2, `SeccompProfile:\t${str(obj(seccomp).type)}\n`);
    if (obj(seccomp).type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${str(obj(seccomp).localhostProfile)}\n`);
  }
}

function describeContainerCommand(c: Obj, w: PrefixWriter): void {
  const command = strs(c.command);
  if (command.length > 0) {
    w.write(LEVEL_2, 'Command:\n');
    for (const part of command) for (const s of part.split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
  const args = strs(c.args);
  if (args.length > 0) {
    w.write(LEVEL_2, 'Args:\n');
    for (const part of args) for (const s of part.split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
}

/** describeResources: limits then requests, each sorted by resource name. */
export function describeResources(resources: Obj, w: PrefixWriter, level: number): void {
  for (const [title, list] of [
    ['Limits', obj(resources.limits)],
    ['Requests', obj(resources.requests)],
  ] as const) {
    const names = sortedKeys(list);
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${formatQuantity(list[name])}\n`);
  }
}

function describeContainerState(status: Obj, w: PrefixWriter): void {
  describeStatus('State', obj(status.state), w);
  const last = obj(status.lastState);
  if (last.terminated !== undefined && last.terminated !== null) describeStatus('Last State', last, w);
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${int(status.restartCount)}\n`);
}

function describeStatus(name: string, state: Obj, w: PrefixWriter): void {
  const set = (v: unknown) => v !== undefined && v !== null;
  if (set(state.running)) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(obj(state.running).startedAt)}\n`);
  } else if (set(state.waiting)) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    const reason = str(obj(state.waiting).reason);
    if (reason !== '') w.write(LEVEL_3, `Reason:\t${reason}\n`);
  } else if (set(state.terminated)) {
    const t = obj(state.terminated);
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (str(t.reason) !== '') w.write(LEVEL_3, `Reason:\t${str(t.reason)}\n`);
    if (str(t.message) !== '') w.write(LEVEL_3, `Message:\t${str(t.message)}\n`);
    w.write(LEVEL_3, `Exit Code:\t${int(t.exitCode)}\n`);
    if (int(t.signal) > 0) w.write(LEVEL_3, `Signal:\t${int(t.signal)}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

function describeContainerProbes(c: Obj, w: PrefixWriter): void {
  for (const [field, title] of [
    ['livenessProbe', 'Liveness'],
    ['readinessProbe', 'Readiness'],
    ['startupProbe', 'Startup'],
  ] as const) {
    const probe = c[field];
    if (probe !== undefined && probe !== null) w.write(LEVEL_2, `${title}:\t${describeProbe(obj(probe))}\n`);
  }
}

/** Go's url escaping of a path (shouldEscape with encodePath). */
function escapePath(path: string): string {
  let out = '';
  for (const byte of Buffer.from(path)) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~$&+,/:;=@]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** net.JoinHostPort. */
const joinHostPort = (host: string, port: string) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** DescribeProbe. */
export function describeProbe(probe: Obj): string {
  const attrs = `delay=${int(probe.initialDelaySeconds)}s timeout=${int(probe.timeoutSeconds)}s period=${int(probe.periodSeconds)}s #success=${int(probe.successThreshold)} #failure=${int(probe.failureThreshold)}`;
  const set = (v: unknown) => v !== undefined && v !== null;
  if (set(probe.exec)) return `exec ${goStrings(obj(probe.exec).command)} ${attrs}`;
  if (set(probe.httpGet)) {
    const h = obj(probe.httpGet);
    const port = intOrString(h.port);
    const host = port.length > 0 ? joinHostPort(str(h.host), port) : str(h.host);
    let url = '';
    const scheme = str(h.scheme).toLowerCase();
    if (scheme !== '') url += `${scheme}:`;
    if (scheme !== '' || host !== '') url += `//${host}`;
    const path = escapePath(str(h.path));
    if (path !== '' && path[0] !== '/' && host !== '') url += '/';
    url += path;
    return `http-get ${url} ${attrs}`;
  }
  if (set(probe.tcpSocket)) return `tcp-socket ${str(obj(probe.tcpSocket).host)}:${intOrString(obj(probe.tcpSocket).port)} ${attrs}`;
  if (set(probe.grpc)) return `grpc <pod>:${int(obj(probe.grpc).port)} ${str(obj(probe.grpc).service)} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeContainerEnvFrom(c: Obj, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of objs(c.envFrom)) {
    let from = '';
    let name = '';
    let optional = false;
    if (e.configMapRef !== undefined && e.configMapRef !== null) {
      from = 'ConfigMap';
      name = str(obj(e.configMapRef).name);
      optional = obj(e.configMapRef).optional === true;
    } else if (e.secretRef !== undefined && e.secretRef !== null) {
      from = 'Secret';
      name = str(obj(e.secretRef).name);
      optional = obj(e.secretRef).optional === true;
    }
    const prefix = str(e.prefix);
    if (prefix === '') w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${prefix}'\tOptional: ${optional}\n`);
  }
}

function describeContainerEnvVars(c: Obj, resolver: EnvResolver | undefined, w: PrefixWriter): void {
  const env = objs(c.env);
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const name = str(e.name);
    if (e.valueFrom === undefined || e.valueFrom === null) {
      str(e.value)
        .split('\n')
        .forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    const from = obj(e.valueFrom);
    const set = (v: unknown) => v !== undefined && v !== null;
    if (set(from.fieldRef)) {
      const ref = obj(from.fieldRef);
      const value = resolver ? resolver(ref) : '';
      w.write(LEVEL_3, `${name}:\t${value} (${str(ref.apiVersion)}:${str(ref.fieldPath)})\n`);
    } else if (set(from.resourceFieldRef)) {
      const ref = obj(from.resourceFieldRef);
      const resource = str(ref.resource);
      let value = containerResourceValue(ref, c) ?? '';
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${name}:\t${value} (${resource})\n`);
    } else if (set(from.secretKeyRef)) {
      const ref = obj(from.secretKeyRef);
      w.write(LEVEL_3, `${name}:\t<set to the key '${str(ref.key)}' in secret '${str(ref.name)}'>\tOptional: ${ref.optional === true}\n`);
    } else if (set(from.configMapKeyRef)) {
      const ref = obj(from.configMapKeyRef);
      w.write(LEVEL_3, `${name}:\t<set to the key '${str(ref.key)}' of config map '${str(ref.name)}'>\tOptional: ${ref.optional === true}\n`);
    }
  }
}

/** ExtractContainerResourceValue: the amount divided by the divisor, rounded up. */
function containerResourceValue(ref: Obj, c: Obj): string | undefined {
  const divisorRaw = quantityOf(ref.divisor);
  const divisor: Quantity = isZeroQuantity(divisorRaw) ? quantityOf('1') : divisorRaw;
  const resources = obj(c.resources);
  const resource = str(ref.resource);
  const [kind, name] = resource.split(/\.(.*)/s) as [string, string | undefined];
  const list = kind === 'limits' ? obj(resources.limits) : kind === 'requests' ? obj(resources.requests) : undefined;
  if (!list || name === undefined) return undefined;
  const amount = quantityOf(list[name]);
  if (name === 'cpu') return String(Math.ceil(quantityMilliValue(amount) / quantityMilliValue(divisor)));
  if (name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-')) return String(Math.ceil(quantityValue(amount) / quantityValue(divisor)));
  return undefined;
}

function describeContainerVolumes(c: Obj, w: PrefixWriter): void {
  const mounts = objs(c.volumeMounts);
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of sortBy(mounts, (a, b) => byteOrder(str(a.mountPath), str(b.mountPath)))) {
    const flags = [m.readOnly === true ? 'ro' : 'rw'];
    if (str(m.subPath) !== '') flags.push(`path=${goQuote(str(m.subPath))}`);
    w.write(LEVEL_3, `${str(m.mountPath)} from ${str(m.name)} (${flags.join(',')})\n`);
  }
  const devices = objs(c.volumeDevices);
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of sortBy(devices, (a, b) => byteOrder(str(a.devicePath), str(b.devicePath)))) w.write(LEVEL_3, `${str(d.devicePath)} from ${str(d.name)}\n`);
  }
}
