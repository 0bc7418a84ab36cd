// The pure formatters on objects built here; expected texts are what kubectl 1.32 prints for the
// same objects (the differential suite checks the same formatters against it on a live server).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsr } from '../../src/describe/certificates.ts';
import { describeEvents, eventFieldSelector } from '../../src/describe/events.ts';
import { camelSplit, describeGeneric, smartLabel } from '../../src/describe/generic.ts';
import { formatEndpointSlices } from '../../src/describe/network.ts';
import { describeNode, podRequestsAndLimits } from '../../src/describe/node.ts';
import { describeHorizontalPodAutoscalerV1 } from '../../src/describe/policy.ts';
import { computePodQos, describePod } from '../../src/describe/pod.ts';
import { quantityString } from '../../src/api/quantity.ts';
import { describeRole } from '../../src/describe/rbac.ts';
import { describeSecret, serviceAccountSecrets } from '../../src/describe/config.ts';
import { countPods, deploymentReplicaSets } from '../../src/describe/workloads.ts';
import { tabbedString } from '../../src/describe/writer.ts';

const NOW = new Date('2026-01-22T10:00:00Z');

test('a pending pod', () => {
  const pod = {
    metadata: { name: 'foo', namespace: 'default', labels: { app: 'web', tier: 'x' } },
    spec: {
      priority: 0,
      serviceAccountName: 'default',
      containers: [{ name: 'foo', image: 'nginx', volumeMounts: [{ name: 'kube-api-access-5g4c9', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }] }],
      volumes: [
        {
          name: 'kube-api-access-5g4c9',
          projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { name: 'kube-root-ca.crt' } }, { downwardAPI: {} }] },
        },
      ],
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
  assert.equal(
    describePod(pod, [], NOW),
    `Name:             foo
Namespace:        default
Priority:         0
Service Account:  default
Node:             <none>
Labels:           app=web
                  tier=x
Annotations:      <none>
Status:           Pending
IP:               
IPs:              <none>
Containers:
  foo:
    Image:        nginx
    Port:         <none>
    Host Port:    <none>
    Environment:  <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-5g4c9 (ro)
Volumes:
  kube-api-access-5g4c9:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:                      <none>
`,
  );
  // --show-events=false: no Events line at all
  assert.doesNotMatch(describePod(pod, undefined, NOW), /Events:/);
});

test('events: oldest last-seen first, repeats as "xN over", series, the source or reporting controller', () => {
  const out = tabbedString((w) =>
    describeEvents(
      [
        { type: 'Warning', reason: 'BackOff', message: 'Back-off restarting  ', count: 4, firstTimestamp: '2026-01-22T09:10:00Z', lastTimestamp: '2026-01-22T09:45:00Z', source: { component: 'kubelet' } },
        { type: 'Normal', reason: 'Scheduled', message: 'assigned', count: 1, firstTimestamp: '2026-01-22T09:40:00Z', lastTimestamp: '2026-01-22T09:40:00Z', source: { component: 'default-scheduler' } },
        { type: 'Normal', reason: 'Pulled', message: 'pulled', eventTime: '2026-01-22T09:15:00.000000Z', series: { count: 3, lastObservedTime: '2026-01-22T09:48:00.000000Z' }, reportingComponent: 'kubelet' },
      ],
      w,
      NOW,
    ),
  );
  assert.equal(
    out,
    `Events:
  Type     Reason     Age                From               Message
  ----     ------     ----               ----               -------
  Normal   Pulled     12m (x3 over 45m)  kubelet            pulled
  Normal   Scheduled  20m                default-scheduler  assigned
  Warning  BackOff    15m (x4 over 50m)  kubelet            Back-off restarting
`,
  );
  assert.equal(tabbedString((w) => describeEvents([], w, NOW)), 'Events:  <none>\n');
  assert.equal(eventFieldSelector({ name: 'a,b', namespace: 'ns', kind: 'Deployment', uid: 'u' }), 'involvedObject.name=a\\,b,involvedObject.namespace=ns,involvedObject.kind=Deployment,involvedObject.uid=u');
});

test("a deployment's new ReplicaSet matches its template without the hash label; every other one it controls is old", () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'v2' }] } };
  const owned = (name: string, image: string, replicas: number, created: string, uid = 'd-uid') => ({
    metadata: { name, creationTimestamp: created, ownerReferences: [{ kind: 'Deployment', name: 'web', uid, controller: true }] },
    spec: { replicas, template: { metadata: { labels: { app: 'web', 'pod-template-hash': name } }, spec: { containers: [{ name: 'c', image }] } } },
  });
  const d = { metadata: { name: 'web', uid: 'd-uid' }, spec: { template } };
  const rss = [owned('b-new', 'v2', 3, '2026-01-02T00:00:00Z'), owned('a-newer-dup', 'v2', 0, '2026-01-03T00:00:00Z'), owned('old', 'v1', 0, '2026-01-01T00:00:00Z'), owned('foreign', 'v2', 1, '2025-01-01T00:00:00Z', 'other')];
  const { oldReplicaSets, newReplicaSets } = deploymentReplicaSets(d, rss);
  assert.deepEqual(newReplicaSets.map((r: any) => r.metadata.name), ['b-new']);
  assert.deepEqual(oldReplicaSets.map((r: any) => r.metadata.name), ['old', 'a-newer-dup']);
});

test('pods are counted for their controller by phase', () => {
  const pod = (phase: string, uid: string) => ({ metadata: { ownerReferences: [{ uid, controller: true }] }, status: { phase } });
  assert.deepEqual(countPods([pod('Running', 'u'), pod('Pending', 'u'), pod('Failed', 'u'), pod('Running', 'x'), { metadata: {}, status: { phase: 'Running' } }], 'u'), {
    running: 1,
    waiting: 1,
    succeeded: 0,
    failed: 1,
  });
});

test('role rules are broken down, simple ones merged by verb, and sorted by their Go String()', () => {
  const role = {
    metadata: { name: 'reader', labels: { a: 'b' } },
    rules: [
      { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web', 'api'], verbs: ['get', 'update'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['list'] },
      { apiGroups: ['', 'apps'], resources: ['configmaps'], verbs: ['get'] },
      { nonResourceURLs: ['/healthz'], verbs: ['get'] },
    ],
  };
  assert.equal(
    describeRole(role),
    `Name:         reader
Labels:       a=b
Annotations:  <none>
PolicyRule:
  Resources         Non-Resource URLs  Resource Names  Verbs
  ---------         -----------------  --------------  -----
  pods/log          []                 []              [get list watch]
  pods              []                 []              [get list watch]
  deployments.apps  []                 [api]           [get update]
  deployments.apps  []                 [web]           [get update]
                    [/healthz]         []              [get]
  configmaps        []                 []              [get]
  configmaps.apps   []                 []              [get]
  deployments.apps  []                 []              [list]
`,
  );
});

test('endpoints of slices: ready addresses of the named port, three at most', () => {
  const slice = {
    ports: [
      { name: 'http', port: 8080 },
      { name: 'metrics', port: 9090 },
    ],
    endpoints: [{ addresses: ['10.0.0.1'], conditions: { ready: true } }, { addresses: ['10.0.0.2'], conditions: { ready: false } }, { addresses: ['10.0.0.3'] }, { addresses: ['fd00::4'] }, { addresses: ['10.0.0.5'] }],
  };
  assert.equal(formatEndpointSlices([slice], new Set(['http'])), '10.0.0.1:8080,10.0.0.3:8080,[fd00::4]:8080 + 1 more...');
  assert.equal(formatEndpointSlices([{ endpoints: [{ addresses: ['10.1.1.1'] }] }], new Set([''])), '10.1.1.1');
  assert.equal(formatEndpointSlices([], undefined), '<none>');
});

test('pod requests: containers summed, init containers as a maximum, sidecars added, overhead', () => {
  const pod = {
    spec: {
      initContainers: [
        { name: 'i1', resources: { requests: { cpu: '2' } } },
        { name: 'side', restartPolicy: 'Always', resources: { requests: { cpu: '100m', memory: '64Mi' } } },
      ],
      containers: [{ name: 'c', resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } } }],
      overhead: { cpu: '10m', memory: '1Mi' },
    },
  };
  const { requests, limits } = podRequestsAndLimits(pod);
  assert.equal(quantityString(requests.get('cpu')!), '2010m');
  assert.equal(quantityString(requests.get('memory')!), '1089Mi');
  assert.equal(quantityString(limits.get('memory')!), '2049Mi');
  assert.equal(computePodQos(pod), 'Burstable');
  assert.equal(computePodQos({ spec: { containers: [{ resources: {} }] } }), 'BestEffort');
  assert.equal(computePodQos({ spec: { containers: [{ resources: { limits: { cpu: '1', memory: '1Gi' } , requests: { cpu: '1', memory: '1Gi' } } }] } }), 'Guaranteed');
});

test("the generic describer's labels and tree", () => {
  assert.deepEqual(camelSplit('PDFLoader'), ['PDF', 'Loader']);
  assert.deepEqual(camelSplit('x-dash-field'), ['x', '-', 'dash', '-', 'field']);
  assert.equal(smartLabel('apiVersion'), 'API Version');
  assert.equal(smartLabel('creationTimestamp'), 'Creation Timestamp');
  assert.equal(smartLabel('HTTPServer'), 'HTTP Server');
  assert.equal(smartLabel('itemUID'), 'Item UID');
  assert.equal(smartLabel('v2Field'), 'v2Field');
  assert.equal(smartLabel('x-dash'), 'X - Dash');
  const out = describeGeneric(
    {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w1', namespace: 'default', uid: 'u1', managedFields: [{ manager: 'x' }], labels: { app: 'w' } },
      spec: { size: 3, tags: ['a', 'b'], items: [{ name: 'first' }], nested: [[1, 2]], ratio: 0.5 },
    },
    undefined,
    NOW,
  );
  assert.equal(
    out,
    `Name:         w1
Namespace:    default
Labels:       app=w
Annotations:  <none>
API Version:  example.com/v1
Kind:         Widget
Metadata:
  UID:  u1
Spec:
  Items:
    Name:  first
  Nested:
    [1 2]
  Ratio:  0.5
  Size:   3
  Tags:
    a
    b
`,
  );
});

test('secrets show sizes, service account tokens in full; missing secrets of an account are marked', () => {
  const secret = { metadata: { name: 's', namespace: 'default' }, type: 'kubernetes.io/service-account-token', data: { token: Buffer.from('tok').toString('base64'), 'ca.crt': 'AAAA' } };
  assert.match(describeSecret(secret), /\nData\n====\nca\.crt:  3 bytes\ntoken:   tok\n$/);
  const sa = { metadata: { name: 'builder', uid: 'u' }, secrets: [{ name: 'here' }, { name: 'gone' }], imagePullSecrets: [{ name: 'regcred' }] };
  const token = { metadata: { name: 'builder-token', annotations: { 'kubernetes.io/service-account.name': 'builder', 'kubernetes.io/service-account.uid': 'u' } }, type: 'kubernetes.io/service-account-token' };
  const { tokens, missingSecrets } = serviceAccountSecrets(sa, [{ metadata: { name: 'here' } }, token]);
  assert.deepEqual(tokens, [token]);
  assert.deepEqual([...missingSecrets].sort(), ['gone', 'regcred']);
  assert.equal(serviceAccountSecrets(sa, undefined).missingSecrets.size, 0);
});

test('a PKCS#10 request: subject and alternative names', () => {
  // openssl req -newkey ec -subj "/CN=jane/O=devs/O=ops/C=US" -addext "subjectAltName=DNS:jane.example.com,email:j@example.com,IP:10.0.0.1,IP:2001:db8::1,URI:spiffe://x/jane"
  const pem = `-----BEGIN CERTIFICATE REQUEST-----
MIIBWzCCAQECAQAwOTENMAsGA1UEAwwEamFuZTENMAsGA1UECgwEZGV2czEMMAoG
A1UECgwDb3BzMQswCQYDVQQGEwJVUzBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IA
BGVvgSOYSvKo1YvXm7eYWqX7DbdFlXDJSqFf+ECB/F8HWPU41lADkRmDSczZ4rnG
VGx9cm28KBcwKGjmsXWWPNygZjBkBgkqhkiG9w0BCQ4xVzBVMFMGA1UdEQRMMEqC
EGphbmUuZXhhbXBsZS5jb22BDWpAZXhhbXBsZS5jb22HBAoAAAGHECABDbgAAAAA
AAAAAAAAAAGGD3NwaWZmZTovL3gvamFuZTAKBggqhkjOPQQDAgNIADBFAiEA+7I0
klJ2/55WFoGmkXbTC60NLIp0lLhfEt+MqYIGKPsCIEvTTivjmdHk4RmEBUm7xNpf
6GYv18qRx50+/DX4KbEf
-----END CERTIFICATE REQUEST-----`;
  const csr = parseCsr(pem);
  assert.deepEqual(csr.subject, { CN: ['jane'], O: ['devs', 'ops'], C: ['US'] });
  assert.deepEqual(csr.dnsNames, ['jane.example.com']);
  assert.deepEqual(csr.emails, ['j@example.com']);
  assert.deepEqual(csr.ips, ['10.0.0.1', '2001:db8::1']);
  assert.deepEqual(csr.uris, ['spiffe://x/jane']);
  assert.throws(() => parseCsr('not a pem'), /CERTIFICATE REQUEST/);
});

test('a node: lease, conditions, capacity, and the requests of its pods against allocatable', () => {
  const node = {
    metadata: { name: 'node1', creationTimestamp: '2026-01-22T08:00:00Z', labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'worker' } },
    spec: { taints: [{ key: 'a', effect: 'NoSchedule' }] },
    status: {
      capacity: { cpu: '4', memory: '8Gi', pods: '110', 'example.com/gpu': '2' },
      allocatable: { cpu: '3800m', memory: '7Gi', pods: '110', 'example.com/gpu': '2' },
      conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2026-01-22T09:30:00Z', lastTransitionTime: '2026-01-22T08:00:00Z', reason: 'KubeletReady', message: 'ready' }],
      addresses: [{ type: 'InternalIP', address: '10.0.0.5' }],
      nodeInfo: { kubeletVersion: 'v1.32.0' },
    },
  };
  const pod = {
    metadata: { name: 'p', namespace: 'default', creationTimestamp: '2026-01-22T09:58:00Z' },
    spec: { containers: [{ resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } } }, { resources: { requests: { cpu: '1', memory: '1Gi' } } }] },
  };
  const tz = process.env.TZ;
  process.env.TZ = 'UTC';
  try {
    assert.equal(
      describeNode(node, { pods: [pod], lease: { error: 'leases.coordination.k8s.io "node1" not found' }, events: undefined }, NOW),
      `Name:               node1
Roles:              control-plane,worker
Labels:             kubernetes.io/role=worker
                    node-role.kubernetes.io/control-plane=
Annotations:        <none>
CreationTimestamp:  Thu, 22 Jan 2026 08:00:00 +0000
Taints:             a:NoSchedule
Unschedulable:      false
Lease:              Failed to get lease: leases.coordination.k8s.io "node1" not found
Conditions:
  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message
  ----    ------  -----------------                 ------------------                ------         -------
  Ready   True    Thu, 22 Jan 2026 09:30:00 +0000   Thu, 22 Jan 2026 08:00:00 +0000   KubeletReady   ready
Addresses:
  InternalIP:  10.0.0.5
Capacity:
  cpu:              4
  example.com/gpu:  2
  memory:           8Gi
  pods:             110
Allocatable:
  cpu:              3800m
  example.com/gpu:  2
  memory:           7Gi
  pods:             110
System Info:
  Machine ID:                 
  System UUID:                
  Boot ID:                    
  Kernel Version:             
  OS Image:                   
  Operating System:           
  Architecture:               
  Container Runtime Version:  
  Kubelet Version:            v1.32.0
  Kube-Proxy Version:         
Non-terminated Pods:          (1 in total)
  Namespace                   Name    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----    ------------  ----------  ---------------  -------------  ---
  default                     p       1100m (28%)   200m (5%)   1088Mi (15%)     128Mi (1%)     2m
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests      Limits
  --------           --------      ------
  cpu                1100m (28%)   200m (5%)
  memory             1088Mi (15%)  128Mi (1%)
  ephemeral-storage  0 (0%)        0 (0%)
  example.com/gpu    0             0
`,
    );
    assert.match(describeNode(node, { pods: undefined, lease: { lease: { spec: {} } }, events: [] }, NOW), /Lease:\n  HolderIdentity:  <unset>\n  AcquireTime:     <unset>\n  RenewTime:       <unset>\n[\s\S]*Pods:\s+not authorized\nEvents:\s+<none>\n$/);
  } finally {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
});

test('an autoscaling/v1 HorizontalPodAutoscaler', () => {
  const hpa = {
    metadata: { name: 'h', namespace: 'default', creationTimestamp: '2026-01-22T08:00:00Z' },
    spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 3, targetCPUUtilizationPercentage: 80 },
    status: { currentReplicas: 1, desiredReplicas: 2 },
  };
  assert.match(
    describeHorizontalPodAutoscalerV1(hpa, undefined, NOW),
    /Reference:                Deployment\/web\nTarget CPU utilization:   80%\nCurrent CPU utilization:  <unknown>%\nMin replicas:             <unset>\nMax replicas:             3\nDeployment pods:          1 current \/ 2 desired\n$/,
  );
});
