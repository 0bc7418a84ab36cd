// The scale subresource (autoscaling/v1 Scale) of workloads: a view of spec.replicas,
// status.replicas and the selector as a string (pkg/registry/apps/deployment/storage ScaleREST and
// friends). Custom resources bring their own paths (CRD subresources.scale).
import type { KubeObject } from '../../api/object.ts';
import { selectorFromSet } from '../../api/labels/labels.ts';
import { labelSelectorAsSelector } from '../../api/labels/label-selector.ts';
import type { FieldError } from '../status.ts';

export interface ScaleAccess {
  /** spec replicas, status replicas and the selector string of the object. */
  read(obj: KubeObject): { specReplicas: number; statusReplicas: number; selector: string };
  /** Writes the desired replicas into the object. */
  write(obj: KubeObject, replicas: number): void;
}

type Spec = { replicas?: number; selector?: unknown };

/** Workloads with a metav1.LabelSelector (deployments, replica sets, stateful sets). */
export const labelSelectorScale: ScaleAccess = {
  read(obj) {
    const spec = (obj.spec ?? {}) as Spec;
    const status = (obj.status ?? {}) as { replicas?: number };
    let selector = '';
    try {
      selector = labelSelectorAsSelector(spec.selector as never).toString();
    } catch {
      selector = '';
    }
    return { specReplicas: spec.replicas ?? 0, statusReplicas: status.replicas ?? 0, selector };
  },
  write(obj, replicas) {
    obj.spec = { ...(obj.spec as object), replicas };
  },
};

/** ReplicationControllers select with a plain label map. */
export const mapSelectorScale: ScaleAccess = {
  read(obj) {
    const spec = (obj.spec ?? {}) as Spec;
    const status = (obj.status ?? {}) as { replicas?: number };
    return { specReplicas: spec.replicas ?? 0, statusReplicas: status.replicas ?? 0, selector: selectorFromSet((spec.selector ?? {}) as Record<string, string>).toString() };
  },
  write: labelSelectorScale.write,
};

/** The Scale object kube-apiserver answers with. */
export function scaleOf(obj: KubeObject, access: ScaleAccess): KubeObject {
  const { specReplicas, statusReplicas, selector } = access.read(obj);
  const m = obj.metadata;
  const status: Record<string, unknown> = { replicas: statusReplicas };
  if (selector) status.selector = selector;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: specReplicas },
    status,
  };
}

/** ValidateScale: replicas must not be negative. */
export function validateScale(scale: KubeObject): FieldError[] {
  const replicas = (scale.spec as { replicas?: unknown } | undefined)?.replicas ?? 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas))
    return [{ type: 'FieldValueInvalid', field: 'spec.replicas', value: replicas, detail: 'must be an integer' }];
  if (replicas < 0) return [{ type: 'FieldValueInvalid', field: 'spec.replicas', value: replicas, detail: 'must be greater than or equal to 0' }];
  return [];
}
