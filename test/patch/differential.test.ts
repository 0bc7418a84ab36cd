// src/patch against upstream's libraries as kubectl runs them: `kubectl patch --local` for applying
// all three patch types, and the PATCH bodies of `kubectl apply` for three-way patch creation.
// The recorded answers (fixtures/, re-recorded by record-fixtures.ts) keep the tests asserting
// without kubectl; with kubectl installed the local cases are also run live.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseApiVersion } from '../../src/api/object.ts';
import { type JsonObject, createThreeWayMergePatch, schemaForKind } from '../../src/patch/index.ts';
import { kubectlBinary } from '../helpers/server.ts';
import { APPLY_CASES } from './cases/apply-cases.ts';
import { LOCAL_PATCH_CASES } from './cases/local-patch-cases.ts';
import { type LocalOutcome, kubectlLocalPatch } from './kubectl-local.ts';
import { libraryLocalPatch } from './library-local.ts';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;

const local = fixture<Record<string, LocalOutcome>>('local-patch.json');

interface ApplyRecord {
  name: string;
  kind: string;
  apiVersion: string;
  original: JsonObject;
  modified: JsonObject;
  current: JsonObject;
  patch: JsonObject;
  conflict?: string | null;
}
const applied = fixture<ApplyRecord[]>('apply-patch.json');

test('the fixtures cover exactly the cases', () => {
  assert.deepEqual(Object.keys(local).sort(), LOCAL_PATCH_CASES.map((c) => c.name).sort());
  assert.deepEqual(applied.map((a) => a.name), APPLY_CASES.map((c) => c.name));
  // Both outcomes are represented, so neither half of the comparison is vacuous.
  assert.ok(Object.values(local).filter((o) => 'error' in o).length > 20);
  assert.ok(Object.values(local).filter((o) => 'result' in o).length > 50);
});

test('patch --local: the library matches kubectl (recorded)', async (t) => {
  for (const c of LOCAL_PATCH_CASES) {
    await t.test(`${c.type}: ${c.name}`, () => {
      assert.deepEqual(libraryLocalPatch(c), local[c.name]);
    });
  }
});

const kubectl = kubectlBinary();

test('patch --local: the library matches kubectl (live)', { skip: !kubectl && 'kubectl is not installed' }, async () => {
  const pending = [...LOCAL_PATCH_CASES];
  const mismatches: string[] = [];
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let c = pending.shift(); c; c = pending.shift()) {
      const theirs = await kubectlLocalPatch(kubectl!, c);
      try {
        assert.deepEqual(libraryLocalPatch(c), theirs);
      } catch {
        mismatches.push(`${c.name}: kubectl says ${JSON.stringify(theirs)}`);
      }
    }
  }));
  assert.deepEqual(mismatches, []);
});

const schemaOf = (r: ApplyRecord) => {
  const { group, version } = parseApiVersion(r.apiVersion);
  const schema = schemaForKind(group, version, r.kind);
  assert.ok(schema, `${r.apiVersion} ${r.kind} is a built-in kind`);
  return schema;
};

test('apply: three-way patches are the bytes kubectl sends (recorded)', async (t) => {
  for (const r of applied) {
    await t.test(r.name, () => {
      const patch = createThreeWayMergePatch(r.original, r.modified, r.current, schemaOf(r), true);
      assert.equal(JSON.stringify(patch), JSON.stringify(r.patch));
    });
  }
});

test('apply --overwrite=false: conflict messages match kubectl (recorded)', async (t) => {
  const checked = applied.filter((r) => r.conflict !== undefined);
  assert.ok(checked.length > 0);
  for (const r of checked) {
    await t.test(r.name, () => {
      const run = () => createThreeWayMergePatch(r.original, r.modified, r.current, schemaOf(r), false);
      if (r.conflict === null) return void run();
      assert.throws(run, (e: Error & { kind?: string }) => e.kind === 'Conflict' && e.message === r.conflict);
    });
  }
});
