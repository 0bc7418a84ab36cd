import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { HOUR, MINUTE, SECOND, ago, cells, columnNames } from '../helpers.ts';

const template = { spec: { containers: [{ name: 'pi', image: 'perl:5.34' }], restartPolicy: 'Never' } };
const job = (spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'batch/v1', kind: 'Job',
  metadata: { name: 'pi', namespace: 'default', creationTimestamp: ago(10 * MINUTE), ...meta },
  spec: { selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc' } }, template, ...spec },
  status,
});
const cond = (type: string, status = 'True') => ({ type, status });

test('job columns: STATUS of recent servers before COMPLETIONS and DURATION', () => {
  assert.deepEqual(columnNames('batch', 'jobs'), ['Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers', 'Images', 'Selector']);
});

test('a completed job: duration from start to completion', () => {
  const j = job({ completions: 1, parallelism: 1 }, {
    startTime: ago(10 * MINUTE), completionTime: ago(10 * MINUTE - 35 * SECOND), succeeded: 1,
    conditions: [cond('SuccessCriteriaMet'), cond('Complete')],
  });
  assert.deepEqual(cells('batch', 'jobs', j), ['pi', 'Complete', '1/1', '35s', '10m', 'pi', 'perl:5.34', 'batch.kubernetes.io/controller-uid=abc']);
});

test('COMPLETIONS without spec.completions: n/1, or n/1 of parallelism', () => {
  assert.equal(cells('batch', 'jobs', job({ completions: 5, parallelism: 2 }, { succeeded: 3 }))[2], '3/5');
  assert.equal(cells('batch', 'jobs', job({ parallelism: 3 }, { succeeded: 1 }))[2], '1/1 of 3');
  assert.equal(cells('batch', 'jobs', job({ parallelism: 1 }, {}))[2], '0/1');
});

test('a running job counts its duration up to now; an unstarted one has none', () => {
  const running = job({ completions: 1 }, { startTime: ago(2 * MINUTE + 30 * SECOND), active: 1 });
  assert.deepEqual(cells('batch', 'jobs', running).slice(1, 4), ['Running', '0/1', '2m30s']);
  assert.deepEqual(cells('batch', 'jobs', job({ completions: 1 }, {})).slice(1, 4), ['Running', '0/1', '']);
});

test('STATUS precedence: Complete, Failed, Terminating, Suspended, FailureTarget, Running', () => {
  const statusOf = (status: Record<string, unknown>, meta: Record<string, unknown> = {}) => cells('batch', 'jobs', job({ completions: 1 }, status, meta))[1];
  const deleting = { deletionTimestamp: ago(SECOND) };
  assert.equal(statusOf({ conditions: [cond('Complete')] }, deleting), 'Complete');
  assert.equal(statusOf({ conditions: [cond('FailureTarget'), cond('Failed')] }), 'Failed');
  assert.equal(statusOf({ conditions: [cond('Suspended')] }, deleting), 'Terminating');
  assert.equal(statusOf({ conditions: [cond('Suspended')] }), 'Suspended');
  assert.equal(statusOf({ conditions: [cond('FailureTarget')] }), 'FailureTarget');
  assert.equal(statusOf({ conditions: [cond('Suspended', 'False')] }), 'Running');
  assert.equal(statusOf({ conditions: [cond('SuccessCriteriaMet')] }), 'Running');
});

test('cron jobs: TIMEZONE, SUSPEND as text, ACTIVE count, LAST SCHEDULE', () => {
  assert.deepEqual(columnNames('batch', 'cronjobs'), [
    'Name', 'Schedule', 'Timezone', 'Suspend', 'Active', 'Last Schedule', 'Age', 'Containers', 'Images', 'Selector',
  ]);
  const cj = (spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject => ({
    apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'backup', creationTimestamp: ago(2 * HOUR) },
    spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template } }, ...spec },
    status,
  });
  assert.deepEqual(
    cells('batch', 'cronjobs', cj({ suspend: false }, { active: [{ kind: 'Job', name: 'backup-1' }], lastScheduleTime: ago(3 * MINUTE) })),
    ['backup', '*/5 * * * *', '<none>', 'False', 1, '3m', '120m', 'pi', 'perl:5.34', '<none>'],
  );
  assert.deepEqual(cells('batch', 'cronjobs', cj({ suspend: true, timeZone: 'Etc/UTC' }, {})).slice(2, 6), ['Etc/UTC', 'True', 0, '<none>']);
  assert.equal(cells('batch', 'cronjobs', cj({}, {}))[3], '<unset>');
});
