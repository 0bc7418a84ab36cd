// The pod garbage collector's orphan rule (pkg/controller/podgc): a pod being deleted on a node that
// does not exist has no kubelet to finish its deletion, so it is deleted at once.
import type { KubeObject } from '../../api/object.ts';
import type { Registry } from '../registry/registry.ts';
import { systemWriteContext } from '../bootstrap.ts';
import { ControllerRuntime } from './runtime.ts';

export function startPodGarbageCollector(registry: Registry): { stop(): void } {
  const pods = registry.store('', 'pods');
  const nodes = registry.store('', 'nodes');
  const runtime = new ControllerRuntime();

  async function sync(pod: KubeObject): Promise<void> {
    const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    if (!pod.metadata.deletionTimestamp || !nodeName) return;
    if (await nodes.tryGet('', nodeName)) return;
    try {
      await pods.delete(pod.metadata.namespace!, pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } }, systemWriteContext('pod-garbage-collector'));
    } catch {
      // Gone already, or changed: the next event decides again.
    }
  }

  runtime.watch(pods, (type, pod) => {
    if (type !== 'DELETED') void sync(pod);
  });
  return runtime;
}
