import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { DAY, HOUR, ago, cells, columnNames } from '../helpers.ts';

const template = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx:1.25' }, { name: 'sidecar', image: 'busybox' }] },
};
const meta = (name: string) => ({ name, namespace: 'default', creationTimestamp: ago(10 * DAY) });

test('deployments: READY ready/desired, UP-TO-DATE and AVAILABLE as numbers, wide selector', () => {
  assert.deepEqual(columnNames('apps', 'deployments'), ['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector']);
  const d: KubeObject = {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('web'),
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['staging', 'prod'] }] },
      template,
    },
    status: { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 },
  };
  assert.deepEqual(cells('apps', 'deployments', d), ['web', '2/3', 3, 2, '10d', 'web,sidecar', 'nginx:1.25,busybox', 'app=web,env in (prod,staging)']);
  // a fresh deployment has no status yet; an empty selector prints as nothing, not <none>
  const fresh: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('new'), spec: { replicas: 1, selector: {}, template }, status: {} };
  assert.deepEqual(cells('apps', 'deployments', fresh).slice(1, 4), ['0/1', 0, 0]);
  assert.equal(cells('apps', 'deployments', fresh)[7], '');
  const bad: KubeObject = { ...fresh, spec: { replicas: 1, selector: { matchExpressions: [{ key: 'a', operator: 'Bogus' }] }, template } };
  assert.equal(cells('apps', 'deployments', bad)[7], '<invalid>');
});

test('replica sets and replication controllers', () => {
  const rs: KubeObject = {
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta('web-7d4b9c'),
    spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c' } }, template },
    status: { replicas: 3, readyReplicas: 1 },
  };
  assert.deepEqual(columnNames('apps', 'replicasets'), ['Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers', 'Images', 'Selector']);
  assert.deepEqual(cells('apps', 'replicasets', rs), ['web-7d4b9c', 3, 3, 1, '10d', 'web,sidecar', 'nginx:1.25,busybox', 'app=web,pod-template-hash=7d4b9c']);
  const rc: KubeObject = {
    apiVersion: 'v1', kind: 'ReplicationController', metadata: meta('legacy'),
    spec: { replicas: 2, selector: { app: 'legacy' }, template },
    status: { replicas: 2, readyReplicas: 2 },
  };
  assert.deepEqual(cells('', 'replicationcontrollers', rc), ['legacy', 2, 2, 2, '10d', 'web,sidecar', 'nginx:1.25,busybox', 'app=legacy']);
  // an RC's template is optional
  const bare: KubeObject = { apiVersion: 'v1', kind: 'ReplicationController', metadata: meta('bare'), spec: { replicas: 0 } };
  assert.deepEqual(cells('', 'replicationcontrollers', bare), ['bare', 0, 0, 0, '10d', '', '', '<none>']);
});

test('stateful sets: READY ready/desired', () => {
  assert.deepEqual(columnNames('apps', 'statefulsets'), ['Name', 'Ready', 'Age', 'Containers', 'Images']);
  const s: KubeObject = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta('db'), spec: { replicas: 3, template }, status: { replicas: 2, readyReplicas: 1 } };
  assert.deepEqual(cells('apps', 'statefulsets', s), ['db', '1/3', '10d', 'web,sidecar', 'nginx:1.25,busybox']);
});

test('daemon sets: counts and NODE SELECTOR', () => {
  assert.deepEqual(columnNames('apps', 'daemonsets'), [
    'Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age', 'Containers', 'Images', 'Selector',
  ]);
  const ds: KubeObject = {
    apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta('fluentd'),
    spec: { selector: { matchLabels: { app: 'fluentd' } }, template: { ...template, spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux' } } } },
    status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
  };
  assert.deepEqual(cells('apps', 'daemonsets', ds), ['fluentd', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '10d', 'web,sidecar', 'nginx:1.25,busybox', 'app=fluentd']);
  const anyNode: KubeObject = { ...ds, spec: { selector: { matchLabels: { app: 'fluentd' } }, template } };
  assert.equal(cells('apps', 'daemonsets', anyNode)[6], '<none>');
});

test('controller revisions: CONTROLLER is kind.group/name of the controlling owner', () => {
  const rev = (ownerReferences: unknown[]): KubeObject => ({
    apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { ...meta('fluentd-5d8f'), ownerReferences: ownerReferences as never }, revision: 2,
  });
  const owner = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluentd', uid: 'u1', controller: true };
  assert.deepEqual(cells('apps', 'controllerrevisions', rev([owner])), ['fluentd-5d8f', 'daemonset.apps/fluentd', 2, '10d']);
  assert.equal(cells('apps', 'controllerrevisions', rev([{ ...owner, controller: false }]))[1], '<none>');
  assert.equal(cells('apps', 'controllerrevisions', rev([]))[1], '<none>');
  assert.equal(cells('apps', 'controllerrevisions', rev([{ apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u', controller: true }]))[1], 'pod/p');
  assert.throws(() => cells('apps', 'controllerrevisions', rev([{ ...owner, apiVersion: 'a/b/c' }])), /unexpected GroupVersion string: a\/b\/c/);
});

test('pod disruption budgets: N/A for the unset bound', () => {
  assert.deepEqual(columnNames('policy', 'poddisruptionbudgets'), ['Name', 'Min Available', 'Max Unavailable', 'Allowed Disruptions', 'Age']);
  const pdb = (spec: Record<string, unknown>, disruptionsAllowed: number): KubeObject => ({
    apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', creationTimestamp: ago(3 * HOUR) }, spec, status: { disruptionsAllowed },
  });
  assert.deepEqual(cells('policy', 'poddisruptionbudgets', pdb({ minAvailable: 2 }, 1)), ['web', '2', 'N/A', 1, '3h']);
  assert.deepEqual(cells('policy', 'poddisruptionbudgets', pdb({ maxUnavailable: '25%' }, 0)), ['web', 'N/A', '25%', 0, '3h']);
});
