import assert from 'node:assert/strict';
import test from 'node:test';
import { updateManagedFields } from '../../../src/server/fieldmanager/update.ts';
import { apply, at, managers, owned, stored, T0, thing, THINGS, update } from './fixture.ts';

test('an Update: the writer owns what it added or changed; others lose it', () => {
  const created = update(undefined, thing({ numeric: 1, map: { a: '1' } }), 'alice');
  assert.deepEqual(owned(created, 'alice'), ['.map', '.numeric', '.map.a']);
  const updated = update(created, thing({ numeric: 2, map: { a: '1', b: '2' } }), 'bob', { now: at(1) });
  assert.deepEqual(owned(updated, 'bob'), ['.numeric', '.map.b']);
  assert.deepEqual(owned(updated, 'alice'), ['.map', '.map.a']);
  assert.deepEqual(
    updated.metadata.managedFields!.map((e) => [e.manager, e.time]),
    [
      ['alice', '2024-05-01T10:00:00Z'],
      ['bob', '2024-05-01T10:01:00Z'],
    ],
  );
});

test('removed fields leave every owner; a manager left with nothing disappears', () => {
  const a = update(undefined, thing({ numeric: 1 }), 'alice');
  const b = update(a, thing({ numeric: 1, string: 's' }), 'bob');
  const c = update(b, thing({ string: 's' }), 'carol', { now: at(1) });
  assert.deepEqual(managers(c), ['bob/Update']);
});

test('a write that changes nothing moves no time and adds no entry', () => {
  const a = update(undefined, thing({ numeric: 1 }), 'alice');
  const b = update(a, thing({ numeric: 1 }), 'alice', { now: at(5) });
  const c = update(b, thing({ numeric: 1 }), 'bob', { now: at(6) });
  assert.deepEqual(c.metadata.managedFields, a.metadata.managedFields);
});

test('managedFields sent as [] or [{}] reset them; an existing object without them stays untracked', () => {
  const a = update(undefined, thing({ numeric: 1 }), 'alice');
  for (const reset of [[], [{}]]) {
    const object = thing({ numeric: 2 }, { managedFields: reset, uid: 'uid-x' });
    updateManagedFields({ live: a, object, manager: 'bob', apiVersion: 'example.com/v1', now: T0, types: THINGS, typeName: 'test.Thing' });
    assert.equal(object.metadata.managedFields, undefined, JSON.stringify(reset));
  }
  const untracked = stored(thing({ numeric: 1 }));
  const next = update(untracked, thing({ numeric: 3 }), 'bob');
  assert.equal(next.metadata.managedFields, undefined);
});

test('managedFields sent with the write replace the stored ones; a subresource write ignores them', () => {
  const a = update(undefined, thing({ numeric: 1 }), 'alice');
  const sent = [{ manager: 'someone', operation: 'Update' as const, apiVersion: 'example.com/v1', time: '2020-01-01T00:00:00Z', fieldsType: 'FieldsV1' as const, fieldsV1: { 'f:numeric': {} } }];
  const object = thing({ numeric: 1 }, { managedFields: sent });
  updateManagedFields({ live: a, object, manager: 'bob', apiVersion: 'example.com/v1', now: T0, types: THINGS, typeName: 'test.Thing' });
  assert.deepEqual(object.metadata.managedFields, sent);
  const viaStatus = thing({ numeric: 1, status: { string: 'ok' } }, { managedFields: sent });
  updateManagedFields({ live: a, object: viaStatus, manager: 'kubelet', apiVersion: 'example.com/v1', now: T0, types: THINGS, typeName: 'test.Thing', subresource: 'status' });
  assert.deepEqual(managers(viaStatus), ['alice/Update', 'kubelet/Update']);
});

test('status: a status write owns only status (subresource recorded); others never own status', () => {
  const a = update(undefined, thing({ numeric: 1, status: { string: 'x' } }), 'alice');
  assert.deepEqual(owned(a, 'alice'), ['.numeric']);
  const b = update(a, thing({ numeric: 5, status: { string: 'ready' } }), 'kubelet', { subresource: 'status', now: at(1) });
  assert.deepEqual(owned(b, 'kubelet'), ['.status.string']);
  assert.equal(b.metadata.managedFields!.find((e) => e.manager === 'kubelet')!.subresource, 'status');
  assert.deepEqual(owned(b, 'alice'), ['.numeric']);
});

test('an Update and an Apply by the same name are separate entries', () => {
  const a = apply(undefined, thing({ numeric: 1 }), 'kubectl');
  const b = update(a, thing({ numeric: 1, string: 's' }), 'kubectl', { now: at(1) });
  assert.deepEqual(managers(b), ['kubectl/Apply', 'kubectl/Update']);
});

test('past ten Update managers the oldest fold into "ancient-changes"', () => {
  let obj = update(undefined, thing({ map: { m0: 'v' } }), 'm0', { now: at(0) });
  for (let i = 1; i <= 11; i++) obj = update(obj, thing({ map: Object.fromEntries(Array.from({ length: i + 1 }, (_, j) => [`m${j}`, 'v'])) }), `m${i}`, { now: at(i) });
  const names = managers(obj);
  assert.equal(names.length, 10);
  assert.deepEqual(names.slice(0, 2), ['ancient-changes/Update', 'm3/Update']);
  assert.deepEqual(owned(obj, 'ancient-changes'), ['.map', '.map.m0', '.map.m1', '.map.m2']);
  assert.equal(obj.metadata.managedFields![0]!.time, '2024-05-01T10:02:00Z');
});
