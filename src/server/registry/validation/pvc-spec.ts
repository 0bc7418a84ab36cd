// PersistentVolumeClaimSpec (core validation ValidatePersistentVolumeClaimSpec), shared by PVCs,
// generic ephemeral volumes and StatefulSet claim templates.
import type { FieldError } from '../../status.ts';
import { arr, child, forbidden, invalid, key, notSupported, obj, required, str, type Obj } from './field.ts';
import { validateLabelSelector } from './meta.ts';
import { isDNS1123Subdomain } from '../../../api/validation/names.ts';
import { quantitySign, quantityString, readQuantity } from '../../../api/quantity.ts';
import { validateResourceQuantityValue } from './resources.ts';

export const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
export const VOLUME_MODES = ['Block', 'Filesystem'];

/** Access modes: supported values, and ReadWriteOncePod alone. */
export function validateAccessModes(modes: unknown, path: string): FieldError[] {
  const list = arr<string>(modes);
  const errs: FieldError[] = [];
  let rwop = false;
  let other = false;
  for (const m of list) {
    if (!ACCESS_MODES.includes(m)) errs.push(notSupported(path, m, ACCESS_MODES));
    if (m === 'ReadWriteOncePod') rwop = true;
    else if (ACCESS_MODES.includes(m)) other = true;
  }
  if (rwop && other) errs.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

export function validatePersistentVolumeClaimSpec(spec: Obj, path: string): FieldError[] {
  const modesPath = child(path, 'accessModes');
  const errs: FieldError[] = arr(spec.accessModes).length ? [] : [required(modesPath, 'at least 1 access mode is required')];
  if (spec.selector) errs.push(...validateLabelSelector(spec.selector, child(path, 'selector')));
  errs.push(...validateAccessModes(spec.accessModes, modesPath));
  const storagePath = key(child(path, 'resources'), 'storage');
  const requests = obj(obj(spec.resources).requests);
  if (!('storage' in requests)) errs.push(required(storagePath));
  else {
    const q = readQuantity(requests.storage);
    if (q && quantitySign(q) <= 0) errs.push(invalid(storagePath, quantityString(q), 'must be greater than zero'));
    else if (q) errs.push(...validateResourceQuantityValue('storage', q, storagePath));
  }
  const sc = str(spec.storageClassName);
  if (sc) errs.push(...isDNS1123Subdomain(sc).map((m) => invalid(child(path, 'storageClassName'), sc, m)));
  if (spec.volumeMode !== undefined && spec.volumeMode !== null && !VOLUME_MODES.includes(str(spec.volumeMode)))
    errs.push(notSupported(child(path, 'volumeMode'), str(spec.volumeMode), VOLUME_MODES));
  for (const f of ['dataSource', 'dataSourceRef'] as const) {
    if (!spec[f]) continue;
    const ds = obj(spec[f]);
    const dp = child(path, f);
    if (!str(ds.name)) errs.push(required(child(dp, 'name')));
    if (!str(ds.kind)) errs.push(required(child(dp, 'kind')));
    if (!str(ds.apiGroup) && ds.kind !== 'PersistentVolumeClaim') errs.push(invalid(dp, str(ds.kind), "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  }
  return errs;
}
