import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SortedKeys, compare, prefixEnd } from '../../../src/server/storage/sorted-keys.ts';
import { random } from './helpers.ts';

test('matches a sorted array through thousands of adds and deletes (chunk splits included)', () => {
  const rnd = random(1);
  const set = new SortedKeys();
  const model = new Set<string>();
  const key = () => `/registry/pods/ns-${Math.floor(rnd() * 7)}/p${Math.floor(rnd() * 6000)}`;
  for (let step = 0; step < 20_000; step++) {
    const k = key();
    if (rnd() < 0.7) {
      assert.equal(set.add(k), !model.has(k), `add ${k}`);
      model.add(k);
    } else {
      assert.equal(set.delete(k), model.has(k), `delete ${k}`);
      model.delete(k);
    }
  }
  const sorted = [...model].sort(compare);
  assert.equal(set.size, sorted.length);
  assert.ok(sorted.length > 2000, 'enough keys to split chunks');
  assert.deepEqual([...set.from('')], sorted);
  for (let probe = 0; probe < 200; probe++) {
    const k = probe % 2 ? key() : sorted[Math.floor(rnd() * sorted.length)]!;
    const lower = sorted.filter((x) => x < k).length;
    assert.equal(set.rank(k), lower, `rank ${k}`);
    assert.equal(set.has(k), model.has(k));
    assert.deepEqual([...set.from(k)].slice(0, 5), sorted.filter((x) => x >= k).slice(0, 5));
    assert.deepEqual([...set.from(k, true)].slice(0, 5), sorted.filter((x) => x > k).slice(0, 5));
  }
  assert.deepEqual([...set.from('/zzz')], []);
  assert.equal(set.rank('/zzz'), sorted.length);
});

test('from() builds the same set as adds', () => {
  const keys = Array.from({ length: 3000 }, (_, i) => `/k/${(i * 7919) % 3001}`);
  const built = SortedKeys.from([...keys, ...keys.slice(0, 10)]);
  const added = new SortedKeys();
  for (const k of keys) added.add(k);
  assert.equal(built.size, 3000);
  assert.deepEqual([...built.from('')], [...added.from('')]);
  assert.equal(built.add(keys[0]!), false);
  assert.equal(built.add('/k/new'), true);
  assert.equal(built.size, 3001);
});

test('prefixEnd is the first string past every key with the prefix', () => {
  assert.equal(prefixEnd('/registry/pods/'), '/registry/pods0');
  assert.equal(prefixEnd('a\uffff'), 'b');
  assert.equal(prefixEnd('\uffff'), undefined);
  assert.equal(prefixEnd(''), undefined);
  const end = prefixEnd('/registry/pods/')!;
  assert.ok('/registry/pods/\uffff' < end && '/registry/pods0' >= end);
});
