// Plugins as kubectl runs them (pkg/cmd/plugin, HandlePluginCommand): an unknown command word
// `foo bar` runs the longest matching `kubectl-foo_bar`-style executable on PATH (`ktl-` names
// first), with the remaining arguments and the environment passed through.
import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Io } from './io.ts';

/** Executable-name prefixes searched, in order. */
export function pluginPrefixes(program: string): string[] {
  return program === 'kubectl' ? ['kubectl'] : ['ktl', 'kubectl'];
}

/** A regular file we may execute (exec.LookPath's check). */
export function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function lookupPlugin(name: string, env: NodeJS.ProcessEnv, program: string): string | undefined {
  for (const prefix of pluginPrefixes(program)) {
    for (const dir of (env.PATH ?? '').split(delimiter)) {
      if (!dir) continue;
      const candidate = join(dir, `${prefix}-${name}`);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Every plugin executable on PATH, in PATH order (for `plugin list`). */
export function listPlugins(env: NodeJS.ProcessEnv, program: string): string[] {
  const found: string[] = [];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (pluginPrefixes(program).some((p) => name.startsWith(`${p}-`))) found.push(join(dir, name));
    }
  }
  return found;
}

/**
 * Runs the plugin the words starting at `firstIndex` name; undefined when there is none (the caller
 * then reports an unknown command). Its exit code is ours.
 */
export async function runPlugin(argv: readonly string[], firstIndex: number, io: Io, env: NodeJS.ProcessEnv, program: string): Promise<number | undefined> {
  if (firstIndex > 0) {
    // Words after flags are never plugin names (kubectl: "flags cannot be placed before plugin name").
    io.err.write(`Error: flags cannot be placed before plugin name: ${argv[0]}\n`);
    return 1;
  }
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) break;
    words.push(arg.replaceAll('-', '_'));
  }
  for (let n = words.length; n >= 1; n--) {
    const path = lookupPlugin(words.slice(0, n).join('-'), env, program);
    if (!path) continue;
    return new Promise<number>((resolve, reject) => {
      const child = spawn(path, argv.slice(n), { stdio: 'inherit', env });
      child.on('error', reject);
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + 1 : 1)));
    });
  }
  return undefined;
}
