// `npm run bench`: every benchmark in bench/, one after the other, printing figures.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const args = process.argv.slice(2);
for (const script of ['server.ts', 'storage.ts', 'cli.ts']) {
  console.log(`\n== bench/${script}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
