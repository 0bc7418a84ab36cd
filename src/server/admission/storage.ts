// Admission plugins for volumes and classes: DefaultStorageClass (plugin/pkg/admission/storage/
// storageclass/setdefault), StorageObjectInUseProtection (.../storageobjectinuseprotection),
// PersistentVolumeClaimResize (.../persistentvolume/resize) and DefaultIngressClass
// (plugin/pkg/admission/network/defaultingressclass).
import type { KubeObject } from '../../api/object.ts';
import { cmpQuantity, quantityOf } from '../../api/quantity.ts';
import { child, type Json } from '../registry/defaults/walk.ts';
import { admissionForbidden, isResource, type AdmissionPlugin, type Attributes } from './attributes.ts';

const STORAGE = 'storage.k8s.io';
const NETWORKING = 'networking.k8s.io';
const BETA_CLAIM_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** The newest class marked default, ties broken by name (util.GetDefaultClass). */
function newestDefault(classes: readonly KubeObject[], isDefault: (c: KubeObject) => boolean): KubeObject | undefined {
  const time = (c: KubeObject) => Date.parse(c.metadata.creationTimestamp ?? '') || 0;
  return classes
    .filter(isDefault)
    .sort((x, y) => time(y) - time(x) || ((x.metadata.name ?? '') < (y.metadata.name ?? '') ? -1 : 1))[0];
}

export const defaultStorageClassAdmission: AdmissionPlugin = {
  async admit(a) {
    if (!isResource(a, '', 'persistentvolumeclaims') || a.operation !== 'create') return;
    const spec = ((a.obj.spec ??= {}) as Json);
    // the claim asked for a class, even "" (no class)
    if ((spec.storageClassName !== undefined && spec.storageClassName !== null) || a.obj.metadata.annotations?.[BETA_CLAIM_CLASS] !== undefined) return;
    const classes = (await a.ctx.cluster?.list(STORAGE, 'storageclasses')) ?? [];
    const annotations = (c: KubeObject) => c.metadata.annotations ?? {};
    const chosen = newestDefault(
      classes,
      (c) => annotations(c)['storageclass.kubernetes.io/is-default-class'] === 'true' || annotations(c)['storageclass.beta.kubernetes.io/is-default-class'] === 'true',
    );
    if (chosen) spec.storageClassName = chosen.metadata.name;
  },
};

const PROTECTION_FINALIZERS: Record<string, string> = {
  persistentvolumes: 'kubernetes.io/pv-protection',
  persistentvolumeclaims: 'kubernetes.io/pvc-protection',
};

export const storageObjectInUseProtectionAdmission: AdmissionPlugin = {
  admit(a) {
    if (a.resource.group !== '' || a.operation !== 'create') return;
    const finalizer = PROTECTION_FINALIZERS[a.resource.resource];
    if (!finalizer) return;
    const finalizers = a.obj.metadata.finalizers ?? [];
    if (!finalizers.includes(finalizer)) a.obj.metadata.finalizers = [...finalizers, finalizer];
  },
};

/** GetPersistentVolumeClaimClass: the beta annotation wins over the field. */
function claimClass(pvc: KubeObject | undefined): string {
  const beta = pvc?.metadata.annotations?.[BETA_CLAIM_CLASS];
  if (beta !== undefined) return beta;
  const name = child(pvc, 'spec')?.storageClassName;
  return typeof name === 'string' ? name : '';
}

const storageRequest = (pvc: KubeObject | undefined) => quantityOf(child(child(child(pvc, 'spec'), 'resources'), 'requests')?.storage);

export const claimResizeAdmission: AdmissionPlugin = {
  async validate(a) {
    if (!isResource(a, '', 'persistentvolumeclaims') || a.operation !== 'update' || !a.old) return;
    if (cmpQuantity(storageRequest(a.obj), storageRequest(a.old)) <= 0) return;
    // an unbound claim's spec change is rejected by validation before admission sees it
    if (child(a.old, 'status')?.phase !== 'Bound') return;
    if (!(await allowsResize(a))) throw admissionForbidden(a, 'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize');
  },
};

async function allowsResize(a: Attributes): Promise<boolean> {
  const name = claimClass(a.obj);
  if (!name || claimClass(a.old) !== name) return false;
  const sc = await a.ctx.cluster?.get(STORAGE, 'storageclasses', '', name);
  return sc?.allowVolumeExpansion === true;
}

export const defaultIngressClassAdmission: AdmissionPlugin = {
  async admit(a) {
    if (!isResource(a, NETWORKING, 'ingresses') || a.operation !== 'create') return;
    const spec = ((a.obj.spec ??= {}) as Json);
    if ((spec.ingressClassName !== undefined && spec.ingressClassName !== null) || a.obj.metadata.annotations?.['kubernetes.io/ingress.class'] !== undefined) return;
    const classes = (await a.ctx.cluster?.list(NETWORKING, 'ingressclasses')) ?? [];
    const chosen = newestDefault(classes, (c) => c.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true');
    if (chosen) spec.ingressClassName = chosen.metadata.name;
  },
};
