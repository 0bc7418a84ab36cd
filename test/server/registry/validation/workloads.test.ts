// Controllers' validation: selectors, templates, strategies, immutable fields.
import test from 'node:test';
import assert from 'node:assert/strict';
import { validatorFor } from '../../../../src/server/registry/validation/index.ts';
import { clone, defaulted, deployment, template, texts, type O } from './helpers.ts';

const MISMATCH = 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`';

test('deployments', () => {
  const v = validatorFor('apps', 'Deployment')!;
  const cases: [string, (d: O) => void, string[]][] = [
    ['valid', () => {}, []],
    ['selector mismatch', (d) => (d.spec.template.metadata.labels = { app: 'other' }), [MISMATCH]],
    ['no selector', (d) => delete d.spec.selector, ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`']],
    ['empty selector', (d) => (d.spec.selector = {}), ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment']],
    ['negative replicas', (d) => (d.spec.replicas = -1), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    ['template restartPolicy', (d) => (d.spec.template.spec.restartPolicy = 'Never'), ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']],
    ['template labels', (d) => { d.spec.template.metadata.labels['bad key!'] = 'x'; }, [
      "spec.template.labels: Invalid value: \"bad key!\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]],
    ['both zero', (d) => (d.spec.strategy.rollingUpdate = { maxUnavailable: 0, maxSurge: '0%' }), ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0']],
    ['bad percent', (d) => (d.spec.strategy.rollingUpdate.maxSurge = '10'), ["spec.strategy.rollingUpdate.maxSurge: Invalid value: 10: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"]],
    ['over 100%', (d) => (d.spec.strategy.rollingUpdate.maxUnavailable = '150%'), ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 150%: must not be greater than 100%']],
    ['recreate with rollingUpdate', (d) => (d.spec.strategy.type = 'Recreate'), ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"]],
    ['progress deadline', (d) => (d.spec.progressDeadlineSeconds = 5), []],
    ['progress deadline vs minReady', (d) => Object.assign(d.spec, { progressDeadlineSeconds: 5, minReadySeconds: 10 }), ['spec.progressDeadlineSeconds: Invalid value: 5: must be greater than minReadySeconds']],
  ];
  for (const [name, mutate, want] of cases) {
    const d = deployment();
    mutate(d);
    assert.deepEqual(texts(v.validate(d as never)), want, name);
  }
  const old = deployment();
  const moved = clone(old);
  moved.spec.selector = { matchLabels: { app: 'nginx2' } };
  moved.spec.template.metadata.labels = { app: 'nginx2' };
  assert.deepEqual(texts(v.validateUpdate!(moved as never, old as never)), [
    'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
  ]);
});

test('replicasets, daemonsets and replication controllers', () => {
  const rs = defaulted({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r', namespace: 'n' }, spec: { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'other' }) } });
  assert.deepEqual(texts(validatorFor('apps', 'ReplicaSet')!.validate(rs as never)), [MISMATCH]);
  const ds = defaulted({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd', namespace: 'n' }, spec: { selector: { matchLabels: { app: 'web' } }, template: template() } });
  assert.deepEqual(texts(validatorFor('apps', 'DaemonSet')!.validate(ds as never)), []);
  ds.spec.updateStrategy.rollingUpdate = { maxUnavailable: 0, maxSurge: 0 };
  assert.deepEqual(texts(validatorFor('apps', 'DaemonSet')!.validate(ds as never)), ['spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0']);
  const rc = defaulted({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'r', namespace: 'n' }, spec: { selector: { app: 'web' }, template: template({ app: 'other' }) } });
  assert.deepEqual(texts(validatorFor('', 'ReplicationController')!.validate(rc as never)), [MISMATCH]);
});

test('statefulsets: only some spec fields may change', () => {
  const v = validatorFor('apps', 'StatefulSet')!;
  const sts = defaulted({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's', namespace: 'n' }, spec: { serviceName: 'web', selector: { matchLabels: { app: 'web' } }, template: template() } });
  assert.deepEqual(texts(v.validate(sts as never)), []);
  const scaled = clone(sts);
  scaled.spec.replicas = 5;
  assert.deepEqual(texts(v.validateUpdate!(scaled as never, sts as never)), []);
  const renamed = clone(sts);
  renamed.spec.serviceName = 'other';
  assert.deepEqual(texts(v.validateUpdate!(renamed as never, sts as never)), [
    "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
  ]);
  const bad = clone(sts);
  bad.spec.podManagementPolicy = 'Random';
  assert.deepEqual(texts(v.validate(bad as never)), ['spec.podManagementPolicy: Invalid value: "Random": must be \'OrderedReady\' or \'Parallel\'']);
});

const job = (spec: O = {}): O =>
  defaulted({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'n' }, spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }], restartPolicy: 'Never' } }, ...spec } });

test('jobs', () => {
  const v = validatorFor('batch', 'Job')!;
  assert.deepEqual(texts(v.validate(job() as never)), []);
  const always = job();
  always.spec.template.spec.restartPolicy = 'Always';
  assert.deepEqual(texts(v.validate(always as never)), ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  const neg = job({ parallelism: -1, backoffLimit: -2 });
  assert.deepEqual(texts(v.validate(neg as never)), [
    'spec.parallelism: Invalid value: -1: must be greater than or equal to 0',
    'spec.backoffLimit: Invalid value: -2: must be greater than or equal to 0',
  ]);
  const mode = job({ completionMode: 'Sometimes' });
  assert.deepEqual(texts(v.validate(mode as never)), ['spec.completionMode: Unsupported value: "Sometimes": supported values: "NonIndexed", "Indexed"']);
  const manual = job({ manualSelector: true, selector: { matchLabels: { a: 'b' } } });
  manual.spec.template.metadata = { labels: { a: 'c' } };
  assert.deepEqual(texts(v.validate(manual as never)), ['spec.template.metadata.labels: Invalid value: map[string]string{"a":"c"}: `selector` does not match template `labels`']);
  const old = job();
  const changed = clone(old);
  changed.spec.template.spec.containers[0].image = 'perl:5';
  changed.spec.completions = 3;
  assert.deepEqual(texts(v.validateUpdate!(changed as never, old as never)), [
    'spec.completions: Invalid value: 3: field is immutable',
    'spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable',
  ]);
});

test('cronjobs', () => {
  const v = validatorFor('batch', 'CronJob')!;
  const cj = (spec: O, name = 'tick'): O =>
    defaulted({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name, namespace: 'n' },
      spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } }, ...spec },
    });
  assert.deepEqual(texts(v.validate(cj({}) as never)), []);
  assert.deepEqual(texts(v.validate(cj({ schedule: '* * *' }) as never)), ['spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]']);
  assert.deepEqual(texts(v.validate(cj({ schedule: 'TZ=UTC * * * * *' }) as never)), ['spec.schedule: Invalid value: "TZ=UTC * * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead']);
  assert.deepEqual(texts(v.validate(cj({ timeZone: 'Mars/Base' }) as never)), ['spec.timeZone: Invalid value: "Mars/Base": unknown time zone Mars/Base']);
  assert.deepEqual(texts(v.validate(cj({ concurrencyPolicy: 'Never' }) as never)), ['spec.concurrencyPolicy: Unsupported value: "Never": supported values: "Allow", "Forbid", "Replace"']);
  const long = 'a'.repeat(53);
  assert.deepEqual(texts(v.validate(cj({}, long) as never)), [`metadata.name: Invalid value: "${long}": must be no more than 52 characters`]);
});
