import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelSelectorGoString } from '../../../src/server/tables/labels.ts';

test('labelSelectorGoString mirrors the generated Go String()', () => {
  assert.equal(
    labelSelectorGoString({ matchLabels: { b: '2', a: '1' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['x', 'y'] }] }),
    '&LabelSelector{MatchLabels:map[string]string{a: 1,b: 2,},MatchExpressions:[]LabelSelectorRequirement{LabelSelectorRequirement{Key:env,Operator:In,Values:[x y],},},}',
  );
  assert.equal(labelSelectorGoString({}), '&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}');
});
