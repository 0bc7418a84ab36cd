// A sorted set of keys kept as a list of small sorted chunks, so that insertion and deletion cost
// O(log n + chunk) instead of re-sorting or shifting a 100k-entry array, while prefix scans and
// rank ("how many keys before this one") stay cheap. Order is JavaScript string order (UTF-16 code
// units), which equals etcd's byte order for the ASCII keys Kubernetes uses.

const MAX_CHUNK = 512;

export class SortedKeys {
  private chunks: string[][] = [];
  private count = 0;

  /** Builds the set from keys in any order (used when loading a database). */
  static from(keys: Iterable<string>): SortedKeys {
    const set = new SortedKeys();
    const all = [...new Set(keys)].sort(compare);
    for (let i = 0; i < all.length; i += MAX_CHUNK / 2) set.chunks.push(all.slice(i, i + MAX_CHUNK / 2));
    set.count = all.length;
    return set;
  }

  get size(): number {
    return this.count;
  }

  has(key: string): boolean {
    const c = this.chunkFor(key);
    if (c === this.chunks.length) return false;
    const chunk = this.chunks[c]!;
    const i = lowerBound(chunk, key);
    return chunk[i] === key;
  }

  /** Adds key; false when it was already present. */
  add(key: string): boolean {
    if (this.chunks.length === 0) {
      this.chunks.push([key]);
      this.count = 1;
      return true;
    }
    // Past the end: append to the last chunk.
    const c = Math.min(this.chunkFor(key), this.chunks.length - 1);
    const chunk = this.chunks[c]!;
    const i = lowerBound(chunk, key);
    if (chunk[i] === key) return false;
    chunk.splice(i, 0, key);
    this.count++;
    if (chunk.length > MAX_CHUNK) this.chunks.splice(c + 1, 0, chunk.splice(MAX_CHUNK / 2));
    return true;
  }

  /** Removes key; false when it was absent. */
  delete(key: string): boolean {
    const c = this.chunkFor(key);
    if (c === this.chunks.length) return false;
    const chunk = this.chunks[c]!;
    const i = lowerBound(chunk, key);
    if (chunk[i] !== key) return false;
    chunk.splice(i, 1);
    this.count--;
    if (chunk.length === 0) this.chunks.splice(c, 1);
    return true;
  }

  /** Number of keys strictly less than key. */
  rank(key: string): number {
    const c = this.chunkFor(key);
    let n = 0;
    for (let j = 0; j < c; j++) n += this.chunks[j]!.length;
    return c === this.chunks.length ? n : n + lowerBound(this.chunks[c]!, key);
  }

  /** Keys >= start (or > start when exclusive), in order. */
  *from(start: string, exclusive = false): Generator<string, void, undefined> {
    let c = this.chunkFor(start);
    if (c === this.chunks.length) return;
    let i = lowerBound(this.chunks[c]!, start);
    if (exclusive && this.chunks[c]![i] === start) i++;
    for (; c < this.chunks.length; c++, i = 0) {
      const chunk = this.chunks[c]!;
      for (; i < chunk.length; i++) yield chunk[i]!;
    }
  }

  /** Index of the first chunk whose last key is >= key (chunks.length when none). */
  private chunkFor(key: string): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = this.chunks[mid]!;
      if (chunk[chunk.length - 1]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function lowerBound(chunk: string[], key: string): number {
  let lo = 0;
  let hi = chunk.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (chunk[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The smallest string greater than every string starting with prefix, or undefined if none exists. */
export function prefixEnd(prefix: string): string | undefined {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const code = prefix.charCodeAt(i);
    if (code < 0xffff) return prefix.slice(0, i) + String.fromCharCode(code + 1);
  }
  return undefined;
}
