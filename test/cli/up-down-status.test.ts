// `ktl up` starts the background server and makes context "ktl" current in the user's kubeconfig;
// `ktl status` reports it; `ktl down` stops it. Runs the built bin/ktl with a private HOME.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { KTL_BIN, ensureBuilt } from '../helpers/ktl-process.ts';
import { kubectlBinary, run } from '../helpers/server.ts';
import { parseKubeconfig } from '../../src/kubeconfig/index.ts';

test('ktl up, status, down', async (t) => {
  ensureBuilt();
  const home = mkdtempSync(join(tmpdir(), 'ktl-up-'));
  const env = { HOME: home };
  const ktl = (...args: string[]) => run(process.execPath, [KTL_BIN, ...args], env);
  t.after(async () => {
    await ktl('down');
    rmSync(home, { recursive: true, force: true });
  });

  const up = await ktl('up', '--port', '0');
  assert.equal(up.code, 0, up.stderr);
  assert.match(up.stdout, /^ktl server running at https:\/\/127\.0\.0\.1:\d+ \(pid \d+, data .*\/\.ktl\/server\)\nSwitched to context "ktl"\.\n$/);

  const configPath = join(home, '.kube', 'config');
  assert.equal(statSync(configPath).mode & 0o777, 0o600);
  const config = await parseKubeconfig(readFileSync(configPath, 'utf8'));
  assert.equal(config.currentContext, 'ktl');
  assert.deepEqual({ cluster: config.contexts.ktl?.cluster, user: config.contexts.ktl?.authInfo }, { cluster: 'ktl', user: 'ktl' });
  assert.match(config.clusters.ktl!.server, /^https:\/\/127\.0\.0\.1:\d+$/);

  const again = await ktl('up', '--port', '0');
  assert.equal(again.code, 0);
  assert.equal(again.stdout, up.stdout, 'a second up finds the running server');

  const status = await ktl('status');
  assert.equal(status.code, 0);
  assert.match(status.stdout, /^ktl server: running \(pid \d+\)\nURL:        https:\/\//);

  const kubectl = kubectlBinary();
  if (kubectl) {
    const ns = await run(kubectl, ['get', 'namespace', 'default', '-o', 'name'], env);
    assert.deepEqual([ns.code, ns.stdout], [0, 'namespace/default\n'], ns.stderr);
  } else {
    t.diagnostic('kubectl is not installed: skipped talking to the server with it');
  }

  const down = await ktl('down');
  assert.equal(down.code, 0);
  assert.match(down.stdout, /^ktl server stopped \(pid \d+\)\n$/);
  const stopped = await ktl('status');
  assert.equal(stopped.code, 3);
  assert.match(stopped.stdout, /^ktl server: stopped\n/);
});
