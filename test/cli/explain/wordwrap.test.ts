import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indent, wrap, wrapString } from '../../../src/cli/explain/wordwrap.ts';

test('breaks at the last space that keeps a line within the limit', () => {
  assert.equal(wrapString('aaa bbb ccc', 7), 'aaa bbb\nccc');
  assert.equal(wrapString('aaa bbb ccc', 6), 'aaa\nbbb\nccc');
});

test('a word longer than the limit stays whole', () => {
  assert.equal(wrapString('ab abcdefghij cd', 5), 'ab\nabcdefghij\ncd');
});

test('line breaks in the text are kept and reset the column', () => {
  assert.equal(wrapString('aaa\nbbb ccc', 7), 'aaa\nbbb ccc');
  assert.equal(wrapString('desc\n', 76), 'desc\n');
});

test('counts runes, not bytes; a non-breaking space joins words', () => {
  assert.equal(wrapString('ééé ééé', 7), 'ééé ééé');
  assert.equal(wrapString('aaa\u00a0bbb ccc', 7), 'aaa\u00a0bbb\nccc');
});

test('trailing spaces past the limit are dropped', () => {
  assert.equal(wrapString('abc   ', 4), 'abc');
  assert.equal(wrapString('abc ', 4), 'abc ');
});

test('a limit of 0 or less leaves the text alone', () => {
  assert.equal(wrap(0, 'a b c'), 'a b c');
  assert.equal(wrap(-4, 'a b c'), 'a b c');
});

test('indent pads every line, the empty last one too', () => {
  assert.equal(indent(4, 'a\nb\n'), '    a\n    b\n    ');
  assert.equal(indent(0, 'x'), 'x');
});
