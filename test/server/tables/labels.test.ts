import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatLabelSelector, formatLabels, labelSelectorGoString, selectorString } from '../../../src/server/tables/labels.ts';

test('formatLabels sorts whole "k=v" strings and prints <none> when empty', () => {
  assert.equal(formatLabels({ tier: 'fe', app: 'web' }), 'app=web,tier=fe');
  // "a-b=..." sorts before "a=...": '-' is below '='
  assert.equal(formatLabels({ a: '1', 'a-b': '2' }), 'a-b=2,a=1');
  assert.equal(formatLabels({}), '<none>');
  assert.equal(formatLabels(undefined), '<none>');
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
  assert.equal(selectorString({}), '');
  assert.equal(selectorString(undefined), '');
});

test('formatLabelSelector: <none> for empty, <error> for what does not convert', () => {
  assert.equal(formatLabelSelector({ matchLabels: { app: 'web' } }), 'app=web');
  assert.equal(formatLabelSelector({}), '<none>');
  assert.equal(formatLabelSelector(undefined), '<none>');
  assert.equal(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }), '<error>');
  assert.equal(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }), '<error>');
  assert.equal(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }), '<error>');
  assert.equal(formatLabelSelector({ matchLabels: { 'bad key!': 'x' } }), '<error>');
  assert.equal(formatLabelSelector({ matchLabels: { app: 'not valid' } }), '<error>');
  assert.equal(formatLabelSelector({ matchLabels: { 'example.com/app': 'x' } }), 'example.com/app=x');
});

test('labelSelectorGoString mirrors the generated Go String()', () => {
  assert.equal(
    labelSelectorGoString({ matchLabels: { b: '2', a: '1' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['x', 'y'] }] }),
    '&LabelSelector{MatchLabels:map[string]string{a: 1,b: 2,},MatchExpressions:[]LabelSelectorRequirement{LabelSelectorRequirement{Key:env,Operator:In,Values:[x y],},},}',
  );
  assert.equal(labelSelectorGoString({}), '&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}');
});
