// API defaulting of the built-in kinds, as kube-apiserver applies it when it decodes a request (and
// every object read back from storage): one defaulter per group/kind, working in place on the served
// version's JSON (autoscaling: v2, the storage version). Defaulters are idempotent.
import type { KubeObject } from '../../../api/object.ts';
import {
  defaultEndpoints,
  defaultLimitRange,
  defaultNamespace,
  defaultNode,
  defaultPersistentVolume,
  defaultResourceQuota,
  defaultSecret,
  defaultService,
} from './core.ts';
import {
  defaultCSIDriver,
  defaultEndpointSlice,
  defaultHorizontalPodAutoscaler,
  defaultIngressClass,
  defaultMutatingWebhookConfiguration,
  defaultNetworkPolicy,
  defaultPriorityClass,
  defaultRoleBinding,
  defaultStorageClass,
  defaultValidatingAdmissionPolicy,
  defaultValidatingAdmissionPolicyBinding,
  defaultValidatingWebhookConfiguration,
} from './groups.ts';
import { defaultPod } from './pod.ts';
import type { Json } from './walk.ts';
import {
  defaultClaim,
  defaultCronJob,
  defaultDaemonSet,
  defaultDeployment,
  defaultJob,
  defaultPodTemplateObject,
  defaultReplicaSet,
  defaultReplicationController,
  defaultStatefulSet,
} from './workloads.ts';

export type Defaulter = (obj: KubeObject) => void;

// Kinds without an entry have no defaults upstream (ConfigMap's empty data map is never
// serialized; policy, coordination, node, events and certificates define none).
const DEFAULTERS: Record<string, (obj: Json) => void> = {
  '/Pod': defaultPod,
  '/PodTemplate': defaultPodTemplateObject,
  '/ReplicationController': defaultReplicationController,
  '/Service': defaultService,
  '/Secret': defaultSecret,
  '/Namespace': defaultNamespace,
  '/Node': defaultNode,
  '/PersistentVolume': defaultPersistentVolume,
  '/PersistentVolumeClaim': defaultClaim,
  '/Endpoints': defaultEndpoints,
  '/LimitRange': defaultLimitRange,
  '/ResourceQuota': defaultResourceQuota,
  'apps/Deployment': defaultDeployment,
  'apps/ReplicaSet': defaultReplicaSet,
  'apps/StatefulSet': defaultStatefulSet,
  'apps/DaemonSet': defaultDaemonSet,
  'batch/Job': defaultJob,
  'batch/CronJob': defaultCronJob,
  'autoscaling/HorizontalPodAutoscaler': defaultHorizontalPodAutoscaler,
  'networking.k8s.io/NetworkPolicy': defaultNetworkPolicy,
  'networking.k8s.io/IngressClass': defaultIngressClass,
  'rbac.authorization.k8s.io/RoleBinding': defaultRoleBinding,
  'rbac.authorization.k8s.io/ClusterRoleBinding': defaultRoleBinding,
  'storage.k8s.io/StorageClass': defaultStorageClass,
  'storage.k8s.io/CSIDriver': defaultCSIDriver,
  'scheduling.k8s.io/PriorityClass': defaultPriorityClass,
  'discovery.k8s.io/EndpointSlice': defaultEndpointSlice,
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration': defaultValidatingWebhookConfiguration,
  'admissionregistration.k8s.io/MutatingWebhookConfiguration': defaultMutatingWebhookConfiguration,
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy': defaultValidatingAdmissionPolicy,
  'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding': defaultValidatingAdmissionPolicyBinding,
};

/** The in-place defaulter of a built-in kind, or undefined when upstream has none. */
export function defaultsFor(group: string, kind: string): Defaulter | undefined {
  const fn = DEFAULTERS[`${group}/${kind}`];
  return fn && ((obj: KubeObject) => fn(obj as Json));
}
