// The other built-in kinds: services, config, RBAC, networking, policy, quota, storage, HPA.
import test from 'node:test';
import assert from 'node:assert/strict';
import { validatorFor } from '../../../../src/server/registry/validation/index.ts';
import { clone, defaulted, texts, type O } from './helpers.ts';

const run = (group: string, kind: string, obj: O) => texts(validatorFor(group, kind)!.validate(obj as never));
const upd = (group: string, kind: string, obj: O, old: O) => texts(validatorFor(group, kind)!.validateUpdate!(obj as never, old as never));
const svc = (spec: O): O => defaulted({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'n' }, spec });

test('services', () => {
  assert.deepEqual(run('', 'Service', svc({ selector: { app: 'web' }, ports: [{ port: 80 }] })), []);
  assert.deepEqual(run('', 'Service', svc({ selector: { app: 'web' } })), ['spec.ports: Required value']);
  assert.deepEqual(run('', 'Service', svc({ clusterIP: 'None' })), []);
  assert.deepEqual(run('', 'Service', svc({ ports: [{ port: 80 }, { port: 81 }] })), ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']);
  assert.deepEqual(run('', 'Service', svc({ ports: [{ port: 0 }] })), [
    'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
  ]);
  assert.deepEqual(run('', 'Service', svc({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] })), [
    'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
  ]);
  assert.deepEqual(run('', 'Service', svc({ type: 'Foo', ports: [{ port: 80 }] })), ['spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']);
  assert.deepEqual(run('', 'Service', svc({ type: 'ExternalName' })), ['spec.externalName: Required value']);
  assert.deepEqual(run('', 'Service', svc({ sessionAffinity: 'Sticky', ports: [{ port: 80 }] })), ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"']);
  assert.deepEqual(run('', 'Service', svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })), [
    'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
  ]);
  assert.deepEqual(run('', 'Service', svc({ ports: [{ port: 80, nodePort: 30001 }] })), ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]);
  const old = svc({ ports: [{ port: 80 }], clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'] });
  const moved = clone(old);
  moved.spec.clusterIP = '10.0.0.2';
  assert.deepEqual(upd('', 'Service', moved, old), ['spec.clusterIPs[0]: Invalid value: []string{"10.0.0.2"}: may not change once set']);
  const omitted = clone(old);
  delete omitted.spec.clusterIP;
  delete omitted.spec.clusterIPs;
  assert.deepEqual(upd('', 'Service', omitted, old), []);
});

test('configmaps and secrets', () => {
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'n' }, data: { 'a b': 'x', ok: 'y' } };
  assert.deepEqual(run('', 'ConfigMap', cm), [
    "data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
  ]);
  const big = { ...cm, data: { big: 'x'.repeat(1024 * 1024 + 1) } };
  assert.deepEqual(run('', 'ConfigMap', big), [': Too long: must have at most 1048576 bytes'], 'Go prints the empty field with its separator');
  const frozen = { ...cm, data: { k: 'v' }, immutable: true };
  assert.deepEqual(upd('', 'ConfigMap', { ...frozen, data: { k: 'w' } }, frozen), ['data: Forbidden: field is immutable when `immutable` is set']);
  const tls = defaulted({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 't', namespace: 'n' }, type: 'kubernetes.io/tls', data: {} });
  assert.deepEqual(run('', 'Secret', tls), ['data[tls.crt]: Required value', 'data[tls.key]: Required value']);
  const docker = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'd', namespace: 'n' }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': Buffer.from('nope').toString('base64') } };
  assert.deepEqual(run('', 'Secret', docker), ["data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": invalid character 'o' in literal null (expecting 'u')"]);
  const sat = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'n' }, type: 'kubernetes.io/service-account-token' };
  assert.deepEqual(run('', 'Secret', sat), ['metadata.annotations[kubernetes.io/service-account.name]: Required value']);
  const opaque = defaulted({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'o', namespace: 'n' }, stringData: { password: 'x' } });
  assert.deepEqual(run('', 'Secret', opaque), []);
  assert.deepEqual(upd('', 'Secret', { ...opaque, type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } }, opaque), ['type: Invalid value: "kubernetes.io/tls": field is immutable']);
});

test('rbac', () => {
  const role = { rules: [{ apiGroups: [''], resources: ['pods'], verbs: [] }, { apiGroups: [''], verbs: ['get'], nonResourceURLs: ['/x'] }] };
  assert.deepEqual(run('rbac.authorization.k8s.io', 'Role', role), [
    'rules[0].verbs: Required value: verbs must contain at least one value',
    'rules[1].nonResourceURLs: Invalid value: []string{"/x"}: namespaced rules cannot apply to non-resource URLs',
    'rules[1].nonResourceURLs: Invalid value: []string{"/x"}: rules cannot apply to both regular resources and non-resource URLs',
  ]);
  const rb = { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'Robot', name: 'r' }] };
  assert.deepEqual(run('rbac.authorization.k8s.io', 'RoleBinding', rb), ['subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"']);
  const ok = { ...rb, subjects: [{ kind: 'User', name: 'bob', apiGroup: 'rbac.authorization.k8s.io' }] };
  assert.deepEqual(upd('rbac.authorization.k8s.io', 'RoleBinding', { ...ok, roleRef: { ...ok.roleRef, name: 'edit' } }, ok), [
    'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef',
  ]);
  assert.deepEqual(run('rbac.authorization.k8s.io', 'ClusterRoleBinding', { ...ok, roleRef: { ...ok.roleRef, kind: 'Role' } }), ['roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"']);
});

test('ingresses and network policies', () => {
  const ing = (paths: O[]) => ({ spec: { rules: [{ host: 'foo.example.com', http: { paths } }] } });
  assert.deepEqual(run('networking.k8s.io', 'Ingress', ing([{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }])), []);
  assert.deepEqual(run('networking.k8s.io', 'Ingress', ing([{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }])), [
    'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
  ]);
  assert.deepEqual(run('networking.k8s.io', 'Ingress', ing([{ path: 'api', pathType: 'Exact', backend: { service: { name: 'web', port: {} } } }])), [
    'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path',
    'spec.rules[0].http.paths[0].backend: Required value: port name or number is required',
  ]);
  assert.deepEqual(run('networking.k8s.io', 'Ingress', { spec: {} }), ['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified']);
  const np = { spec: { podSelector: {}, ingress: [{ from: [{}], ports: [{ port: 'http_x' }] }], policyTypes: ['Ingress', 'Sideways'] } };
  assert.deepEqual(run('networking.k8s.io', 'NetworkPolicy', np), [
    'spec.ingress[0].ports[0].port: Invalid value: "http_x": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    'spec.ingress[0].from[0]: Required value: must specify a peer',
    'spec.policyTypes[1]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"',
  ]);
});

test('pod disruption budgets, priority classes, leases', () => {
  assert.deepEqual(run('policy', 'PodDisruptionBudget', { spec: { minAvailable: 1, maxUnavailable: '10%', selector: { matchLabels: { a: 'b' } } } }), [
    'spec: Invalid value: policy.PodDisruptionBudgetSpec{...}: minAvailable and maxUnavailable cannot be both set',
  ]);
  assert.deepEqual(run('policy', 'PodDisruptionBudget', { spec: { minAvailable: '120%' } }), ['spec.minAvailable: Invalid value: 120%: must not be greater than 100%']);
  assert.deepEqual(run('scheduling.k8s.io', 'PriorityClass', { metadata: { name: 'p' }, value: 2000000000 }), ['value: Forbidden: maximum allowed value of a user defined priority is 1000000000']);
  assert.deepEqual(run('scheduling.k8s.io', 'PriorityClass', { metadata: { name: 'system-x' }, value: 1 }), [
    "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-x is not a known system priority class",
  ]);
  assert.deepEqual(upd('scheduling.k8s.io', 'PriorityClass', { metadata: { name: 'p' }, value: 2 }, { metadata: { name: 'p' }, value: 1 }), ['value: Forbidden: may not be changed in an update.']);
  assert.deepEqual(run('coordination.k8s.io', 'Lease', { spec: { leaseDurationSeconds: 0 } }), ['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0']);
});

test('resource quotas and limit ranges', () => {
  assert.deepEqual(run('', 'ResourceQuota', { spec: { hard: { pods: '1500m', foo: '1' } } }), [
    'spec.hard[pods]: Invalid value: 1500m: must be an integer',
    'spec.hard[foo]: Invalid value: "foo": must be a standard resource type or fully qualified',
    'spec.hard[foo]: Invalid value: "foo": must be a standard resource for quota',
  ]);
  assert.deepEqual(run('', 'ResourceQuota', { spec: { hard: { cpu: '1' }, scopes: ['BestEffort', 'NotBestEffort'] } }), [
    'spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort"}: unsupported scope applied to resource',
    'spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort"}: conflicting scopes',
  ]);
  assert.deepEqual(run('', 'LimitRange', { spec: { limits: [{ type: 'Container', min: { cpu: '2' }, max: { cpu: '1' } }] } }), [
    'spec.limits[0].min[cpu]: Invalid value: 2: min value 2 is greater than max value 1',
  ]);
});

test('volumes, claims and storage classes', () => {
  const pvc = defaulted({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'n' }, spec: {} });
  assert.deepEqual(run('', 'PersistentVolumeClaim', pvc), ['spec.accessModes: Required value: at least 1 access mode is required', 'spec.resources[storage]: Required value']);
  const good = defaulted({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'n' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
  assert.deepEqual(run('', 'PersistentVolumeClaim', good), []);
  const grown = clone(good);
  grown.spec.resources.requests.storage = '2Gi';
  assert.deepEqual(upd('', 'PersistentVolumeClaim', grown, good), ['spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n']);
  grown.status = { phase: 'Bound' };
  assert.deepEqual(upd('', 'PersistentVolumeClaim', grown, good), []);
  const pv = defaulted({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'v' }, spec: { accessModes: ['ReadWriteOnce', 'Sometimes'], capacity: { storage: '1Gi' } } });
  assert.deepEqual(run('', 'PersistentVolume', pv), [
    'spec.accessModes: Unsupported value: "Sometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    'spec: Required value: must specify a volume type',
  ]);
  const sc = defaulted({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 's' }, provisioner: 'example.com/x', parameters: { type: 'ssd' } });
  assert.deepEqual(run('storage.k8s.io', 'StorageClass', sc), []);
  assert.deepEqual(run('storage.k8s.io', 'StorageClass', { ...sc, provisioner: '' }), ['provisioner: Required value']);
  assert.deepEqual(upd('storage.k8s.io', 'StorageClass', { ...sc, parameters: { type: 'hdd' } }, sc), ['parameters: Forbidden: updates to parameters are forbidden.']);
});

test('horizontal pod autoscalers (autoscaling/v2)', () => {
  const hpa = (spec: O) => ({ spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5, ...spec } });
  assert.deepEqual(run('autoscaling', 'HorizontalPodAutoscaler', hpa({ minReplicas: 1, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] })), []);
  assert.deepEqual(run('autoscaling', 'HorizontalPodAutoscaler', hpa({ minReplicas: 0, maxReplicas: 0 })), [
    'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1',
    'spec.maxReplicas: Invalid value: 0: must be greater than 0',
    'spec.metrics: Forbidden: must specify at least one Object or External metric to support scaling to zero replicas',
  ]);
  assert.deepEqual(run('autoscaling', 'HorizontalPodAutoscaler', hpa({ minReplicas: 6 })), ['spec.maxReplicas: Invalid value: 5: must be greater than or equal to `minReplicas`']);
  assert.deepEqual(run('autoscaling', 'HorizontalPodAutoscaler', hpa({ metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization' } } }] })), [
    'spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization',
  ]);
});

test('endpoints, endpoint slices, namespaces', () => {
  const ep = defaulted({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e', namespace: 'n' }, subsets: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ port: 80 }] }] });
  assert.deepEqual(run('', 'Endpoints', ep), ['subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)']);
  assert.deepEqual(run('discovery.k8s.io', 'EndpointSlice', { addressType: 'IPv5', endpoints: [] }), ['addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"']);
  assert.deepEqual(upd('discovery.k8s.io', 'EndpointSlice', { addressType: 'IPv6' }, { addressType: 'IPv4' }), ['addressType: Invalid value: "IPv6": field is immutable']);
  assert.deepEqual(run('', 'Namespace', { spec: { finalizers: ['kubernetes', 'custom'] } }), [
    'spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
  ]);
});
