// Runs the differential cases through real kubectl and through ktl's JSONPath, both reduced to
// what a user sees: stdout, stderr and the exit code.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonPathError, JsonPathPanic, parseJsonPath } from '../../../src/api/jsonpath/jsonpath.ts';
import { jsonPathExecuteErrorMessage, jsonPathParseErrorMessage } from '../../../src/api/jsonpath/kubectl.ts';
import { OBJECTS, kubectlArgs } from './cases.ts';
import type { Case } from './cases.ts';

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The kubectl on PATH, or undefined. (Not test/helpers/server.ts: that loads the whole server.) */
export function findKubectl(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function run(binary: string, args: string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A Go panic's goroutine dump differs run to run: keep its first line. */
export function normalize(o: Outcome): Outcome {
  return o.code === 2 ? { ...o, stderr: o.stderr.split('\n')[0]! } : o;
}

/** What `kubectl patch --local ... -o jsonpath=<template>` prints, computed by ktl. */
export function ktlOutcome(c: Case): Outcome {
  // kubectl decodes the object from JSON text; so does ktl's client
  const obj: unknown = JSON.parse(JSON.stringify(OBJECTS[c.object]));
  let path;
  try {
    path = parseJsonPath(c.template);
  } catch (err) {
    if (!(err instanceof JsonPathError)) throw err;
    return { code: 1, stdout: '', stderr: `error: ${jsonPathParseErrorMessage(c.template, err)}\n` };
  }
  try {
    return { code: 0, stdout: path.execute(obj, { allowMissingKeys: c.allowMissingKeys, outputJson: c.output === 'jsonpath-as-json' }), stderr: '' };
  } catch (err) {
    if (err instanceof JsonPathPanic) return { code: 2, stdout: '', stderr: `panic: ${err.message}` };
    if (!(err instanceof JsonPathError)) throw err;
    return { code: 1, stdout: '', stderr: `error: ${jsonPathExecuteErrorMessage(c.template, err, obj)}` };
  }
}

/** Runs every case through a kubectl binary, a few at a time. */
export async function kubectlOutcomes(kubectl: string, cases: readonly Case[], concurrency = 8): Promise<Outcome[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-jsonpath-'));
  try {
    const files = new Map<string, string>();
    for (const [name, obj] of Object.entries(OBJECTS)) {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(obj));
      files.set(name, file);
    }
    // an empty kubeconfig: older kubectl warns about a missing one
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\n');
    const out: Outcome[] = new Array(cases.length);
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const i = next++;
        const c = cases[i]!;
        out[i] = normalize(await run(kubectl, kubectlArgs(c, files.get(c.object)!), { KUBECONFIG: kubeconfig }));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The words of an output as a sorted multiset, for templates that walk Go maps. */
export function unorderedWords(s: string): string[] {
  return s.split(/\s+/).filter(Boolean).sort();
}
