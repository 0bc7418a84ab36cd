import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quantityPtrString, quantityString } from '../../../src/server/tables/quantity.ts';

test('canonical text is kept as written', () => {
  for (const s of ['1Gi', '10Gi', '100Mi', '500Ki', '3Mi', '100m', '250m', '2', '10', '1500', '1k', '5M', '12e6', '1e3', '-1', '0']) {
    assert.equal(quantityString(s), s, s);
  }
});

test('other text is rewritten in canonical form (Quantity.String)', () => {
  const cases: [string, string][] = [
    ['1024Mi', '1Gi'],
    ['2048Ki', '2Mi'],
    ['128Mi', '128Mi'],
    ['1536Mi', '1536Mi'],
    ['1.5Gi', '1536Mi'],
    ['0.1Gi', '107374182400m'], // a binary amount with a fraction turns decimal
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['0.5', '500m'],
    ['1.5', '1500m'],
    ['1.0', '1'],
    ['1000', '1k'],
    ['2000', '2k'],
    ['1000000', '1M'],
    ['1.5e3', '1500'],
    ['0.0000000001', '1n'], // rounded up to the smallest unit
    ['0Gi', '0'],
    ['000', '0'],
    ['512', '512'],
    ['1023Ki', '1023Ki'],
  ];
  for (const [input, want] of cases) assert.equal(quantityString(input), want, input);
});

test('bare JSON numbers and absent quantities', () => {
  assert.equal(quantityString(5), '5');
  assert.equal(quantityString(1000), '1k');
  assert.equal(quantityString(0.5), '500m');
  assert.equal(quantityString(undefined), '0');
  assert.equal(quantityString(null), '0');
  assert.equal(quantityPtrString(undefined), '<nil>');
  assert.equal(quantityPtrString('1024Mi'), '1Gi');
});

test('text upstream could not decode comes back unchanged', () => {
  assert.equal(quantityString('abc'), 'abc');
  assert.equal(quantityString('1Gb'), '1Gb');
});
