// Properties every defaulter must have: the fields it writes exist in the kind's type (checked on a
// skeleton with every nested struct present, so each nested defaulter runs), and a second run
// changes nothing (on the skeleton and on upstream's round-trip fixtures).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { builtinResources } from '../../../../src/api/resources.ts';
import { builtinTypes } from '../../../../src/api/types.ts';
import { canonicalize } from '../../../../src/server/registry/canonical.ts';
import { defaultsFor } from '../../../../src/server/registry/defaults/index.ts';
import { DATA, SKIP } from '../../../api/upstream-data.ts';

const SCALARS = new Set(['string', 'int32', 'int64', 'boolean', 'double', 'bytes']);

/** An object with every struct field present ({} or [{}]), down to a depth, without recursion cycles. */
function skeleton(typeName: string, depth: number, path: string[]): Record<string, unknown> {
  const types = builtinTypes();
  const out: Record<string, unknown> = {};
  if (depth === 0) return out;
  for (const f of types.jsonFields(typeName)) {
    if (f.map || SCALARS.has(f.type) || path.includes(f.type)) continue;
    const t = types.type(f.type);
    if (!t || t.special) continue;
    const value = skeleton(f.type, depth - 1, [...path, f.type]);
    out[f.name] = f.repeated ? [value] : value;
  }
  return out;
}

const kinds = [...new Map(builtinResources.filter((r) => r.verbs.includes('create')).map((r) => [`${r.group}/${r.kind}`, r])).values()]
  .map((r) => ({ ...r, defaulter: defaultsFor(r.group, r.kind) }))
  .filter((r) => r.defaulter);

test('defaulters exist for the kinds upstream defaults', () => {
  const names = kinds.map((k) => `${k.group}/${k.kind}`);
  for (const expected of ['/Pod', '/Service', 'apps/Deployment', 'batch/CronJob', 'autoscaling/HorizontalPodAutoscaler', 'discovery.k8s.io/EndpointSlice'])
    assert.ok(names.includes(expected), expected);
});

for (const r of kinds) {
  test(`${r.group || 'core'}/${r.kind}: defaulted fields exist in the type and a second run changes nothing`, () => {
    const version = r.group === 'autoscaling' ? 'v2' : r.version;
    const typeName = builtinTypes().typeNameForKind(r.group, version, r.kind)!;
    const obj = { ...skeleton(typeName, 9, [typeName]), metadata: { name: 'x', namespace: 'ns' } } as KubeObject;
    r.defaulter!(obj);
    const { unknownFields } = canonicalize(builtinTypes(), typeName, obj);
    assert.deepEqual(unknownFields, []);
    const once = structuredClone(obj);
    r.defaulter!(obj);
    assert.deepEqual(obj, once);
  });
}

test('defaulting upstream fixtures twice is the same as once', { skip: SKIP }, () => {
  let checked = 0;
  for (const r of kinds) {
    const version = r.group === 'autoscaling' ? 'v2' : r.version;
    const file = join(DATA, 'fixtures', `${r.group || 'core'}.${version}.${r.kind}.json`);
    if (!existsSync(file)) continue;
    const obj = JSON.parse(readFileSync(file, 'utf8')) as KubeObject;
    r.defaulter!(obj);
    const once = structuredClone(obj);
    r.defaulter!(obj);
    assert.deepEqual(obj, once, file);
    checked++;
  }
  assert.ok(checked >= 25, `only ${checked} fixtures found`);
});
