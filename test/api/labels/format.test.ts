import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatLabelSelector, formatLabels, selectorString } from '../../../src/api/labels/format.ts';

test('formatLabels sorts whole "k=v" strings and prints <none> when empty', () => {
  assert.equal(formatLabels({ tier: 'fe', app: 'web' }), 'app=web,tier=fe');
  assert.equal(formatLabels({ b: '2', a: '1' }), 'a=1,b=2');
  // "a-b=..." and "a.b=..." sort before "a=...": '-' and '.' are below '='
  assert.equal(formatLabels({ a: '1', 'a-b': '2' }), 'a-b=2,a=1');
  assert.equal(formatLabels({ b: '1', a: '2', 'a.b': '3' }), 'a.b=3,a=2,b=1');
  assert.equal(formatLabels({}), '<none>');
  assert.equal(formatLabels(undefined), '<none>');
});

test('formatLabels orders by UTF-8 bytes, as Go sorts strings', () => {
  // U+FF5E is below U+10000 in UTF-8 (and code points), above it in UTF-16 code units
  assert.equal(formatLabels({ '\u{10000}': 'x', '\uff5e': 'y' }), '\uff5e=y,\u{10000}=x');
});

test('selectorString renders requirements sorted by key', () => {
  const selector = {
    matchLabels: { tier: 'fe', app: 'web' },
    matchExpressions: [
      { key: 'env', operator: 'In', values: ['staging', 'prod'] },
      { key: 'canary', operator: 'DoesNotExist' },
      { key: 'zone', operator: 'NotIn', values: ['b'] },
      { key: 'gpu', operator: 'Exists' },
    ],
  };
  assert.equal(selectorString(selector), 'app=web,!canary,env in (prod,staging),gpu,tier=fe,zone notin (b)');
  const other = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend', 'edge'] }, { key: 'gone', operator: 'DoesNotExist' }, { key: 'x', operator: 'Exists' }] };
  assert.equal(selectorString(other), 'app=web,!gone,tier in (edge,frontend),x');
  assert.equal(selectorString({}), '');
  assert.equal(selectorString(undefined), '');
});

test('selectorString prints values as Requirement.String does: sorted, duplicates kept', () => {
  assert.equal(selectorString({ matchExpressions: [{ key: 'a', operator: 'In', values: ['y', 'x', 'y'] }] }), 'a in (x,y,y)');
});

test('formatLabelSelector: <none> for empty, <error> for what does not convert', () => {
  assert.equal(formatLabelSelector({ matchLabels: { app: 'web' } }), 'app=web');
  assert.equal(formatLabelSelector({ matchLabels: { b: '2', a: '1' } }), 'a=1,b=2');
  assert.equal(formatLabelSelector({}), '<none>');
  assert.equal(formatLabelSelector(undefined), '<none>');
  assert.equal(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }), '<error>');
  assert.equal(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }), '<error>');
  assert.equal(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }), '<error>');
  assert.equal(formatLabelSelector({ matchExpressions: [{ key: 'k', operator: 'Bogus' }] }), '<error>');
  assert.equal(formatLabelSelector({ matchLabels: { 'bad key!': 'x' } }), '<error>');
  assert.equal(formatLabelSelector({ matchLabels: { app: 'not valid' } }), '<error>');
  assert.equal(formatLabelSelector({ matchLabels: { 'example.com/app': 'x' } }), 'example.com/app=x');
});
