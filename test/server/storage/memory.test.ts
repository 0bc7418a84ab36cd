import { createMemoryStorage } from '../../../src/server/storage/memory.ts';
import { conformance } from './conformance.ts';

conformance('memory', async (t, options) => {
  const s = createMemoryStorage(options);
  t.after(() => s.close());
  return s;
});
