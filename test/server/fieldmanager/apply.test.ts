import assert from 'node:assert/strict';
import test from 'node:test';
import type { KubeObject } from '../../../src/api/object.ts';
import { builtinTypes } from '../../../src/api/types.ts';
import { serverSideApply } from '../../../src/server/fieldmanager/apply.ts';
import { updateManagedFields } from '../../../src/server/fieldmanager/update.ts';
import { ApiError } from '../../../src/server/status.ts';
import { apply, at, body, managers, owned, stored, T0, thing, THINGS, update } from './fixture.ts';

function applyError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  assert.fail('expected an ApiError');
}

test('apply creates the object; the applier owns exactly what it applied, identity fields aside', () => {
  const obj = apply(undefined, thing({ numeric: 1, map: { a: 'x' }, list: [{ name: 'a', value: 1 }] }, { labels: { app: 'x' } }), 'mgr');
  assert.deepEqual(body(obj), { numeric: 1, map: { a: 'x' }, list: [{ name: 'a', value: 1 }] });
  assert.deepEqual(obj.metadata.managedFields, [
    {
      manager: 'mgr',
      operation: 'Apply',
      apiVersion: 'example.com/v1',
      time: '2024-05-01T10:00:00Z',
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:list': { 'k:{"name":"a"}': { '.': {}, 'f:name': {}, 'f:value': {} } },
        'f:map': { 'f:a': {} },
        'f:metadata': { 'f:labels': { 'f:app': {} } },
        'f:numeric': {},
      },
    },
  ]);
});

test('applying the same configuration again changes nothing, time included', () => {
  const config = thing({ numeric: 1, set: ['a'] });
  const first = apply(undefined, config, 'mgr');
  const again = apply(first, config, 'mgr', { now: at(5) });
  assert.deepEqual(again, first);
});

test('fields the applier stops applying are removed; emptied maps disappear', () => {
  const first = apply(undefined, thing({ numeric: 1, string: 's', map: { a: '1', b: '2' }, list: [{ name: 'a' }, { name: 'b' }], struct: { bool: true } }), 'mgr');
  const second = apply(first, thing({ numeric: 1, map: { a: '1' }, list: [{ name: 'a' }] }), 'mgr', { now: at(1) });
  assert.deepEqual(body(second), { numeric: 1, map: { a: '1' }, list: [{ name: 'a' }] });
  assert.deepEqual(owned(second, 'mgr'), ['.numeric', '.list[name="a"]', '.list[name="a"].name', '.map.a']);
  assert.equal(second.metadata.managedFields![0]!.time, '2024-05-01T10:01:00Z');
  const third = apply(second, thing({ numeric: 1 }), 'mgr', { now: at(2) });
  assert.deepEqual(body(third), { numeric: 1 }, 'no map: null left behind');
});

test('a dropped field someone else also owns stays (SMD apply_update_apply_with_overlap)', () => {
  const a = apply(undefined, thing({ set: ['a', 'c'] }), 'default');
  const b = update(a, thing({ set: ['a', 'b', 'c', 'd'] }), 'controller');
  assert.deepEqual(owned(b, 'controller'), ['.set[="b"]', '.set[="d"]']);
  const c = apply(b, thing({ set: ['a', 'b', 'c'] }), 'default');
  assert.deepEqual(c.set, ['a', 'b', 'c', 'd']);
  assert.deepEqual(owned(c, 'default'), ['.set[="a"]', '.set[="b"]', '.set[="c"]']);
  assert.deepEqual(owned(c, 'controller'), ['.set[="b"]', '.set[="d"]']);
  // Dropping b again: the controller still owns it, so it stays.
  const d = apply(c, thing({ set: ['a'] }), 'default');
  assert.deepEqual(d.set, ['a', 'b', 'd']);
});

test('list order: applied items in their order, others kept in place (SMD apply_update_apply_no_overlap)', () => {
  const a = apply(undefined, thing({ set: ['a', 'c'] }), 'default');
  const b = update(a, thing({ set: ['a', 'b', 'c', 'd'] }), 'controller');
  const c = apply(b, thing({ set: ['a', 'aprime', 'c', 'cprime'] }), 'default');
  assert.deepEqual(c.set, ['a', 'b', 'aprime', 'c', 'd', 'cprime']);
  assert.deepEqual(owned(c, 'default'), ['.set[="a"]', '.set[="aprime"]', '.set[="c"]', '.set[="cprime"]']);
  assert.deepEqual(owned(c, 'controller'), ['.set[="b"]', '.set[="d"]']);
});

test('two appliers: the same value is shared without conflict; one leaving keeps it (SMD multiple appliers)', () => {
  const a = apply(undefined, thing({ list: [{ name: 'a', value: 0 }] }), 'apply-one');
  const b = apply(a, thing({ list: [{ name: 'a', value: 0 }] }), 'apply-two', { now: at(1) });
  assert.deepEqual(owned(b, 'apply-two'), owned(b, 'apply-one'));
  // Nothing changed in the object: the new co-owner gets no time, as upstream.
  assert.equal(b.metadata.managedFields!.find((e) => e.manager === 'apply-two')!.time, undefined);
  const c = apply(b, thing({ list: [{ name: 'b' }] }), 'apply-one', { now: at(2) });
  assert.deepEqual(c.list, [{ name: 'a', value: 0 }, { name: 'b' }]);
  // Only the value changes: the item itself exists on both sides and is no conflict.
  const e = applyError(() => apply(c, thing({ list: [{ name: 'a', value: 1 }] }), 'apply-three'));
  assert.equal(e.status.message, 'Apply failed with 1 conflict: conflict with "apply-two": .list[name="a"].value');
});

test('conflict with an Update manager: 409 with upstream text and causes; force takes the field over', () => {
  const a = apply(undefined, thing({ numeric: 1, string: 'string' }), 'default');
  const b = update(a, thing({ numeric: 1, string: 'controller string', bool: true }), 'controller', { now: at(1) });
  const e = applyError(() => apply(b, thing({ numeric: 2, string: 'user string' }), 'default', { now: at(2) }));
  assert.equal(e.code, 409);
  assert.deepEqual(e.status, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'Apply failed with 1 conflict: conflict with "controller" using example.com/v1: .string',
    reason: 'Conflict',
    details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "controller" using example.com/v1', field: '.string' }] },
    code: 409,
  });
  const forced = apply(b, thing({ numeric: 2, string: 'user string' }), 'default', { now: at(2), force: true });
  assert.deepEqual(body(forced), { numeric: 2, string: 'user string', bool: true });
  assert.deepEqual(owned(forced, 'default'), ['.numeric', '.string']);
  assert.deepEqual(owned(forced, 'controller'), ['.bool']);
});

test('several conflicts: grouped by manager, sorted, one cause each', () => {
  let obj = apply(undefined, thing({ list: [{ name: 'a', value: 1 }] }), 'applier');
  obj = update(obj, thing({ numeric: 1, string: 's', list: [{ name: 'a', value: 1 }] }), 'zeta');
  obj = update(obj, thing({ numeric: 1, string: 's', list: [{ name: 'a', value: 2 }] }), 'alpha', { subresource: undefined });
  const e = applyError(() => apply(obj, thing({ numeric: 5, string: 't', list: [{ name: 'a', value: 3 }] }), 'new'));
  assert.equal(
    e.status.message,
    'Apply failed with 3 conflicts: conflicts with "alpha" using example.com/v1:\n- .list[name="a"].value\nconflicts with "zeta" using example.com/v1:\n- .numeric\n- .string',
  );
  assert.deepEqual(e.status.details!.causes!.map((c) => `${c.message} ${c.field}`), [
    'conflict with "alpha" using example.com/v1 .list[name="a"].value',
    'conflict with "zeta" using example.com/v1 .numeric',
    'conflict with "zeta" using example.com/v1 .string',
  ]);
});

test('the same value owned by another manager is no conflict: ownership is shared', () => {
  const a = update(undefined, thing({ string: 'x', numeric: 1 }), 'kubectl-create');
  const b = apply(a, thing({ string: 'x', numeric: 1, bool: true }), 'kubectl', { force: false, now: at(1) });
  assert.deepEqual(body(b), { string: 'x', numeric: 1, bool: true });
  assert.deepEqual(owned(b, 'kubectl'), ['.bool', '.numeric', '.string']);
  assert.deepEqual(owned(b, 'kubectl-create'), ['.numeric', '.string']);
  // A different value for one of them is a conflict.
  const e = applyError(() => apply(b, thing({ string: 'y', numeric: 1, bool: true }), 'kubectl', { now: at(2) }));
  assert.equal(e.status.message, 'Apply failed with 1 conflict: conflict with "kubectl-create" using example.com/v1: .string');
});

test('atomic values conflict and are replaced as a whole', () => {
  const a = apply(undefined, thing({ atomicList: ['a', 'b'], atomicStruct: { numeric: 1, string: 's' } }), 'one');
  const e = applyError(() => apply(a, thing({ atomicList: ['c'] }), 'two'));
  assert.match(e.status.message!, /conflict with "one": \.atomicList$/);
  const b = apply(a, thing({ atomicList: ['c'], atomicStruct: { bool: true } }), 'two', { force: true });
  assert.deepEqual(body(b), { atomicList: ['c'], atomicStruct: { bool: true } });
  assert.deepEqual(managers(b), ['two/Apply']);
});

test('status: a main-resource apply never owns it; a /status apply owns only status', () => {
  const a = apply(undefined, thing({ numeric: 1, status: { string: 'ignored' } }), 'mgr');
  assert.deepEqual(owned(a, 'mgr'), ['.numeric']);
  const b = apply(a, thing({ numeric: 9, status: { string: 'ready' } }), 'ctrl', { subresource: 'status' });
  assert.deepEqual(b.metadata.managedFields!.map((e) => [e.manager, e.subresource]), [
    ['ctrl', 'status'],
    ['mgr', undefined],
  ]);
  assert.deepEqual(owned(b, 'ctrl'), ['.status.string']);
  // A /status applier's spec-ish fields are reset by the store: no conflict with "mgr" for them.
  assert.deepEqual(owned(b, 'mgr'), ['.numeric']);
  const conflict = applyError(() => apply(b, thing({ status: { string: 'other' } }), 'ctrl2', { subresource: 'status' }));
  assert.equal(conflict.status.message, 'Apply failed with 1 conflict: conflict with "ctrl" with subresource "status": .status.string');
});

test('resetFields: [] makes status an ordinary field', () => {
  const a = apply(undefined, thing({ status: { string: 's' } }), 'mgr', { resetFields: [] });
  assert.deepEqual(owned(a, 'mgr'), ['.status.string']);
});

test('an object nobody tracks is first owned by "before-first-apply"', () => {
  const live = stored(thing({ string: 'old', numeric: 1 }));
  const e = applyError(() => apply(live, thing({ string: 'new' }), 'mgr', { now: at(1) }));
  assert.equal(e.status.message, 'Apply failed with 1 conflict: conflict with "before-first-apply" using example.com/v1: .string');
  const ok = apply(live, thing({ numeric: 1 }), 'mgr', { now: at(1) });
  assert.deepEqual(managers(ok), ['mgr/Apply', 'before-first-apply/Update']);
  assert.deepEqual(owned(ok, 'before-first-apply'), ['.numeric', '.string']);
  assert.equal(ok.metadata.managedFields![1]!.time, '2024-05-01T10:01:00Z');
});

test('an Apply entry is one per applier: applying with another version replaces its apiVersion', () => {
  const a = apply(undefined, thing({ numeric: 1 }), 'mgr');
  const b = apply(a, { ...thing({ numeric: 2 }), apiVersion: 'example.com/v2' }, 'mgr', { apiVersion: 'example.com/v2', now: at(1) });
  assert.deepEqual(b.metadata.managedFields!.map((e) => [e.manager, e.apiVersion]), [['mgr', 'example.com/v2']]);
});

test('managedFields sort: Apply before Update, then by time', () => {
  let obj = update(undefined, thing({ numeric: 1 }), 'creator', { now: at(0) });
  obj = apply(obj, thing({ string: 's' }), 'late', { now: at(3) });
  obj = apply(obj, thing({ bool: true }), 'early', { now: at(2) });
  assert.deepEqual(managers(obj), ['early/Apply', 'late/Apply', 'creator/Update']);
});

test('request errors: fieldManager, managedFields, object type, schema', () => {
  const base = { live: undefined, force: false, apiVersion: 'example.com/v1', now: T0, types: THINGS, typeName: 'test.Thing' };
  const missing = applyError(() => serverSideApply({ ...base, applied: thing(), manager: '' }));
  assert.equal(missing.code, 422);
  assert.equal(missing.status.message, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
  const mf = applyError(() => serverSideApply({ ...base, applied: thing({}, { managedFields: [] }), manager: 'm' }));
  assert.deepEqual([mf.code, mf.status.message], [400, 'metadata.managedFields must be nil']);
  const kind = applyError(() => serverSideApply({ ...base, applied: { ...thing(), kind: 'Other' }, manager: 'm' }));
  assert.deepEqual([kind.code, kind.status.message], [400, 'invalid object type: example.com/v1, Kind=Other']);
  const core = applyError(() => serverSideApply({ ...base, applied: { ...thing(), apiVersion: 'v1' }, manager: 'm' }));
  assert.equal(core.status.message, 'invalid object type: /v1, Kind=Thing');
  const schema = applyError(() => serverSideApply({ ...base, applied: thing({ spec: { x: 1 } }), manager: 'm' }));
  assert.equal(schema.code, 500);
  assert.equal(schema.reason, undefined);
  assert.equal(schema.status.message, 'failed to create typed patch object (default/x; example.com/v1, Kind=Thing): .spec: field not declared in schema');
});

test('the live object is not modified', () => {
  const live: KubeObject = apply(undefined, thing({ numeric: 1, map: { a: '1' } }), 'mgr');
  const before = structuredClone(live);
  apply(live, thing({ numeric: 2 }), 'mgr');
  assert.deepEqual(live, before);
});

// Cases of kube-apiserver's integration tests (test/integration/apiserver/apply), on built-in kinds.
const builtins = builtinTypes();
const core = (live: KubeObject | undefined, applied: KubeObject, manager: string, now = T0) =>
  stored(serverSideApply({ live, applied, manager, force: false, apiVersion: applied.apiVersion!, now, types: builtins, typeName: builtins.typeNameForKind(...gv(applied.apiVersion!), applied.kind!) }));
const gv = (apiVersion: string): [string, string] => (apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion]);

test('ConfigMap: apply, then an update of an applied key moves it to the updater', () => {
  const applied = core(undefined, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'test-cm', namespace: 'default', labels: { 'test-label': 'test' } }, data: { key: 'value' } }, 'apply_test');
  const next = structuredClone(applied);
  (next.data as Record<string, string>).key = 'new value';
  updateManagedFields({ live: applied, object: next, manager: 'updater', apiVersion: 'v1', now: at(1), types: builtins, typeName: 'io.k8s.api.core.v1.ConfigMap' });
  assert.deepEqual(next.metadata.managedFields, [
    { manager: 'apply_test', operation: 'Apply', apiVersion: 'v1', time: '2024-05-01T10:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:test-label': {} } } } },
    { manager: 'updater', operation: 'Update', apiVersion: 'v1', time: '2024-05-01T10:01:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:key': {} } } },
  ]);
});

test('ConfigMap: an apply of identity fields only leaves no managedFields at all', () => {
  const config: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'test-cm', namespace: 'default' } };
  const first = core(undefined, config, 'apply_test');
  assert.equal(first.metadata.managedFields, undefined);
  assert.equal(core(first, config, 'apply_test').metadata.managedFields, undefined);
});

test('Deployment: dropping a container port removes it (and the emptied list)', () => {
  const deployment = (ports?: unknown[]): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'deployment', namespace: 'default', labels: { app: 'nginx' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:latest', ...(ports ? { ports } : {}) }] } },
    },
  });
  const first = core(undefined, deployment([{ containerPort: 80, protocol: 'TCP' }]), 'apply_test');
  const second = core(first, deployment(), 'apply_test', at(1));
  assert.deepEqual((second.spec as { template: { spec: { containers: unknown[] } } }).template.spec.containers, [{ name: 'nginx', image: 'nginx:latest' }]);
});
