import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelSelectorAsSelector } from '../../../src/api/labels/label-selector.ts';

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

test('a nil selector selects nothing, an empty one everything', () => {
  assert.equal(labelSelectorAsSelector(undefined).matches({ a: 'b' }), false);
  assert.equal(labelSelectorAsSelector(null).empty(), false);
  assert.equal(labelSelectorAsSelector({}).matches({}), true);
  assert.equal(labelSelectorAsSelector({ matchLabels: {}, matchExpressions: [] }).empty(), true);
});

test('matchLabels and matchExpressions AND together, printed sorted (a scale status.selector)', () => {
  const sel = labelSelectorAsSelector({
    matchLabels: { tier: 'web', app: 'shop' },
    matchExpressions: [
      { key: 'env', operator: 'NotIn', values: ['prod', 'dev'] },
      { key: 'canary', operator: 'DoesNotExist' },
      { key: 'zone', operator: 'Exists' },
      { key: 'app', operator: 'In', values: ['shop', 'cart'] },
    ],
  });
  assert.equal(sel.toString(), 'app=shop,app in (cart,shop),!canary,env notin (dev,prod),tier=web,zone');
  assert.equal(sel.matches({ app: 'shop', tier: 'web', zone: 'a' }), true);
  assert.equal(sel.matches({ app: 'shop', tier: 'web', zone: 'a', canary: 'true' }), false);
  assert.equal(sel.matches({ app: 'shop', tier: 'web', zone: 'a', env: 'prod' }), false);
  assert.equal(sel.matches({ app: 'shop', tier: 'web' }), false);
  assert.equal(labelSelectorAsSelector({ matchLabels: { app: 'nginx' } }).toString(), 'app=nginx');
});

test('conversion errors are upstream texts', () => {
  assert.throws(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }), {
    name: 'SelectorError',
    message: '"Gt" is not a valid label selector operator',
  });
  assert.throws(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] }), {
    message: "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
  });
  assert.throws(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x', 'y'] }] }), {
    message: 'values: Invalid value: []string{"x", "y"}: values set must be empty for exists and does not exist',
  });
  assert.throws(() => labelSelectorAsSelector({ matchLabels: { 'bad key': 'v' } }), {
    message: `key: Invalid value: "bad key": ${NAME_PART}`,
  });
  assert.throws(() => labelSelectorAsSelector({ matchLabels: { app: 'demo-{nginx}' } }), {
    message: /^values\[0\]\[app\]: Invalid value: "demo-\{nginx\}": a valid label must be an empty string/,
  });
});
