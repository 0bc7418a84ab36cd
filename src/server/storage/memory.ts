// `--storage memory`: the shared index with nothing behind it. Writes apply at once; everything is
// lost when the process ends.
import { createIndexedStorage } from './indexed-storage.ts';
import { MemoryIndex } from './memory-index.ts';
import type { StorageOptions } from './memory-index.ts';
import type { Storage } from './storage.ts';

export type { StorageOptions } from './memory-index.ts';

export function createMemoryStorage(options: StorageOptions = {}): Storage {
  return createIndexedStorage(new MemoryIndex(0, [], options), { commit() {}, close() {} }, false);
}
