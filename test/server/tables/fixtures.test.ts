// Every built-in kind's printer against upstream's round-trip fixtures: filler values in every
// field, so a printer that trips over a field shape fails here.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import type { KubeObject } from '../../../src/api/object.ts';
import { toTable } from '../../../src/server/tables/index.ts';
import { NOW } from './helpers.ts';
import { DATA } from '../../api/upstream-data.ts';
import { join } from 'node:path';

const DIR = join(DATA, 'fixtures');

const RESOURCES: Record<string, string> = {
  Pod: 'pods', PodTemplate: 'podtemplates', ReplicationController: 'replicationcontrollers', Service: 'services', Endpoints: 'endpoints',
  Node: 'nodes', Namespace: 'namespaces', Event: 'events', LimitRange: 'limitranges', ResourceQuota: 'resourcequotas',
  PersistentVolume: 'persistentvolumes', PersistentVolumeClaim: 'persistentvolumeclaims', ConfigMap: 'configmaps', Secret: 'secrets',
  ServiceAccount: 'serviceaccounts', ComponentStatus: 'componentstatuses', Deployment: 'deployments', ReplicaSet: 'replicasets',
  StatefulSet: 'statefulsets', DaemonSet: 'daemonsets', ControllerRevision: 'controllerrevisions', Job: 'jobs', CronJob: 'cronjobs',
  HorizontalPodAutoscaler: 'horizontalpodautoscalers', Ingress: 'ingresses', IngressClass: 'ingressclasses', NetworkPolicy: 'networkpolicies',
  IPAddress: 'ipaddresses', ServiceCIDR: 'servicecidrs', PodDisruptionBudget: 'poddisruptionbudgets', Role: 'roles', ClusterRole: 'clusterroles',
  RoleBinding: 'rolebindings', ClusterRoleBinding: 'clusterrolebindings', StorageClass: 'storageclasses', VolumeAttachment: 'volumeattachments',
  CSIDriver: 'csidrivers', CSINode: 'csinodes', CSIStorageCapacity: 'csistoragecapacities', VolumeAttributesClass: 'volumeattributesclasses',
  Lease: 'leases', LeaseCandidate: 'leasecandidates', EndpointSlice: 'endpointslices', PriorityClass: 'priorityclasses', RuntimeClass: 'runtimeclasses',
  CertificateSigningRequest: 'certificatesigningrequests', ClusterTrustBundle: 'clustertrustbundles',
  ValidatingWebhookConfiguration: 'validatingwebhookconfigurations', MutatingWebhookConfiguration: 'mutatingwebhookconfigurations',
  ValidatingAdmissionPolicy: 'validatingadmissionpolicies', ValidatingAdmissionPolicyBinding: 'validatingadmissionpolicybindings',
  MutatingAdmissionPolicy: 'mutatingadmissionpolicies', MutatingAdmissionPolicyBinding: 'mutatingadmissionpolicybindings',
  FlowSchema: 'flowschemas', PriorityLevelConfiguration: 'prioritylevelconfigurations', Scale: 'deployments/scale',
};

function fixtures(): { file: string; group: string; resource: string; obj: KubeObject }[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .flatMap((file) => {
      const parts = file.slice(0, -'.json'.length).split('.');
      const kind = parts.at(-1)!;
      const group = parts.slice(0, -2).join('.');
      const resource = RESOURCES[kind];
      if (!resource) return [];
      const obj = JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as KubeObject;
      return [{ file, group: group === 'core' ? '' : group, resource, obj }];
    });
}

test('every fixture converts, one cell per column, cells are JSON scalars', (t) => {
  if (!existsSync(DIR)) {
    t.skip(`${DIR} is absent`);
    return;
  }
  const all = fixtures();
  assert.ok(all.length > 90, `found ${all.length} fixtures`);
  for (const { file, group, resource, obj } of all) {
    for (const includeObject of ['Metadata', 'Object', 'None'] as const) {
      const table = toTable(group, resource, [obj], { now: NOW, includeObject });
      const row = table.rows![0]!;
      // ipaddresses: upstream sends one more cell than it declares columns
      const extra = resource === 'ipaddresses' ? 1 : 0;
      assert.equal(row.cells.length, table.columnDefinitions!.length + extra, file);
      for (const cell of row.cells) assert.ok(['string', 'number', 'boolean'].includes(typeof cell), `${file}: ${JSON.stringify(cell)}`);
      assert.deepEqual(JSON.parse(JSON.stringify(table)), table, file);
    }
  }
});
