import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { SKIP } from './upstream-data.ts';

test('src/api/generated is what scripts/gen-api.ts writes today', { skip: SKIP }, () => {
  const root = new URL('../..', import.meta.url).pathname;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-api.ts', '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.stderr, '', 'stale files: run npm run gen:api');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /types\.json: \d+/);
});
