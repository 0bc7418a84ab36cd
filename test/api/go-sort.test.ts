// Go's sort.Sort and sort.SliceStable, whose exact orders of equal (or unordered) elements kubectl's
// --sort-by, `events` and strategic merge patch depend on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { goSort, goSortInterface, goSortStable } from '../../src/api/go-sort.ts';

// A deterministic pseudo-random sequence for the sort checks.
function* numbers(seed: number): Generator<number> {
  for (;;) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    yield seed;
  }
}

test('goSortStable is a stable sort', () => {
  const rnd = numbers(7);
  for (let n = 0; n < 130; n += 7) {
    const items = Array.from({ length: n }, (_, i) => ({ key: rnd.next().value % 10, i }));
    const expected = [...items].sort((a, b) => a.key - b.key);
    assert.deepEqual(goSortStable([...items], (a, b) => a.key < b.key), expected);
  }
});

test('goSort sorts small and large inputs, with many duplicates or descending runs', () => {
  const rnd = numbers(11);
  for (const n of [0, 1, 5, 12, 13, 49, 50, 51, 200, 1000]) {
    for (const spread of [3, 1000]) {
      const items = Array.from({ length: n }, () => rnd.next().value % spread);
      const sorted = [...items].sort((a, b) => a - b);
      assert.deepEqual(goSort([...items], (a, b) => a < b), sorted);
      assert.deepEqual(goSort([...items], (a, b) => a <= b), sorted);
    }
  }
  // Descending input takes the reverse path.
  const desc = Array.from({ length: 300 }, (_, i) => 300 - i);
  assert.deepEqual(goSort(desc, (a, b) => a < b), Array.from({ length: 300 }, (_, i) => i + 1));
});

test('goSort with a <= comparator moves an element before its equals (insertion sort)', () => {
  const items = [{ k: 'a', i: 1 }, { k: 'a', i: 2 }, { k: 'a', i: 3 }];
  assert.deepEqual(goSort(items, (a, b) => a.k <= b.k).map((x) => x.i), [3, 2, 1]);
});

test("goSortInterface: Go's pdqsort, so ties land where Go leaves them", () => {
  // 0..49 by key i % 3: Go's sort.Sort order (not stable)
  const keys = Array.from({ length: 50 }, (_, i) => i);
  goSortInterface(keys.length, {
    less: (i, j) => keys[i]! % 3 < keys[j]! % 3,
    swap: (i, j) => ([keys[i], keys[j]] = [keys[j]!, keys[i]!]),
  });
  assert.deepEqual(keys.map((k) => k % 3), [...Array(17).fill(0), ...Array(17).fill(1), ...Array(16).fill(2)]);
  assert.notDeepEqual(keys.slice(0, 17), Array.from({ length: 17 }, (_, i) => i * 3), 'equal keys keep no particular order');
  // pinned, so any change to the algorithm shows: --sort-by and events output depend on this order
  assert.deepEqual(keys, [
    18, 48, 45, 3, 42, 39, 6, 36, 33, 9, 30, 27, 12, 0, 24, 15, 21, 25, 4, 19, 49, 16, 22, 1, 46,
    13, 43, 40, 28, 37, 10, 31, 7, 34, 17, 11, 32, 29, 8, 5, 35, 41, 38, 26, 44, 2, 14, 47, 23, 20,
  ]);
  const big = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
  goSortInterface(big.length, { less: (i, j) => big[i]! < big[j]!, swap: (i, j) => ([big[i], big[j]] = [big[j]!, big[i]!]) });
  assert.deepEqual(big, Array.from({ length: 1000 }, (_, i) => i));
});

test('goSort is goSortInterface over the slice: the same order for ties and inconsistent comparators', () => {
  const rnd = numbers(5);
  for (const n of [12, 13, 50, 51, 300]) {
    const items = Array.from({ length: n }, (_, i) => ({ k: rnd.next().value % 4 === 0 ? undefined : rnd.next().value % 3, i }));
    // kubectl's --sort-by less: a missing value is less than anything, even another missing one
    const less = (a: { k?: number }, b: { k?: number }) => a.k === undefined || (b.k !== undefined && a.k < b.k);
    const viaData = [...items];
    goSortInterface(viaData.length, {
      less: (i, j) => less(viaData[i]!, viaData[j]!),
      swap: (i, j) => ([viaData[i], viaData[j]] = [viaData[j]!, viaData[i]!]),
    });
    assert.deepEqual(goSort([...items], less).map((x) => x.i), viaData.map((x) => x.i));
  }
});
