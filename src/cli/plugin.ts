// `plugin list`: the plugin executables on PATH, with kubectl's warnings (pkg/cmd/plugin): files
// that are not executable, plugins hidden by an earlier one of the same name, plugins whose name is
// a built-in command. ktl finds `ktl-NAME` before `kubectl-NAME`, as it runs them.
import { readdirSync, statSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import type { CommandDef } from './command.ts';
import type { Ctx } from './ctx.ts';
import type { KubectlError } from './errors.ts';
import { flag } from './flags.ts';
import { pluginPrefixes } from './plugins.ts';

/** Go's text for the file-system errors these checks meet. */
function goError(op: string, path: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const text: Record<string, string> = {
    ENOENT: 'no such file or directory',
    ENOTDIR: 'not a directory',
    EACCES: 'permission denied',
    ELOOP: 'too many levels of symbolic links',
  };
  // Go opens a plain file without complaint and fails when reading its entries.
  const goOp = code === 'ENOTDIR' && op === 'open' ? 'readdirent' : op;
  return `${goOp} ${path}: ${text[code ?? ''] ?? (err as Error).message}`;
}

export interface PluginFile {
  path: string;
  /** The file name without its prefix: `foo-bar` for kubectl-foo-bar. */
  name: string;
}

/**
 * Plugin files in the order ktl resolves them: by prefix (`ktl-` first), then by PATH directory
 * (duplicates and empty entries skipped), then by file name. Directories are skipped; unreadable
 * PATH entries are reported through `warn` and skipped.
 */
export function findPluginFiles(env: NodeJS.ProcessEnv, program: string, warn: (line: string) => void = () => {}): PluginFile[] {
  const prefixes = pluginPrefixes(program);
  const byPrefix = new Map<string, PluginFile[]>(prefixes.map((p) => [p, []]));
  for (const dir of new Set((env.PATH ?? '').split(delimiter))) {
    if (dir.trim() === '') continue;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      warn(`Unable to read directory ${JSON.stringify(dir)} from your PATH: ${goError('open', dir, err)}. Skipping...\n`);
      continue;
    }
    // Go's os.ReadDir returns names in byte order.
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.isDirectory()) continue;
      const prefix = prefixes.find((p) => e.name.startsWith(`${p}-`));
      if (prefix) byPrefix.get(prefix)!.push({ path: join(dir, e.name), name: e.name.slice(prefix.length + 1) });
    }
  }
  return prefixes.flatMap((p) => byPrefix.get(p)!);
}

/** The built-in command a plugin's name would replace, as cobra's Find sees it ("ktl get"). */
async function builtinPathFor(plugin: PluginFile, program: string): Promise<string | undefined> {
  const words = plugin.name.split('-').filter(Boolean);
  if (words.length === 0) return program;
  const { findCommand } = await import('./main.ts');
  const found = await findCommand(words);
  return found.def ? [program, ...found.path].join(' ') : undefined;
}

async function verify(plugin: PluginFile, seen: Map<string, string>, program: string): Promise<string[]> {
  const problems: string[] = [];
  try {
    const st = statSync(plugin.path);
    if (st.isDirectory() || (st.mode & 0o111) === 0) problems.push(`warning: ${plugin.path} identified as a ${program} plugin, but it is not executable`);
  } catch (err) {
    problems.push(`error: unable to identify ${plugin.path} as an executable file: ${goError('stat', plugin.path, err)}`);
  }
  const earlier = seen.get(plugin.name);
  if (earlier) problems.push(`warning: ${plugin.path} is overshadowed by a similarly named plugin: ${earlier}`);
  else seen.set(plugin.name, plugin.path);
  const builtin = await builtinPathFor(plugin, program);
  if (builtin) problems.push(`warning: ${basename(plugin.path)} overwrites existing command: ${JSON.stringify(builtin)}`);
  return problems;
}

/** Several `error: …` lines printed as they are (kubectl joins them into one error). */
class PluginListError extends Error implements KubectlError {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
  kubectlMessage(): string {
    return this.lines.join('\n');
  }
}

async function runList(ctx: Ctx, nameOnly: boolean): Promise<void> {
  const { io, env, program } = ctx;
  const plugins = findPluginFiles(env, program, (line) => io.err.write(line));
  const errors: string[] = [];
  if (plugins.length) io.out.write('The following compatible plugins are available:\n\n');
  else errors.push(`error: unable to find any ${program} plugins in your PATH`);
  const seen = new Map<string, string>();
  let warnings = 0;
  for (const plugin of plugins) {
    io.out.write(`${nameOnly ? basename(plugin.path) : plugin.path}\n`);
    for (const problem of await verify(plugin, seen, program)) {
      io.err.write(`  - ${problem}\n`);
      warnings++;
    }
  }
  if (warnings === 1) errors.push('error: one plugin warning was found');
  else if (warnings > 1) errors.push(`error: ${warnings} plugin warnings were found`);
  if (errors.length) throw new PluginListError(errors);
}

const EXAMPLE = `  # Show every plugin on your PATH
  ktl plugin list
  
  # Show the plugins' file names without their directories
  ktl plugin list --name-only`;

const list: CommandDef = {
  name: 'list',
  short: "List the plugin executables found on the user's PATH",
  long: `List the plugin executables found on the user's PATH. Use --name-only to see their file names without directories.

 A file is a plugin when it is executable, lies in a directory of PATH and is named "ktl-" or "kubectl-" followed by the command it adds.`,
  example: EXAMPLE,
  use: '[flags]',
  flags: [flag.bool('name-only', 'If true, print only the file name of each plugin instead of its full path')],
  async run(ctx, inv) {
    await runList(ctx, inv.flags.bool('name-only'));
  },
};

export const command: CommandDef = {
  name: 'plugin',
  short: 'Work with plugins that add commands',
  long: `Work with plugins: separate executables that add commands.

 An executable named "ktl-foo" or "kubectl-foo" on your PATH runs as "ktl foo"; dashes in the file name separate sub-command words ("kubectl-foo-bar" is "ktl foo bar") and underscores stand for dashes within a word. Plugin managers such as krew install plugins this way.`,
  example: EXAMPLE,
  use: '[flags]',
  subcommands: [list],
};
