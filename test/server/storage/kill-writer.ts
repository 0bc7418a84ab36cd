// Child process for the kill -9 test: writes to the SQLite storage at argv[2] without end and prints
// one line per acknowledged write: `<key> <step> <revision>`. Each key goes through the steps
// create (0), update (1) and, for even keys, delete (2); 16 keys are in flight at once, so writes
// share group commits.
import { openSqliteStorage } from '../../../src/server/storage/sqlite.ts';
import { pod } from './helpers.ts';

const storage = await openSqliteStorage(process.argv[2]!);
let next = 0;
const ack = (key: string, step: number, revision: number) => process.stdout.write(`${key} ${step} ${revision}\n`);

async function worker(): Promise<void> {
  for (;;) {
    const i = next++;
    if (i >= 100_000) return;  // a bound in case the test never kills us
    const key = `/registry/pods/default/p${i}`;
    ack(key, 0, (await storage.create(key, pod(`p${i}`, 'default', { data: 'x'.repeat(1500) }))).revision);
    ack(key, 1, (await storage.update(key, pod(`p${i}`, 'default', { status: { step: 1 } }))).revision);
    if (i % 2 === 0) ack(key, 2, (await storage.delete(key)).revision);
  }
}

await Promise.all(Array.from({ length: 16 }, worker));
