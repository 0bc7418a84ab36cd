// Manifests for the describe tests (fixtures/*.yaml: one of each kind describers read, with the
// fields their formatters print) and builders of the objects that depend on server-assigned uids
// or on the current time: owned ReplicaSets and pods, statuses, events.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const read = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', `${name}.yaml`), 'utf8');

export const WORKLOADS = read('workloads');
export const MISC = read('misc');
export const NETWORK = read('network');
export const RBAC_AND_POLICY = read('rbac-policy');
export const CRD = read('crd');
export const CUSTOM = read('custom');
export const POD_FANCY = read('pod-fancy');
export const NODE = read('node');
/** A RuntimeClass whose overhead admission adds to the pods that use it. */
export const RUNTIME_CLASS = read('runtime-class');
/** A client certificate request (openssl: CN, two O, OU, C, L, ST, serialNumber; DNS, email, IP and URI names). */
export const CSR = read('csr');

/** Status of node1: capacity, allocatable, conditions, addresses, system info. */
export const NODE_STATUS = {
  status: {
    capacity: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi', 'hugepages-2Mi': '0', 'example.com/gpu': '2' },
    allocatable: { cpu: '3800m', memory: '7Gi', pods: '110', 'ephemeral-storage': '90Gi', 'hugepages-2Mi': '0', 'example.com/gpu': '2' },
    conditions: [
      { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: '2026-01-22T09:30:00Z', lastTransitionTime: '2026-01-22T08:00:00Z', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
      { type: 'Ready', status: 'True', lastHeartbeatTime: '2026-01-22T09:30:00Z', lastTransitionTime: '2026-01-22T08:00:00Z', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ],
    addresses: [
      { type: 'InternalIP', address: '10.0.0.5' },
      { type: 'Hostname', address: 'node1' },
    ],
    nodeInfo: { machineID: 'm1', systemUUID: 'u1', bootID: 'b1', kernelVersion: '6.1.0', osImage: 'Debian', operatingSystem: 'linux', architecture: 'amd64', containerRuntimeVersion: 'containerd://1.7.0', kubeletVersion: 'v1.32.0', kubeProxyVersion: 'v1.32.0' },
  },
};

/** ReplicaSets a Deployment owns: the new one (same template plus the hash label) and two old ones. */
export function ownedReplicaSets(deployment: any): unknown {
  const owner = { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name, uid: deployment.metadata.uid, controller: true, blockOwnerDeletion: true };
  const rs = (name: string, replicas: number, template: any, hash: string) => {
    const t = structuredClone(template);
    t.metadata.labels['pod-template-hash'] = hash;
    return {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name, labels: { app: 'web', tier: 'frontend', 'pod-template-hash': hash }, ownerReferences: [owner] },
      spec: { replicas, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: t },
    };
  };
  const current = deployment.spec.template;
  const old = structuredClone(current);
  old.spec.containers[0].image = 'nginx:1.24';
  return { apiVersion: 'v1', kind: 'List', items: [rs('web-abc', 3, current, 'abc'), rs('web-old', 1, old, 'old'), rs('web-older', 0, old, 'older')] };
}

/** Pods owned by controllers (by uid), some on node1 with requests and limits. */
export function ownedPods(uids: { lonely: string; rc1: string; db: string; agent: string }): string {
  const owner = (apiVersion: string, kind: string, name: string, uid: string) => `[{apiVersion: ${apiVersion}, kind: ${kind}, name: ${name}, uid: ${uid}, controller: true}]`;
  return `apiVersion: v1
kind: Pod
metadata:
  name: lonely-1
  labels: {app: lonely}
  ownerReferences: ${owner('apps/v1', 'ReplicaSet', 'lonely', uids.lonely)}
spec:
  nodeName: node1
  containers:
  - name: c
    image: busybox
    resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 200m, memory: 128Mi}}
  - name: sidecar
    image: envoy
    resources: {requests: {cpu: "1", memory: 1Gi}}
---
apiVersion: v1
kind: Pod
metadata:
  name: lonely-2
  labels: {app: lonely}
  ownerReferences: ${owner('apps/v1', 'ReplicaSet', 'lonely', uids.lonely)}
spec:
  containers: [{name: c, image: busybox}]
---
apiVersion: v1
kind: Pod
metadata:
  name: rc1-a
  labels: {app: rc1, env: prod}
  ownerReferences: ${owner('v1', 'ReplicationController', 'rc1', uids.rc1)}
spec:
  nodeName: node1
  containers: [{name: c, image: busybox, resources: {limits: {cpu: 300m, memory: 100Mi}}}]
---
apiVersion: v1
kind: Pod
metadata:
  name: db-0
  labels: {app: db}
  ownerReferences: ${owner('apps/v1', 'StatefulSet', 'db', uids.db)}
spec:
  nodeName: node1
  initContainers: [{name: init, image: busybox, resources: {requests: {cpu: "2", memory: 10Mi}}}]
  containers: [{name: db, image: postgres, resources: {requests: {cpu: 500m, memory: 1Gi, example.com/gpu: "1"}, limits: {example.com/gpu: "1"}}}]
  runtimeClassName: kata
  volumes: [{name: pgdata, persistentVolumeClaim: {claimName: data-claim}}]
---
apiVersion: v1
kind: Pod
metadata:
  name: agent-x
  labels: {app: agent}
  ownerReferences: ${owner('apps/v1', 'DaemonSet', 'agent', uids.agent)}
spec:
  containers: [{name: agent, image: agent:1}]
`;
}

/** Status of lonely-1: running, with a restarted container and a waiting sidecar. */
export const LONELY_STATUS = {
  status: {
    phase: 'Running',
    hostIP: '10.0.0.5',
    podIP: '10.244.0.7',
    podIPs: [{ ip: '10.244.0.7' }],
    startTime: '2026-01-22T09:00:00Z',
    conditions: [
      { type: 'Ready', status: 'True' },
      { type: 'PodScheduled', status: 'True' },
    ],
    containerStatuses: [
      {
        name: 'c',
        ready: true,
        restartCount: 2,
        image: 'busybox',
        imageID: 'docker.io/busybox@sha256:abc',
        containerID: 'containerd://123',
        state: { running: { startedAt: '2026-01-22T09:01:00Z' } },
        lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: '2026-01-22T08:00:00Z', finishedAt: '2026-01-22T08:59:00Z', signal: 9, message: 'killed' } },
      },
      { name: 'sidecar', ready: false, restartCount: 0, image: 'envoy', imageID: '', state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off' } } },
    ],
  },
};

/**
 * Events about a pod, a deployment, a node and a config map, at whole minutes in the past (ages of
 * ten minutes and more print as whole minutes, so two runs a moment apart print alike).
 */
export function events(now: number, uids: { pod: string; deployment: string; node: string; configMap: string }): string {
  const ago = (minutes: number, micro = false) => new Date(now - minutes * 60_000).toISOString().replace(/\.\d+Z$/, micro ? '.000000Z' : 'Z');
  const event = (name: string, involved: string, rest: string) => `apiVersion: v1
kind: Event
metadata: {name: ${name}, namespace: default}
involvedObject: ${involved}
${rest}
`;
  return [
    event('lonely-1.a', `{kind: Pod, name: lonely-1, namespace: default, uid: ${uids.pod}, apiVersion: v1}`, `reason: Scheduled
message: "Successfully assigned default/lonely-1 to node1"
type: Normal
source: {component: default-scheduler}
firstTimestamp: ${ago(20)}
lastTimestamp: ${ago(20)}
count: 1`),
    event('lonely-1.b', `{kind: Pod, name: lonely-1, namespace: default, uid: ${uids.pod}, apiVersion: v1, fieldPath: "spec.containers{c}"}`, `reason: BackOff
message: "Back-off restarting failed container c in pod lonely-1_default   "
type: Warning
source: {component: kubelet, host: node1}
firstTimestamp: ${ago(50)}
lastTimestamp: ${ago(15)}
count: 4`),
    event('lonely-1.c', '{kind: Pod, name: lonely-1, namespace: default, uid: other-uid}', `reason: Stale
message: "event of an older pod with the same name"
type: Normal
firstTimestamp: ${ago(30)}
lastTimestamp: ${ago(30)}`),
    event('lonely-1.d', `{kind: Pod, name: lonely-1, namespace: default, uid: ${uids.pod}}`, `reason: Pulled
message: "image pulled"
type: Normal
eventTime: ${ago(45, true)}
reportingComponent: kubelet
reportingInstance: node1
action: Pull
series: {count: 3, lastObservedTime: ${ago(12, true)}}`),
    event('web.a', `{kind: Deployment, name: web, namespace: default, uid: ${uids.deployment}, apiVersion: apps/v1}`, `reason: ScalingReplicaSet
message: "Scaled up replica set web-abc to 3"
type: Normal
source: {component: deployment-controller}
firstTimestamp: ${ago(150)}
lastTimestamp: ${ago(150)}
count: 1`),
    event('node1.a', '{kind: Node, name: node1, uid: node1}', `reason: Starting
message: "Starting kubelet."
type: Normal
source: {component: kubelet, host: node1}
firstTimestamp: ${ago(100)}
lastTimestamp: ${ago(100)}
count: 1`),
    event('node1.b', `{kind: Node, name: node1, uid: ${uids.node}}`, `reason: RegisteredNode
message: "Node node1 event: Registered Node node1 in Controller"
type: Normal
source: {component: node-controller}
firstTimestamp: ${ago(90)}
lastTimestamp: ${ago(90)}
count: 1`),
    event('cm.a', `{kind: ConfigMap, name: web-config, namespace: default, uid: ${uids.configMap}}`, `reason: Updated
message: "config changed"
type: Normal
source: {component: operator}
firstTimestamp: ${ago(60)}
lastTimestamp: ${ago(60)}
count: 1`),
    event('gone.a', '{kind: Pod, name: gone, namespace: default, uid: abc}', `reason: Killing
message: "Stopping container c"
type: Normal
source: {component: kubelet}
firstTimestamp: ${ago(70)}
lastTimestamp: ${ago(70)}
count: 1`),
  ].join('---\n');
}

