// Pod validation: expected texts are kube-apiserver's (core validation_test.go facts and the
// messages kubectl users see).
import test from 'node:test';
import assert from 'node:assert/strict';
import { validatorFor } from '../../../../src/server/registry/validation/index.ts';
import { clone, pod, texts, type O } from './helpers.ts';

const v = validatorFor('', 'Pod')!;
const DNS_LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

const cases: [string, (p: O) => void, string[]][] = [
  ['valid', () => {}, []],
  ['no containers', (p) => (p.spec.containers = []), ['spec.containers: Required value']],
  ['image required', (p) => delete p.spec.containers[0].image, ['spec.containers[0].image: Required value']],
  ['container name', (p) => (p.spec.containers[0].name = 'Web'), [`spec.containers[0].name: Invalid value: "Web": ${DNS_LABEL}`]],
  ['duplicate container name', (p) => p.spec.containers.push({ ...clone(p.spec.containers[0]), ports: [] }), ['spec.containers[1].name: Duplicate value: "web"']],
  ['port range', (p) => (p.spec.containers[0].ports[0].containerPort = 70000), ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
  ['port protocol', (p) => (p.spec.containers[0].ports[0].protocol = 'HTTP'), ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
  ['port name', (p) => (p.spec.containers[0].ports[0].name = 'http_web'), ['spec.containers[0].ports[0].name: Invalid value: "http_web": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
  ['restartPolicy', (p) => (p.spec.restartPolicy = 'Sometimes'), ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']],
  ['dnsPolicy', (p) => (p.spec.dnsPolicy = 'Google'), ['spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"']],
  ['env name', (p) => (p.spec.containers[0].env = [{ name: 'A=B', value: 'x' }]), ["spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='"]],
  ['env source and value', (p) => (p.spec.containers[0].env = [{ name: 'A', value: 'x', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } }]), ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty']],
  ['mount of unknown volume', (p) => (p.spec.containers[0].volumeMounts = [{ name: 'data', mountPath: '/data' }]), ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
  ['volume without source', (p) => (p.spec.volumes = [{ name: 'data' }]), ['spec.volumes[0]: Required value: must specify a volume type']],
  ['volume with two sources', (p) => (p.spec.volumes = [{ name: 'data', emptyDir: {}, hostPath: { path: '/x', type: '' } }]), ['spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type']],
  ['duplicate volume', (p) => (p.spec.volumes = [{ name: 'd', emptyDir: {} }, { name: 'd', emptyDir: {} }]), ['spec.volumes[1].name: Duplicate value: "d"']],
  ['configMap volume name', (p) => (p.spec.volumes = [{ name: 'd', configMap: { defaultMode: 420 } }]), ['spec.volumes[0].configMap.name: Required value']],
  ['requests above limits', (p) => (p.spec.containers[0].resources = { limits: { cpu: '1' }, requests: { cpu: '2' } }), ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1']],
  ['negative request', (p) => (p.spec.containers[0].resources = { requests: { memory: '-1Mi' } }), ['spec.containers[0].resources.requests[memory]: Invalid value: "-1Mi": must be greater than or equal to 0']],
  ['unknown resource', (p) => (p.spec.containers[0].resources = { limits: { gpu: '1' } }), [
    'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
    'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
  ]],
  ['extended resource without limit', (p) => (p.spec.containers[0].resources = { requests: { 'nvidia.com/gpu': '1' } }), ['spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources']],
  ['probe without handler', (p) => (p.spec.containers[0].livenessProbe = { periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }), ['spec.containers[0].livenessProbe: Required value: must specify a handler type']],
  ['liveness successThreshold', (p) => (p.spec.containers[0].livenessProbe = { exec: { command: ['true'] }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 2, failureThreshold: 3 }), ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1']],
  ['probe port name', (p) => (p.spec.containers[0].readinessProbe = { httpGet: { path: '/', port: '8080', scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }), ['spec.containers[0].readinessProbe.httpGet.port: Invalid value: "8080": must contain at least one letter (a-z)']],
  ['runAsUser', (p) => (p.spec.securityContext = { runAsUser: -1 }), ['spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 4294967295, inclusive']],
  ['nodeSelector value', (p) => (p.spec.nodeSelector = { disk: 'ssd fast' }), ["spec.nodeSelector: Invalid value: \"ssd fast\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"]],
  ['toleration without key', (p) => (p.spec.tolerations = [{ operator: 'Equal', value: 'x' }]), ['spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"']],
  ['toleration effect', (p) => (p.spec.tolerations = [{ key: 'k', operator: 'Exists', effect: 'Sometimes' }]), ['spec.tolerations[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"']],
  ['terminationGracePeriodSeconds', (p) => delete p.spec.terminationGracePeriodSeconds, ['spec.terminationGracePeriodSeconds: Required value']],
  ['imagePullPolicy', (p) => (p.spec.containers[0].imagePullPolicy = 'Sometimes'), ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"']],
  ['image whitespace', (p) => (p.spec.containers[0].image = ' nginx'), ['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace']],
  ['init container probes', (p) => (p.spec.initContainers = [{ ...clone(p.spec.containers[0]), name: 'init', ports: [], livenessProbe: { exec: { command: ['x'] } } }]), ['spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always']],
  ['hostNetwork ports', (p) => { p.spec.hostNetwork = true; p.spec.containers[0].ports[0].hostPort = 81; }, ['spec.containers[0].ports[0].hostPort: Invalid value: 81: must match `containerPort` when `hostNetwork` is true']],
  ['activeDeadlineSeconds', (p) => (p.spec.activeDeadlineSeconds = 0), ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive']],
];

test('pod create validation', () => {
  for (const [name, mutate, want] of cases) {
    const p = pod();
    mutate(p);
    assert.deepEqual(texts(v.validate(p as never)), want, name);
  }
});

test('pod updates may change only images, deadlines and tolerations', () => {
  const old = pod();
  const image = clone(old);
  image.spec.containers[0].image = 'nginx:1.26';
  assert.deepEqual(texts(v.validateUpdate!(image as never, old as never)), []);
  const added = clone(old);
  added.spec.tolerations = [{ key: 'k', operator: 'Exists' }];
  assert.deepEqual(texts(v.validateUpdate!(added as never, old as never)), []);
  const changed = clone(old);
  changed.spec.containers[0].ports[0].containerPort = 8080;
  const [only, ...rest] = texts(v.validateUpdate!(changed as never, old as never));
  assert.deepEqual(rest, []);
  assert.ok(
    only!.startsWith(
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n',
    ),
    only,
  );
  const more = clone(old);
  more.spec.containers.push({ ...clone(old.spec.containers[0]), name: 'two' });
  assert.deepEqual(texts(v.validateUpdate!(more as never, old as never)), ['spec.containers: Forbidden: pod updates may not add or remove containers']);
  const deadline = clone(old);
  deadline.spec.activeDeadlineSeconds = 10;
  const longer = clone(deadline);
  longer.spec.activeDeadlineSeconds = 20;
  assert.deepEqual(texts(v.validateUpdate!(longer as never, deadline as never)), ['spec.activeDeadlineSeconds: Invalid value: 20: must be less than or equal to previous value']);
});

test('pod status updates keep the QoS class and node', () => {
  const old = pod();
  old.status = { qosClass: 'BestEffort', phase: 'Pending' };
  const next = clone(old);
  next.status.qosClass = 'Guaranteed';
  next.status.podIPs = [{ ip: '10.0.0.300' }];
  assert.deepEqual(texts(v.validateStatusUpdate!(next as never, old as never)), [
    'status.qosClass: Invalid value: "Guaranteed": field is immutable',
    'status.podIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
  ]);
});
