// JSON patch: RFC 6902's examples (with evanphx/json-patch's answers and texts where it departs
// from the RFC), decoding of patch bodies, and the copy size limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Json, PatchError, applyJsonPatch, decodeJsonPatch } from '../../src/patch/index.ts';

const apply = (doc: Json, ops: Json, maxCopyBytes?: number) => applyJsonPatch(doc, decodeJsonPatch(ops), maxCopyBytes ? { maxCopyBytes } : {});

function fails(doc: Json, ops: Json, message: string) {
  assert.throws(() => apply(doc, ops), (e: unknown) => e instanceof PatchError && e.kind === 'Invalid' && e.message === message);
}

test('RFC 6902 A.1-A.7: add, remove, replace, move', () => {
  assert.deepEqual(apply({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }]), { foo: 'bar', baz: 'qux' });
  assert.deepEqual(apply({ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }]), { foo: ['bar', 'qux', 'baz'] });
  assert.deepEqual(apply({ baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }]), { foo: 'bar' });
  assert.deepEqual(apply({ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }]), { foo: ['bar', 'baz'] });
  assert.deepEqual(apply({ baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }]), { baz: 'boo', foo: 'bar' });
  assert.deepEqual(
    apply({ foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } }, [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }]),
    { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
  );
  assert.deepEqual(apply({ foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/3' }]), { foo: ['all', 'cows', 'eat', 'grass'] });
});

test('RFC 6902 A.8-A.9: test', () => {
  const doc = { baz: 'qux', foo: ['a', 2, 'c'] };
  assert.deepEqual(apply(doc, [{ op: 'test', path: '/baz', value: 'qux' }, { op: 'test', path: '/foo/1', value: 2 }]), doc);
  fails({ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }], 'testing value /baz failed: test failed');
});

test('RFC 6902 A.10-A.13: nested add, unknown members, missing target, duplicate members', () => {
  assert.deepEqual(apply({ foo: 'bar' }, [{ op: 'add', path: '/child', value: { grandchild: {} } }]), { foo: 'bar', child: { grandchild: {} } });
  assert.deepEqual(apply({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux', xyz: 123 }]), { foo: 'bar', baz: 'qux' });
  fails({ foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }], 'add operation does not apply: doc is missing path: "/baz/bat": missing value');
  // A.13's duplicate "op" is not rejected: the last one is used, as Go's decoder does.
  const ops = JSON.parse('[{ "op": "add", "path": "/baz", "value": "qux", "op": "remove" }]') as Json;
  fails({ foo: 'bar' }, ops, "error in remove for path: '/baz': Unable to remove nonexistent key: baz: missing value");
});

test('RFC 6902 A.14-A.16: ~ escaping, strings are not numbers, array values', () => {
  const doc = { '/': 9, '~1': 10 };
  assert.deepEqual(apply(doc, [{ op: 'test', path: '/~01', value: 10 }]), doc);
  fails(doc, [{ op: 'test', path: '/~01', value: '10' }], 'testing value /~01 failed: test failed');
  assert.deepEqual(apply({ foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }]), { foo: ['bar', ['abc', 'def']] });
});

test('evanphx extensions: negative indices, replace adds, copy of a missing member, null test', () => {
  assert.deepEqual(apply({ a: [1, 2, 3] }, [{ op: 'remove', path: '/a/-1' }, { op: 'add', path: '/a/-1', value: 9 }]), { a: [1, 2, 9] });
  assert.deepEqual(apply({ a: [1, 2, 3] }, [{ op: 'replace', path: '/a/-3', value: 0 }]), { a: [0, 2, 3] });
  assert.deepEqual(apply({}, [{ op: 'replace', path: '/new', value: 1 }]), { new: 1 });
  assert.deepEqual(apply({}, [{ op: 'copy', from: '/none', path: '/x' }]), { x: null });
  assert.deepEqual(apply({ a: null }, [{ op: 'test', path: '/a', value: null }, { op: 'test', path: '/b' }]), { a: null });
  assert.deepEqual(apply({ a: 1 }, [{ op: 'add', path: 'x/b', value: 2 }]), { a: 1, b: 2 });
  assert.deepEqual(apply({ a: 1 }, [{ op: 'replace', path: '', value: { b: 2 } }]), { b: 2 });
  // Replacing the whole document with a scalar is silently skipped.
  assert.deepEqual(apply({ a: 1 }, [{ op: 'replace', path: '', value: 'x' }]), { a: 1 });
});

test('error texts', () => {
  const doc = { a: [1, 2], s: 'x' };
  fails(doc, [{ op: 'add', path: '/a/3', value: 0 }], "error in add for path: '/a/3': Unable to access invalid index: 3: invalid index referenced");
  fails(doc, [{ op: 'add', path: '/a/x', value: 0 }], "error in add for path: '/a/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax");
  fails(doc, [{ op: 'remove', path: '/a/-3' }], "error in remove for path: '/a/-3': Unable to access invalid index: -3: invalid index referenced");
  fails(doc, [{ op: 'replace', path: '/a/2', value: 0 }], 'replace operation does not apply: doc is missing key: /a/2: missing value');
  fails(doc, [{ op: 'replace', value: 1 }], 'replace operation failed to decode path: operation missing path field: missing value');
  fails(doc, [{ op: 'move', from: '/s/x', path: '/b' }], 'move operation does not apply: doc is missing from path: /s/x: missing value');
  fails(doc, [{ op: 'move', from: '/a/0', path: '/z/y' }], 'move operation does not apply: doc is missing destination path: /z/y: missing value');
  fails(doc, [{ op: 'copy', from: 5, path: '/b' }], 'copy operation failed to decode from: json: cannot unmarshal number into Go value of type string');
  fails(doc, [{ op: 'test', path: '/a/5', value: 1 }], "error in test for path: '/a/5': Unable to access invalid index: 5: invalid index referenced");
  fails(doc, [{ op: 'test', path: '/q/r', value: 1 }], 'test operation does not apply: is missing path: /q/r: missing value');
  fails(doc, [{ op: 'remove' }], 'remove operation failed to decode path: missing value');
  fails(doc, [{ op: 7 }], 'Unexpected kind: unknown');
  fails(doc, [null], 'Unexpected kind: unknown');
});

test('operations apply in order on a copy; the input is untouched', () => {
  const doc = { a: { b: [1] } };
  assert.deepEqual(apply(doc, [{ op: 'add', path: '/a/b/-', value: 2 }, { op: 'copy', from: '/a/b', path: '/c' }, { op: 'add', path: '/c/0', value: 0 }]), {
    a: { b: [1, 2] }, c: [0, 1, 2],
  });
  assert.deepEqual(doc, { a: { b: [1] } });
});

test('decoding patch bodies', () => {
  assert.deepEqual(decodeJsonPatch(null), []);
  assert.throws(() => decodeJsonPatch({ op: 'add' }), (e: unknown) => e instanceof PatchError && e.kind === 'BadRequest' &&
    e.message === 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  assert.throws(() => decodeJsonPatch(['add']), /^PatchError: json: cannot unmarshal string into Go value of type jsonpatch.Operation$/);
});

test('copies are limited in total size when asked', () => {
  const doc = { a: 'x'.repeat(100) };
  const ops = [{ op: 'copy', from: '/a', path: '/b' }, { op: 'copy', from: '/a', path: '/c' }];
  assert.deepEqual(Object.keys(apply(doc, ops, 300) as object), ['a', 'b', 'c']);
  assert.throws(() => apply(doc, ops, 200), (e: unknown) => e instanceof PatchError &&
    e.message === 'Unable to complete the copy, the accumulated size increase of copy is 204, exceeding the limit 200');
});
