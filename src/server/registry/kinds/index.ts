// One strategy per kind (hooks and data only); kinds without special rules get the default.
import type { KubeObject } from '../../../api/object.ts';
import type { ResourceInfo } from '../../../api/resources.ts';
import { defaultsFor } from '../defaults/index.ts';
import { nameRuleFor, quantityDecodeError, validateNamespaceFinalizeUpdate, validatorFor } from '../validation/index.ts';
import type { Strategy } from '../strategy.ts';
import { pods } from './pod.ts';
import { namespaces } from './namespace.ts';
import { services } from './service.ts';
import { jobs } from './job.ts';
import { horizontalPodAutoscalerConversion } from './horizontal-pod-autoscaler.ts';
import { eventConversion, events } from './event.ts';
import { labelSelectorScale, mapSelectorScale } from '../scale.ts';
import { customResourceDefinitionStrategy } from '../../crd/crd-strategy.ts';

/** Kinds whose strategies count spec changes in metadata.generation (their PrepareForCreate sets 1). */
const withGeneration: Strategy = { tracksGeneration: true };
/** Workloads with a scale subresource. */
const scalable: Strategy = { tracksGeneration: true, scale: labelSelectorScale };

const STRATEGIES: Record<string, Strategy> = {
  '/pods': pods,
  '/namespaces': namespaces,
  '/services': services,
  '/replicationcontrollers': { tracksGeneration: true, scale: mapSelectorScale },
  'apps/deployments': scalable,
  'apps/replicasets': scalable,
  'apps/statefulsets': scalable,
  'apps/daemonsets': withGeneration,
  'batch/jobs': jobs,
  'batch/cronjobs': withGeneration,
  'autoscaling/horizontalpodautoscalers': withGeneration,
  'policy/poddisruptionbudgets': withGeneration,
  'networking.k8s.io/networkpolicies': withGeneration,
  'networking.k8s.io/ingresses': withGeneration,
  // CRD wiring (src/server/crd): defaults, validation, status and cleanup-on-delete hooks.
  'apiextensions.k8s.io/customresourcedefinitions': customResourceDefinitionStrategy,
  'admissionregistration.k8s.io/validatingadmissionpolicies': withGeneration,
  'admissionregistration.k8s.io/validatingadmissionpolicybindings': withGeneration,
  '/endpoints': { allowCreateOnUpdate: true },
  // events.k8s.io/v1 events share this store (registry.ts SHARED_STORES)
  '/events': events,
};

const DEFAULT_STRATEGY: Strategy = {};

/**
 * The kind's strategy with API defaulting added (pkg/apis/<group>/v1/defaults.go): applied on every
 * write after the kind's own defaults, and again just before storing, as upstream also defaults on
 * every decode (status writes, fields a PrepareForCreate reset).
 */
export function strategyFor(info: ResourceInfo): Strategy {
  const strategy: Strategy = { ...(STRATEGIES[`${info.group}/${info.resource}`] ?? DEFAULT_STRATEGY) };
  strategy.nameRule ??= nameRuleFor(info.group, info.kind);
  const defaults = defaultsFor(info.group, info.kind);
  if (defaults) {
    const { applyDefaults, canonicalize } = strategy;
    strategy.applyDefaults = async (obj, ctx) => {
      await applyDefaults?.(obj, ctx);
      defaults(obj);
    };
    strategy.canonicalize = async (obj) => {
      defaults(obj);
      await canonicalize?.(obj);
    };
  }
  const validator = validatorFor(info.group, info.kind);
  if (validator) {
    strategy.validate = async (obj, ctx) => [...validator.validate(obj), ...((await STRATEGIES[`${info.group}/${info.resource}`]?.validate?.(obj, ctx)) ?? [])];
    if (validator.validateUpdate) strategy.validateUpdate = (obj, old) => validator.validateUpdate!(obj, old);
    const statusValidate = validator.validateStatusUpdate;
    if (statusValidate) strategy.status = { ...strategy.status, validateUpdate: (obj, old) => statusValidate(obj, old) };
  }
  if (info.group === '' && info.resource === 'namespaces') strategy.finalize = { ...strategy.finalize, validateUpdate: (ns) => validateNamespaceFinalizeUpdate(ns) };
  const decodeCheck = (obj: KubeObject) => quantityDecodeError(info.group, info.version, info.kind, obj);
  strategy.checkDecode = (obj) => {
    const error = decodeCheck(obj);
    return error ? `${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${error}` : undefined;
  };
  return strategy;
}

export interface VersionConverter {
  toVersion(obj: KubeObject, version: string): KubeObject;
  fromVersion(obj: KubeObject, version: string): KubeObject;
}

const CONVERTERS: Record<string, VersionConverter> = {
  'autoscaling/horizontalpodautoscalers': horizontalPodAutoscalerConversion,
  'events.k8s.io/events': eventConversion,
};

export function versionConverter(group: string, resource: string): VersionConverter | undefined {
  return CONVERTERS[`${group}/${resource}`];
}
