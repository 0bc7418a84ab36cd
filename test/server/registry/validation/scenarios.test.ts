// Oracle: every manifest the kubectl walkthrough scenarios apply must pass validation (no false
// rejections). Manifests are pulled out of the scripts' heredocs and quoted YAML variables, shell
// variables replaced by placeholders, then defaulted (test stand-in) and validated.
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { builtinTypes } from '../../../../src/api/types.ts';
import type { KubeObject } from '../../../../src/api/object.ts';
import { fieldErrorText } from '../../../../src/server/status.ts';
import { validatorFor } from '../../../../src/server/registry/validation/index.ts';
import { applyTestDefaults } from './defaults.ts';

const DIR = '/work/shared/scenarios';
const PLACEHOLDER = 'zz1';
/** Enum fields the scripts fill from variables ($SCENARIO_BINDING_MODE): a value they may hold. */
const ENUM_VARIABLES: Record<string, string> = { volumeBindingMode: 'WaitForFirstConsumer' };

/** Heredoc bodies and multi-line single-quoted assignments that look like manifests. */
export function extractManifests(script: string): string[] {
  const lines = script.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const here = /<<(-?)\s*['"]?([A-Za-z_]+)['"]?\s*$/.exec(line) ?? /<<(-?)\s*['"]?([A-Za-z_]+)['"]?(\s|\)|$)/.exec(line);
    if (here && !line.includes('<<<')) {
      const body: string[] = [];
      for (i++; i < lines.length && (here[1] ? lines[i]!.trim() : lines[i]) !== here[2]; i++) body.push(lines[i]!);
      out.push(body.join('\n'));
      continue;
    }
    const quoted = /^\s*(?:local\s+)?[A-Za-z_]+='(.*)$/.exec(line);
    if (quoted && !quoted[1]!.endsWith("'")) {
      const body = [quoted[1]!];
      for (i++; i < lines.length && !lines[i]!.endsWith("'"); i++) body.push(lines[i]!);
      if (i < lines.length) body.push(lines[i]!.slice(0, -1));
      out.push(body.join('\n'));
    }
  }
  return out.filter((m) => /^\s*apiVersion:/m.test(m) && /^\s*kind:/m.test(m));
}

/** Shell expansions become a DNS-safe placeholder. */
function substitute(text: string): string {
  return text
    .replace(/\$\(\([^)]*\)\)/g, '1')
    .replace(/\$\([^()]*(\([^()]*\)[^()]*)*\)/g, PLACEHOLDER)
    .replace(/\$\{[^}]*\}/g, PLACEHOLDER)
    .replace(/\$[A-Za-z_][A-Za-z0-9_]*|\$[0-9]/g, PLACEHOLDER);
}

/** Placeholders standing for numbers (replicas: $N) become numbers, guided by the type table. */
function fixNumbers(value: unknown, typeName: string): void {
  if (typeof value !== 'object' || value === null) return;
  const types = builtinTypes();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const f = types.fieldOf(typeName, k);
    if (!f) continue;
    if (typeof v === 'string' && v.includes(PLACEHOLDER) && (f.type === 'int32' || f.type === 'int64')) (value as Record<string, unknown>)[k] = 1;
    else if (v === PLACEHOLDER && k in ENUM_VARIABLES) (value as Record<string, unknown>)[k] = ENUM_VARIABLES[k];
    else if (Array.isArray(v)) v.forEach((x) => fixNumbers(x, f.type));
    else if (f.map && typeof v === 'object') Object.values(v as object).forEach((x) => fixNumbers(x, f.type));
    else fixNumbers(v, f.type);
  }
}

test('the walkthrough scenarios\' manifests pass validation', { skip: !existsSync(DIR) && `${DIR} is absent` }, (t) => {
  const failures: string[] = [];
  let checked = 0;
  for (const file of readdirSync(DIR).filter((f) => /^\d+.*\.sh$/.test(f)).sort()) {
    for (const manifest of extractManifests(readFileSync(join(DIR, file), 'utf8'))) {
      for (const doc of parseAllDocuments(substitute(manifest))) {
        const obj = doc.toJS() as KubeObject | null;
        if (!obj || typeof obj !== 'object' || !obj.kind || !obj.apiVersion) continue;
        obj.metadata ??= {};
        obj.metadata.namespace ??= 'scenario';
        const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion];
        const typeName = builtinTypes().typeNameForKind(group!, version!, obj.kind);
        if (typeName) fixNumbers(obj, typeName);
        const v = validatorFor(group!, obj.kind);
        if (!v) continue;
        checked++;
        const errs = v.validate(applyTestDefaults(obj));
        if (errs.length) failures.push(`${file} ${obj.kind}/${obj.metadata.name}: ${errs.map(fieldErrorText).join('; ')}`);
      }
    }
  }
  assert.ok(checked >= 60, `expected the scenarios to hold many manifests, found ${checked}`);
  assert.deepEqual(failures, []);
  t.diagnostic(`${checked} manifests validated`);
});

test('extractManifests finds heredocs and quoted YAML variables', () => {
  const script = [
    "POD='apiVersion: v1",
    'kind: Pod',
    "metadata: {name: a}'",
    "k create -f - <<'EOF'",
    'apiVersion: v1',
    'kind: Service',
    'EOF',
    'echo <<<"$POD"',
  ].join('\n');
  assert.deepEqual(extractManifests(script), ['apiVersion: v1\nkind: Pod\nmetadata: {name: a}', 'apiVersion: v1\nkind: Service']);
});
