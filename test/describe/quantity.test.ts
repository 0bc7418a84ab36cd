import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addQuantity,
  cmpQuantity,
  formatQuantity,
  formatQuantityPtr,
  newQuantity,
  parseQuantity,
  quantityMilliValue,
  quantityOf,
  quantityString,
  quantityValue,
} from '../../src/describe/quantity.ts';

test('String() keeps canonical text and canonicalises the rest', () => {
  const cases: [unknown, string][] = [
    ['100m', '100m'],
    ['1000m', '1'],
    ['0.5', '500m'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['2000', '2k'],
    ['1e3', '1e3'],
    ['0', '0'],
    [3, '3'],
    ['1.5Gi', '1536Mi'],
    ['0.1Ki', '102400m'],
  ];
  for (const [input, want] of cases) assert.equal(formatQuantity(input), want, `quantity ${String(input)}`);
});

test('absent quantities are zero; absent pointers print <nil>', () => {
  assert.equal(formatQuantity(undefined), '0');
  assert.equal(formatQuantityPtr(undefined), '<nil>');
  assert.equal(formatQuantityPtr('5'), '5');
  assert.equal(parseQuantity('abc'), undefined);
});

test('a sum forgets its text and keeps the first non-zero format', () => {
  assert.equal(quantityString(addQuantity(quantityOf('100m'), quantityOf('1'))), '1100m');
  assert.equal(quantityString(addQuantity(quantityOf('64Mi'), quantityOf('1Gi'))), '1088Mi');
  assert.equal(quantityString(addQuantity(quantityOf('500m'), quantityOf('500m'))), '1');
  // the zero receiver takes the other's format: binary here
  assert.equal(quantityString(addQuantity(quantityOf('0'), quantityOf('2Gi'))), '2Gi');
});

test('Value and MilliValue round up; Cmp compares amounts across formats', () => {
  assert.equal(quantityValue(quantityOf('1500m')), 2);
  assert.equal(quantityMilliValue(quantityOf('1.0005')), 1001);
  assert.equal(quantityValue(quantityOf('1Ki')), 1024);
  assert.equal(cmpQuantity(quantityOf('1k'), quantityOf('1000')), 0);
  assert.equal(cmpQuantity(quantityOf('1Ki'), quantityOf('1k')), 1);
  assert.equal(quantityString(newQuantity(1610612736, 'DecimalSI')), '1610612736');
  assert.equal(quantityString(newQuantity(0, 'BinarySI')), '0');
});
