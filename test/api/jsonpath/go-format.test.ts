import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatGoFloat, formatGoSyntax, formatGoValue, goJsonString, goQuote, marshalGoJson } from '../../../src/api/jsonpath/go-format.ts';
import { GoNumber, kindOf } from '../../../src/api/jsonpath/go-values.ts';

test('JSON numbers take the Go type unstructured decoding gives them', () => {
  assert.equal(kindOf(1), 'int');
  assert.equal(kindOf(-0), 'int');
  assert.equal(kindOf(2 ** 62), 'int');
  assert.equal(kindOf(2 ** 63), 'float'); // ParseInt overflows: float64
  assert.equal(kindOf(1e21), 'float');
  assert.equal(kindOf(1.5), 'float');
  assert.equal(kindOf(9007199254740993n), 'int');
  assert.equal(kindOf(new GoNumber('float64', 1)), 'float');
});

test('float64 prints like strconv.FormatFloat(f, g, -1, 64)', () => {
  const cases: [number, string][] = [
    [1, '1'],
    [1.5, '1.5'],
    [123456, '123456'],
    [1e6, '1e+06'],
    [1234567.5, '1.2345675e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [1e21, '1e+21'],
    [123456789012345678901, '1.2345678901234568e+20'],
    [1e300, '1e+300'],
    [-2.5, '-2.5'],
    [-0, '-0'],
    [0, '0'],
  ];
  for (const [x, want] of cases) assert.equal(formatGoFloat(x), want, String(x));
});

test('%v of decoded JSON', () => {
  assert.equal(formatGoValue({ b: [1, 'x y', null], a: { c: true } }), 'map[a:map[c:true] b:[1 x y <nil>]]');
  assert.equal(formatGoValue([]), '[]');
  assert.equal(formatGoValue({}), 'map[]');
  assert.equal(formatGoValue(null), '<nil>');
  assert.equal(formatGoValue(1e6), '1000000'); // int64
  assert.equal(formatGoValue(1500000.5), '1.5000005e+06'); // float64
});

test('strconv.Quote escapes what Go does not print', () => {
  assert.equal(goQuote('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(goQuote('\n\t\x07\x01\x7f'), '"\\n\\t\\a\\x01\\x7f"');
  assert.equal(goQuote('é😀'), '"é😀"');
  assert.equal(goQuote('\u00a0\u2028'), '"\\u00a0\\u2028"');
  assert.equal(goQuote('\ud800'), '"\ufffd"');
});

test('%#v names the Go types', () => {
  assert.equal(
    formatGoSyntax({ s: 'x', n: null, l: [1, 1.5], m: {} }),
    'map[string]interface {}{"l":[]interface {}{1, 1.5}, "m":map[string]interface {}{}, "n":interface {}(nil), "s":"x"}',
  );
});

test('encoding/json output: sorted keys, HTML-safe strings, indent', () => {
  assert.equal(goJsonString('<a>&\u2028\b\f\u0001\u007f'), '"\\u003ca\\u003e\\u0026\\u2028\\b\\f\\u0001\u007f"');
  assert.equal(marshalGoJson({ b: 1, a: [1.5, null, 1e21, 1e-7] }), '{"a":[1.5,null,1e+21,1e-7],"b":1}');
  assert.equal(marshalGoJson({ '😀': 1, '\uffff': 2 }), '{"\uffff":2,"😀":1}'); // code point order, not UTF-16
  assert.equal(marshalGoJson({ a: [1, {}], b: [] }, '    '), '{\n    "a": [\n        1,\n        {}\n    ],\n    "b": []\n}');
});
