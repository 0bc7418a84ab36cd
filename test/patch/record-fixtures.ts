// Re-records the kubectl fixtures of test/patch (run by hand; needs kubectl):
//   node --import tsx test/patch/record-fixtures.ts [--local-only]
// fixtures/local-patch.json: `kubectl patch --local` over cases/local-patch-cases.ts.
// fixtures/apply-patch.json: the PATCH bodies `kubectl apply` sends to a ktl server for
//   cases/apply-cases.ts, read from its -v=9 request log, with the inputs it diffed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubectlBinary, run, startServer } from '../helpers/server.ts';
import type { Json, JsonObject } from '../../src/patch/index.ts';
import { APPLY_CASES } from './cases/apply-cases.ts';
import { LOCAL_PATCH_CASES } from './cases/local-patch-cases.ts';
import { kubectlLocalPatch } from './kubectl-local.ts';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

const kubectl = kubectlBinary();
if (!kubectl) throw new Error('kubectl is not installed');

const write = (name: string, value: unknown) => writeFileSync(join(FIXTURES, name), JSON.stringify(value, null, 1) + '\n');

const local: Record<string, unknown> = {};
for (const c of LOCAL_PATCH_CASES) local[c.name] = await kubectlLocalPatch(kubectl, c);
write('local-patch.json', local);

if (process.argv.includes('--local-only')) process.exit(0);

const cleanups: (() => unknown)[] = [];
const srv = await startServer({ after: (fn) => cleanups.push(fn) });
const dir = mkdtempSync(join(tmpdir(), 'ktl-apply-'));
const env = { KUBECONFIG: srv.kubeconfig };
async function kubectlOk(args: string[]): Promise<string> {
  const r = await run(kubectl!, args, env);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
const fileOf = (name: string, obj: Json) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(obj));
  return file;
};

const applied: unknown[] = [];
try {
  for (const [i, c] of APPLY_CASES.entries()) {
    const ns = `case-${i}`;
    await kubectlOk(['apply', '-f', fileOf('ns.json', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })]);
    await kubectlOk(['apply', '-n', ns, '-f', fileOf('first.json', c.first)]);
    if (c.drift) {
      const live = JSON.parse(await kubectlOk(['get', '-n', ns, c.ref, '-o', 'json'])) as JsonObject;
      c.drift(live);
      // A plain PUT, as another client would write: `kubectl replace` would rewrite last-applied.
      const group = String(live.apiVersion).includes('/') ? `/apis/${live.apiVersion}` : `/api/${live.apiVersion}`;
      const path = `${group}/namespaces/${ns}/${String(live.kind).toLowerCase()}s/${(live.metadata as JsonObject).name}`;
      const put = await srv.request('PUT', path, { body: live });
      if (put.status !== 200) throw new Error(`${c.name}: PUT ${path}: ${put.text}`);
    }
    const current = JSON.parse(await kubectlOk(['get', '-n', ns, c.ref, '-o', 'json', '--show-managed-fields'])) as JsonObject;
    const original = ((current.metadata as JsonObject).annotations as JsonObject)[LAST_APPLIED] as string;
    const second = fileOf('second.json', c.second);
    // --overwrite=false first: it fails on a conflict without writing anything.
    const conflict = c.checkConflict ? conflictMessage((await run(kubectl, ['apply', '--overwrite=false', '-n', ns, '-f', second], env)).stderr) : undefined;
    const r = await run(kubectl, ['apply', '-n', ns, '-f', second, '-v=9'], env);
    const patch = patchBody(r.stderr);
    if (!patch) throw new Error(`${c.name}: no PATCH body in kubectl's log:\n${r.stderr.slice(-2000)}`);
    // kubectl's new configuration: the object as sent in the annotation, annotated with itself.
    const config = (((patch.metadata as JsonObject)?.annotations as JsonObject)?.[LAST_APPLIED] as string | undefined) ?? original;
    const modified = JSON.parse(config) as JsonObject;
    (modified.metadata as JsonObject).annotations = { ...((modified.metadata as JsonObject).annotations as JsonObject), [LAST_APPLIED]: config };
    applied.push({ name: c.name, kind: current.kind, apiVersion: current.apiVersion, original: JSON.parse(original), modified, current, patch, ...(conflict !== undefined && { conflict }) });
  }
  write('apply-patch.json', applied);
} finally {
  rmSync(dir, { recursive: true, force: true });
  for (const fn of cleanups) await fn();
}

/** The conflict error kubectl reports (as a warning, before falling back to OpenAPI v2), or null. */
function conflictMessage(stderr: string): string | null {
  const start = 'warning: error calculating patch from openapi v3 spec: ';
  const at = stderr.indexOf(start);
  if (at < 0) return null;
  const end = stderr.indexOf('\nwarning: error calculating patch from openapi spec: ', at);
  return stderr.slice(at + start.length, end < 0 ? undefined : end);
}

/** The last non-empty "Request Body" of a -v=9 log: the PATCH. */
function patchBody(log: string): JsonObject | undefined {
  let body: JsonObject | undefined;
  for (const m of log.matchAll(/"Request Body" body="((?:[^"\\]|\\.)*)"/g)) {
    const text = JSON.parse(`"${m[1]}"`) as string;
    if (text) body = JSON.parse(text) as JsonObject;
  }
  return body;
}
