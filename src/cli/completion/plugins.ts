// Plugins during completion (kubectl's plugin_completion.go): each plugin file becomes a chain of
// commands (`kubectl-foo-bar` → foo → bar) that completion can offer, and the words after a plugin
// are completed by its companion executable `kubectl_complete-foo-bar` (`ktl_complete-…` first for ktl).
import { spawn } from 'node:child_process';
import { delimiter, join } from 'node:path';
import type { Completions } from '../command.ts';
import type { Io } from '../io.ts';
import { findPluginFiles } from '../plugin.ts';
import { isExecutable, pluginPrefixes } from '../plugins.ts';
import { Directive } from './directive.ts';

export interface PluginNode {
  name: string;
  short: string;
  children: PluginNode[];
}

/** The plugin commands, except those whose first word is a built-in command (`isBuiltin`). */
export function pluginTree(env: NodeJS.ProcessEnv, program: string, isBuiltin: (word: string) => boolean): PluginNode[] {
  const roots: PluginNode[] = [];
  for (const file of findPluginFiles(env, program)) {
    // Dashes separate command words; underscores stand for dashes inside a word.
    const words = file.name.split('-').map((w) => w.replaceAll('_', '-'));
    if (words.some((w) => w === '') || isBuiltin(words[0]!)) continue;
    let level = roots;
    for (const word of words) {
      let node = level.find((n) => n.name === word);
      if (!node) {
        node = { name: word, short: `The command ${word} is a plugin installed by the user`, children: [] };
        level.push(node);
      }
      level = node.children;
    }
  }
  return roots;
}

/** exec.LookPath: the first executable file of that name along PATH. */
function lookPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir || '.', name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function run(path: string, args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(path, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => io.err.write(d));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? out : undefined));
  });
}

/**
 * Completes the arguments of the plugin `path` (its command words, e.g. ["foo", "bar"]) by running
 * its completion executable with the arguments and the word being completed. Its output is
 * candidates, optionally ended by a `:<directive>` line; without such an executable the shell
 * falls back to file names.
 */
export async function completePluginArgs(
  path: string[],
  args: string[],
  toComplete: string,
  env: NodeJS.ProcessEnv,
  program: string,
  io: Io,
  debug: (message: string) => void,
): Promise<Completions> {
  const fileWords = path.map((w) => w.replaceAll('-', '_')).join('-');
  let found: string | undefined;
  for (const prefix of pluginPrefixes(program)) {
    const exe = `${prefix}_complete-${fileWords}`;
    debug(`About to look for: ${exe}`);
    found = lookPath(exe, env);
    if (found) break;
  }
  if (!found) {
    debug(`Plugin ${program}-${fileWords} does not provide a matching completion executable`);
    return { candidates: [], directive: Directive.Default };
  }
  const argv = [...args, toComplete];
  debug(`About to call: ${found} ${argv.join(' ')}`);
  const out = await run(found, argv, env, io);
  if (out === undefined) return { candidates: [], directive: Directive.Default };
  const lines = out.split('\n').filter((l) => l.length > 0);
  const last = lines[lines.length - 1];
  if (last && /^:[+-]?\d+$/.test(last)) return { candidates: lines.slice(0, -1), directive: Number(last.slice(1)) };
  return { candidates: lines, directive: Directive.Default };
}
