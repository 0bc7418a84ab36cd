// PersistentVolumes, PersistentVolumeClaims (core validation) and StorageClasses (storage validation).
import type { FieldError } from '../../status.ts';
import { arr, byteLength, child, deepEqual, FIELD_IMMUTABLE, forbidden, goText, invalid, isObj, key, notSupported, obj, required, str, tooLong, type Obj } from './field.ts';
import { validateLabelName } from './meta.ts';
import { isDNS1123Subdomain, isQualifiedName } from '../../../api/validation/names.ts';
import { cmpQuantity, quantitySign, quantityString, quantityValue, readQuantity } from '../../../api/quantity.ts';
import { VOLUME_MODES, validateAccessModes, validatePersistentVolumeClaimSpec } from './pvc-spec.ts';
import { validateNodeSelector } from './pod-spec.ts';
import { noBacksteps } from './volumes.ts';

const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const PV_SOURCES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'glusterfs', 'flocker', 'nfs', 'rbd', 'quobyte', 'cephfs', 'iscsi', 'cinder', 'fc',
  'flexVolume', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'scaleIO', 'local', 'storageos', 'csi',
];
const PV_REQUIRED: Record<string, string[]> = {
  gcePersistentDisk: ['pdName'], awsElasticBlockStore: ['volumeID'], glusterfs: ['endpoints', 'path'], nfs: ['server', 'path'], rbd: ['monitors', 'image'],
  quobyte: ['volume'], cephfs: ['monitors'], iscsi: ['targetPortal', 'iqn'], cinder: ['volumeID'], flexVolume: ['driver'], azureFile: ['secretName', 'shareName'],
  vsphereVolume: ['volumePath'], photonPersistentDisk: ['pdID'], portworxVolume: ['volumeID'], azureDisk: ['diskName', 'diskURI'],
  scaleIO: ['gateway', 'system', 'volumeName'], storageos: ['volumeName'], csi: ['driver', 'volumeHandle'],
};

export function validatePersistentVolume(pv: Obj): FieldError[] {
  const spec = obj(pv.spec);
  const errs: FieldError[] = [];
  if (!arr(spec.accessModes).length) errs.push(required('spec.accessModes'));
  errs.push(...validateAccessModes(spec.accessModes, 'spec.accessModes'));
  const capacity = obj(spec.capacity);
  if (!Object.keys(capacity).length) errs.push(required('spec.capacity'));
  if (!('storage' in capacity) || Object.keys(capacity).length > 1) errs.push(notSupported('spec.capacity', goText('core.ResourceList{...}'), ['storage']));
  for (const [k, v] of Object.entries(capacity)) {
    const q = readQuantity(v);
    if (!q) continue;
    if (quantityValue(q) < 0) errs.push(invalid(key('spec.capacity', k), quantityValue(q), 'must be a valid resource quantity'));
    if (quantitySign(q) <= 0) errs.push(invalid(key('spec.capacity', k), quantityString(q), 'must be greater than zero'));
  }
  const rp = str(spec.persistentVolumeReclaimPolicy);
  if (rp && !RECLAIM_POLICIES.includes(rp)) errs.push(notSupported('spec.persistentVolumeReclaimPolicy', rp, RECLAIM_POLICIES));
  let nodeAffinity = false;
  if (isObj(spec.nodeAffinity)) {
    nodeAffinity = true;
    if (isObj(spec.nodeAffinity.required)) errs.push(...validateNodeSelector(spec.nodeAffinity.required, 'spec.nodeAffinity.required'));
    else errs.push(required('spec.nodeAffinity.required', 'must specify required node constraints'));
  }
  let n = 0;
  for (const src of PV_SOURCES) {
    if (!isObj(spec[src])) continue;
    if (n > 0 && src !== 'flexVolume') {
      errs.push(forbidden(`spec.${src === 'cephfs' ? 'cephFS' : src}`, 'may not specify more than 1 volume type'));
      continue;
    }
    n++;
    const s = spec[src];
    const p = `spec.${src === 'gcePersistentDisk' ? 'persistentDisk' : src}`;
    for (const f of PV_REQUIRED[src] ?? []) if (!s[f] || (Array.isArray(s[f]) && !s[f].length)) errs.push(required(child(p, f)));
    if (src === 'hostPath') {
      if (!str(s.path)) errs.push(required('spec.hostPath.path'));
      else errs.push(...noBacksteps(str(s.path), 'spec.hostPath.path'));
    }
    if (src === 'local') {
      if (!str(s.path)) errs.push(required('spec.local.path'));
      else errs.push(...noBacksteps(str(s.path), 'spec.local.path'));
      if (!nodeAffinity) errs.push(required('spec.nodeAffinity', 'Local volume requires node affinity'));
    }
    if (src === 'nfs' && !str(s.path).startsWith('/')) errs.push(invalid('spec.nfs.path', str(s.path), 'must be an absolute path'));
  }
  if (n === 0) errs.push(required('spec', 'must specify a volume type'));
  if (isObj(spec.hostPath) && str(spec.hostPath.path).replace(/\/+$/, '') === '' && str(spec.hostPath.path).startsWith('/') && rp === 'Recycle')
    errs.push(forbidden('spec.persistentVolumeReclaimPolicy', "may not be 'recycle' for a hostPath mount of '/'"));
  const sc = str(spec.storageClassName);
  if (sc) errs.push(...isDNS1123Subdomain(sc).map((m) => invalid('spec.storageClassName', sc, m)));
  if (spec.volumeMode !== undefined && spec.volumeMode !== null && !VOLUME_MODES.includes(str(spec.volumeMode)))
    errs.push(notSupported('spec.volumeMode', str(spec.volumeMode), VOLUME_MODES));
  return errs;
}

const sourceOf = (spec: Obj) => Object.fromEntries(PV_SOURCES.filter((s) => spec[s] !== undefined).map((s) => [s, spec[s]]));

export function validatePersistentVolumeUpdate(pv: Obj, old: Obj): FieldError[] {
  const errs = validatePersistentVolume(pv);
  const spec = obj(pv.spec);
  const oldSpec = obj(old.spec);
  if (!deepEqual(sourceOf(spec), sourceOf(oldSpec))) errs.push(forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation\n'));
  if ((spec.volumeMode ?? null) !== (oldSpec.volumeMode ?? null)) errs.push(invalid('volumeMode', spec.volumeMode ?? null, FIELD_IMMUTABLE));
  return errs;
}

export const validatePersistentVolumeClaim = (pvc: Obj) => validatePersistentVolumeClaimSpec(obj(pvc.spec), 'spec');

export function validatePersistentVolumeClaimUpdate(pvc: Obj, old: Obj): FieldError[] {
  const errs = validatePersistentVolumeClaim(pvc);
  const spec = obj(pvc.spec);
  const oldSpec = obj(old.spec);
  const munged: Obj = { ...spec };
  const oldMunged: Obj = { ...oldSpec };
  if (!str(oldSpec.volumeName)) oldMunged.volumeName = spec.volumeName;
  if (oldSpec.storageClassName === undefined || oldSpec.storageClassName === null) oldMunged.storageClassName = spec.storageClassName;
  const bound = obj(pvc.status).phase === 'Bound';
  if (bound) {
    munged.resources = { ...obj(spec.resources), requests: { ...obj(obj(spec.resources).requests), storage: obj(obj(oldSpec.resources).requests).storage } };
    munged.volumeAttributesClassName = oldSpec.volumeAttributesClassName;
  }
  if (!deepEqual(munged, oldMunged)) errs.push(forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n'));
  const newSize = readQuantity(obj(obj(spec.resources).requests).storage);
  const oldSize = readQuantity(obj(obj(oldSpec.resources).requests).storage);
  const statusSize = readQuantity(obj(obj(old.status).capacity).storage);
  if (newSize && oldSize && cmpQuantity(newSize, oldSize) < 0 && (!statusSize || cmpQuantity(newSize, statusSize) <= 0))
    errs.push(forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'));
  if ((spec.volumeMode ?? null) !== (oldSpec.volumeMode ?? null)) errs.push(invalid('volumeMode', spec.volumeMode ?? null, FIELD_IMMUTABLE));
  return errs;
}

export function validateStorageClass(sc: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const prov = str(sc.provisioner);
  if (!prov) errs.push(required('provisioner'));
  else errs.push(...isQualifiedName(prov.toLowerCase()).map((m) => invalid('provisioner', prov.toLowerCase(), m)));
  const params = obj(sc.parameters);
  if (Object.keys(params).length > 512) errs.push(tooLong('parameters', 512));
  else {
    let total = 0;
    for (const [k, v] of Object.entries(params)) {
      if (!k) errs.push(invalid('parameters', k, 'field can not be empty.'));
      total += byteLength(k) + byteLength(str(v));
    }
    if (total > 256 * 1024) errs.push(tooLong('parameters', 256 * 1024));
  }
  const rp = str(sc.reclaimPolicy);
  if (rp && rp !== 'Delete' && rp !== 'Retain') errs.push(notSupported('reclaimPolicy', rp, ['Delete', 'Retain']));
  if (sc.volumeBindingMode === undefined || sc.volumeBindingMode === null) errs.push(required('volumeBindingMode'));
  else if (!['Immediate', 'WaitForFirstConsumer'].includes(str(sc.volumeBindingMode)))
    errs.push(notSupported('volumeBindingMode', str(sc.volumeBindingMode), ['Immediate', 'WaitForFirstConsumer']));
  arr(sc.allowedTopologies).forEach((term, i) => {
    const tp = `allowedTopologies[${i}].matchLabelExpressions`;
    const seen = new Set<string>();
    arr(term.matchLabelExpressions).forEach((r, j) => {
      const rp2 = `${tp}[${j}]`;
      if (!arr(r.values).length) errs.push(required(child(rp2, 'values')));
      errs.push(...validateLabelName(str(r.key), child(rp2, 'key')));
      if (seen.has(str(r.key))) errs.push({ type: 'FieldValueDuplicate', field: child(rp2, 'key'), value: str(r.key) });
      seen.add(str(r.key));
    });
  });
  return errs;
}

export function validateStorageClassUpdate(sc: Obj, old: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (!deepEqual(sc.parameters, old.parameters)) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (str(sc.provisioner) !== str(old.provisioner)) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (str(sc.reclaimPolicy) !== str(old.reclaimPolicy)) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if ((sc.volumeBindingMode ?? null) !== (old.volumeBindingMode ?? null)) errs.push(invalid('volumeBindingMode', sc.volumeBindingMode ?? null, FIELD_IMMUTABLE));
  return [...validateStorageClass(sc), ...errs];
}
