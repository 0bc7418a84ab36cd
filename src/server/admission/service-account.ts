// The ServiceAccount admission plugin (plugin/pkg/admission/serviceaccount): on pod creation, name
// the "default" service account when none is given, insist that it exists, mount its API access
// (a projected token, the cluster CA and the namespace) into every container, and copy its image
// pull secrets.
import { setTimeout as sleep } from 'node:timers/promises';
import type { KubeObject } from '../../api/object.ts';
import { DEFAULT_VOLUME_MODE, syncDeprecatedServiceAccount } from '../registry/defaults/pod.ts';
import { child, items, type Json } from '../registry/defaults/walk.ts';
import { generateName } from '../registry/object-meta.ts';
import { admissionForbidden, isResource, namespaceOf, type AdmissionPlugin, type Attributes } from './attributes.ts';

export const DEFAULT_SERVICE_ACCOUNT = 'default';
export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const VOLUME_PREFIX = 'kube-api-access-';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
const ENFORCE_MOUNTABLE_SECRETS = 'kubernetes.io/enforce-mountable-secrets';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: an hour and 7 s, so legacy-token use is noticed. */
const TOKEN_EXPIRATION_SECONDS = 3607;

export const serviceAccountAdmission: AdmissionPlugin = {
  async admit(a) {
    if (!isResource(a, '', 'pods') || a.operation !== 'create') return;
    const pod = a.obj;
    const spec = ((pod.spec ??= {}) as Json);
    if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) {
      validateMirrorPod(a, spec);
      return;
    }
    if (!spec.serviceAccountName) spec.serviceAccountName = DEFAULT_SERVICE_ACCOUNT;
    syncDeprecatedServiceAccount(spec);
    const sa = await serviceAccount(a, spec.serviceAccountName as string);
    if (shouldAutomount(sa, spec)) mountServiceAccountToken(spec);
    if (items(spec, 'imagePullSecrets').length === 0) {
      const pullSecrets = items(sa as Json, 'imagePullSecrets').map((s) => ({ name: s.name }));
      if (pullSecrets.length > 0) spec.imagePullSecrets = pullSecrets;
    }
    if (parseBool(sa.metadata.annotations?.[ENFORCE_MOUNTABLE_SECRETS])) limitSecretReferences(a, sa, spec);
  },
};

/** strconv.ParseBool's true spellings. */
const parseBool = (v: string | undefined) => v !== undefined && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v);

/** getServiceAccount: the default account is retried for a while, as its controller may lag. */
async function serviceAccount(a: Attributes, name: string): Promise<KubeObject> {
  const ns = namespaceOf(a);
  const attempts = name === DEFAULT_SERVICE_ACCOUNT ? 10 : 1;
  const retryMs = 100 + Math.floor(Math.random() * 100);
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await sleep(retryMs);
    const sa = await a.ctx.cluster?.get('', 'serviceaccounts', ns, name);
    if (sa) return sa;
  }
  throw admissionForbidden(a, `error looking up service account ${ns}/${name}: serviceaccount ${JSON.stringify(name)} not found`);
}

/** The pod's automountServiceAccountToken wins, then the account's; true by default. */
function shouldAutomount(sa: KubeObject, spec: Json): boolean {
  if (typeof spec.automountServiceAccountToken === 'boolean') return spec.automountServiceAccountToken;
  if (typeof sa.automountServiceAccountToken === 'boolean') return sa.automountServiceAccountToken;
  return true;
}

/** The projected volume of TokenVolumeSource(). */
function tokenVolume(name: string): Json {
  return {
    name,
    projected: {
      defaultMode: DEFAULT_VOLUME_MODE,
      sources: [
        { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}

function mountServiceAccountToken(spec: Json): void {
  const volumes = items(spec, 'volumes');
  const existing = volumes.find((v) => typeof v.name === 'string' && v.name.startsWith(VOLUME_PREFIX));
  const volumeName = (existing?.name as string | undefined) ?? generateName(VOLUME_PREFIX);
  let needsVolume = false;
  // init containers first, then containers (ephemeral containers get no mount)
  for (const c of [...items(spec, 'initContainers'), ...items(spec, 'containers')]) {
    // anything already mounted at the token path keeps the token out
    if (items(c, 'volumeMounts').some((m) => m.mountPath === TOKEN_MOUNT_PATH)) continue;
    c.volumeMounts = [...items(c, 'volumeMounts'), { name: volumeName, readOnly: true, mountPath: TOKEN_MOUNT_PATH }];
    needsVolume = true;
  }
  if (!existing && needsVolume) spec.volumes = [...volumes, tokenVolume(volumeName)];
}

function validateMirrorPod(a: Attributes, spec: Json): void {
  if (spec.serviceAccountName) throw admissionForbidden(a, 'a mirror pod may not reference service accounts');
  if (referencedSecrets(spec).length > 0) throw admissionForbidden(a, 'a mirror pod may not reference secrets');
  for (const v of items(spec, 'volumes'))
    if (items(child(v, 'projected'), 'sources').some((s) => child(s, 'serviceAccountToken')))
      throw admissionForbidden(a, 'a mirror pod may not use ServiceAccountToken volume projections');
}

/** podutil.VisitPodSecretNames, enough to tell whether a pod references any secret. */
function referencedSecrets(spec: Json): string[] {
  const names: string[] = [];
  for (const s of items(spec, 'imagePullSecrets')) names.push(String(s.name ?? ''));
  const containers = [...items(spec, 'initContainers'), ...items(spec, 'containers'), ...items(spec, 'ephemeralContainers')];
  for (const c of containers) {
    for (const e of items(c, 'envFrom')) if (child(e, 'secretRef')) names.push(String(child(e, 'secretRef')!.name ?? ''));
    for (const e of items(c, 'env')) {
      const ref = child(child(e, 'valueFrom'), 'secretKeyRef');
      if (ref) names.push(String(ref.name ?? ''));
    }
  }
  for (const v of items(spec, 'volumes')) {
    const secret = child(v, 'secret');
    if (secret) names.push(String(secret.secretName ?? ''));
    for (const s of items(child(v, 'projected'), 'sources')) if (child(s, 'secret')) names.push(String(child(s, 'secret')!.name ?? ''));
    for (const key of ['azureFile', 'cephfs', 'cinder', 'flexVolume', 'iscsi', 'rbd', 'scaleIO', 'storageos', 'csi']) {
      const source = child(v, key);
      const ref = child(source, 'secretRef') ?? child(source, 'nodePublishSecretRef');
      if (ref) names.push(String(ref.name ?? ''));
      if (key === 'azureFile' && source?.secretName) names.push(String(source.secretName));
    }
  }
  return names;
}

/** limitSecretReferences: with enforce-mountable-secrets, only the account's secrets may be used. */
function limitSecretReferences(a: Attributes, sa: KubeObject, spec: Json): void {
  const mountable = new Set(items(sa as Json, 'secrets').map((s) => s.name));
  const saName = sa.metadata.name ?? '';
  for (const v of items(spec, 'volumes')) {
    const secret = child(v, 'secret');
    if (secret && !mountable.has(secret.secretName))
      throw admissionForbidden(a, `volume with secret.secretName="${String(secret.secretName ?? '')}" is not allowed because service account ${saName} does not reference that secret`);
  }
  for (const [label, key] of [
    ['init container', 'initContainers'],
    ['container', 'containers'],
  ] as const) {
    for (const c of items(spec, key)) {
      for (const e of items(c, 'env')) {
        const ref = child(child(e, 'valueFrom'), 'secretKeyRef');
        if (ref && !mountable.has(ref.name))
          throw admissionForbidden(
            a,
            `${label} ${String(c.name ?? '')} with envVar ${String(e.name ?? '')} referencing secret.secretName="${String(ref.name ?? '')}" is not allowed because service account ${saName} does not reference that secret`,
          );
      }
      for (const e of items(c, 'envFrom')) {
        const ref = child(e, 'secretRef');
        if (ref && !mountable.has(ref.name))
          throw admissionForbidden(
            a,
            `${label} ${String(c.name ?? '')} with envFrom referencing secret.secretName="${String(ref.name ?? '')}" is not allowed because service account ${saName} does not reference that secret`,
          );
      }
    }
  }
  const pullSecrets = new Set(items(sa as Json, 'imagePullSecrets').map((s) => s.name));
  for (const [i, ref] of items(spec, 'imagePullSecrets').entries())
    if (!pullSecrets.has(ref.name))
      throw admissionForbidden(a, `imagePullSecrets[${i}].name="${String(ref.name ?? '')}" is not allowed because service account ${saName} does not reference that imagePullSecret`);
}
