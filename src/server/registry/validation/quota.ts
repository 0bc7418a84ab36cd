// ResourceQuotas and LimitRanges (core validation).
import type { FieldError } from '../../status.ts';
import { arr, child, duplicate, FIELD_IMMUTABLE, forbidden, index, invalid, key, obj, required, str, type Obj } from './field.ts';
import { goSlice } from './go-repr.ts';
import { isQualifiedName } from '../../../api/validation/names.ts';
import { cmpQuantity, newQuantity, quantityMilliValue, quantitySign, quantityString, readQuantity, type Quantity } from '../../../api/quantity.ts';
import {
  isOvercommitAllowed, isStandardQuotaResourceName, quantityGo, validateContainerResourceName, validateQuotaResourceName,
  validateResourceName, validateResourceQuantityValue,
} from './resources.ts';

const SCOPES = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity', 'VolumeAttributesClass'];
const ONE = newQuantity(1, 'DecimalSI');
const POD_COMPUTE = new Set(['pods', 'cpu', 'memory', 'limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory']);

function scopeValidFor(scope: string, resource: string): boolean {
  if (scope === 'BestEffort') return resource === 'pods';
  if (['Terminating', 'NotTerminating', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'].includes(scope)) return POD_COMPUTE.has(resource);
  return true;
}

function hardList(hard: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(obj(hard))) {
    const p = key(path, k);
    errs.push(...validateQuotaResourceName(k, p));
    const q = readQuantity(v);
    if (q) errs.push(...validateResourceQuantityValue(k, q, p));
  }
  return errs;
}

function quotaSpec(spec: Obj): FieldError[] {
  const errs = hardList(spec.hard, 'spec.hard');
  const scopes = arr<string>(spec.scopes);
  const hard = Object.keys(obj(spec.hard)).sort();
  const conflicts = (set: Set<string>, path: string, value: ReturnType<typeof goSlice>) => {
    if ((set.has('BestEffort') && set.has('NotBestEffort')) || (set.has('Terminating') && set.has('NotTerminating'))) errs.push(invalid(path, value, 'conflicting scopes'));
  };
  if (scopes.length) {
    const value = goSlice(scopes, 'core.ResourceQuotaScope');
    for (const scope of scopes) {
      if (!SCOPES.includes(scope)) errs.push(invalid('spec.scopes', value, 'unsupported scope'));
      for (const k of hard) if (isStandardQuotaResourceName(k) && !scopeValidFor(scope, k)) errs.push(invalid('spec.scopes', value, 'unsupported scope applied to resource'));
    }
    conflicts(new Set(scopes), 'spec.scopes', value);
  }
  const exprs = arr(obj(spec.scopeSelector).matchExpressions);
  const seen = new Set<string>();
  exprs.forEach((r) => {
    const p = 'spec.scopeSelector.matchExpressions';
    const scope = str(r.scopeName);
    if (!SCOPES.includes(scope)) errs.push(invalid(child(p, 'scopeName'), scope, 'unsupported scope'));
    for (const k of hard) if (isStandardQuotaResourceName(k) && !scopeValidFor(scope, k)) errs.push(invalid(p, '', 'unsupported scope applied to resource'));
    if (['BestEffort', 'NotBestEffort', 'Terminating', 'NotTerminating', 'CrossNamespacePodAffinity'].includes(scope) && r.operator !== 'Exists')
      errs.push(
        invalid(child(p, 'operator'), str(r.operator), 'must be \'Exists\' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity'),
      );
    const values = arr<string>(r.values);
    if (r.operator === 'In' || r.operator === 'NotIn') {
      if (!values.length) errs.push(required(child(p, 'values'), "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector"));
    } else if (r.operator === 'Exists' || r.operator === 'DoesNotExist') {
      if (values.length) errs.push(invalid(child(p, 'values'), goSlice(values), "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector"));
    } else errs.push(invalid(child(p, 'operator'), str(r.operator), 'not a valid selector operator'));
    seen.add(scope);
  });
  if (exprs.length) conflicts(seen, 'spec.scopeSelector.matchExpressions', goSlice(spec.scopes, 'core.ResourceQuotaScope'));
  return errs;
}

export const validateResourceQuota = (rq: Obj) => [...quotaSpec(obj(rq.spec)), ...hardList(obj(rq.status).hard, 'status.hard'), ...hardList(obj(rq.status).used, 'status.used')];

export function validateResourceQuotaUpdate(rq: Obj, old: Obj): FieldError[] {
  const errs = quotaSpec(obj(rq.spec));
  const a = new Set(arr<string>(obj(rq.spec).scopes));
  const b = new Set(arr<string>(obj(old.spec).scopes));
  if (a.size !== b.size || [...a].some((s) => !b.has(s))) errs.push(invalid('spec.scopes', goSlice(obj(rq.spec).scopes, 'core.ResourceQuotaScope'), FIELD_IMMUTABLE));
  return errs;
}

export const validateResourceQuotaStatusUpdate = (rq: Obj) => [...hardList(obj(rq.status).hard, 'status.hard'), ...hardList(obj(rq.status).used, 'status.used')];

const LIMIT_TYPES = new Set(['Pod', 'Container', 'PersistentVolumeClaim']);

function limitResourceName(type: string, name: string, path: string): FieldError[] {
  return type === 'Pod' || type === 'Container' ? validateContainerResourceName(name, path) : validateResourceName(name, path);
}

export function validateLimitRange(lr: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const types = new Set<string>();
  arr(obj(lr.spec).limits).forEach((limit, i) => {
    const p = index('spec.limits', i);
    const type = str(limit.type);
    const typeErrs = isQualifiedName(type).map((m) => invalid(child(p, 'type'), type, m));
    if (!typeErrs.length && !type.includes('/') && !LIMIT_TYPES.has(type)) typeErrs.push(invalid(child(p, 'type'), type, 'must be a standard limit type or fully qualified'));
    errs.push(...typeErrs);
    if (types.has(type)) errs.push(duplicate(child(p, 'type'), type));
    types.add(type);
    const maps: Record<string, Map<string, Quantity>> = { max: new Map(), min: new Map(), default: new Map(), defaultRequest: new Map(), maxLimitRequestRatio: new Map() };
    const keys = new Set<string>();
    const collect = (f: string) => {
      for (const [k, v] of Object.entries(obj(limit[f]))) {
        errs.push(...limitResourceName(type, k, key(child(p, f), k)));
        keys.add(k);
        const q = readQuantity(v);
        if (q) maps[f]!.set(k, q);
      }
    };
    collect('max');
    collect('min');
    if (type === 'Pod') {
      if (Object.keys(obj(limit.default)).length) errs.push(forbidden(child(p, 'default'), "may not be specified when `type` is 'Pod'"));
      if (Object.keys(obj(limit.defaultRequest)).length) errs.push(forbidden(child(p, 'defaultRequest'), "may not be specified when `type` is 'Pod'"));
    } else {
      collect('default');
      collect('defaultRequest');
    }
    if (type === 'PersistentVolumeClaim' && !('storage' in obj(limit.min)) && !('storage' in obj(limit.max)))
      errs.push(required(child(p, 'limits'), 'either minimum or maximum storage value is required, but neither was provided'));
    collect('maxLimitRequestRatio');
    for (const k of keys) {
      const [min, max, def, defReq, ratio] = ['min', 'max', 'default', 'defaultRequest', 'maxLimitRequestRatio'].map((f) => maps[f]!.get(k));
      const s = quantityString;
      if (min && max && cmpQuantity(min, max) > 0) errs.push(invalid(key(child(p, 'min'), k), quantityGo(min), `min value ${s(min)} is greater than max value ${s(max)}`));
      if (defReq && min && cmpQuantity(min, defReq) > 0) errs.push(invalid(key(child(p, 'defaultRequest'), k), quantityGo(defReq), `min value ${s(min)} is greater than default request value ${s(defReq)}`));
      if (defReq && max && cmpQuantity(defReq, max) > 0) errs.push(invalid(key(child(p, 'defaultRequest'), k), quantityGo(defReq), `default request value ${s(defReq)} is greater than max value ${s(max)}`));
      if (defReq && def && cmpQuantity(defReq, def) > 0) errs.push(invalid(key(child(p, 'defaultRequest'), k), quantityGo(defReq), `default request value ${s(defReq)} is greater than default limit value ${s(def)}`));
      if (def && min && cmpQuantity(min, def) > 0) errs.push(invalid(key(child(p, 'default'), k), quantityGo(min), `min value ${s(min)} is greater than default value ${s(def)}`));
      if (def && max && cmpQuantity(def, max) > 0) errs.push(invalid(key(child(p, 'default'), k), quantityGo(max), `default value ${s(def)} is greater than max value ${s(max)}`));
      if (ratio && cmpQuantity(ratio, ONE) < 0) errs.push(invalid(key(child(p, 'maxLimitRequestRatio'), k), quantityGo(ratio), `ratio ${s(ratio)} is less than 1`));
      if (ratio && min && max && quantitySign(min) > 0) {
        const limit = quantityMilliValue(max) / quantityMilliValue(min);
        if (quantityMilliValue(ratio) / 1000 > limit)
          errs.push(invalid(key(child(p, 'maxLimitRequestRatio'), k), quantityGo(ratio), `ratio ${s(ratio)} is greater than max/min = ${limit.toFixed(6)}`));
      }
      if (!isOvercommitAllowed(k) && def && defReq && cmpQuantity(def, defReq) !== 0)
        errs.push(invalid(key(child(p, 'defaultRequest'), k), quantityGo(defReq), `default value ${s(def)} must equal to defaultRequest value ${s(defReq)} in ${k}`));
    }
  });
  return errs;
}

