import assert from 'node:assert/strict';
import { test } from 'node:test';
import { humanDuration, shortHumanDuration, translateTimestampSince } from '../../src/printers/duration.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

test('HumanDuration keeps two or three significant figures', () => {
  const cases: [number, string][] = [
    [-2 * s, '<invalid>'], [-1.5 * s, '0s'], [-1, '0s'], [0, '0s'], [59 * s, '59s'], [119 * s, '119s'], [2 * m, '2m'],
    [2 * m + 5 * s, '2m5s'], [9 * m + 59 * s, '9m59s'], [10 * m + 30 * s, '10m'], [179 * m, '179m'], [3 * h, '3h'],
    [3 * h + 10 * m, '3h10m'], [7 * h + 59 * m, '7h59m'], [8 * h + 30 * m, '8h'], [47 * h, '47h'], [2 * d, '2d'],
    [5 * d + 2 * h, '5d2h'], [7 * d + 23 * h, '7d23h'], [8 * d, '8d'], [729 * d, '729d'], [730 * d, '2y'],
    [2 * 365 * d + 326 * d, '2y326d'], [8 * 365 * d, '8y'], [20 * 365 * d + 5 * d, '20y'],
  ];
  for (const [ms, want] of cases) assert.equal(humanDuration(ms), want, `${ms} ms`);
});

test('ShortHumanDuration uses one unit', () => {
  const cases: [number, string][] = [[-5 * s, '<invalid>'], [0, '0s'], [59 * s, '59s'], [61 * s, '1m'], [59 * m, '59m'], [23 * h, '23h'], [40 * d, '40d'], [800 * d, '2y']];
  for (const [ms, want] of cases) assert.equal(shortHumanDuration(ms), want, `${ms} ms`);
});

test('translateTimestampSince: <unknown> without a timestamp', () => {
  const now = new Date('2024-01-02T03:04:05Z');
  assert.equal(translateTimestampSince('2024-01-02T03:00:00Z', now), '4m5s');
  assert.equal(translateTimestampSince(undefined, now), '<unknown>');
  assert.equal(translateTimestampSince('', now), '<unknown>');
});
