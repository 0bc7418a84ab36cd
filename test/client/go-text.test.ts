import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregateText, encodeQuery, formatGoDuration, goJson, goQuote, parseGoDuration, pathErrorText, queryEscape, urlErrorOp } from '../../src/client/go-text.ts';
import { parseTimeout, INVALID_TIMEOUT } from '../../src/client/config.ts';

test('goQuote escapes like strconv.Quote', () => {
  assert.equal(goQuote('plain'), '"plain"');
  assert.equal(goQuote('a "b" \\ c'), '"a \\"b\\" \\\\ c"');
  assert.equal(goQuote('line\nnext\ttab\r\x07\x00'), '"line\\nnext\\ttab\\r\\a\\x00"');
  assert.equal(goQuote('\x7f\u0085é漢'), '"\\x7f\\u0085é漢"');
});

test('Go durations parse like time.ParseDuration', () => {
  assert.equal(parseGoDuration('1s'), 1000);
  assert.equal(parseGoDuration('1m30s'), 90_000);
  assert.equal(parseGoDuration('1.5h'), 5_400_000);
  assert.equal(parseGoDuration('250ms'), 250);
  assert.equal(parseGoDuration('0'), 0);
  assert.equal(parseGoDuration('-2s'), -2000);
  assert.equal(parseGoDuration('5'), undefined);
  assert.equal(parseGoDuration('abc'), undefined);
  assert.equal(parseGoDuration('1x'), undefined);
  assert.equal(parseGoDuration(''), undefined);
  assert.equal(parseGoDuration('.s'), undefined);
});

test('Go durations print like Duration.String', () => {
  assert.equal(formatGoDuration(32_000), '32s');
  assert.equal(formatGoDuration(60_000), '1m0s');
  assert.equal(formatGoDuration(3_600_000), '1h0m0s');
  assert.equal(formatGoDuration(90_500), '1m30.5s');
  assert.equal(formatGoDuration(1500), '1.5s');
  assert.equal(formatGoDuration(500), '500ms');
  assert.equal(formatGoDuration(0), '0s');
  assert.equal(formatGoDuration(-5000), '-5s');
});

test('--request-timeout: a bare number is seconds, else a duration, else kubectl error', () => {
  assert.equal(parseTimeout('0'), 0);
  assert.equal(parseTimeout('5'), 5000);
  assert.equal(parseTimeout('2m'), 120_000);
  assert.throws(() => parseTimeout('-1'), { message: INVALID_TIMEOUT });
  assert.throws(() => parseTimeout('soon'), { message: INVALID_TIMEOUT });
});

test('queries are encoded like url.Values.Encode', () => {
  assert.equal(queryEscape('a b/c?d=e&f*'), 'a+b%2Fc%3Fd%3De%26f%2A');
  const q = new Map([['limit', ['500']], ['fieldSelector', ['metadata.name=x']], ['a', ['2', '1']]]);
  assert.equal(encodeQuery(q), 'a=2&a=1&fieldSelector=metadata.name%3Dx&limit=500');
});

test('JSON escapes HTML characters like encoding/json', () => {
  assert.equal(goJson({ a: '<b>&' }), '{"a":"\\u003cb\\u003e\\u0026"}');
});

test('error texts', () => {
  assert.equal(pathErrorText('open', '/x', Object.assign(new Error('ENOENT: x'), { code: 'ENOENT' })), 'open /x: no such file or directory');
  assert.equal(urlErrorOp('DELETE'), 'Delete');
  assert.equal(aggregateText(['one']), 'one');
  assert.equal(aggregateText(['one', 'two', 'one']), '[one, two]');
  assert.equal(aggregateText(['same', 'same']), 'same');
});
