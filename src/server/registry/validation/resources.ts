// Resource names and quantities (core validation validateResourceName & friends, helper.IsStandard*).
import type { FieldError } from '../../status.ts';
import { child, forbidden, goText, invalid, key, obj, required, IS_NEGATIVE } from './field.ts';
import { isQualifiedName } from '../../../api/validation/names.ts';
import { cmpQuantity, MILLI, quantitySign, quantityString, readQuantity, scaledValue, type Quantity } from '../../../api/quantity.ts';

const HUGEPAGES = 'hugepages-';
const STANDARD_CONTAINER = new Set(['cpu', 'memory', 'ephemeral-storage']);
const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory',
  'limits.ephemeral-storage', 'pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'persistentvolumeclaims', 'storage',
  'requests.storage', 'services.nodeports', 'services.loadbalancers', 'configmaps',
]);
const STANDARD_QUOTA = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.storage', 'requests.ephemeral-storage', 'limits.cpu',
  'limits.memory', 'limits.ephemeral-storage', 'pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'persistentvolumeclaims',
  'configmaps', 'services.nodeports', 'services.loadbalancers',
]);
const INTEGER_RESOURCES = new Set(['pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers']);

export const isHugePageResourceName = (n: string) => n.startsWith(HUGEPAGES);
const isStandardResourceName = (n: string) => n.startsWith(HUGEPAGES) || STANDARD_RESOURCES.has(n);
const isStandardContainerResourceName = (n: string) => n.startsWith(HUGEPAGES) || STANDARD_CONTAINER.has(n);
export const isStandardQuotaResourceName = (n: string) => STANDARD_QUOTA.has(n) || n.startsWith(`requests.${HUGEPAGES}`);
export const isNativeResource = (n: string) => !n.includes('/') || n.includes('kubernetes.io/');
export const isExtendedResourceName = (n: string) => !isNativeResource(n) && !n.startsWith('requests.') && isQualifiedName(`requests.${n}`).length === 0;
export const isOvercommitAllowed = (n: string) => isNativeResource(n) && !isHugePageResourceName(n);
const isIntegerResourceName = (n: string) => INTEGER_RESOURCES.has(n) || isExtendedResourceName(n);

/** validateResourceName. */
export function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (errs.length) return errs;
  if (!name.includes('/') && !isStandardResourceName(name)) errs.push(invalid(path, name, 'must be a standard resource type or fully qualified'));
  return errs;
}

/** validateContainerResourceName. */
export function validateContainerResourceName(name: string, path: string): FieldError[] {
  const errs = validateResourceName(name, path);
  if (!name.includes('/')) {
    if (!isStandardContainerResourceName(name)) errs.push(invalid(path, name, 'must be a standard resource for containers'));
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

export function validateQuotaResourceName(name: string, path: string): FieldError[] {
  const errs = validateResourceName(name, path);
  if (!name.includes('/') && !isStandardQuotaResourceName(name)) errs.push(invalid(path, name, 'must be a standard resource for quota'));
  return errs;
}

/** A quantity's String() as a Go Stringer prints it (unquoted). */
export const quantityGo = (q: Quantity) => goText(quantityString(q));

/** ValidateResourceQuantityValue: not negative; whole numbers for countable resources. */
export function validateResourceQuantityValue(resource: string, q: Quantity, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (quantitySign(q) < 0) errs.push(invalid(path, quantityString(q), IS_NEGATIVE));
  if (isIntegerResourceName(resource) && scaledValue(q, MILLI) % 1000n !== 0n) errs.push(invalid(path, quantityGo(q), 'must be an integer'));
  return errs;
}

/** validateResourceRequirements with container resource names. */
export function validateResourceRequirements(requirements: unknown, claimNames: Set<string>, path: string): FieldError[] {
  const r = obj(requirements);
  const errs: FieldError[] = [];
  const limPath = child(path, 'limits');
  const reqPath = child(path, 'requests');
  let limCpuMem = false;
  let reqCpuMem = false;
  let limHuge = false;
  let reqHuge = false;
  const limits = obj(r.limits);
  for (const [name, raw] of Object.entries(limits)) {
    const p = key(limPath, name);
    errs.push(...validateContainerResourceName(name, p));
    const q = readQuantity(raw);
    if (q) errs.push(...validateResourceQuantityValue(name, q, p));
    if (isHugePageResourceName(name)) limHuge = true;
    if (name === 'cpu' || name === 'memory') limCpuMem = true;
  }
  for (const [name, raw] of Object.entries(obj(r.requests))) {
    const p = key(reqPath, name);
    errs.push(...validateContainerResourceName(name, p));
    const q = readQuantity(raw);
    if (q) errs.push(...validateResourceQuantityValue(name, q, p));
    const lim = readQuantity(limits[name]);
    if (lim && q) {
      if (cmpQuantity(q, lim) !== 0 && !isOvercommitAllowed(name))
        errs.push(invalid(reqPath, quantityString(q), `must be equal to ${name} limit of ${quantityString(lim)}`));
      else if (cmpQuantity(q, lim) > 0) errs.push(invalid(reqPath, quantityString(q), `must be less than or equal to ${name} limit of ${quantityString(lim)}`));
    } else if (!(name in limits) && !isOvercommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePageResourceName(name)) reqHuge = true;
    if (name === 'cpu' || name === 'memory') reqCpuMem = true;
  }
  if (!limCpuMem && !reqCpuMem && (reqHuge || limHuge)) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  const seen = new Set<string>();
  (Array.isArray(r.claims) ? r.claims : []).forEach((c: unknown, i: number) => {
    const cp = `${child(path, 'claims')}[${i}]`;
    const name = typeof obj(c).name === 'string' ? (obj(c).name as string) : '';
    if (!name) errs.push(required(cp));
    else if (seen.has(name)) errs.push({ type: 'FieldValueDuplicate', field: cp, value: name });
    else {
      seen.add(name);
      if (!claimNames.has(name))
        errs.push({
          type: 'FieldValueNotFound',
          field: cp,
          value: name,
          detail: `must be one of the names in pod.spec.resourceClaims${claimNames.size ? ': ' + [...claimNames].sort().join(', ') : ' which is empty'}`,
        });
    }
  });
  return errs;
}
