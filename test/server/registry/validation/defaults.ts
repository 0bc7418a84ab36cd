// Test-only stand-in for API defaulting (pkg/apis/*/v1/defaults.go): just the defaults the
// validators depend on, so that manifests can be checked the way the server checks them (after
// defaulting). The server's own defaulting lives elsewhere.
import type { KubeObject } from '../../../../src/api/object.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type O = Record<string, any>;
const o = (v: unknown): O => (typeof v === 'object' && v !== null ? (v as O) : {});
const set = (t: O, k: string, v: unknown) => {
  if (t[k] === undefined || t[k] === null || t[k] === '') t[k] = v;
};

function probe(p: unknown) {
  if (!p) return;
  const x = o(p);
  set(x, 'timeoutSeconds', 1);
  set(x, 'periodSeconds', 10);
  set(x, 'successThreshold', 1);
  set(x, 'failureThreshold', 3);
  if (x.httpGet) {
    set(x.httpGet, 'path', '/');
    set(x.httpGet, 'scheme', 'HTTP');
  }
}

function container(c: O, hostNetwork: boolean) {
  const image = String(c.image ?? '');
  const tag = image.includes('@') ? 'digest' : /:[^/]+$/.test(image) ? image.slice(image.lastIndexOf(':') + 1) : 'latest';
  set(c, 'imagePullPolicy', tag === 'latest' ? 'Always' : 'IfNotPresent');
  set(c, 'terminationMessagePath', '/dev/termination-log');
  set(c, 'terminationMessagePolicy', 'File');
  for (const p of c.ports ?? []) {
    set(p, 'protocol', 'TCP');
    if (hostNetwork) set(p, 'hostPort', p.containerPort);
  }
  for (const e of c.env ?? []) if (e.valueFrom?.fieldRef) set(e.valueFrom.fieldRef, 'apiVersion', 'v1');
  probe(c.livenessProbe);
  probe(c.readinessProbe);
  probe(c.startupProbe);
}

export function defaultPodSpec(spec: O, isPod = true) {
  set(spec, 'restartPolicy', 'Always');
  set(spec, 'dnsPolicy', 'ClusterFirst');
  set(spec, 'terminationGracePeriodSeconds', 30);
  set(spec, 'schedulerName', 'default-scheduler');
  set(spec, 'securityContext', {});
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) container(c, isPod && spec.hostNetwork === true);
  for (const v of spec.volumes ?? []) {
    for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) if (v[k]) set(v[k], 'defaultMode', 420);
    for (const s of v.projected?.sources ?? []) {
      if (s.serviceAccountToken) set(s.serviceAccountToken, 'expirationSeconds', 3600);
      for (const i of s.downwardAPI?.items ?? []) if (i.fieldRef) set(i.fieldRef, 'apiVersion', 'v1');
    }
    for (const i of v.downwardAPI?.items ?? []) if (i.fieldRef) set(i.fieldRef, 'apiVersion', 'v1');
    if (v.hostPath) set(v.hostPath, 'type', '');
  }
}

const template = (t: unknown, isPod = false) => defaultPodSpec(o(o(t).spec ?? (o(t).spec = {})), isPod);

/** Apply the defaults that validation relies on, in place, as kube-apiserver does before validating. */
export function applyTestDefaults(obj: KubeObject): KubeObject {
  const spec = o(obj.spec ?? (obj.kind === 'Secret' || obj.kind === 'ConfigMap' ? undefined : (obj.spec = {})));
  const [group] = String(obj.apiVersion ?? '').includes('/') ? String(obj.apiVersion).split('/') : [''];
  const meta = obj.metadata;
  switch (`${group}/${obj.kind}`) {
    case '/Pod':
      defaultPodSpec(spec);
      break;
    case '/ReplicationController':
      set(spec, 'replicas', 1);
      template(spec.template);
      if (!spec.selector) spec.selector = { ...o(o(spec.template).metadata).labels };
      break;
    case 'apps/ReplicaSet':
      set(spec, 'replicas', 1);
      template(spec.template);
      break;
    case 'apps/Deployment':
      set(spec, 'replicas', 1);
      set(spec, 'strategy', {});
      set(spec.strategy, 'type', 'RollingUpdate');
      if (spec.strategy.type === 'RollingUpdate') {
        set(spec.strategy, 'rollingUpdate', {});
        set(spec.strategy.rollingUpdate, 'maxUnavailable', '25%');
        set(spec.strategy.rollingUpdate, 'maxSurge', '25%');
      }
      set(spec, 'revisionHistoryLimit', 10);
      set(spec, 'progressDeadlineSeconds', 600);
      template(spec.template);
      break;
    case 'apps/DaemonSet':
      set(spec, 'updateStrategy', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
      set(spec, 'revisionHistoryLimit', 10);
      template(spec.template);
      break;
    case 'apps/StatefulSet':
      set(spec, 'replicas', 1);
      set(spec, 'podManagementPolicy', 'OrderedReady');
      set(spec, 'updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
      set(spec, 'revisionHistoryLimit', 10);
      set(spec, 'persistentVolumeClaimRetentionPolicy', { whenDeleted: 'Retain', whenScaled: 'Retain' });
      template(spec.template);
      break;
    case 'batch/Job':
      defaultJob(spec, meta.name ?? '', (meta.uid ??= '11111111-2222-3333-4444-555555555555'));
      break;
    case 'batch/CronJob':
      set(spec, 'concurrencyPolicy', 'Allow');
      set(spec, 'suspend', false);
      set(spec, 'successfulJobsHistoryLimit', 3);
      set(spec, 'failedJobsHistoryLimit', 1);
      defaultJob(o(o(spec.jobTemplate ?? (spec.jobTemplate = {})).spec ?? (spec.jobTemplate.spec = {})), undefined, undefined);
      break;
    case '/Service':
      set(spec, 'type', 'ClusterIP');
      set(spec, 'sessionAffinity', 'None');
      if (spec.type !== 'ExternalName') set(spec, 'internalTrafficPolicy', 'Cluster');
      if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') set(spec, 'externalTrafficPolicy', 'Cluster');
      if (spec.type === 'LoadBalancer') set(spec, 'allocateLoadBalancerNodePorts', true);
      if (spec.clusterIP === 'None') spec.clusterIPs = ['None'];
      for (const p of spec.ports ?? []) {
        set(p, 'protocol', 'TCP');
        if (spec.type !== 'ExternalName') set(p, 'targetPort', p.port);
      }
      break;
    case '/Endpoints':
      for (const s of o(obj).subsets ?? []) for (const p of s.ports ?? []) set(p, 'protocol', 'TCP');
      break;
    case '/Secret':
      set(obj as O, 'type', 'Opaque');
      break;
    case '/PersistentVolume':
      set(spec, 'persistentVolumeReclaimPolicy', 'Retain');
      set(spec, 'volumeMode', 'Filesystem');
      break;
    case '/PersistentVolumeClaim':
      set(spec, 'volumeMode', 'Filesystem');
      break;
    case 'storage.k8s.io/StorageClass':
      set(obj as O, 'reclaimPolicy', 'Delete');
      set(obj as O, 'volumeBindingMode', 'Immediate');
      break;
    default:
  }
  return obj;
}

/** Job defaults plus the Job strategy's generated selector and template labels. */
function defaultJob(spec: O, name: string | undefined, uid: string | undefined) {
  set(spec, 'parallelism', 1);
  if (spec.completions === undefined && spec.parallelism !== undefined) spec.completions = 1;
  set(spec, 'backoffLimit', 6);
  set(spec, 'completionMode', 'NonIndexed');
  set(spec, 'suspend', false);
  set(spec, 'podReplacementPolicy', 'TerminatingOrFailed');
  template(spec.template ?? (spec.template = {}));
  if (name !== undefined && uid !== undefined && spec.manualSelector !== true) {
    const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
    spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
    const m = o(spec.template.metadata ?? (spec.template.metadata = {}));
    m.labels = { ...o(m.labels), ...labels };
  }
}
