// Pods (pkg/registry/core/pod/strategy.go): start Pending with a QoS class; generation counts spec
// changes (1.33); the DELETE answer is the pod.
import type { KubeObject } from '../../../api/object.ts';
import type { Strategy } from '../strategy.ts';

interface Resources {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}
interface Container {
  resources?: Resources;
}

/** qos.GetPodQOS: Guaranteed when every container sets equal cpu and memory limits and requests. */
export function podQosClass(pod: KubeObject): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const spec = (pod.spec ?? {}) as { containers?: Container[]; initContainers?: Container[] };
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = c.resources?.requests ?? {};
    const limits = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (requests[r] !== undefined || limits[r] !== undefined) any = true;
      const request = requests[r] ?? limits[r];
      if (limits[r] === undefined || request !== limits[r]) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export const pods: Strategy = {
  tracksGeneration: true,
  prepareForCreate(pod) {
    pod.status = { phase: 'Pending', qosClass: podQosClass(pod) };
  },
  specOf: (pod) => pod.spec,
  gracefulDelete(pod, requested) {
    const spec = (pod.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    let period = requested ?? spec.terminationGracePeriodSeconds ?? 0;
    // A pod no node runs, or one that has finished, goes at once.
    if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') period = 0;
    return period < 0 ? 1 : period;
  },
  status: {
    prepareForUpdate(pod, old) {
      const status = (pod.status ?? {}) as Record<string, unknown>;
      const oldStatus = (old.status ?? {}) as Record<string, unknown>;
      if (!status.qosClass && oldStatus.qosClass) status.qosClass = oldStatus.qosClass;
      pod.status = status;
    },
  },
};
