// Pod and PodSpec defaulting (pkg/apis/core/v1/defaults.go and the defaulters generated for Pod and
// every pod template): SetDefaults_PodSpec applies to templates too, SetDefaults_Pod only to Pods.
import { defaultPullPolicy } from './image.ts';
import { roundUpResourceList } from './resource-list.ts';
import {
  child,
  defaultNumber,
  defaultPointer,
  defaultString,
  ensureChild,
  hasEntries,
  items,
  type Json,
} from './walk.ts';

/** Mode of secret, configMap, downwardAPI and projected volumes (0644). */
export const DEFAULT_VOLUME_MODE = 420;

/** SetObjectDefaults_Pod. */
export function defaultPod(pod: Json): void {
  const spec = ensureChild(pod, 'spec');
  // SetDefaults_Pod: requests default to limits, on Pods only (not templates)
  for (const c of [...items(spec, 'containers'), ...items(spec, 'initContainers')]) requestsFromLimits(c);
  defaultPointer(spec, 'enableServiceLinks', true);
  if (spec.hostNetwork === true) {
    for (const c of [...items(spec, 'containers'), ...items(spec, 'initContainers')])
      for (const p of items(c, 'ports')) if (!p.hostPort && p.containerPort !== undefined) p.hostPort = p.containerPort;
  }
  defaultPodSpec(spec);
  roundUpResourceList(spec, 'overhead');
  const resources = child(spec, 'resources');
  roundUpResourceList(resources, 'limits');
  roundUpResourceList(resources, 'requests');
  defaultPodStatus(child(pod, 'status'));
}

/** A PodTemplateSpec's spec (Deployment, Job, ...): PodSpec defaults without the Pod-only ones. */
export function defaultPodTemplate(template: Json): void {
  defaultPodSpec(ensureChild(template, 'spec'));
}

function requestsFromLimits(c: Json): void {
  const resources = child(c, 'resources');
  const limits = child(resources, 'limits');
  if (!resources || !limits) return;
  const missing = Object.keys(limits).filter((k) => !(k in (child(resources, 'requests') ?? {})));
  if (missing.length === 0) return;
  const requests = ensureChild(resources, 'requests');
  for (const k of missing) requests[k] = limits[k];
}

/** SetDefaults_PodSpec plus the nested defaulters of volumes and containers. */
export function defaultPodSpec(spec: Json): void {
  // v1 conversion: serviceAccount is the deprecated alias of serviceAccountName, written back equal
  if (!spec.serviceAccountName && typeof spec.serviceAccount === 'string' && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  syncDeprecatedServiceAccount(spec);
  defaultString(spec, 'dnsPolicy', 'ClusterFirst');
  defaultString(spec, 'restartPolicy', 'Always');
  defaultPointer(spec, 'securityContext', {});
  defaultPointer(spec, 'terminationGracePeriodSeconds', 30);
  defaultString(spec, 'schedulerName', 'default-scheduler');
  for (const v of items(spec, 'volumes')) defaultVolume(v);
  for (const c of [...items(spec, 'initContainers'), ...items(spec, 'containers'), ...items(spec, 'ephemeralContainers')]) defaultContainer(c);
}

/** The v1 form always carries serviceAccount equal to serviceAccountName (Convert_core_PodSpec_To_v1_PodSpec). */
export function syncDeprecatedServiceAccount(spec: Json): void {
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  else delete spec.serviceAccount;
}

function defaultContainer(c: Json): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(c.image);
  defaultString(c, 'terminationMessagePath', '/dev/termination-log');
  defaultString(c, 'terminationMessagePolicy', 'File');
  for (const p of items(c, 'ports')) defaultString(p, 'protocol', 'TCP');
  for (const e of items(c, 'env')) defaultFieldRef(child(child(e, 'valueFrom'), 'fieldRef'));
  const resources = child(c, 'resources');
  roundUpResourceList(resources, 'limits');
  roundUpResourceList(resources, 'requests');
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const p = child(c, probe);
    if (!p) continue;
    defaultNumber(p, 'timeoutSeconds', 1);
    defaultNumber(p, 'periodSeconds', 10);
    defaultNumber(p, 'successThreshold', 1);
    defaultNumber(p, 'failureThreshold', 3);
    defaultHttpGet(child(p, 'httpGet'));
    // GRPCAction.service carries +default=""
    const grpc = child(p, 'grpc');
    if (grpc) defaultPointer(grpc, 'service', '');
  }
  const lifecycle = child(c, 'lifecycle');
  for (const hook of ['postStart', 'preStop']) defaultHttpGet(child(child(lifecycle, hook), 'httpGet'));
}

function defaultHttpGet(get: Json | undefined): void {
  if (!get) return;
  defaultString(get, 'path', '/');
  defaultString(get, 'scheme', 'HTTP');
}

function defaultFieldRef(ref: Json | undefined): void {
  if (ref) defaultString(ref, 'apiVersion', 'v1');
}

/** Every member of VolumeSource (for "no source given → emptyDir"). */
const NOT_A_SOURCE = new Set(['name']);

/** SetDefaults_Volume and the defaulters of each volume source. */
export function defaultVolume(v: Json): void {
  const hasSource = Object.entries(v).some(([k, value]) => !NOT_A_SOURCE.has(k) && value !== null && value !== undefined);
  if (!hasSource) v.emptyDir = {};
  const hostPath = child(v, 'hostPath');
  if (hostPath) defaultPointer(hostPath, 'type', '');
  for (const key of ['secret', 'configMap']) {
    const source = child(v, key);
    if (source) defaultPointer(source, 'defaultMode', DEFAULT_VOLUME_MODE);
  }
  const downwardAPI = child(v, 'downwardAPI');
  if (downwardAPI) {
    defaultPointer(downwardAPI, 'defaultMode', DEFAULT_VOLUME_MODE);
    for (const item of items(downwardAPI, 'items')) defaultFieldRef(child(item, 'fieldRef'));
  }
  const projected = child(v, 'projected');
  if (projected) {
    defaultPointer(projected, 'defaultMode', DEFAULT_VOLUME_MODE);
    for (const source of items(projected, 'sources')) {
      for (const item of items(child(source, 'downwardAPI'), 'items')) defaultFieldRef(child(item, 'fieldRef'));
      const token = child(source, 'serviceAccountToken');
      if (token) defaultPointer(token, 'expirationSeconds', 3600);
    }
  }
  defaultVolumePlugins(v);
  const claim = child(child(v, 'ephemeral'), 'volumeClaimTemplate');
  if (claim) defaultClaimSpec(ensureChild(claim, 'spec'));
}

/** The +default markers of in-tree volume sources (shared by Volume and PersistentVolumeSource). */
export function defaultVolumePlugins(source: Json): void {
  const iscsi = child(source, 'iscsi');
  if (iscsi) defaultString(iscsi, 'iscsiInterface', 'default');
  const rbd = child(source, 'rbd');
  if (rbd) {
    defaultString(rbd, 'pool', 'rbd');
    defaultString(rbd, 'user', 'admin');
    defaultString(rbd, 'keyring', '/etc/ceph/keyring');
  }
  const azureDisk = child(source, 'azureDisk');
  if (azureDisk) {
    defaultPointer(azureDisk, 'cachingMode', 'ReadWrite');
    defaultPointer(azureDisk, 'fsType', 'ext4');
    defaultPointer(azureDisk, 'readOnly', false);
    defaultPointer(azureDisk, 'kind', 'Shared');
  }
  const scaleIO = child(source, 'scaleIO');
  if (scaleIO) {
    defaultString(scaleIO, 'storageMode', 'ThinProvisioned');
    defaultString(scaleIO, 'fsType', 'xfs');
  }
}

/** SetDefaults_PersistentVolumeClaimSpec with its resource lists. */
export function defaultClaimSpec(spec: Json): void {
  defaultPointer(spec, 'volumeMode', 'Filesystem');
  const resources = child(spec, 'resources');
  roundUpResourceList(resources, 'limits');
  roundUpResourceList(resources, 'requests');
}

/** v1 conversion: podIP/hostIP mirror the first of podIPs/hostIPs, which an old client may omit. */
function defaultPodStatus(status: Json | undefined): void {
  if (!status) return;
  for (const [single, plural] of [
    ['podIP', 'podIPs'],
    ['hostIP', 'hostIPs'],
  ] as const) {
    const ip = typeof status[single] === 'string' ? (status[single] as string) : '';
    const list = items(status, plural);
    if (ip && (list.length === 0 || list[0]!.ip !== ip)) status[plural] = [{ ip }];
    const first = items(status, plural)[0];
    if (first && typeof first.ip === 'string' && first.ip) status[single] = first.ip;
  }
  if (!hasEntries(status.podIPs)) delete status.podIPs;
  if (!hasEntries(status.hostIPs)) delete status.hostIPs;
}
