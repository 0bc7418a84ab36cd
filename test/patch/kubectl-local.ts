// Runs one case through real kubectl offline: `kubectl patch --local -o json` applies the patch
// with upstream's libraries (strategicpatch, evanphx/json-patch) and prints the result.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../helpers/server.ts';
import type { Json } from '../../src/patch/index.ts';
import type { LocalPatchCase } from './cases/local-patch-cases.ts';

export type LocalOutcome = { result: Json } | { error: string };

export async function kubectlLocalPatch(kubectl: string, c: LocalPatchCase): Promise<LocalOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-patch-'));
  try {
    const file = join(dir, 'object.json');
    writeFileSync(file, JSON.stringify(c.object));
    const args = ['patch', '--local', '-f', file, '--type', c.type, '-p', JSON.stringify(c.patch), '-o', 'json'];
    const r = await run(kubectl, args, { KUBECONFIG: join(dir, 'none') });
    if (r.code !== 0) return { error: r.stderr.replace(/^error: /, '').replace(/\n$/, '') };
    return { result: JSON.parse(r.stdout) as Json };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
