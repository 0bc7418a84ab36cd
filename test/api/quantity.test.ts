import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addQuantity,
  cmpQuantity,
  decodeQuantity,
  formatQuantity,
  formatQuantityPtr,
  isQuantity,
  MILLI,
  NANO,
  newQuantity,
  parseQuantity,
  QUANTITY_FORMAT_ERROR,
  QUANTITY_NUMERIC_ERROR,
  QUANTITY_SUFFIX_ERROR,
  quantityMilliValue,
  quantityOf,
  quantityString,
  quantityValue,
  readQuantity,
  roundUpQuantity,
  scaledValue,
  type Quantity,
} from '../../src/api/quantity.ts';

/** A parse that must succeed. */
function q(s: string): Quantity {
  const r = parseQuantity(s);
  assert.ok(isQuantity(r), `${s}: ${r instanceof Error ? r.message : ''}`);
  return r;
}

/** String() of a decoded JSON value, or the decode error's text. */
function canon(value: unknown): string {
  const r = decodeQuantity(value);
  return isQuantity(r) ? quantityString(r) : r.message;
}

// String(): the text as given when ParseQuantity keeps it, else the canonical form

test('canonical text is kept as written', () => {
  for (const s of ['1Gi', '10Gi', '100Mi', '500Ki', '3Mi', '100m', '250m', '2', '10', '1500', '1k', '5M', '12e6', '1e3', '-1', '0']) {
    assert.equal(formatQuantity(s), s, s);
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
    ['100m', '100m'],
    ['1e3', '1e3'],
    ['0', '0'],
    ['0.1Ki', '102400m'],
  ];
  for (const [input, want] of cases) assert.equal(formatQuantity(input), want, input);
  assert.equal(formatQuantity(3), '3');
});

test('quantities parse, compare and print canonically', () => {
  const cases: [string | number, string][] = [
    ['0.5', '500m'], ['1024Mi', '1Gi'], ['0.5Gi', '512Mi'], ['1500Mi', '1500Mi'], ['2000', '2k'], ['1000m', '1'], ['1e3', '1e3'], [0.25, '250m'], ['-1', '-1'],
    ['abc', QUANTITY_FORMAT_ERROR], ['1K', QUANTITY_SUFFIX_ERROR],
  ];
  for (const [input, out] of cases) assert.equal(canon(input), out, String(input));
});

test('the kept text is the input as written, signs and trailing fraction digits included', () => {
  // the fast path keeps any text whose shifted digits look canonical
  assert.equal(quantityString(q('+1')), '+1');
  assert.equal(quantityString(q('1.500')), '1.500');
  assert.equal(quantityString(q('-1Ki')), '-1Ki');
  assert.equal(quantityString(q('0.5')), '500m');
  assert.equal(quantityString(q('-0')), '0');
  assert.equal(quantityString(q('.')), '0');
});

test('canonical forms past the suffix tables', () => {
  assert.equal(quantityString(q('1e1')), '10');
  assert.equal(quantityString(q('1e-3')), '1e-3');
  assert.equal(quantityString(q('1000E')), '1'); // 10^21 has no SI suffix: the bare mantissa
  assert.equal(quantityString(q('1024Ei')), '9223372036854775807'); // binary amounts cap at MaxInt64
  assert.equal(quantityString(q('1.5Ki')), '1536');
  assert.equal(quantityString(q('-1024')), '-1024');
  assert.equal(quantityString(q('-1024Mi')), '-1Gi');
  assert.equal(quantityString(q('1e-10')), '1e-9'); // rounded up to nano, still DecimalExponent
  assert.equal(quantityString(q('-0.0000000001')), '-1n'); // away from zero
  assert.equal(quantityString(q('12345678901234567890')), '12345678901234567890'); // past int64: exact
});

test('parse errors carry upstream texts', () => {
  for (const bad of ['', 'abc', '1.2.3', '1Gb', ' 1', '1 ', '1e3e', '1Gi5x']) {
    const r = parseQuantity(bad);
    assert.ok(r instanceof Error, bad);
    assert.equal(r.message, QUANTITY_FORMAT_ERROR, bad);
  }
  for (const bad of ['1K', '1e', '1iK', '1Mi-', '1Mi5', '1e99999999999999999999']) {
    const r = parseQuantity(bad);
    assert.ok(r instanceof Error, bad);
    assert.equal(r.message, QUANTITY_SUFFIX_ERROR, bad);
  }
  // no digit for inf.Dec to read once the nano fast path is left
  const r = parseQuantity('.e-10');
  assert.ok(r instanceof Error);
  assert.equal(r.message, QUANTITY_NUMERIC_ERROR);
});

test('an exponent suffix is read as int64, then truncated to int32', () => {
  // 2^32 + 3 truncates to 3
  assert.equal(quantityValue(q('1e4294967299')), 1000);
});

test('JSON decoding: strings are space-trimmed as strings.TrimSpace does, numbers read as text', () => {
  assert.equal(canon(' 1Gi\n'), '1Gi');
  assert.equal(canon('\u00851'), '1');
  assert.equal(canon('\ufeff1'), QUANTITY_FORMAT_ERROR);
  assert.equal(canon(null), '0');
  assert.equal(canon(true), QUANTITY_FORMAT_ERROR);
  assert.equal(canon(1e21), '1e+21'); // JavaScript's text of the number, kept as canonical
});

test('bare JSON numbers and absent quantities', () => {
  assert.equal(formatQuantity(5), '5');
  assert.equal(formatQuantity(1000), '1k');
  assert.equal(formatQuantity(0.5), '500m');
  assert.equal(formatQuantity(undefined), '0');
  assert.equal(formatQuantity(null), '0');
  assert.equal(formatQuantityPtr(undefined), '<nil>');
  assert.equal(formatQuantityPtr('1024Mi'), '1Gi');
});

test('text upstream could not decode comes back unchanged', () => {
  assert.equal(formatQuantity('abc'), 'abc');
  assert.equal(formatQuantity('1Gb'), '1Gb');
});

test('absent quantities are zero; absent pointers print <nil>', () => {
  assert.equal(formatQuantity(undefined), '0');
  assert.equal(formatQuantityPtr(undefined), '<nil>');
  assert.equal(formatQuantityPtr('5'), '5');
  assert.equal(readQuantity('abc'), undefined);
  assert.equal(readQuantity(null), undefined);
  assert.equal(quantityString(quantityOf('abc')), '0');
});

// arithmetic

test('a sum forgets its text and keeps the first non-zero format', () => {
  assert.equal(quantityString(addQuantity(quantityOf('100m'), quantityOf('1'))), '1100m');
  assert.equal(quantityString(addQuantity(quantityOf('64Mi'), quantityOf('1Gi'))), '1088Mi');
  assert.equal(quantityString(addQuantity(quantityOf('500m'), quantityOf('500m'))), '1');
  // the zero receiver takes the other's format: binary here
  assert.equal(quantityString(addQuantity(quantityOf('0'), quantityOf('2Gi'))), '2Gi');
  assert.equal(quantityString(addQuantity(quantityOf('1.500'), quantityOf('0'))), '1500m');
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

test('ScaledValue rounds away from zero and saturates at the int64 bounds', () => {
  assert.equal(quantityValue(q('-1500m')), -2);
  assert.equal(scaledValue(q('1e30'), 0), (1n << 63n) - 1n);
  assert.equal(scaledValue(q('-1e30'), 0), -(1n << 63n));
  assert.equal(scaledValue(q('1n'), 0), 1n);
  assert.equal(scaledValue(q('1e-999999'), 0), 1n);
});

test('Cmp: far-apart exponents, signs and zeros', () => {
  assert.equal(cmpQuantity(q('1e999999'), q('1e-999999')), 1);
  assert.equal(cmpQuantity(q('-1e999999'), q('-1')), -1);
  assert.equal(cmpQuantity(q('-1'), q('0')), -1);
  assert.equal(cmpQuantity(q('0Gi'), q('0m')), 0);
  assert.equal(cmpQuantity(q('1Gi'), q('1073741824')), 0);
});

test('quantities compare by value', () => {
  // the amount in nanos: sort --sort-by's view
  const nanos = (s: string) => {
    const r = parseQuantity(s);
    return isQuantity(r) ? scaledValue(r, NANO) : undefined;
  };
  assert.equal(nanos('1Gi'), 1073741824n * 10n ** 9n);
  assert.equal(nanos('100m'), 100_000_000n);
  assert.equal(nanos('1.5e3'), 1500n * 10n ** 9n);
  assert.equal(nanos('-1n'), -1n);
  assert.equal(nanos('.'), 0n);
  for (const bad of ['', 'abc', '1.2.3', '1Mi5', '1e', 'web-1']) assert.equal(nanos(bad), undefined, bad);
});

test('RoundUp to milli: finer amounts round away from zero and lose their text', () => {
  assert.equal(quantityString(roundUpQuantity(q('1.0001'), MILLI)), '1001m');
  assert.equal(quantityString(roundUpQuantity(q('-1.0001'), MILLI)), '-1001m');
  assert.equal(quantityString(roundUpQuantity(q('100n'), MILLI)), '1m');
  // already coarse enough: untouched, text and all
  assert.equal(quantityString(roundUpQuantity(q('1.500'), MILLI)), '1.500');
  assert.equal(quantityString(roundUpQuantity(q('1Gi'), MILLI)), '1Gi');
});
