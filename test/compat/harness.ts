// The differential harness: the same command through real kubectl 1.32 and through ktl (installed
// under the name `kubectl`, so messages name the same program), against the same bundled server,
// with outputs compared after normalising only what legitimately differs between two runs: ages,
// uids, resourceVersions, timestamps and generated name suffixes.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KTL_BIN, ensureBuilt } from '../helpers/ktl-process.ts';
import { kubectlBinary, run, startServer, type Cleanup, type RunResult, type TestServer } from '../helpers/server.ts';

export const KUBECTL = kubectlBinary('1.32');
export const SKIP: string | false = KUBECTL ? false : 'kubectl 1.32 is not installed: differential tests need it';

export interface Compat {
  srv: TestServer;
  /** A scratch directory for manifests and kubeconfig copies. */
  dir: string;
  env: NodeJS.ProcessEnv;
  kubectl(args: string[], opts?: RunOptions): Promise<RunResult>;
  ktl(args: string[], opts?: RunOptions): Promise<RunResult>;
  /** Runs both and asserts equal (normalised) stdout, stderr and exit code; returns kubectl's result. */
  same(args: string[], opts?: SameOptions): Promise<RunResult>;
  file(name: string, text: string): string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
}

export interface SameOptions extends RunOptions {
  normalize?: (s: string) => string;
  /** Run before each of the two runs, e.g. to create again what the command deletes. */
  setup?: () => Promise<unknown>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const TIMESTAMP = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g;
const RESOURCE_VERSION = /(resourceVersion["']?:\s*["']?)\d+/g;

/** Normalises what two runs may legitimately differ in: klog headers, uids, times, resourceVersions, ages. */
export function normalize(s: string): string {
  return s
    .replace(/^([IWEF])\d{4} \d\d:\d\d:\d\d\.\d{6}\s+\d+ /gm, '$1<klog> ')
    .replace(UUID, '<uid>')
    .replace(TIMESTAMP, '<time>')
    .replace(RESOURCE_VERSION, '$1<rv>')
    // An age's width may change between the two runs ("9s", "10s"), and with it the padding after
    // it: both collapse, so the columns before an age are still compared to the byte.
    .replace(/(?<=\s|^)(?:\d+d\d*h?|\d+h\d*m?|\d+m\d*s?|\d+s|<invalid>)(?=\s|$)( *)/gm, (_, pad: string) => (pad ? '~ ' : '~'));
}

export async function startCompat(t: Cleanup): Promise<Compat> {
  if (!KUBECTL) throw new Error('kubectl is not installed');
  ensureBuilt();
  const srv = await startServer(t);
  const dir = mkdtempSync(join(tmpdir(), 'ktl-compat-'));
  // ktl under the name "kubectl": its messages then name the same program as the real one's.
  const binDir = join(dir, 'bin');
  mkdirSync(binDir);
  const shim = join(binDir, 'kubectl');
  symlinkSync(KTL_BIN, shim);
  // The real one under that name too: kubectl's messages use the name it was invoked as.
  const realDir = join(dir, 'real');
  mkdirSync(realDir);
  const real = join(realDir, 'kubectl');
  symlinkSync(KUBECTL, real);
  const home = join(dir, 'home');
  mkdirSync(home);
  const env: NodeJS.ProcessEnv = { KUBECONFIG: srv.kubeconfig, HOME: home };
  const merged = (opts?: RunOptions) => ({ ...env, ...opts?.env });
  const kubectl = (args: string[], opts?: RunOptions) => run(real, args, merged(opts), opts?.input);
  const ktl = (args: string[], opts?: RunOptions) => run(process.execPath, [shim, ...args], merged(opts), opts?.input);
  return {
    srv,
    dir,
    env,
    kubectl,
    ktl,
    async same(args, opts) {
      await opts?.setup?.();
      const expected = await kubectl(args, opts);
      await opts?.setup?.();
      const actual = await ktl(args, opts);
      const n = opts?.normalize ?? normalize;
      const label = `kubectl ${args.join(' ')}`;
      assert.equal(n(actual.stdout), n(expected.stdout), `${label}: stdout differs`);
      assert.equal(n(actual.stderr), n(expected.stderr), `${label}: stderr differs`);
      assert.equal(actual.code, expected.code, `${label}: exit code differs`);
      return expected;
    },
    file(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}
