// The Go struct-tag facts must name real scalar fields of the type table, so a regenerated table
// that renames or retypes a field shows up here instead of as a silently kept zero.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinTypes } from '../../../src/api/types.ts';
import { OMIT_ZERO } from '../../../src/server/protobuf/omit-zero.ts';

const SCALARS = new Set(['string', 'bytes', 'int32', 'int64', 'boolean', 'double']);

test('every omit-zero fact names a non-repeated scalar field of the type table', () => {
  const types = builtinTypes();
  const wrong: string[] = [];
  let count = 0;
  for (const [pkg, byType] of Object.entries(OMIT_ZERO)) {
    for (const [goType, names] of Object.entries(byType)) {
      const t = types.type(`${pkg}.${goType}`);
      for (const name of names.split(' ')) {
        count++;
        const f = t?.fields?.find((x) => x.name === name);
        if (!f || f.proto === undefined || !SCALARS.has(f.type) || f.repeated || f.map) wrong.push(`${pkg}.${goType}.${name}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
  assert.ok(count > 400, `${count} facts`);
});
