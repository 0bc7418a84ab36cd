// Which kubeconfig files kubectl reads and how it merges them (client-go clientcmd loader.go and
// config.go's PathOptions): --kubeconfig alone, else the $KUBECONFIG list (deduplicated, empty and
// missing entries skipped), else ~/.kube/config. Per entry name the first file wins, whole entry;
// current-context comes from the first file that sets it.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { goPathError } from './fs-errors.ts';
import { KubeconfigError, newConfig } from './types.ts';
import type { AuthInfo, Cluster, Config, Extensions } from './types.ts';
import { parseKubeconfig } from './v1.ts';

export interface KubeconfigSource {
  /** --kubeconfig: the only file, read and written. */
  explicitPath?: string;
  /** For $KUBECONFIG and $HOME; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Overrides $HOME (for ~/.kube/config). */
  home?: string;
  /** Base for relative file names; defaults to process.cwd(). */
  cwd?: string;
}

export interface LoadedKubeconfig {
  /** Merged view. Each entry has locationOfOrigin; file references are as written in their files. */
  config: Config;
  /** The files considered, in precedence order. */
  precedence: string[];
  /** Those that were missing (kubectl warns "Config not found" when all are). */
  missing: string[];
  source: KubeconfigSource;
}

const isNotFound = (err: unknown) => (err as NodeJS.ErrnoException)?.code === 'ENOENT' || (err as NodeJS.ErrnoException)?.code === 'ENOTDIR';

function homeDir(src: KubeconfigSource): string {
  return src.home ?? (src.env ?? process.env).HOME ?? homedir();
}

/** ~/.kube/config */
export function globalFile(src: KubeconfigSource): string {
  return join(homeDir(src), '.kube', 'config');
}

/** $KUBECONFIG split on ':' and deduplicated; empty entries are kept here (they matter for where writes go). */
export function envVarFiles(src: KubeconfigSource): string[] {
  const value = (src.env ?? process.env).KUBECONFIG;
  if (!value) return [];
  return [...new Set(value.split(':'))];
}

/** The files read, first wins. */
export function loadingPrecedence(src: KubeconfigSource): string[] {
  if (src.explicitPath) return [src.explicitPath];
  const env = envVarFiles(src);
  return env.length ? env : [globalFile(src)];
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where new entries and current-context are written: the explicit file; else a lone $KUBECONFIG
 * entry; else the first $KUBECONFIG file that exists; else its last entry; else ~/.kube/config.
 */
export async function defaultFilename(src: KubeconfigSource): Promise<string> {
  if (src.explicitPath) return src.explicitPath;
  const env = envVarFiles(src);
  if (env.length === 1) return env[0]!;
  for (const file of env) if (file && (await exists(resolve(src.cwd ?? process.cwd(), file)))) return file;
  if (env.length) return env[env.length - 1]!;
  return globalFile(src);
}

/** One file as written, each entry stamped with its origin. A missing file throws ENOENT. */
export async function loadFromFile(path: string, cwd?: string): Promise<Config> {
  const text = await readFile(resolve(cwd ?? process.cwd(), path), 'utf8');
  let config: Config;
  try {
    config = await parseKubeconfig(text);
  } catch (err) {
    throw new KubeconfigError(`error loading config file "${path}": ${(err as Error).message}`);
  }
  for (const entries of [config.clusters, config.authInfos, config.contexts] as Array<Record<string, { locationOfOrigin?: string }>>) {
    for (const entry of Object.values(entries)) entry.locationOfOrigin = path;
  }
  return config;
}

/** A file's config for rewriting: missing means empty. */
export async function configFromFile(path: string, cwd?: string): Promise<Config> {
  try {
    return await loadFromFile(path, cwd);
  } catch (err) {
    if (isNotFound(err)) return newConfig();
    throw err;
  }
}

/** kubectl's one-time move of the legacy ~/.kube/.kubeconfig to ~/.kube/config. */
async function migrateLegacyFile(src: KubeconfigSource): Promise<void> {
  const destination = globalFile(src);
  const legacy = join(homeDir(src), '.kube', '.kubeconfig');
  if ((await exists(destination)) || !(await exists(legacy))) return;
  if ((await stat(legacy)).isDirectory()) throw new KubeconfigError(`cannot migrate ${legacy} to ${destination} because it is a directory`);
  await writeFile(destination, await readFile(legacy), { mode: 0o666 });  // 0666 before umask, as kubectl
}

function firstWins<T>(target: Record<string, T>, from: Record<string, T> | undefined): void {
  for (const [name, value] of Object.entries(from ?? {})) if (!Object.hasOwn(target, name)) target[name] = value;
}

/** Merge configs given in precedence order: per name the first wins; scalars from the first that sets them. */
export function mergeConfigs(configs: Config[]): Config {
  const merged = newConfig();
  let extensions: Extensions | undefined, prefExtensions: Extensions | undefined;
  for (const c of configs) {
    firstWins(merged.clusters, c.clusters);
    firstWins(merged.authInfos, c.authInfos);
    firstWins(merged.contexts, c.contexts);
    if (!merged.currentContext && c.currentContext) merged.currentContext = c.currentContext;
    if (c.preferences.colors) merged.preferences.colors = true;
    if (c.preferences.extensions) firstWins((prefExtensions ??= {}), c.preferences.extensions);
    if (c.extensions) firstWins((extensions ??= {}), c.extensions);
  }
  if (prefExtensions) merged.preferences.extensions = prefExtensions;
  if (extensions) merged.extensions = extensions;
  return merged;
}

/**
 * Load and merge the kubeconfig files as kubectl does. A missing --kubeconfig file is an error
 * (`stat F: no such file or directory`) unless missingExplicitOk, as for the `config` commands,
 * which treat it as empty and create it on write.
 */
export async function loadKubeconfig(src: KubeconfigSource & { missingExplicitOk?: boolean } = {}): Promise<LoadedKubeconfig> {
  if (!src.explicitPath) await migrateLegacyFile(src);
  const precedence = loadingPrecedence(src);
  if (src.explicitPath && !src.missingExplicitOk && !(await exists(resolve(src.cwd ?? process.cwd(), src.explicitPath)))) {
    throw new KubeconfigError(`stat ${src.explicitPath}: no such file or directory`, 'ENOENT');
  }
  const configs: Config[] = [];
  const missing: string[] = [];
  const errors: string[] = [];
  for (const file of precedence) {
    if (!file) continue;
    try {
      configs.push(await loadFromFile(file, src.cwd));
    } catch (err) {
      if (isNotFound(err)) missing.push(file);
      else errors.push(err instanceof KubeconfigError ? err.message : `error loading config file "${file}": ${goPathError(err, file)}`);
    }
  }
  // utilerrors aggregate: one error as is, several as a bracketed list.
  if (errors.length === 1) throw new KubeconfigError(errors[0]!);
  if (errors.length > 1) throw new KubeconfigError(`[${errors.join(', ')}]`, undefined, errors);
  return { config: mergeConfigs(configs), precedence, missing, source: src };
}

function absoluteBase(origin: string, cwd?: string): string {
  return dirname(resolve(cwd ?? process.cwd(), origin));
}

const resolveRef = (ref: string | undefined, base: string) => (ref && !isAbsolute(ref) ? join(base, ref) : ref);

/** File references a cluster holds (resolved and relativised together). */
export function resolveClusterPaths(c: Cluster, base: string): Cluster {
  return c.certificateAuthority ? { ...c, certificateAuthority: resolveRef(c.certificateAuthority, base) } : c;
}

export function resolveAuthInfoPaths(u: AuthInfo, base: string): AuthInfo {
  const out: AuthInfo = { ...u };
  for (const key of ['clientCertificate', 'clientKey', 'tokenFile'] as const) if (out[key]) out[key] = resolveRef(out[key], base);
  // An exec command is a file reference only when it names a path, not a $PATH lookup.
  if (out.exec?.command.includes('/')) out.exec = { ...out.exec, command: resolveRef(out.exec.command, base)! };
  return out;
}

/** The config a client uses: relative file references made absolute against the file holding them. */
export function resolveLocalPaths(config: Config, cwd?: string): Config {
  const out: Config = { ...config, clusters: {}, authInfos: {} };
  for (const [name, c] of Object.entries(config.clusters)) {
    out.clusters[name] = c.locationOfOrigin ? resolveClusterPaths(c, absoluteBase(c.locationOfOrigin, cwd)) : c;
  }
  for (const [name, u] of Object.entries(config.authInfos)) {
    out.authInfos[name] = u.locationOfOrigin ? resolveAuthInfoPaths(u, absoluteBase(u.locationOfOrigin, cwd)) : u;
  }
  return out;
}
