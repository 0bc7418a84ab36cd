// One strategy per kind (hooks and data only); kinds without special rules get the default.
import type { KubeObject } from '../../../api/object.ts';
import type { Strategy } from '../strategy.ts';
import { pods } from './pod.ts';
import { namespaces } from './namespace.ts';
import { services } from './service.ts';
import { horizontalPodAutoscalerConversion } from './horizontal-pod-autoscaler.ts';
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
  'batch/jobs': withGeneration,
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
  '/events': { allowCreateOnUpdate: true },
  'events.k8s.io/events': { allowCreateOnUpdate: true },
};

const DEFAULT_STRATEGY: Strategy = {};

export function strategyFor(group: string, resource: string): Strategy {
  return STRATEGIES[`${group}/${resource}`] ?? DEFAULT_STRATEGY;
}

export interface VersionConverter {
  toVersion(obj: KubeObject, version: string): KubeObject;
  fromVersion(obj: KubeObject, version: string): KubeObject;
}

const CONVERTERS: Record<string, VersionConverter> = {
  'autoscaling/horizontalpodautoscalers': horizontalPodAutoscalerConversion,
};

export function versionConverter(group: string, resource: string): VersionConverter | undefined {
  return CONVERTERS[`${group}/${resource}`];
}
