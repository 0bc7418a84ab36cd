// Writing kubeconfig changes back the way kubectl does (client-go clientcmd ModifyConfig): diff the
// new config against what is on disk, then rewrite only the files involved. A changed entry goes
// back to the file it came from, a new one to the default file (see defaultFilename), a removed one
// is deleted from its file; a non-empty current-context goes to the default file, clearing it
// clears the first file that sets it. Files are rewritten whole, in kubectl's layout, under
// kubectl's `<file>.lock` protocol so the two never interleave.
import { isDeepStrictEqual } from 'node:util';
import { mkdir, open, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import {
  configFromFile, defaultFilename, loadKubeconfig, loadingPrecedence, resolveAuthInfoPaths, resolveClusterPaths,
} from './load.ts';
import type { KubeconfigSource, LoadedKubeconfig } from './load.ts';
import { goPathError } from './fs-errors.ts';
import { KubeconfigError } from './types.ts';
import type { AuthInfo, Cluster, Config, Context } from './types.ts';
import { serializeKubeconfig } from './v1.ts';

/**
 * Write a whole config to one file in kubectl's layout. Like kubectl: the parent directory is made
 * (0755) if missing, a new file is created 0600, an existing file keeps its mode.
 */
export async function writeKubeconfigFile(path: string, config: Config): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o755 });
  await writeFile(path, serializeKubeconfig(config), { mode: 0o600 });
}

const lockName = (file: string) => `${file}.lock`;

/** kubectl's lock: an O_EXCL `<file>.lock` per file of the precedence list, taken in sorted order. */
async function lockFiles(files: string[], cwd?: string): Promise<() => Promise<void>> {
  const held: string[] = [];
  const release = async () => {
    for (const f of held.reverse()) await unlink(lockName(f)).catch(() => {});
  };
  let current = '';
  try {
    for (const name of [...files].sort()) {
      current = name;
      const file = resolve(cwd ?? process.cwd(), name);
      await mkdir(dirname(file), { recursive: true, mode: 0o755 });
      await (await open(lockName(file), 'wx', 0o600)).close();
      held.push(file);
    }
  } catch (err) {
    await release();
    const e = err as NodeJS.ErrnoException;
    // Go names the lock file as the precedence list spells it.
    throw new KubeconfigError(e.code === 'EEXIST' ? goPathError(err, lockName(current), 'open') : e.message, e.code);
  }
  return release;
}

/** Relative references rewritten against the file they will live in; paths that would need `..` stay absolute. */
function relativize(path: string | undefined, base: string): string | undefined {
  if (!path) return path;
  const rel = relative(base, path);
  if (rel === '..' || rel.startsWith('../')) {
    if (isAbsolute(path)) return path;
    throw new KubeconfigError(`${path} requires backsteps and is not absolute`);
  }
  return rel;
}

function relativizeCluster(c: Cluster, file: string, cwd?: string): Cluster {
  const base = dirname(resolve(cwd ?? process.cwd(), file));
  const r = resolveClusterPaths(c, base);
  return r.certificateAuthority ? { ...r, certificateAuthority: relativize(r.certificateAuthority, base) } : r;
}

function relativizeAuthInfo(u: AuthInfo, file: string, cwd?: string): AuthInfo {
  const base = dirname(resolve(cwd ?? process.cwd(), file));
  const r = resolveAuthInfoPaths(u, base);
  for (const key of ['clientCertificate', 'clientKey', 'tokenFile'] as const) if (r[key]) r[key] = relativize(r[key], base);
  if (r.exec?.command.includes('/')) r.exec = { ...r.exec, command: relativize(r.exec.command, base)! };
  return r;
}

type Kind = 'clusters' | 'authInfos' | 'contexts';

/** Deep equality where an undefined field counts as absent (as Go's zero values do). */
function sameEntry(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a ?? null)), JSON.parse(JSON.stringify(b ?? null)));
}

/**
 * Persist newConfig (normally: the loaded config with changes applied) with kubectl's placement
 * rules. relativizePaths rewrites file references of changed entries relative to their file, as
 * the `kubectl config set-*` commands do.
 */
export async function modifyConfig(src: KubeconfigSource, newConfig: Config, relativizePaths = true): Promise<void> {
  const cwd = src.cwd;
  const at = (file: string) => resolve(cwd ?? process.cwd(), file);
  const unlock = await lockFiles(loadingPrecedence(src).filter(Boolean), cwd);
  try {
    const starting = (await loadKubeconfig({ ...src, missingExplicitOk: true })).config;
    if (sameEntry(starting, newConfig)) return;
    const fallback = await defaultFilename(src);
    const rewrite = async (file: string, change: (c: Config) => void) => {
      const config = await configFromFile(file, cwd);
      change(config);
      await writeKubeconfigFile(at(file), config);
    };

    if (starting.currentContext !== newConfig.currentContext) {
      if (src.explicitPath || newConfig.currentContext) {
        await rewrite(src.explicitPath ?? fallback, (c) => void (c.currentContext = newConfig.currentContext));
      } else {
        // Clearing: the first file that sets one.
        let cleared = false;
        for (const file of loadingPrecedence(src).filter(Boolean)) {
          const c = await configFromFile(file, cwd);
          if (c.currentContext) {
            await rewrite(file, (cfg) => void (cfg.currentContext = ''));
            cleared = true;
            break;
          }
        }
        if (!cleared) throw new KubeconfigError('no config found to write context');
      }
    }

    if (!sameEntry(starting.preferences, newConfig.preferences)) {
      const target = src.explicitPath ?? (await firstFileWithOtherPreferences(src, newConfig));
      await rewrite(target, (c) => void (c.preferences = newConfig.preferences));
    }

    const kinds: Kind[] = ['clusters', 'contexts', 'authInfos'];
    for (const kind of kinds) {
      for (const [name, entry] of Object.entries(newConfig[kind])) {
        const before = starting[kind][name];
        if (before && sameEntry(entry, before)) continue;
        const file = entry.locationOfOrigin || fallback;
        await rewrite(file, (c) => {
          let value: Cluster | AuthInfo | Context = { ...entry, locationOfOrigin: file };
          if (relativizePaths && kind === 'clusters') value = relativizeCluster(value as Cluster, file, cwd);
          if (relativizePaths && kind === 'authInfos') value = relativizeAuthInfo(value as AuthInfo, file, cwd);
          (c[kind] as Record<string, unknown>)[name] = value;
        });
      }
    }
    // Top-level extensions are never written back: client-go's ModifyConfig ignores them.

    for (const kind of kinds) {
      for (const [name, entry] of Object.entries(starting[kind])) {
        if (Object.hasOwn(newConfig[kind], name)) continue;
        await rewrite(entry.locationOfOrigin || fallback, (c) => void delete c[kind][name]);
      }
    }
  } finally {
    await unlock();
  }
}

/** Preferences go to the first file in the list whose preferences differ (kubectl's writePreferences). */
async function firstFileWithOtherPreferences(src: KubeconfigSource, newConfig: Config): Promise<string> {
  for (const file of loadingPrecedence(src)) {
    const c = await configFromFile(file, src.cwd);
    if (!sameEntry(c.preferences, newConfig.preferences)) return file;
  }
  throw new KubeconfigError('no config found to write preferences');
}

export interface KubeconfigEntries {
  clusters?: Record<string, Cluster>;
  authInfos?: Record<string, AuthInfo>;
  contexts?: Record<string, Context>;
  /** Set (non-empty) or clear (''). */
  currentContext?: string;
}

/**
 * Add or replace whole entries by name in the user's kubeconfig (honouring --kubeconfig and
 * $KUBECONFIG) and write them back with kubectl's rules: an entry that exists is rewritten in the
 * file that holds it, a new one lands in the default file. This is what `ktl up` uses.
 */
export async function mergeEntries(target: KubeconfigSource | LoadedKubeconfig, entries: KubeconfigEntries): Promise<void> {
  const src = 'config' in target && 'precedence' in target ? target.source : target;
  // Re-read: what matters is the files as they are now (modifyConfig diffs against them under lock).
  const { config } = await loadKubeconfig({ ...src, missingExplicitOk: true });
  const next: Config = { ...config, clusters: { ...config.clusters }, authInfos: { ...config.authInfos }, contexts: { ...config.contexts } };
  for (const kind of ['clusters', 'authInfos', 'contexts'] as const) {
    for (const [name, entry] of Object.entries(entries[kind] ?? {})) {
      const origin = config[kind][name]?.locationOfOrigin;
      (next[kind] as Record<string, unknown>)[name] = { ...entry, locationOfOrigin: origin };
    }
  }
  if (entries.currentContext !== undefined) next.currentContext = entries.currentContext;
  await modifyConfig(src, next, true);
}
