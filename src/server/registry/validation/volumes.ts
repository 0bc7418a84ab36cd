// Pod volumes (core validation ValidateVolumes / validateVolumeSource): one source per volume, the
// common sources' required fields, DNS-label names, no duplicates.
import type { FieldError } from '../../status.ts';
import { arr, child, forbidden, index, invalid, notSupported, obj, required, str, type Obj } from './field.ts';
import { isDNS1123Label, isDNS1123Subdomain } from '../../../api/validation/names.ts';
import { validateTemplateObjectMeta } from './meta.ts';
import { quantitySign, readQuantity } from '../../../api/quantity.ts';
import { validatePersistentVolumeClaimSpec } from './pvc-spec.ts';

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';

export const dnsLabelErrors = (value: string, path: string) => isDNS1123Label(value).map((m) => invalid(path, value, m));

/** validatePathNoBacksteps. */
export function noBacksteps(p: string, path: string): FieldError[] {
  return p.replace(/\\/g, '/').split('/').includes('..') ? [invalid(path, p, "must not contain '..'")] : [];
}

/** validateLocalDescendingPath. */
export function localDescendingPath(p: string, path: string): FieldError[] {
  const errs = p.startsWith('/') ? [invalid(path, p, 'must be a relative path')] : [];
  return [...errs, ...noBacksteps(p, path)];
}

/** ValidateLocalNonReservedPath. */
export function localNonReservedPath(p: string, path: string): FieldError[] {
  const errs = localDescendingPath(p, path);
  if (p.startsWith('..') && !p.startsWith('../')) errs.push(invalid(path, p, "must not start with '..'"));
  return errs;
}

const mode = (m: unknown, path: string) => (typeof m === 'number' && (m > 0o777 || m < 0) ? [invalid(path, m, FILE_MODE_ERROR)] : []);

function keyToPath(kp: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(kp.key)) errs.push(required(child(path, 'key')));
  if (!str(kp.path)) errs.push(required(child(path, 'path')));
  errs.push(...localNonReservedPath(str(kp.path), child(path, 'path')), ...mode(kp.mode, child(path, 'mode')));
  return errs;
}

const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

const VOLUME_DOWNWARD_FIELDS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];

function downwardFile(f: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(f.path)) errs.push(required(child(path, 'path')));
  errs.push(...localNonReservedPath(str(f.path), child(path, 'path')));
  if (f.fieldRef) {
    errs.push(...objectFieldSelector(obj(f.fieldRef), VOLUME_DOWNWARD_FIELDS, child(path, 'fieldRef')));
    if (f.resourceFieldRef) errs.push(invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (f.resourceFieldRef) {
    const r = obj(f.resourceFieldRef);
    if (!str(r.containerName)) errs.push(required(child(path, 'resourceFieldRef', 'containerName')));
    else if (!str(r.resource)) errs.push(required(child(path, 'resourceFieldRef', 'resource')));
  } else errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
  errs.push(...mode(f.mode, child(path, 'mode')));
  return errs;
}

/** validateObjectFieldSelector: apiVersion and fieldPath required; subscripts only on labels/annotations. */
export function objectFieldSelector(fs: Obj, allowed: string[], path: string): FieldError[] {
  if (!str(fs.apiVersion)) return [required(child(path, 'apiVersion'))];
  const fp = str(fs.fieldPath);
  if (!fp) return [required(child(path, 'fieldPath'))];
  const m = /^(.+)\['(.*)'\]$/.exec(fp);
  if (m) {
    if (m[1] === 'metadata.labels' || m[1] === 'metadata.annotations') return [];
    return [invalid(path, m[1]!, 'does not support subscript')];
  }
  return allowed.includes(fp) ? [] : [notSupported(child(path, 'fieldPath'), fp, allowed)];
}

function projected(p: Obj, path: string): FieldError[] {
  const errs = mode(p.defaultMode, child(path, 'defaultMode'));
  const seen = new Set<string>();
  const addPath = (pth: string, v: string) => {
    if (seen.has(pth)) errs.push(invalid(path, v, 'conflicting duplicate paths'));
    else seen.add(pth);
  };
  arr(p.sources).forEach((s, i) => {
    const src = index(child(path, 'sources'), i);
    let n = 0;
    for (const kind of ['secret', 'configMap'] as const) {
      if (!s[kind]) continue;
      n++;
      const ref = obj(s[kind]);
      if (!str(ref.name)) errs.push(required(child(src, kind, 'name')));
      arr(ref.items).forEach((kp, j) => {
        errs.push(...keyToPath(kp, index(child(src, kind, 'items'), j)));
        if (str(kp.path)) addPath(str(kp.path), str(ref.name));
      });
    }
    if (s.downwardAPI) {
      n++;
      for (const f of arr(obj(s.downwardAPI).items)) {
        errs.push(...downwardFile(f, child(src, 'downwardAPI')));
        if (str(f.path)) addPath(str(f.path), str(f.path));
      }
    }
    if (s.serviceAccountToken) {
      n++;
      const t = obj(s.serviceAccountToken);
      const exp = typeof t.expirationSeconds === 'number' ? t.expirationSeconds : 0;
      const tp = child(src, 'serviceAccountToken', 'expirationSeconds');
      if (exp < 600) errs.push(invalid(tp, exp, 'may not specify a duration less than 10 minutes'));
      if (exp > 2 ** 32) errs.push(invalid(tp, exp, 'may not specify a duration larger than 2^32 seconds'));
      if (!str(t.path)) errs.push(required(child(path, 'path')));
      else errs.push(...localNonReservedPath(str(t.path), child(path, 'path')));
    }
    if (s.clusterTrustBundle) {
      n++;
      const c = obj(s.clusterTrustBundle);
      if (!str(c.path)) errs.push(required(child(src, 'clusterTrustBundle', 'path')));
    }
    if (n > 1) errs.push(forbidden(src, 'may not specify more than 1 volume type per source'));
  });
  return errs;
}

type SourceCheck = (s: Obj, path: string, ctx: { volName: string; podName?: string; isPod: boolean }) => FieldError[];

const need = (s: Obj, path: string, ...fields: string[]) => fields.filter((f) => !s[f] || (Array.isArray(s[f]) && !s[f].length)).map((f) => required(child(path, f)));

/** validateVolumeSource's order: [json field, path used for "more than 1", path used for its own checks, check]. */
const SOURCES: [string, string, string, SourceCheck][] = [
  ['emptyDir', 'emptyDir', 'emptyDir', (s, p) => {
    const q = readQuantity(s.sizeLimit);
    return q && quantitySign(q) < 0 ? [forbidden(child(p, 'sizeLimit'), 'SizeLimit field must be a valid resource quantity')] : [];
  }],
  ['hostPath', 'hostPath', 'hostPath', (s, p) => {
    if (!str(s.path)) return [required(child(p, 'path'))];
    const errs = noBacksteps(str(s.path), child(p, 'path'));
    if (s.type !== undefined && s.type !== null && !HOST_PATH_TYPES.includes(str(s.type))) errs.push(notSupported(child(p, 'type'), str(s.type), HOST_PATH_TYPES));
    return errs;
  }],
  ['gitRepo', 'gitRepo', 'gitRepo', (s, p) => [...need(s, p, 'repository'), ...localDescendingPath(str(s.directory), child(p, 'directory'))]],
  ['gcePersistentDisk', 'gcePersistentDisk', 'persistentDisk', (s, p) => need(s, p, 'pdName')],
  ['awsElasticBlockStore', 'awsElasticBlockStore', 'awsElasticBlockStore', (s, p) => need(s, p, 'volumeID')],
  ['secret', 'secret', 'secret', (s, p) => [
    ...need(s, p, 'secretName'),
    ...mode(s.defaultMode, child(p, 'defaultMode')),
    ...arr(s.items).flatMap((kp, i) => keyToPath(kp, index(child(p, 'items'), i))),
  ]],
  ['nfs', 'nfs', 'nfs', (s, p) => {
    const errs = need(s, p, 'server', 'path');
    if (!str(s.path).startsWith('/')) errs.push(invalid(child(p, 'path'), str(s.path), 'must be an absolute path'));
    return errs;
  }],
  ['iscsi', 'iscsi', 'iscsi', (s, p) => need(s, p, 'targetPortal', 'iqn')],
  ['glusterfs', 'glusterfs', 'glusterfs', (s, p) => need(s, p, 'endpoints', 'path')],
  ['flocker', 'flocker', 'flocker', () => []],
  ['persistentVolumeClaim', 'persistentVolumeClaim', 'persistentVolumeClaim', (s, p) => need(s, p, 'claimName')],
  ['rbd', 'rbd', 'rbd', (s, p) => need(s, p, 'monitors', 'image')],
  ['cinder', 'cinder', 'cinder', (s, p) => need(s, p, 'volumeID')],
  ['cephfs', 'cephFS', 'cephfs', (s, p) => need(s, p, 'monitors')],
  ['quobyte', 'quobyte', 'quobyte', (s, p) => need(s, p, 'volume')],
  ['downwardAPI', 'downwarAPI', 'downwardAPI', (s, p) => [
    ...mode(s.defaultMode, child(p, 'defaultMode')),
    ...arr(s.items).flatMap((f) => downwardFile(f, p)),
  ]],
  ['fc', 'fc', 'fc', () => []],
  ['flexVolume', 'flexVolume', 'flexVolume', (s, p) => need(s, p, 'driver')],
  ['configMap', 'configMap', 'configMap', (s, p) => [
    ...need(s, p, 'name'),
    ...mode(s.defaultMode, child(p, 'defaultMode')),
    ...arr(s.items).flatMap((kp, i) => keyToPath(kp, index(child(p, 'items'), i))),
  ]],
  ['azureFile', 'azureFile', 'azureFile', (s, p) => need(s, p, 'secretName', 'shareName')],
  ['vsphereVolume', 'vsphereVolume', 'vsphereVolume', (s, p) => need(s, p, 'volumePath')],
  ['photonPersistentDisk', 'photonPersistentDisk', 'photonPersistentDisk', (s, p) => need(s, p, 'pdID')],
  ['portworxVolume', 'portworxVolume', 'portworxVolume', (s, p) => need(s, p, 'volumeID')],
  ['azureDisk', 'azureDisk', 'azureDisk', (s, p) => need(s, p, 'diskName', 'diskURI')],
  ['storageos', 'storageos', 'storageos', (s, p) => need(s, p, 'volumeName')],
  ['projected', 'projected', 'projected', (s, p) => projected(s, p)],
  ['scaleIO', 'scaleIO', 'scaleIO', (s, p) => need(s, p, 'gateway', 'system', 'volumeName')],
  ['csi', 'csi', 'csi', (s, p) => {
    const d = str(s.driver);
    const errs = d ? [] : [required(child(p, 'driver'))];
    if (d.length > 63) errs.push({ type: 'FieldValueTooLong', field: child(p, 'driver'), detail: 'must have at most 63 bytes' });
    errs.push(...isDNS1123Subdomain(d.toLowerCase()).map((m) => invalid(child(p, 'driver'), d, m)));
    return errs;
  }],
  ['ephemeral', 'ephemeral', 'ephemeral', (s, p) => {
    if (!s.volumeClaimTemplate) return [required(child(p, 'volumeClaimTemplate'))];
    const t = obj(s.volumeClaimTemplate);
    const tp = child(p, 'volumeClaimTemplate');
    return [...validateTemplateObjectMeta(t.metadata, child(tp, 'metadata')), ...validatePersistentVolumeClaimSpec(obj(t.spec), child(tp, 'spec'))];
  }],
  ['image', 'image', 'image', (s, p, ctx) => {
    const errs = ctx.isPod && !str(s.reference) ? [required(child(p, 'reference'))] : [];
    const pp = str(s.pullPolicy);
    if (!pp) errs.push(required(child(p, 'pullPolicy')));
    else if (!['Always', 'IfNotPresent', 'Never'].includes(pp)) errs.push(notSupported(child(p, 'pullPolicy'), pp, ['Always', 'IfNotPresent', 'Never']));
    return errs;
  }],
];

function validateVolumeSource(v: Obj, path: string, ctx: { volName: string; podName?: string; isPod: boolean }): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const [field, dupPath, ownPath, check] of SOURCES) {
    if (v[field] === undefined || v[field] === null) continue;
    if (n > 0) {
      errs.push(forbidden(child(path, dupPath), 'may not specify more than 1 volume type'));
      continue;
    }
    n++;
    errs.push(...check(obj(v[field]), child(path, ownPath), ctx));
  }
  if (n === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

/** The volumes that validated, by name, with their source JSON (mounts may only refer to these). */
export type VolumeIndex = Map<string, Obj>;

export function validateVolumes(volumes: unknown, path: string, opts: { podName?: string; isPod: boolean }): { vols: VolumeIndex; errs: FieldError[] } {
  const errs: FieldError[] = [];
  const vols: VolumeIndex = new Map();
  const names = new Set<string>();
  arr(volumes).forEach((v, i) => {
    const idx = index(path, i);
    const name = str(v.name);
    const el = validateVolumeSource(v, idx, { volName: name, podName: opts.podName, isPod: opts.isPod });
    if (!name) el.push(required(child(idx, 'name')));
    else el.push(...dnsLabelErrors(name, child(idx, 'name')));
    if (names.has(name)) el.push({ type: 'FieldValueDuplicate', field: child(idx, 'name'), value: name });
    if (el.length === 0) {
      names.add(name);
      vols.set(name, v);
    } else errs.push(...el);
  });
  return { vols, errs };
}


