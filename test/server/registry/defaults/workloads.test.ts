// Defaulting of the kinds with pod templates (pkg/apis/apps/v1, batch/v1 and the core
// ReplicationController), as kube-apiserver 1.33 answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { defaultsFor } from '../../../../src/server/registry/defaults/index.ts';

const run = (group: string, kind: string, obj: KubeObject) => {
  defaultsFor(group, kind)!(obj);
  return obj;
};

const template = () => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } });
const defaultedTemplateSpec = {
  containers: [{ name: 'c', image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
  schedulerName: 'default-scheduler',
};

test('Deployment: replicas 1, RollingUpdate 25%/25%, history 10, deadline 600', () => {
  const d = run('apps', 'Deployment', { metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: template() } });
  assert.deepEqual(d.spec, {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: defaultedTemplateSpec },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
  });
});

test('Deployment: Recreate gets no rollingUpdate; a partial rollingUpdate is completed', () => {
  const recreate = run('apps', 'Deployment', { metadata: {}, spec: { strategy: { type: 'Recreate' }, template: template() } });
  assert.deepEqual((recreate.spec as any).strategy, { type: 'Recreate' });
  const partial = run('apps', 'Deployment', { metadata: {}, spec: { replicas: 0, strategy: { rollingUpdate: { maxSurge: 2 } }, template: template() } });
  assert.equal((partial.spec as any).replicas, 0);
  assert.deepEqual((partial.spec as any).strategy, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: '25%' } });
});

test('ReplicaSet and ReplicationController: replicas 1; an RC takes selector and labels from its template', () => {
  const rs = run('apps', 'ReplicaSet', { metadata: {}, spec: { template: template() } });
  assert.equal((rs.spec as any).replicas, 1);
  const rc = run('', 'ReplicationController', { metadata: { name: 'rc' }, spec: { template: template() } });
  assert.deepEqual(rc.metadata.labels, { app: 'web' });
  assert.deepEqual((rc.spec as any).selector, { app: 'web' });
  assert.equal((rc.spec as any).replicas, 1);
  assert.deepEqual((rc.spec as any).template.spec, defaultedTemplateSpec);
  const own = run('', 'ReplicationController', { metadata: { labels: { tier: 'x' } }, spec: { selector: { s: '1' }, template: template() } });
  assert.deepEqual(own.metadata.labels, { tier: 'x' });
  assert.deepEqual((own.spec as any).selector, { s: '1' });
});

test('DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0, history 10', () => {
  const ds = run('apps', 'DaemonSet', { metadata: {}, spec: { template: template() } });
  assert.deepEqual((ds.spec as any).updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  assert.equal((ds.spec as any).revisionHistoryLimit, 10);
  const onDelete = run('apps', 'DaemonSet', { metadata: {}, spec: { updateStrategy: { type: 'OnDelete' }, template: template() } });
  assert.deepEqual((onDelete.spec as any).updateStrategy, { type: 'OnDelete' });
});

test('StatefulSet: policies, partition 0 only when the type was defaulted, claim templates stamped', () => {
  const sts = run('apps', 'StatefulSet', {
    metadata: {},
    spec: {
      serviceName: 'web',
      template: template(),
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  });
  const spec = sts.spec as any;
  assert.equal(spec.podManagementPolicy, 'OrderedReady');
  assert.deepEqual(spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
  assert.deepEqual(spec.persistentVolumeClaimRetentionPolicy, { whenDeleted: 'Retain', whenScaled: 'Retain' });
  assert.equal(spec.replicas, 1);
  assert.equal(spec.revisionHistoryLimit, 10);
  assert.deepEqual(spec.volumeClaimTemplates, [
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    },
  ]);
  const explicit = run('apps', 'StatefulSet', { metadata: {}, spec: { updateStrategy: { type: 'RollingUpdate' }, template: template() } });
  assert.deepEqual((explicit.spec as any).updateStrategy, { type: 'RollingUpdate' });
});

test('Job: completions and parallelism 1 together, backoffLimit 6, labels from the template', () => {
  const job = run('batch', 'Job', { metadata: { name: 'pi' }, spec: { template: { ...template(), spec: { ...template().spec, restartPolicy: 'Never' } } } });
  const spec = job.spec as any;
  assert.equal(spec.completions, 1);
  assert.equal(spec.parallelism, 1);
  assert.equal(spec.backoffLimit, 6);
  assert.equal(spec.completionMode, 'NonIndexed');
  assert.equal(spec.suspend, false);
  assert.equal(spec.podReplacementPolicy, 'TerminatingOrFailed');
  assert.equal(spec.manualSelector, false);
  assert.equal(spec.template.spec.restartPolicy, 'Never');
  assert.deepEqual(job.metadata.labels, { app: 'web' });
});

test('Job: a work queue (parallelism only) keeps completions unset; per-index backoff and pod failure policy', () => {
  const queue = run('batch', 'Job', { metadata: {}, spec: { parallelism: 3, template: template() } });
  assert.equal((queue.spec as any).completions, undefined);
  const indexed = run('batch', 'Job', {
    metadata: {},
    spec: {
      completions: 5,
      backoffLimitPerIndex: 1,
      podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] },
      template: template(),
    },
  });
  const spec = indexed.spec as any;
  assert.equal(spec.parallelism, 1);
  assert.equal(spec.backoffLimit, 2147483647);
  assert.equal(spec.podReplacementPolicy, 'Failed');
  assert.deepEqual(spec.podFailurePolicy.rules[0].onPodConditions, [{ type: 'DisruptionTarget', status: 'True' }]);
});

test('CronJob: Allow, not suspended, 3 and 1 kept; its jobTemplate gets no Job defaults', () => {
  const cj = run('batch', 'CronJob', { metadata: {}, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: template() } } } });
  const spec = cj.spec as any;
  assert.equal(spec.concurrencyPolicy, 'Allow');
  assert.equal(spec.suspend, false);
  assert.equal(spec.successfulJobsHistoryLimit, 3);
  assert.equal(spec.failedJobsHistoryLimit, 1);
  assert.deepEqual(spec.jobTemplate.spec, { template: { metadata: { labels: { app: 'web' } }, spec: defaultedTemplateSpec } });
});

test('PodTemplate objects default their template spec', () => {
  const pt = run('', 'PodTemplate', { metadata: {}, template: template() });
  assert.deepEqual((pt.template as any).spec, defaultedTemplateSpec);
});
