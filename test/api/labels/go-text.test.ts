import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byteLength, goCompare, goQuote, goStringSlice } from '../../../src/api/labels/go-text.ts';

test('goQuote matches strconv.Quote', () => {
  assert.equal(goQuote('abc'), '"abc"');
  assert.equal(goQuote('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(goQuote('\x07\b\f\n\r\t\v'), '"\\a\\b\\f\\n\\r\\t\\v"');
  assert.equal(goQuote('\x00\x1b\x7f'), '"\\x00\\x1b\\x7f"');
  assert.equal(goQuote('héllo 世界 👍'), '"héllo 世界 👍"');
  assert.equal(goQuote('\u00a0\u2028\u200b'), '"\\u00a0\\u2028\\u200b"');
  assert.equal(goQuote('\u{e0001}'), '"\\U000e0001"');
  assert.equal(goQuote('\ud800'), '"\ufffd"');
});

test('goStringSlice matches %#v of a []string', () => {
  assert.equal(goStringSlice(null), '[]string(nil)');
  assert.equal(goStringSlice([]), '[]string{}');
  assert.equal(goStringSlice(['a', 'b"']), '[]string{"a", "b\\""}');
});

test('goCompare orders by code point (UTF-8 bytes), not UTF-16 units', () => {
  assert.ok(goCompare('a', 'b') < 0);
  assert.ok(goCompare('ab', 'a') > 0);
  assert.equal(goCompare('x', 'x'), 0);
  // U+FF5E sorts before U+1F600 in UTF-8, after it in UTF-16 code units
  assert.ok(goCompare('\uff5e', '\u{1f600}') < 0);
  assert.ok('\uff5e' > '\u{1f600}');
  assert.equal(byteLength('é'), 2);
});
