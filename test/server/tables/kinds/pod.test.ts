import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { toTable } from '../../../../src/server/tables/index.ts';
import { DAY, MINUTE, NOW, SECOND, ago, cells, columnNames } from '../helpers.ts';

type Status = Record<string, unknown>;

function pod(spec: Record<string, unknown>, status: Status, meta: Partial<KubeObject['metadata']> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'default', creationTimestamp: ago(5 * MINUTE), ...meta },
    spec: { containers: [{ name: 'web', image: 'nginx:1.25' }], ...spec },
    status,
  };
}
const running = { running: { startedAt: ago(4 * MINUTE) } };
const ready = { type: 'Ready', status: 'True' };
/** Cells up to AGE (the narrow columns). */
const narrow = (p: KubeObject) => cells('', 'pods', p).slice(0, 5);

test('pod columns', () => {
  assert.deepEqual(columnNames('', 'pods'), ['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates']);
});

test('a running pod, every column', () => {
  const p = pod({ nodeName: 'node-1' }, {
    phase: 'Running',
    podIP: '10.244.0.5',
    podIPs: [{ ip: '10.244.0.5' }, { ip: 'fd00::5' }],
    conditions: [{ type: 'Initialized', status: 'True' }, ready],
    containerStatuses: [{ name: 'web', ready: true, started: true, restartCount: 0, state: running }],
  });
  assert.deepEqual(cells('', 'pods', p), ['web-1', '1/1', 'Running', '0', '5m', '10.244.0.5', 'node-1', '<none>', '<none>']);
});

test('RESTARTS is a string, with the last restart\'s age when one is known', () => {
  const crashing = pod({}, {
    phase: 'Running',
    containerStatuses: [{
      name: 'web', ready: false, restartCount: 3,
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(2 * MINUTE) } },
    }],
  });
  assert.deepEqual(narrow(crashing), ['web-1', '0/1', 'CrashLoopBackOff', '3 (2m ago)', '5m']);
  // a restart count without a last termination time prints the bare count
  const noTime = pod({}, { phase: 'Running', containerStatuses: [{ name: 'web', ready: true, restartCount: 2, state: running }] });
  assert.equal(narrow(noTime)[3], '2');
  // the latest termination among all containers is the one shown; counts add up
  const two = pod({ containers: [{ name: 'a' }, { name: 'b' }] }, {
    phase: 'Running',
    containerStatuses: [
      { name: 'a', ready: true, restartCount: 6, state: running, lastState: { terminated: { finishedAt: ago(5 * DAY) } } },
      { name: 'b', ready: true, restartCount: 3, state: running, lastState: { terminated: { finishedAt: ago(20 * DAY) } } },
    ],
  });
  assert.deepEqual(narrow(two).slice(1, 4), ['2/2', 'Running', '9 (5d ago)']);
});

test('init containers: Init:i/n, Init:<reason>, Init:ExitCode, Init:Signal', () => {
  const spec = { initContainers: [{ name: 'migrate' }, { name: 'seed' }] };
  const initStatus = (first: Status, second: Status = { name: 'seed', state: { waiting: { reason: 'PodInitializing' } } }) =>
    pod(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'migrate', ...first }, second], containerStatuses: [{ name: 'web', state: { waiting: { reason: 'PodInitializing' } } }] });

  assert.equal(narrow(initStatus({ state: running }))[2], 'Init:0/2');
  assert.equal(narrow(initStatus({ state: { waiting: { reason: 'PodInitializing' } } }))[2], 'Init:0/2');
  assert.equal(narrow(initStatus({ state: { terminated: { exitCode: 0, reason: 'Completed' } } }, { name: 'seed', state: running }))[2], 'Init:1/2');
  assert.equal(narrow(initStatus({ state: { terminated: { exitCode: 1, reason: 'Error' } } }))[2], 'Init:Error');
  assert.equal(narrow(initStatus({ state: { terminated: { exitCode: 2 } } }))[2], 'Init:ExitCode:2');
  assert.equal(narrow(initStatus({ state: { terminated: { exitCode: 137, signal: 9 } } }))[2], 'Init:Signal:9');
  const looping = initStatus({
    restartCount: 4,
    state: { waiting: { reason: 'CrashLoopBackOff' } },
    lastState: { terminated: { exitCode: 1, finishedAt: ago(30 * SECOND) } },
  });
  // while initialising, init container restarts are the ones counted
  assert.deepEqual(narrow(looping), ['web-1', '0/1', 'Init:CrashLoopBackOff', '4 (30s ago)', '5m']);
});

test('init container facts from upstream printers_test', () => {
  // test10: two init containers, one done with restarts, one running with restarts
  const p = pod({ initContainers: [{ name: 'a' }, { name: 'b' }] }, {
    phase: 'podPhase',
    initContainerStatuses: [
      { name: 'a', restartCount: 2, state: { terminated: {} }, lastState: { terminated: { finishedAt: ago(2 * MINUTE) } } },
      { name: 'b', restartCount: 3, state: running, lastState: { terminated: { finishedAt: ago(10 * SECOND) } } },
    ],
    containerStatuses: [{ name: 'web', state: { waiting: {} } }],
  });
  assert.deepEqual(narrow(p).slice(1, 4), ['0/1', 'Init:1/2', '5 (10s ago)']);
  // test11: initialised; the init container's restarts no longer count
  const q = pod({ initContainers: [{ name: 'a' }] }, {
    phase: 'Running',
    initContainerStatuses: [{ name: 'a', restartCount: 2, state: { terminated: {} }, lastState: { terminated: { finishedAt: ago(2 * MINUTE) } } }],
    containerStatuses: [{ name: 'web', ready: false, restartCount: 4, state: running, lastState: { terminated: { finishedAt: ago(20 * SECOND) } } }],
  });
  assert.deepEqual(narrow(q).slice(1, 4), ['0/1', 'Running', '4 (20s ago)']);
  // statuses naming containers the spec does not have
  const r = pod({ initContainers: [{ name: 'init1' }, { name: 'sidecar1', restartPolicy: 'Always' }], containers: [{ name: 'container1' }] }, {
    phase: 'Running',
    initContainerStatuses: [{ name: 'initinvalid' }, { name: 'init1' }, { name: 'sidecar1' }],
    containerStatuses: [{ name: 'containerinvalid' }, { name: 'container1' }],
  });
  assert.deepEqual(narrow(r).slice(1, 4), ['0/2', 'Init:0/2', '0']);
});

test('sidecars (restartable init containers) count as containers', () => {
  const spec = { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }, { name: 'logs', restartPolicy: 'Always' }] };
  const starting = pod(spec, {
    phase: 'Pending',
    conditions: [{ type: 'Initialized', status: 'False' }],
    initContainerStatuses: [
      { name: 'proxy', ready: false, started: true, restartCount: 3, state: running, lastState: { terminated: { finishedAt: ago(10 * SECOND) } } },
      { name: 'logs', ready: false, started: false, state: running },
    ],
    containerStatuses: [{ name: 'web', state: { waiting: {} } }],
  });
  assert.deepEqual(narrow(starting).slice(1, 4), ['0/3', 'Init:1/2', '3 (10s ago)']);
  const up = pod(spec, {
    phase: 'Running',
    conditions: [{ type: 'Initialized', status: 'True' }, ready],
    initContainerStatuses: [
      { name: 'proxy', ready: true, started: true, restartCount: 3, state: running, lastState: { terminated: { finishedAt: ago(10 * SECOND) } } },
      { name: 'logs', ready: true, started: true, state: running },
    ],
    containerStatuses: [{ name: 'web', ready: true, restartCount: 4, state: running, lastState: { terminated: { finishedAt: ago(20 * SECOND) } } }],
  });
  assert.deepEqual(narrow(up).slice(1, 4), ['3/3', 'Running', '7 (10s ago)']);
});

test('Completed, NotReady and Running when containers disagree', () => {
  const statuses = [
    { name: 'job', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
    { name: 'web', ready: true, restartCount: 0, state: running },
  ];
  const spec = { containers: [{ name: 'job' }, { name: 'web' }] };
  assert.equal(narrow(pod(spec, { phase: 'Running', containerStatuses: statuses }))[2], 'NotReady');
  assert.equal(narrow(pod(spec, { phase: 'Running', conditions: [ready], containerStatuses: statuses }))[2], 'Running');
  const done = pod({}, { phase: 'Succeeded', containerStatuses: [{ name: 'web', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] });
  assert.deepEqual(narrow(done), ['web-1', '0/1', 'Completed', '0', '5m']);
});

test('main container termination without a reason: ExitCode and Signal', () => {
  const exit = pod({}, { phase: 'Running', containerStatuses: [{ name: 'web', state: { terminated: { exitCode: 137 } } }] });
  assert.equal(narrow(exit)[2], 'ExitCode:137');
  const signal = pod({}, { phase: 'Running', containerStatuses: [{ name: 'web', state: { terminated: { exitCode: 137, signal: 9 } } }] });
  assert.equal(narrow(signal)[2], 'Signal:9');
});

test('the first container in the list wins: statuses are walked from the last', () => {
  const p = pod({ containers: [{ name: 'a' }, { name: 'b' }] }, {
    phase: 'Running',
    containerStatuses: [
      { name: 'a', restartCount: 3, state: { waiting: { reason: 'ContainerWaitingReason' } } },
      { name: 'b', restartCount: 3, state: { terminated: { reason: 'ContainerTerminatedReason' } } },
    ],
  });
  assert.deepEqual(narrow(p).slice(1, 4), ['0/2', 'ContainerWaitingReason', '6']);
});

test('Pending pods: ContainerCreating, SchedulingGated, status.reason', () => {
  const creating = pod({ nodeName: 'node-1' }, { phase: 'Pending', containerStatuses: [{ name: 'web', state: { waiting: { reason: 'ContainerCreating' } } }] });
  assert.equal(narrow(creating)[2], 'ContainerCreating');
  const gated = pod({ schedulingGates: [{ name: 'example.com/quota' }] }, {
    phase: 'Pending',
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
  });
  assert.deepEqual(cells('', 'pods', gated), ['web-1', '0/1', 'SchedulingGated', '0', '5m', '<none>', '<none>', '<none>', '<none>']);
  const evicted = pod({}, { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' });
  assert.equal(narrow(evicted)[2], 'Evicted');
});

test('deleted pods: Terminating, but Unknown for a lost node and the phase once finished', () => {
  const meta = { deletionTimestamp: ago(10 * SECOND), deletionGracePeriodSeconds: 30 };
  const terminating = pod({}, { phase: 'Running', containerStatuses: [{ name: 'web', ready: true, state: running }] }, meta);
  assert.deepEqual(narrow(terminating), ['web-1', '1/1', 'Terminating', '0', '5m']);
  assert.equal(narrow(pod({}, { phase: 'Pending' }, meta))[2], 'Terminating');
  assert.equal(narrow(pod({}, { phase: 'Running', reason: 'NodeLost' }, meta))[2], 'Unknown');
  const finished = pod({}, { phase: 'Succeeded', containerStatuses: [{ name: 'web', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }, meta);
  assert.equal(narrow(finished)[2], 'Completed');
});

test('wide columns: IP from podIPs, nominated node, readiness gates', () => {
  const p = pod({ nodeName: 'node-2', readinessGates: [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/dns' }, { conditionType: 'example.com/fw' }] }, {
    phase: 'Running',
    podIPs: [{ ip: 'fd00::7' }],
    nominatedNodeName: 'node-3',
    conditions: [{ type: 'example.com/lb', status: 'False' }, { type: 'example.com/dns', status: 'True' }],
    containerStatuses: [{ name: 'web', ready: true, state: running }],
  });
  assert.deepEqual(cells('', 'pods', p).slice(5), ['fd00::7', 'node-2', 'node-3', '1/3']);
});

test('finished pods carry the Completed row condition', () => {
  const conditionsOf = (phase: string) => toTable('', 'pods', [pod({}, { phase })], { now: NOW }).rows![0]!.conditions;
  assert.deepEqual(conditionsOf('Succeeded'), [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
  assert.deepEqual(conditionsOf('Failed'), [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }]);
  assert.equal(conditionsOf('Running'), undefined);
});

test('pod templates', () => {
  const t: KubeObject = {
    apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 'tpl' },
    template: { metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { containers: [{ name: 'a', image: 'img-a' }, { name: 'b', image: 'img-b' }] } },
  };
  assert.deepEqual(columnNames('', 'podtemplates'), ['Name', 'Containers', 'Images', 'Pod Labels']);
  assert.deepEqual(cells('', 'podtemplates', t), ['tpl', 'a,b', 'img-a,img-b', 'app=web,tier=fe']);
});
