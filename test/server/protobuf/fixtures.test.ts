// Upstream round-trip fixtures (k8s.io/api testdata/HEAD): each .pb of a kind the type table knows
// decodes to its .json, key order included. The fixtures fill every field, so every field number,
// wire type, map, inline member and special type of the served kinds is exercised.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BUILTIN_RESOURCES } from '../../../src/api/generated/resources.ts';
import { builtinTypes } from '../../../src/api/types.ts';
import { decodeProtobufObject } from '../../../src/server/protobuf/decode.ts';
import { DATA, SKIP } from '../../api/upstream-data.ts';

const DIR = join(DATA, 'fixtures');

/** "<group>.<version>.<Kind>.pb", group "core" for the legacy group. */
function parseName(file: string) {
  const parts = file.slice(0, -'.pb'.length).split('.');
  const group = parts.slice(0, -2).join('.');
  return { group: group === 'core' ? '' : group, version: parts.at(-2)!, kind: parts.at(-1)! };
}

test('fixtures of every served kind decode to their JSON', { skip: SKIP }, () => {
  const types = builtinTypes();
  const decoded = new Set<string>();
  const failures: string[] = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.pb')).sort()) {
    const gvk = parseName(file);
    // WatchEvent is a stream frame, never a request body (its envelope has no kind).
    if (gvk.kind === 'WatchEvent' || !types.typeNameForKind(gvk.group, gvk.version, gvk.kind)) continue;
    const want = JSON.parse(readFileSync(join(DIR, file.replace(/\.pb$/, '.json')), 'utf8'));
    let got: Record<string, unknown>;
    try {
      got = decodeProtobufObject(readFileSync(join(DIR, file)), gvk);
    } catch (e) {
      failures.push(`${file}: ${(e as Error).message}`);
      continue;
    }
    // Kinds without ObjectMeta (DeleteOptions, PodExecOptions, ...) get an empty one, as JSON bodies do.
    if (!('metadata' in want)) {
      assert.deepEqual(got.metadata, {}, file);
      delete got.metadata;
    }
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      assert.deepEqual(got, want, file);
      failures.push(`${file}: key order differs`);
    }
    decoded.add(`${gvk.group}/${gvk.version}/${gvk.kind}`);
  }
  assert.deepEqual(failures, []);

  // Each served kind (and subresource kind) with an upstream fixture was among them.
  const served = new Set<string>();
  for (const r of BUILTIN_RESOURCES) {
    served.add(`${r.group}/${r.version}/${r.kind}`);
    for (const s of r.subresources ?? []) served.add(`${s.group ?? r.group}/${s.version ?? r.version}/${s.kind}`);
  }
  const withFixture = [...served].filter((k) => {
    const [group, version, kind] = k.split('/');
    return readdirSync(DIR).includes(`${group || 'core'}.${version}.${kind}.pb`);
  });
  assert.ok(withFixture.length > 50, `only ${withFixture.length} served kinds have fixtures`);
  assert.deepEqual(withFixture.filter((k) => !decoded.has(k)), []);
  for (const k of ['authorization.k8s.io/v1/SelfSubjectAccessReview', 'authentication.k8s.io/v1/TokenRequest', 'authentication.k8s.io/v1/SelfSubjectReview', '/v1/DeleteOptions']) {
    assert.ok(decoded.has(k), `${k} decoded`);
  }
});
