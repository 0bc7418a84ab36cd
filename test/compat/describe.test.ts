// Differential tests of `describe`: real kubectl 1.32 and ktl describe the same objects on one
// bundled server. The server runs no workload controllers, so what describers show about related
// objects (owned ReplicaSets and pods, node pods, statuses, events) is created by hand first.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CRD, CSR, CUSTOM, LONELY_STATUS, MISC, NETWORK, NODE, NODE_STATUS, POD_FANCY, RBAC_AND_POLICY, RUNTIME_CLASS, WORKLOADS, events, ownedPods, ownedReplicaSets } from '../describe/fixtures.ts';
import { SKIP, normalize, startCompat, type Compat, type RunOptions } from './harness.ts';

// Ages also appear inside parentheses ("(x4 over 50m)", "(lasts 5s)"); they differ between two runs
// a moment apart just like the others.
const AGE = /(?<=\(|\s)(\d+d\d*h?|\d+h\d*m?|\d+m\d*s?|\d+s|<invalid>)(?=\)|,)/g;
const norm = (s: string) => normalize(s).replace(AGE, (m) => '~'.repeat(m.length));

describe('kubectl describe', { skip: SKIP }, () => {
  let c: Compat;
  const cleanups: (() => unknown)[] = [];
  const same = async (args: string[], opts: RunOptions = {}): Promise<void> => {
    await c.same(['describe', ...args], { ...opts, normalize: norm });
  };
  const ok = async (args: string[], input?: string) => {
    const r = await c.kubectl(args, { input });
    assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const apply = (manifest: string) => ok(['apply', '-f', '-'], manifest);
  const json = async (args: string[]) => JSON.parse(await ok([...args, '-o', 'json']));
  const status = (kind: string, name: string, body: unknown, ns: string[] = []) => ok(['patch', kind, name, ...ns, '--subresource=status', '--type=merge', '-p', JSON.stringify(body)]);

  before(async () => {
    c = await startCompat({ after: (fn) => cleanups.push(fn) });
    await apply(WORKLOADS);
    await apply(NETWORK);
    await apply(RUNTIME_CLASS);
    await apply(RBAC_AND_POLICY);
    await apply(NODE);
    await apply(CRD);
    await apply(CUSTOM);
    await status('node', 'node1', NODE_STATUS);
    const uid = async (kind: string, name: string) => (await json(['get', kind, name])).metadata.uid as string;
    await ok(['apply', '-f', '-'], JSON.stringify(ownedReplicaSets(await json(['get', 'deployment', 'web']))));
    await apply(ownedPods({ lonely: await uid('rs', 'lonely'), rc1: await uid('rc', 'rc1'), db: await uid('sts', 'db'), agent: await uid('ds', 'agent') }));
    // after the pods: its LimitRange would default their limits
    await apply(MISC);
    await status('pod', 'lonely-1', LONELY_STATUS);
    await status('pod', 'rc1-a', { status: { phase: 'Succeeded' } });
    await status('pod', 'db-0', { status: { phase: 'Running' } });
    await status('quota', 'quota', {
      status: { hard: { pods: '10', 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.memory': '16Gi' }, used: { pods: '3', 'requests.cpu': '1500m', 'requests.memory': '1536Mi' } },
    });
    await status('pvc', 'bound-claim', {
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' }, conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: '2026-01-22T09:00:00Z' }] },
    });
    await status('deployment', 'web', {
      status: {
        replicas: 3,
        updatedReplicas: 2,
        availableReplicas: 1,
        unavailableReplicas: 2,
        conditions: [
          { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' },
          { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' },
        ],
      },
    });
    await status('job', 'pi', { status: { startTime: '2026-01-22T09:00:00Z', active: 1, ready: 1, failed: 2 } });
    await ok(['create', '-f', '-'], events(Date.now(), { pod: await uid('pod', 'lonely-1'), deployment: await uid('deployment', 'web'), node: await uid('node', 'node1'), configMap: await uid('cm', 'web-config') }));
    await apply(POD_FANCY);
    await apply('apiVersion: networking.k8s.io/v1\nkind: ServiceCIDR\nmetadata: {name: extra}\nspec: {cidrs: [10.100.0.0/16]}\n');
    await apply(CSR);
    await status('cronjob', 'suspended', {
      status: { lastScheduleTime: '2026-01-22T09:00:00Z', active: [{ kind: 'Job', name: 'suspended-1', namespace: 'default' }, { kind: 'Job', name: 'suspended-2', namespace: 'default' }] },
    });
    await status('service', 'lb6', { status: { loadBalancer: { ingress: [{ ip: '5.6.7.8', ipMode: 'VIP' }, { hostname: 'lb.example.com' }] } } });
    await status('ingress', 'ing', { status: { loadBalancer: { ingress: [{ ip: '9.9.9.9' }, { hostname: 'a.lb' }, { ip: '1.1.1.1' }] } } });
    await status('job', 'indexed', { status: { startTime: '2026-01-22T09:00:00Z', completionTime: '2026-01-22T09:12:30Z', succeeded: 4, completedIndexes: '0-2,4' } });
    await ok(['create', 'namespace', 'other']);
    await ok(['create', 'configmap', 'elsewhere', '-n', 'other', '--from-literal=k=v']);
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  describe('pods', () => {
    test('a pod with statuses, restarts, resources and events', () => same(['pod', 'lonely-1']));
    test('a pending pod controlled by a ReplicaSet', () => same(['pods', 'lonely-2']));
    test('TYPE/NAME', () => same(['pod/lonely-1']));
    test('without events', () => same(['pod', 'lonely-1', '--show-events=false']));
    test('every volume kind, probe kind, seccomp profiles, readiness gates', () => same(['pod', 'fancy']));
    test('a pod with an init container, overhead and a claim', () => same(['pod', 'db-0']));
    test('a name prefix describes every match', () => same(['pods', 'lonely']));
    test('a name prefix with no match', () => same(['pods', 'nomatch']));
    test('all pods of the namespace', () => same(['pods']));
    test('pods by label', () => same(['pods', '-l', 'app=lonely']));
    test('pods by set-based label', () => same(['pods', '-l', 'app in (rc1,db)']));
    test('no pods match the label', () => same(['pods', '-l', 'app=none']));
    test('across namespaces, nothing matches', () => same(['pods', '-A', '-l', 'app=none']));
    test('across namespaces', () => same(['pods', '-A', '-l', 'app=lonely']));
    test('in small chunks', () => same(['pods', '--chunk-size=1']));
    test('chunking disabled', () => same(['pods', '--chunk-size=0', '-l', 'app=lonely']));
    test('in a time zone', () => same(['pod', 'lonely-1'], { env: { TZ: 'America/New_York' } }));
    test('a terminating pod', async () => {
      await ok(['delete', 'pod', 'fancy', '--wait=false']);
      await same(['pod', 'fancy']);
    });
    test('in another time zone', () => same(['pod', 'db-0'], { env: { TZ: 'Asia/Kolkata' } }));
  });

  describe('workloads', () => {
    test('a deployment with its ReplicaSets, conditions and events', () => same(['deployment', 'web']));
    test('deployment by short name', () => same(['deploy/web']));
    test('deployments by group-qualified resource', () => same(['deployments.apps', 'web']));
    test('a deployment without events', () => same(['deploy', 'web', '--show-events=false']));
    test('all ReplicaSets', () => same(['rs']));
    test('a ReplicaSet owned by a deployment', () => same(['rs', 'web-abc']));
    test('a ReplicaSet counting its pods', () => same(['replicaset', 'lonely']));
    test('a ReplicationController', () => same(['rc', 'rc1']));
    test('a StatefulSet with claim templates', () => same(['statefulset', 'db']));
    test('a DaemonSet', () => same(['ds', 'agent']));
    test('a Job with a status', () => same(['job', 'pi']));
    test('an indexed, suspended, completed Job', () => same(['job', 'indexed']));
    test('a CronJob', () => same(['cronjob', 'hello']));
    test('a suspended CronJob with active jobs', () => same(['cj', 'suspended']));
    test('a Recreate deployment without ReplicaSets', () => same(['deploy', 'recreate']));
    test('an OnDelete StatefulSet', () => same(['sts', 'ondelete']));
    test('a StatefulSet with a partition and maxUnavailable', () => same(['sts', 'maxun']));
    test('several types at once', () => same(['deploy,rc,ds']));
  });

  describe('config and storage', () => {
    test('a ConfigMap with events', () => same(['configmap', 'web-config']));
    test('a ConfigMap without events', () => same(['cm', 'web-config', '--show-events=false']));
    test('a ConfigMap in another namespace', () => same(['cm', 'elsewhere', '-n', 'other']));
    test('a Secret', () => same(['secret', 'web-secret']));
    test('a ServiceAccount with missing secrets', () => same(['sa', 'builder']));
    test('the default ServiceAccount', () => same(['serviceaccount', 'default']));
    test('a PersistentVolume with node affinity', () => same(['pv', 'pv1']));
    test('an NFS PersistentVolume', () => same(['pv', 'pv-nfs']));
    test('a CSI block PersistentVolume', () => same(['pv', 'pv-csi']));
    test('all PersistentVolumes', () => same(['pv']));
    test('a claim used by pods', () => same(['pvc', 'data-claim']));
    test('a bound claim with conditions', () => same(['pvc', 'bound-claim']));
    test('a default StorageClass with topologies', () => same(['storageclass', 'fast']));
    test('a plain StorageClass', () => same(['sc', 'slow']));
    test('a ResourceQuota with usage', () => same(['quota', 'quota']));
    test('a scoped ResourceQuota', () => same(['resourcequota', 'besteffort']));
    test('a LimitRange', () => same(['limits', 'limits']));
    test('the namespace with its quotas and limits', () => same(['namespace', 'default']));
    test('all namespaces', () => same(['ns']));
  });

  describe('network', () => {
    test('a NodePort service with endpoint slices', () => same(['svc', 'websvc']));
    test('a LoadBalancer service', () => same(['svc', 'lb']));
    test('an ExternalName service', () => same(['svc', 'ext']));
    test('a headless service', () => same(['svc', 'headless']));
    test('a dual-stack LoadBalancer with ingress status', () => same(['svc', 'lb6']));
    test('the kubernetes service', () => same(['service', 'kubernetes']));
    test('an EndpointSlice', () => same(['endpointslice', 'websvc-abc']));
    test('an EndpointSlice without ports', () => same(['endpointslices', 'headless-x']));
    test('Endpoints', () => same(['endpoints', 'websvc']));
    test('an Ingress with rules, TLS and missing backends', () => same(['ingress', 'ing']));
    test('an Ingress with only a default backend', () => same(['ing', 'ing2']));
    test('an IngressClass', () => same(['ingressclass', 'nginx']));
    test('a NetworkPolicy', () => same(['networkpolicy', 'np']));
    test('a deny-all NetworkPolicy', () => same(['netpol', 'deny-all']));
    test('a NetworkPolicy in another time zone', () => same(['netpol', 'np'], { env: { TZ: 'Europe/Berlin' } }));
  });

  describe('nodes', () => {
    test('a node with pods, lease and events', () => same(['node', 'node1']));
    test('a node without lease or status', () => same(['node', 'node2']));
    test('all nodes', () => same(['nodes']));
    test('a node in a time zone', () => same(['node', 'node1'], { env: { TZ: 'Australia/Sydney' } }));
    test("a node's CSINode", () => same(['csinode', 'node1']));
  });

  describe('rbac and policy', () => {
    test('a Role, its rules broken down and merged', () => same(['role', 'reader']));
    test('a ClusterRole with non-resource URLs', () => same(['clusterrole', 'mixed']));
    test('a bootstrap ClusterRole', () => same(['clusterrole', 'admin']));
    test('a RoleBinding', () => same(['rolebinding', 'read-pods']));
    test('a ClusterRoleBinding', () => same(['clusterrolebinding', 'mixed-binding']));
    test('a PodDisruptionBudget with minAvailable', () => same(['pdb', 'pdb1']));
    test('a PodDisruptionBudget with maxUnavailable and no selector', () => same(['pdb', 'pdb2']));
    test('a PriorityClass', () => same(['priorityclass', 'high']));
    test('a HorizontalPodAutoscaler with every metric kind and behavior', () => same(['hpa', 'hpa1']));
    test('an autoscaling/v1 HorizontalPodAutoscaler', () => same(['hpa', 'hpa-v1']));
  });

  describe('certificates', () => {
    test('a CertificateSigningRequest: subject and alternative names', () => same(['csr', 'jane']));
    test('in another time zone', () => same(['certificatesigningrequest', 'jane'], { env: { TZ: 'Asia/Tokyo' } }));
  });

  describe('the generic describer', () => {
    test('a custom resource', () => same(['widget', 'w1']));
    test('custom resources by short name', () => same(['wd']));
    test('a CustomResourceDefinition', () => same(['crd', 'widgets.example.com']));
    test('an Event', () => same(['event', 'lonely-1.b']));
    test('a Lease', () => same(['lease', 'node1', '-n', 'kube-node-lease']));
    test('ControllerRevisions (none)', () => same(['controllerrevisions']));
  });

  describe('files and errors', () => {
    test('objects of a manifest', () => same(['-f', c.file('net.yaml', NETWORK)]));
    test('objects of a manifest, without events', () => same(['-f', c.file('misc.yaml', MISC), '--show-events=false']));
    test('a manifest object that does not exist', () => same(['-f', c.file('missing.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: nothere}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: web-secret}\n')]));
    test('a manifest from stdin', () => same(['-f', '-'], { input: 'apiVersion: v1\nkind: Service\nmetadata: {name: lb}\n' }));
    test('a missing file', () => same(['-f', 'no-such-file.yaml']));
    test('no arguments', () => same([]));
    test('an unknown resource type', () => same(['nosuchtype']));
    // the builder's argument errors: the resource/name hint names `get` whatever the command
    test('a type, then TYPE/NAME', () => same(['pods', 'pods/lonely-1']));
    test('TYPE/NAME with a selector', () => same(['pods/lonely-1', '-l', 'app=x']));
    test('an empty word in a type list', () => same(['cm,,svc']));
    test('missing paths, together', () => same(['-f', 'nx1.yaml', '-f', 'nx2.yaml']));
    test('a missing path with TYPE/NAME', () => same(['-f', 'nx1.yaml', 'pods/lonely-1']));
    test('names with a selector, before type lookup', () => same(['nosuch', 'x', '-l', 'a=b']));
    test('a missing object', () => same(['pod', 'ghost']));
    test('a missing object with events about it', () => same(['pod', 'gone']));
    test('two missing objects', () => same(['pods', 'ghost', 'ghost']));
    test('found and missing objects', () => same(['pods', 'lonely-1', 'ghost', 'rc1-a']));
    test('TYPE/NAME pairs, the second missing', () => same(['pods/lonely-1', 'pods/ghost']));
    test('two types and a missing name', () => same(['pods,svc', 'ghost']));
    test('a name with a selector', () => same(['pods', 'lonely-1', '-l', 'app=x']));
    test('a name across namespaces', () => same(['pods', 'lonely-1', '-A']));
    test('an invalid selector', () => same(['pods', '-l', 'bad selector!']));
    test('an empty namespace', () => same(['pods', '-n', 'other']));
    test('a missing namespace', () => same(['namespace', 'ghost']));
    test('a cluster-scoped type with nothing found', () => same(['volumeattachments']));
    test('a resource kubectl 1.32 reads at a version the server does not serve', () => same(['servicecidr']));
  });
});
