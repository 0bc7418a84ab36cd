// autoscaling/v2 HorizontalPodAutoscalers (autoscaling validation; the internal type is v2-shaped).
import type { FieldError } from '../../status.ts';
import { arr, child, forbidden, index, invalid, isObj, nonNegative, notSupported, obj, required, str, type Obj } from './field.ts';
import { isValidPathSegmentName } from '../../../api/validation/names.ts';
import { quantitySign, readQuantity } from '../../../api/quantity.ts';
import { quantityGo, validateContainerResourceName } from './resources.ts';
import { dnsLabelErrors } from './volumes.ts';

const METRIC_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const FIELD_FOR_TYPE: Record<string, string> = { Object: 'object', Pods: 'pods', Resource: 'resource', External: 'external', ContainerResource: 'containerResource' };

function crossVersionObjectReference(ref: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['kind', 'name']) {
    const v = str(ref[f]);
    if (!v) errs.push(required(child(path, f)));
    else errs.push(...isValidPathSegmentName(v).map((m) => invalid(child(path, f), v, m)));
  }
  return errs;
}

function metricIdentifier(id: Obj, path: string): FieldError[] {
  const name = str(id.name);
  if (!name) return [required(child(path, 'name'), 'must specify a metric name')];
  return isValidPathSegmentName(name).map((m) => invalid(child(path, 'name'), name, m));
}

function metricTarget(t: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(t.type);
  if (!type) errs.push(required(child(path, 'type'), 'must specify a metric target type'));
  if (!['Utilization', 'Value', 'AverageValue'].includes(type)) errs.push(invalid(child(path, 'type'), type, 'must be either Utilization, Value, or AverageValue'));
  for (const f of ['value', 'averageValue']) {
    const q = readQuantity(t[f]);
    if (q && quantitySign(q) !== 1) errs.push(invalid(child(path, f), quantityGo(q), 'must be positive'));
  }
  if (typeof t.averageUtilization === 'number' && t.averageUtilization < 1) errs.push(invalid(child(path, 'averageUtilization'), t.averageUtilization, 'must be greater than 0'));
  return errs;
}

const has = (v: unknown) => v !== undefined && v !== null;

function resourceSource(src: Obj, path: string, container: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(src.name);
  if (!name) errs.push(required(child(path, 'name'), 'must specify a resource name'));
  else if (container) errs.push(...validateContainerResourceName(name, child(path, 'name')));
  if (container) {
    const c = str(src.container);
    if (!c) errs.push(required(child(path, 'container'), 'must specify a container'));
    else errs.push(...dnsLabelErrors(c, child(path, 'container')));
  }
  const t = obj(src.target);
  errs.push(...metricTarget(t, child(path, 'target')));
  if (!has(t.averageUtilization) && !has(t.averageValue)) errs.push(required(child(path, 'target', 'averageUtilization'), 'must set either a target raw value or a target utilization'));
  if (has(t.averageUtilization) && has(t.averageValue)) errs.push(forbidden(child(path, 'target', 'averageValue'), 'may not set both a target raw value and a target utilization'));
  return errs;
}

function metricSource(kind: string, src: Obj, path: string): FieldError[] {
  const t = obj(src.target);
  switch (kind) {
    case 'object': {
      const errs = [...crossVersionObjectReference(obj(src.describedObject), child(path, 'describedObject')), ...metricIdentifier(obj(src.metric), child(path, 'metric')), ...metricTarget(t, child(path, 'target'))];
      if (!has(t.value) && !has(t.averageValue)) errs.push(required(child(path, 'target', 'averageValue'), 'must set either a target value or averageValue'));
      return errs;
    }
    case 'external': {
      const errs = [...metricIdentifier(obj(src.metric), child(path, 'metric')), ...metricTarget(t, child(path, 'target'))];
      if (!has(t.value) && !has(t.averageValue)) errs.push(required(child(path, 'target', 'averageValue'), 'must set either a target value for metric or a per-pod target'));
      if (has(t.value) && has(t.averageValue)) errs.push(forbidden(child(path, 'target', 'value'), 'may not set both a target value for metric and a per-pod target'));
      return errs;
    }
    case 'pods': {
      const errs = [...metricIdentifier(obj(src.metric), child(path, 'metric')), ...metricTarget(t, child(path, 'target'))];
      if (!has(t.averageValue)) errs.push(required(child(path, 'target', 'averageValue'), 'must specify a positive target averageValue'));
      return errs;
    }
    case 'resource':
      return resourceSource(src, path, false);
    default:
      return resourceSource(src, path, true);
  }
}

function metricSpec(m: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(m.type);
  if (!type) errs.push(required(child(path, 'type'), 'must specify a metric source type'));
  if (!METRIC_TYPES.includes(type)) errs.push(notSupported(child(path, 'type'), type, METRIC_TYPES));
  const present = ['object', 'external', 'pods', 'resource', 'containerResource'].filter((k) => isObj(m[k]));
  if (present.length) errs.push(...metricSource(present[0]!, obj(m[present[0]!]), child(path, present[0]!)));
  const expected = FIELD_FOR_TYPE[type];
  if (expected) {
    if (!isObj(m[expected])) errs.push(required(child(path, expected), 'must populate information for the given metric source'));
  } else errs.push(notSupported(child(path, 'type'), type, METRIC_TYPES));
  if (present.length !== 1) for (const k of present.filter((k) => k !== expected)) errs.push(forbidden(child(path, k), 'must populate the given metric source only'));
  return errs;
}

function scalingRules(r: unknown, path: string): FieldError[] {
  if (!isObj(r)) return [];
  const errs: FieldError[] = [];
  const w = r.stabilizationWindowSeconds;
  if (typeof w === 'number' && w < 0) errs.push(invalid(child(path, 'stabilizationWindowSeconds'), w, 'must be greater than or equal to zero'));
  if (typeof w === 'number' && w > 3600) errs.push(invalid(child(path, 'stabilizationWindowSeconds'), w, 'must be less than or equal to 3600'));
  if (has(r.selectPolicy) && !['Disabled', 'Max', 'Min'].includes(str(r.selectPolicy))) errs.push(notSupported(child(path, 'selectPolicy'), str(r.selectPolicy), ['Disabled', 'Max', 'Min']));
  const policies = arr(r.policies);
  if (!policies.length) errs.push(required(child(path, 'policies'), 'must specify at least one Policy'));
  policies.forEach((p, i) => {
    const pp = index(child(path, 'policies'), i);
    if (p.type !== 'Pods' && p.type !== 'Percent') errs.push(notSupported(child(pp, 'type'), str(p.type), ['Percent', 'Pods']));
    const value = typeof p.value === 'number' ? p.value : 0;
    const period = typeof p.periodSeconds === 'number' ? p.periodSeconds : 0;
    if (value <= 0) errs.push(invalid(child(pp, 'value'), value, 'must be greater than zero'));
    if (period <= 0) errs.push(invalid(child(pp, 'periodSeconds'), period, 'must be greater than zero'));
    if (period > 1800) errs.push(invalid(child(pp, 'periodSeconds'), period, 'must be less than or equal to 1800'));
  });
  return errs;
}

function hpaSpec(spec: Obj, minLowerBound: number): FieldError[] {
  const errs: FieldError[] = [];
  const min = spec.minReplicas;
  const max = typeof spec.maxReplicas === 'number' ? spec.maxReplicas : 0;
  if (typeof min === 'number' && min < minLowerBound) errs.push(invalid('spec.minReplicas', min, `must be greater than or equal to ${minLowerBound}`));
  if (max < 1) errs.push(invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (typeof min === 'number' && max < min) errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  const refErrs = crossVersionObjectReference(obj(spec.scaleTargetRef), 'spec.scaleTargetRef');
  errs.push(...refErrs);
  if (!refErrs.length) {
    arr(spec.metrics).forEach((m, i) => errs.push(...metricSpec(m, index('spec.metrics', i))));
    if (min === 0 && !arr(spec.metrics).some((m) => m.type === 'Object' || m.type === 'External'))
      errs.push(forbidden('spec.metrics', 'must specify at least one Object or External metric to support scaling to zero replicas'));
  }
  const b = obj(spec.behavior);
  errs.push(...scalingRules(b.scaleUp, 'spec.behavior.scaleUp'), ...scalingRules(b.scaleDown, 'spec.behavior.scaleDown'));
  return errs;
}

export const validateHorizontalPodAutoscaler = (hpa: Obj) => hpaSpec(obj(hpa.spec), 1);

/** An HPA already scaled to zero (feature-gated elsewhere) may keep minReplicas 0 on update. */
export const validateHorizontalPodAutoscalerUpdate = (hpa: Obj, old: Obj) => hpaSpec(obj(hpa.spec), obj(old.spec).minReplicas === 0 ? 0 : 1);

export function validateHorizontalPodAutoscalerStatus(hpa: Obj): FieldError[] {
  const s = obj(hpa.status);
  return [...nonNegative(s.currentReplicas, 'status.currentReplicas'), ...nonNegative(s.desiredReplicas, 'status.desiredReplicas')];
}


