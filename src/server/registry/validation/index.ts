// validatorFor(group, kind): kube-apiserver's per-kind validation (pkg/apis/<group>/validation plus
// the registry strategies' update rules), over objects already defaulted, in the served JSON form
// (HPAs as autoscaling/v2). ObjectMeta itself is validated by the store (object-meta.ts).
import type { KubeObject } from '../../../api/object.ts';
import type { FieldError } from '../../status.ts';
import type { Obj } from './field.ts';
import { validateCronJob, validateCronJobUpdate, validateJob, validateJobUpdate } from './batch.ts';
import { validateConfigMap, validateConfigMapUpdate, validateNamespace, validateNamespaceFinalizeUpdate, validateNamespaceStatusUpdate, validateSecret, validateSecretUpdate } from './config.ts';
import { validateHorizontalPodAutoscaler, validateHorizontalPodAutoscalerStatus, validateHorizontalPodAutoscalerUpdate } from './autoscaling.ts';
import { validateIngress, validateIngressClass, validateIngressClassUpdate, validateIngressUpdate, validateNetworkPolicy } from './networking.ts';
import { validateLease, validatePodDisruptionBudget, validatePriorityClass, validatePriorityClassUpdate } from './policy.ts';
import { validatePod, validatePodStatusUpdate, validatePodTemplate, validatePodUpdate } from './pod.ts';
import { validateLimitRange, validateResourceQuota, validateResourceQuotaStatusUpdate, validateResourceQuotaUpdate } from './quota.ts';
import { roleRefImmutable, validateClusterRole, validateClusterRoleBinding, validateRole, validateRoleBinding } from './rbac.ts';
import { validateEndpoints, validateEndpointSlice, validateEndpointSliceUpdate, validateService, validateServiceUpdate } from './service.ts';
import { validatePersistentVolume, validatePersistentVolumeClaim, validatePersistentVolumeClaimUpdate, validatePersistentVolumeUpdate, validateStorageClass, validateStorageClassUpdate } from './storage.ts';
import {
  selectorImmutable, validateDaemonSet, validateDeployment, validateReplicaSet, validateReplicaStatus, validateReplicationController, validateStatefulSet,
  validateStatefulSetUpdate,
} from './workloads.ts';

export { quantityDecodeError } from './quantity-decode.ts';
export { validateNamespaceFinalizeUpdate };

type Fn = (obj: Obj) => FieldError[];
type UpdateFn = (obj: Obj, old: Obj) => FieldError[];

export interface Validator {
  validate(obj: KubeObject): FieldError[];
  validateUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
  validateStatusUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
}

/** Update = the create rules on the new object, then the kind's update-only rules. */
const withUpdate = (validate: Fn, update: UpdateFn, order: 'validate-first' | 'update-first' = 'validate-first'): Validator => ({
  validate,
  validateUpdate: (o, old) => (order === 'validate-first' ? [...validate(o), ...update(o, old)] : [...update(o, old), ...validate(o)]),
});
const same = (validate: Fn): Validator => ({ validate, validateUpdate: (o) => validate(o) });
const replicaStatus = (v: Validator): Validator => ({ ...v, validateStatusUpdate: (o) => validateReplicaStatus(o) });

const VALIDATORS: Record<string, Validator> = {
  '/Pod': { validate: validatePod, validateUpdate: validatePodUpdate, validateStatusUpdate: validatePodStatusUpdate },
  '/PodTemplate': same(validatePodTemplate),
  '/ReplicationController': replicaStatus(same(validateReplicationController)),
  '/Service': { validate: validateService, validateUpdate: validateServiceUpdate },
  '/Endpoints': same(validateEndpoints),
  '/ConfigMap': { validate: validateConfigMap, validateUpdate: validateConfigMapUpdate },
  '/Secret': { validate: validateSecret, validateUpdate: validateSecretUpdate },
  '/Namespace': { validate: validateNamespace, validateUpdate: () => [], validateStatusUpdate: validateNamespaceStatusUpdate },
  '/ServiceAccount': same(() => []),
  '/ResourceQuota': { validate: validateResourceQuota, validateUpdate: validateResourceQuotaUpdate, validateStatusUpdate: validateResourceQuotaStatusUpdate },
  '/LimitRange': same(validateLimitRange),
  '/PersistentVolume': { validate: validatePersistentVolume, validateUpdate: validatePersistentVolumeUpdate },
  '/PersistentVolumeClaim': { validate: validatePersistentVolumeClaim, validateUpdate: validatePersistentVolumeClaimUpdate },
  'apps/Deployment': replicaStatus(withUpdate(validateDeployment, selectorImmutable)),
  'apps/ReplicaSet': replicaStatus(withUpdate(validateReplicaSet, selectorImmutable)),
  'apps/DaemonSet': withUpdate(validateDaemonSet, selectorImmutable),
  'apps/StatefulSet': replicaStatus({ validate: validateStatefulSet, validateUpdate: validateStatefulSetUpdate }),
  'batch/Job': withUpdate(validateJob, validateJobUpdate),
  'batch/CronJob': { validate: validateCronJob, validateUpdate: validateCronJobUpdate },
  'autoscaling/HorizontalPodAutoscaler': {
    validate: validateHorizontalPodAutoscaler,
    validateUpdate: validateHorizontalPodAutoscalerUpdate,
    validateStatusUpdate: validateHorizontalPodAutoscalerStatus,
  },
  'networking.k8s.io/Ingress': { validate: validateIngress, validateUpdate: validateIngressUpdate },
  'networking.k8s.io/IngressClass': { validate: validateIngressClass, validateUpdate: validateIngressClassUpdate },
  'networking.k8s.io/NetworkPolicy': same(validateNetworkPolicy),
  'policy/PodDisruptionBudget': same(validatePodDisruptionBudget),
  'rbac.authorization.k8s.io/Role': same(validateRole),
  'rbac.authorization.k8s.io/ClusterRole': same(validateClusterRole),
  'rbac.authorization.k8s.io/RoleBinding': withUpdate(validateRoleBinding, roleRefImmutable),
  'rbac.authorization.k8s.io/ClusterRoleBinding': withUpdate(validateClusterRoleBinding, roleRefImmutable),
  'scheduling.k8s.io/PriorityClass': { validate: validatePriorityClass, validateUpdate: validatePriorityClassUpdate },
  'storage.k8s.io/StorageClass': { validate: validateStorageClass, validateUpdate: validateStorageClassUpdate },
  'coordination.k8s.io/Lease': same(validateLease),
  'discovery.k8s.io/EndpointSlice': { validate: validateEndpointSlice, validateUpdate: validateEndpointSliceUpdate },
};

/** The kind's validation, or undefined for kinds validated by ObjectMeta rules alone. */
export function validatorFor(group: string, kind: string): Validator | undefined {
  return VALIDATORS[`${group}/${kind}`];
}

export type NameRule = 'subdomain' | 'label' | 'label1035' | 'path-segment';

const NAME_RULES: Record<string, NameRule> = {
  '/Service': 'label1035',
  '/Namespace': 'label',
  'apps/StatefulSet': 'label',
  'rbac.authorization.k8s.io/Role': 'path-segment',
  'rbac.authorization.k8s.io/ClusterRole': 'path-segment',
  'rbac.authorization.k8s.io/RoleBinding': 'path-segment',
  'rbac.authorization.k8s.io/ClusterRoleBinding': 'path-segment',
};

/** How metadata.name is validated for the kind (the strategy's nameRule). */
export function nameRuleFor(group: string, kind: string): NameRule {
  return NAME_RULES[`${group}/${kind}`] ?? 'subdomain';
}
