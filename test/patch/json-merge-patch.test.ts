// JSON merge patch: RFC 7386's examples (with evanphx/json-patch's answers where it departs from
// the RFC), patch creation, and kubectl apply's three-way merge patch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type Json, type JsonObject, PatchError, createMergePatch, createThreeWayJsonMergePatch, hasConflicts, mergePatch, requireKeyUnchanged,
} from '../../src/patch/index.ts';

// RFC 7386 appendix A: [original, patch, result]. A string result is the error upstream gives.
const APPENDIX_A: [Json, Json, Json | { error: string }][] = [
  [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
  [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  [{ a: 'b' }, { a: null }, {}],
  [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
  [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
  [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
  [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
  [['a', 'b'], ['c', 'd'], ['c', 'd']],
  [{ a: 'b' }, ['c'], ['c']],
  // The RFC's result is null and "bar"; upstream rejects patches that are not objects or arrays.
  [{ a: 'foo' }, null, { error: 'Invalid JSON Patch' }],
  [{ a: 'foo' }, 'bar', { error: 'Invalid JSON Patch' }],
  [{ e: null }, { a: 1 }, { e: null, a: 1 }],
  [[1, 2], { a: 'b', c: null }, { a: 'b' }],
  [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
];

test('RFC 7386 appendix A', () => {
  for (const [original, patch, result] of APPENDIX_A) {
    const label = `${JSON.stringify(original)} + ${JSON.stringify(patch)}`;
    if (result !== null && typeof result === 'object' && 'error' in result && !Array.isArray(result)) {
      assert.throws(() => mergePatch(original, patch), (e: unknown) => e instanceof PatchError && e.message === result.error && e.kind === 'BadRequest', label);
    } else {
      assert.deepEqual(mergePatch(original, patch), result, label);
    }
  }
});

test('RFC 7386 section 3 example', () => {
  const target = { title: 'Goodbye!', author: { givenName: 'John', familyName: 'Doe' }, tags: ['example', 'sample'], content: 'This will be unchanged' };
  const patch = { title: 'Hello!', phoneNumber: '+01-123-456-7890', author: { familyName: null }, tags: ['example'] };
  assert.deepEqual(mergePatch(target, patch), {
    title: 'Hello!', author: { givenName: 'John' }, tags: ['example'], content: 'This will be unchanged', phoneNumber: '+01-123-456-7890',
  });
});

test('arrays keep their null items; their objects lose null members unless they replace an object', () => {
  assert.deepEqual(mergePatch({ a: { x: 1 } }, { a: [null, { b: null, c: 1 }] }), { a: [null, { b: null, c: 1 }] });
  assert.deepEqual(mergePatch({ a: 'x' }, { a: [null, { b: null, c: 1 }] }), { a: [null, { c: 1 }] });
  assert.deepEqual(mergePatch({}, { a: [null, { b: null, c: 1 }] }), { a: [null, { c: 1 }] });
  assert.throws(() => mergePatch(null, {}), /Invalid JSON Document/);
});

test('createMergePatch: changes, additions, deletions; lists whole', () => {
  const patch = createMergePatch(
    { a: 1, b: { c: 'x', d: 'y' }, list: [1, 2], gone: true },
    { a: 2, b: { c: 'x', e: 'z' }, list: [1, 2, 3], added: null },
  );
  assert.deepEqual(patch, { a: 2, added: null, b: { d: null, e: 'z' }, gone: null, list: [1, 2, 3] });
  assert.deepEqual(createMergePatch({ a: [1] }, { a: [1] }), {});
});

test('three-way: live-only fields stay, dropped configuration is deleted, live drift is reset', () => {
  const original = { spec: { a: 1, b: 2, obj: { x: 1 } } };
  const modified = { spec: { a: 1, c: 3, obj: {} } };
  const current = { spec: { a: 9, b: 2, live: true, obj: { x: 1, y: 2 } }, status: { ok: true } };
  const patch = createThreeWayJsonMergePatch(original, modified, current);
  assert.deepEqual(patch, { spec: { a: 1, b: null, c: 3, obj: { x: null } } });
  assert.deepEqual(mergePatch(current, patch), { spec: { a: 1, c: 3, live: true, obj: { y: 2 } }, status: { ok: true } });
});

test('three-way: explicitly empty objects are values', () => {
  assert.deepEqual(createThreeWayJsonMergePatch({}, { spec: { obj: {} } }, {}), { spec: { obj: {} } });
});

test('hasConflicts: the same key set differently', () => {
  assert.equal(hasConflicts({ a: { b: 1 }, c: [1, 2] }, { a: { b: 1, x: 2 }, c: [1, 2], d: 3 }), false);
  assert.equal(hasConflicts({ a: { b: 1 } }, { a: { b: null } }), true);
  assert.equal(hasConflicts({ c: [1, 2] }, { c: [2, 1] }), true);
  assert.equal(hasConflicts({ a: 1 }, { a: 1.5 }), true);
  assert.equal(hasConflicts({ a: {} }, { a: 'x' }), true);
});

test('three-way: preconditions', () => {
  assert.throws(
    () => createThreeWayJsonMergePatch({ kind: 'A' } as JsonObject, { kind: 'B' }, { kind: 'A' }, [requireKeyUnchanged('kind')]),
    (e: unknown) => e instanceof PatchError && e.kind === 'PreconditionFailed' && e.message === 'precondition failed for: map[kind:B]',
  );
});
