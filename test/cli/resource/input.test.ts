// Reading -f sources: files, directories, -R, YAML streams, JSON streams, Lists, and the problems
// kubectl reports for each source.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { isProblem, readInputs } from '../../../src/cli/resource/input.ts';

function tree() {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-input-'));
  writeFileSync(join(dir, 'multi.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: b\n');
  writeFileSync(join(dir, 'list.json'), '{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"l1"}}]}\n{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"n"}}');
  writeFileSync(join(dir, 'notes.txt'), 'not a manifest');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'nokind.yml'), 'apiVersion: v1\nmetadata:\n  name: x\n');
  return dir;
}

const summary = (items: Awaited<ReturnType<typeof readInputs>>['items']) =>
  items.map((i) => (isProblem(i) ? `! ${i.message}` : `${i.source}: ${i.object.kind}/${i.object.metadata.name}`));

test('a directory: manifests only; -R recurses', async () => {
  const dir = tree();
  const flat = await readInputs(['.'], { recursive: false, cwd: dir });
  assert.deepEqual(summary(flat.items), ['list.json: ConfigMap/l1', 'list.json: Namespace/n', 'multi.yaml: ConfigMap/a', 'multi.yaml: Secret/b']);
  const deep = await readInputs(['.'], { recursive: true, cwd: dir });
  assert.deepEqual(summary(deep.items).slice(-1), [`! unable to decode "sub/nokind.yml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'`]);
});

test('stdin, missing paths and undecodable documents', async () => {
  const dir = tree();
  const stdin = new PassThrough();
  stdin.end('kind: ConfigMap\napiVersion: v1\nmetadata: {name: s}\n');
  assert.deepEqual(summary((await readInputs(['-'], { recursive: false, cwd: dir, stdin })).items), ['STDIN: ConfigMap/s']);
  await assert.rejects(readInputs(['nope.yaml'], { recursive: false, cwd: dir }), { message: 'the path "nope.yaml" does not exist' });
  assert.deepEqual(summary((await readInputs(['notes.txt'], { recursive: false, cwd: dir })).items), [
    '! unable to decode "notes.txt": json: cannot unmarshal string into Go value of type unstructured.detector',
  ]);
  writeFileSync(join(dir, 'bad.yaml'), 'metadata:\n  name: [a\n');
  const bad = summary((await readInputs(['bad.yaml'], { recursive: false, cwd: dir })).items);
  assert.match(bad[0]!, /^! error parsing bad\.yaml: error converting YAML to JSON: yaml: /);
});
