import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rfc3339, until } from '../../../src/server/tables/duration.ts';
import { NOW } from './helpers.ts';

test('until: translateTimestampUntil, <unknown> when unset', () => {
  assert.equal(until('2024-05-01T15:20:00Z', NOW), '3h20m');
  assert.equal(until(undefined, NOW), '<unknown>');
});

test('rfc3339 prints Go RFC3339 in UTC, the zero time when unset', () => {
  assert.equal(rfc3339('2024-04-01T10:00:00Z'), '2024-04-01T10:00:00Z');
  assert.equal(rfc3339('2024-04-01T12:00:00+02:00'), '2024-04-01T10:00:00Z');
  assert.equal(rfc3339('2024-04-01T10:00:00.123456Z'), '2024-04-01T10:00:00Z');
  assert.equal(rfc3339(undefined), '0001-01-01T00:00:00Z');
});
