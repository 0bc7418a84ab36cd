// Runs the real kubectl as a test oracle, fully offline and away from the user's ~/.kube: HOME and
// KUBECONFIG point into a temp directory unless the caller sets them.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The kubectl binary to use ($KTL_TEST_KUBECTL or `kubectl` on PATH), or undefined when absent. */
export function findKubectl(): string | undefined {
  const bin = process.env.KTL_TEST_KUBECTL || 'kubectl';
  const r = spawnSync(bin, ['version', '--client', '-o', 'json'], { encoding: 'utf8', env: isolatedEnv('/nonexistent') });
  return r.error || r.status !== 0 ? undefined : bin;
}

/** kubectl 1.32 (the version ktl copies): $KTL_TEST_KUBECTL, else kubectl.1.32 beside kubectl, else kubectl. */
export function findKubectl132(): string | undefined {
  if (process.env.KTL_TEST_KUBECTL) return findKubectl();
  const which = spawnSync('sh', ['-c', 'readlink -f "$(command -v kubectl)"'], { encoding: 'utf8' });
  const real = which.status === 0 ? which.stdout.trim() : '';
  if (real) {
    const versioned = join(real, '..', 'kubectl.1.32');
    const r = spawnSync(versioned, ['version', '--client', '-o', 'json'], { encoding: 'utf8', env: isolatedEnv('/nonexistent') });
    if (!r.error && r.status === 0) return versioned;
  }
  return findKubectl();
}

export const NO_KUBECTL = 'kubectl not found on PATH (set KTL_TEST_KUBECTL): differential check skipped';

function isolatedEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, KUBECONFIG: join(home, 'no-kubeconfig'), ...extra };
}

/** Run kubectl with an isolated HOME; `env` adds or overrides variables (e.g. KUBECONFIG). */
export function runKubectl(bin: string, args: string[], opts: { env?: Record<string, string>; cwd?: string; home?: string } = {}): KubectlResult {
  const home = opts.home ?? mkdtempSync(join(tmpdir(), 'ktl-kubectl-home-'));
  try {
    const r = spawnSync(bin, args, { encoding: 'utf8', cwd: opts.cwd, env: isolatedEnv(home, opts.env), maxBuffer: 64 << 20 });
    if (r.error) throw r.error;
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  } finally {
    if (!opts.home) rmSync(home, { recursive: true, force: true });
  }
}

/**
 * kubectl's own -o yaml / -o json rendering of each object, obtained offline with a no-op
 * `kubectl patch --local`. Objects must carry apiVersion v1, kind and metadata.name; kubectl prints
 * them back to back, so the output is split where each one starts.
 */
export function kubectlRender(bin: string, objects: object[], format: 'yaml' | 'json'): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-render-'));
  try {
    const file = join(dir, 'in.json');
    // kubectl reads -f input with a YAML 1.1 reader, to which raw NEL, LS and PS are line breaks
    // (folded to spaces inside quotes); escaped, they arrive intact.
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects });
    writeFileSync(file, text.replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    const r = runKubectl(bin, ['patch', '--local', '-f', file, '--type', 'merge', '-p', '{}', '-o', format], { home: dir });
    if (r.code !== 0) throw new Error(`kubectl failed (${r.code}): ${r.stderr}`);
    // Each document starts at column 0 with its first key (`apiVersion: v1` / `{`).
    const marker = format === 'yaml' ? /^(?=apiVersion: v1$)/m : /^(?=\{$)/m;
    const docs = r.stdout.split(marker).filter((d) => d !== '');
    if (docs.length !== objects.length) throw new Error(`expected ${objects.length} documents, got ${docs.length}`);
    return docs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * kubectl printing one object offline: `kubectl patch --local -f <obj> --type merge -p '{}' <flags>`
 * (patch uses the generic print flags). Returns stdout, stderr and the exit code as they are.
 */
export function kubectlPrintLocal(bin: string, obj: object, flags: string[]): KubectlResult {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-print-'));
  try {
    const file = join(dir, 'obj.json');
    writeFileSync(file, JSON.stringify(obj));
    return runKubectl(bin, ['patch', '--local', '-f', file, '--type', 'merge', '-p', '{}', ...flags], { home: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** kubectlPrintLocal for many cases at once, a few processes at a time. */
export async function kubectlPrintLocalAll(bin: string, obj: object, cases: string[][], concurrency = 8): Promise<KubectlResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-print-'));
  const file = join(dir, 'obj.json');
  writeFileSync(file, JSON.stringify(obj));
  const results: KubectlResult[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      results[i] = await new Promise<KubectlResult>((resolve) => {
        const args = ['patch', '--local', '-f', file, '--type', 'merge', '-p', '{}', ...cases[i]!];
        execFile(bin, args, { env: isolatedEnv(dir), maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
          const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
          resolve({ code, stdout, stderr });
        });
      });
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
