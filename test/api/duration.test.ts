import assert from 'node:assert/strict';
import { test } from 'node:test';
import { humanDuration, parseTime, shortHumanDuration, since } from '../../src/api/duration.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = new Date('2024-05-01T12:00:00Z');

test('humanDuration at every boundary of apimachinery HumanDuration', () => {
  const cases: [number, string][] = [
    [-2 * SECOND, '<invalid>'],
    [-1500, '0s'], // int(-1.5s) is -1: within the tolerated skew
    [-SECOND, '0s'],
    [-999, '0s'],
    [-1, '0s'],
    [0, '0s'],
    [45 * SECOND, '45s'],
    [59 * SECOND, '59s'],
    [119 * SECOND, '119s'],
    [119 * SECOND + 999, '119s'],
    [2 * MINUTE, '2m'],
    [2 * MINUTE + 5 * SECOND, '2m5s'],
    [2 * MINUTE + 30 * SECOND, '2m30s'],
    [5 * MINUTE + 30 * SECOND, '5m30s'],
    [9 * MINUTE + 59 * SECOND, '9m59s'],
    [10 * MINUTE, '10m'],
    [10 * MINUTE + 30 * SECOND, '10m'],
    [10 * MINUTE + 59 * SECOND, '10m'],
    [179 * MINUTE, '179m'],
    [3 * HOUR, '3h'],
    [3 * HOUR + 10 * MINUTE, '3h10m'],
    [3 * HOUR + 20 * MINUTE, '3h20m'],
    [7 * HOUR + 59 * MINUTE, '7h59m'],
    [8 * HOUR + 30 * MINUTE, '8h'],
    [8 * HOUR + 59 * MINUTE, '8h'],
    [30 * HOUR, '30h'],
    [47 * HOUR, '47h'],
    [48 * HOUR, '2d'],
    [51 * HOUR, '2d3h'],
    [5 * DAY + 2 * HOUR, '5d2h'],
    [7 * DAY + 23 * HOUR, '7d23h'],
    [8 * DAY, '8d'],
    [8 * DAY + 5 * HOUR, '8d'],
    [400 * DAY, '400d'],
    [729 * DAY, '729d'],
    [730 * DAY, '2y'],
    [(730 + 326) * DAY, '2y326d'],
    [(3 * 365 + 10) * DAY, '3y10d'],
    [(8 * 365 - 1) * DAY, '7y364d'],
    [8 * 365 * DAY, '8y'],
    [9 * 365 * DAY, '9y'],
    [(20 * 365 + 5) * DAY, '20y'],
    [30 * 365 * DAY, '30y'],
  ];
  for (const [ms, want] of cases) assert.equal(humanDuration(ms), want, `${ms}ms`);
});

test('shortHumanDuration keeps one unit', () => {
  const cases: [number, string][] = [
    [-5 * SECOND, '<invalid>'],
    [-2 * SECOND, '<invalid>'],
    [-SECOND, '0s'],
    [0, '0s'],
    [59 * SECOND, '59s'],
    [60 * SECOND, '1m'],
    [61 * SECOND, '1m'],
    [59 * MINUTE, '59m'],
    [60 * MINUTE, '1h'],
    [23 * HOUR, '23h'],
    [24 * HOUR, '1d'],
    [40 * DAY, '40d'],
    [364 * DAY, '364d'],
    [365 * DAY, '1y'],
    [800 * DAY, '2y'],
    [3 * 365 * DAY, '3y'],
  ];
  for (const [ms, want] of cases) assert.equal(shortHumanDuration(ms), want, `${ms}ms`);
});

test('since (translateTimestampSince): unset timestamps are <unknown>', () => {
  assert.equal(since(undefined, NOW), '<unknown>');
  assert.equal(since(null, NOW), '<unknown>');
  assert.equal(since('', NOW), '<unknown>');
  assert.equal(since('not a time', NOW), '<unknown>');
  assert.equal(since('0001-01-01T00:00:00Z', NOW), '<unknown>');
  assert.equal(since('2024-05-01T11:55:00Z', NOW), '5m');
  assert.equal(since('2024-05-01T11:55:55Z', NOW), '4m5s');
  assert.equal(since('2024-05-01T12:00:01Z', NOW), '0s'); // a second of clock skew
  assert.equal(since('2024-05-01T12:00:05Z', NOW), '<invalid>');
  assert.equal(since('2026-01-01T00:00:00Z', new Date('2026-01-01T00:10:00Z')), '10m');
});

test('MicroTime keeps its microseconds, so truncation happens where Go truncates', () => {
  assert.equal(parseTime('2024-05-01T11:58:00.000500Z'), Date.parse('2024-05-01T11:58:00Z') + 0.5);
  assert.equal(parseTime('2024-05-01T11:58:00.123Z'), Date.parse('2024-05-01T11:58:00.123Z'));
  assert.equal(parseTime('0001-01-01T00:00:00Z'), undefined);
  assert.equal(parseTime(12), undefined);
  // 119.9995s ago is still "119s", not "2m"
  assert.equal(since('2024-05-01T11:58:00.000500Z', NOW), '119s');
  assert.equal(since('2024-05-01T11:58:00.000000Z', NOW), '2m');
});
