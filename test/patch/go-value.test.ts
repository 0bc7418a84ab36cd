// Go's view of JSON values (types, ==, fmt's %v and %s), which the patch code relies on for its
// messages (Go's sort algorithms: test/api/go-sort.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareStrings, deepEqual, goEqual, goKind, goSprint, goSprintS, goTypeName, sortKeysDeep } from '../../src/patch/go-value.ts';

test('whole numbers are int64, others float64, as util/json decodes them', () => {
  assert.equal(goKind(3), 'int64');
  assert.equal(goKind(-0), 'int64');
  assert.equal(goKind(1.5), 'float64');
  assert.equal(goKind(1e19), 'float64');
  assert.equal(goEqual(1, 1), true);
  assert.equal(goEqual(1, 1.5), false);
  assert.equal(goEqual({}, {}), false);
  assert.equal(deepEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] }), true);
  assert.equal(deepEqual({ a: 1 }, { a: 1, b: undefined as never }), false);
  assert.equal(goTypeName('x'), 'string');
  assert.equal(goTypeName(null), '%!s(<nil>)');
  assert.equal(goTypeName([]), '[]interface {}');
});

test('%v: maps with sorted keys, slices with spaces, floats in shortest form', () => {
  assert.equal(goSprint({ b: [1, 'x', null], a: { d: true, c: 1.5 } }), 'map[a:map[c:1.5 d:true] b:[1 x <nil>]]');
  assert.equal(goSprint(1000000.5), '1.0000005e+06');
  assert.equal(goSprint(123456.5), '123456.5');
  assert.equal(goSprint(0.00001), '1e-05');
  assert.equal(goSprint(0.0001), '0.0001');
  assert.equal(goSprint(1e21), '1e+21');
  assert.equal(goSprint(12345678901), '12345678901');
});

test('%s complains about values that are not strings', () => {
  assert.equal(goSprintS('x'), 'x');
  assert.equal(goSprintS(3), '%!s(int64=3)');
  assert.equal(goSprintS(true), '%!s(bool=true)');
  assert.equal(goSprintS(null), '%!s(<nil>)');
  assert.equal(goSprintS({ a: 1 }), 'map[a:%!s(int64=1)]');
});

test('strings compare by code point; keys sort the way json.Marshal writes them', () => {
  assert.ok(compareStrings('\uffff', '\u{10000}') < 0);
  assert.ok('\uffff' > '\u{10000}'); // UTF-16 order disagrees
  assert.equal(JSON.stringify(sortKeysDeep({ b: 1, a: [{ d: 1, c: 2 }], B: 0 })), '{"B":0,"a":[{"c":2,"d":1}],"b":1}');
});
