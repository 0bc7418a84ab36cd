// Entry point: the command table, cobra's command lookup over lazily loaded modules, pflag parsing,
// help, plugins and completion hooks. This is the sole place that sets the exit code.
import type { CommandDef, CommandEntry, Invocation } from './command.ts';
import { createCtx } from './ctx.ts';
import { CliError, exitCodeOf, report } from './errors.ts';
import { FlagSet, Flags } from './flags.ts';
import { GLOBAL_FLAGS, globalOptions } from './global-flags.ts';
import { commandHelp, rootHelp } from './help.ts';
import type { Io } from './io.ts';

const BASIC = 'Basic Commands (Beginner)';
const INTERMEDIATE = 'Basic Commands (Intermediate)';
const CLUSTER = 'Cluster Management Commands';
const TROUBLESHOOTING = 'Troubleshooting and Debugging Commands';
const SETTINGS = 'Settings Commands';
const OTHER = 'Other Commands';
const SERVER = 'Bundled Server Commands';

/** The commands of this build, in kubectl's help order. */
export const COMMANDS: CommandEntry[] = [
  { name: 'create', group: BASIC, short: 'Create objects from manifests or from a few flags', load: () => import('./create/index.ts') },
  { name: 'explain', group: INTERMEDIATE, short: 'Show the fields of a resource type and what they mean', load: () => import('./explain.ts') },
  { name: 'get', group: INTERMEDIATE, short: 'List objects or show one, in many formats', load: () => import('./get/index.ts') },
  { name: 'delete', group: INTERMEDIATE, short: 'Delete objects named on the command line, in manifests, or matched by selectors', load: () => import('./delete.ts') },
  { name: 'cluster-info', group: CLUSTER, short: 'Show where the control plane and cluster services answer', load: () => import('./cluster-info.ts') },
  { name: 'describe', group: TROUBLESHOOTING, short: 'Show the details of a resource or a group of resources', load: () => import('./describe.ts') },
  { name: 'events', group: TROUBLESHOOTING, short: 'List events, optionally following and filtering them', load: () => import('./events.ts') },
  { name: 'completion', group: SETTINGS, short: 'Print the completion script for bash, zsh, fish or PowerShell', load: () => import('./completion.ts') },
  { name: 'api-resources', group: OTHER, short: 'List the resource types the server offers', load: () => import('./api-resources.ts') },
  { name: 'api-versions', group: OTHER, short: 'List the API group/versions the server offers', load: () => import('./api-versions.ts') },
  { name: 'config', group: OTHER, short: 'Modify kubeconfig files', load: () => import('./config/index.ts') },
  { name: 'plugin', group: OTHER, short: 'Work with plugins that add commands', load: () => import('./plugin.ts') },
  { name: 'version', group: OTHER, short: 'Show the client and server versions', load: () => import('./version.ts') },
  { name: 'options', group: OTHER, short: 'List the flags every command accepts', hidden: true, load: () => import('./options.ts') },
  { name: 'server', group: SERVER, short: 'Run the bundled Kubernetes API server in the foreground', load: () => import('./server.ts') },
  { name: 'up', group: SERVER, short: 'Start the bundled API server in the background and make context "ktl" current', load: () => import('./up.ts') },
  { name: 'down', group: SERVER, short: 'Stop the background API server started by "ktl up"', load: () => import('./down.ts') },
  { name: 'status', group: SERVER, short: 'Show whether the background API server is running', load: () => import('./status.ts') },
];

export function programName(argv1 = process.argv[1]): string {
  const invoked = argv1?.split('/').pop() ?? 'ktl';
  return invoked.startsWith('kubectl') ? 'kubectl' : 'ktl';
}

const HELP_FLAG = { name: 'help', shorthand: 'h', type: 'bool' as const, usage: 'help', hidden: true };

export interface Found {
  def: CommandDef | undefined;
  /** The command words, e.g. ["config", "view"]. */
  path: string[];
  /** argv with the command words removed. */
  rest: string[];
}

function entryFor(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
}

/** The first argument that is not a flag or a flag's value (cobra's stripFlags). */
function firstWord(tokens: readonly string[], flags: FlagSet): { word: string; index: number } | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === '--') return undefined;
    if (t.startsWith('-') && t.length > 1) {
      if (flags.takesValue(t)) i++;
      continue;
    }
    return { word: t, index: i };
  }
  return undefined;
}

/** cobra's Find: descend through sub-commands named by the first non-flag words. */
export async function findCommand(argv: readonly string[]): Promise<Found> {
  const globals = new FlagSet([...GLOBAL_FLAGS, HELP_FLAG]);
  const first = firstWord(argv, globals);
  if (!first) return { def: undefined, path: [], rest: [...argv] };
  const entry = entryFor(first.word);
  if (!entry) return { def: undefined, path: [], rest: [...argv] };
  let def = (await entry.load()).command;
  const path = [entry.name];
  let rest = [...argv.slice(0, first.index), ...argv.slice(first.index + 1)];
  for (;;) {
    if (!def.subcommands?.length) break;
    const next = firstWord(rest, new FlagSet([...GLOBAL_FLAGS, HELP_FLAG, ...(def.flags ?? [])]));
    const sub = next && def.subcommands.find((s) => s.name === next.word || s.aliases?.includes(next.word));
    if (!next || !sub) break;
    def = sub;
    path.push(sub.name);
    rest = [...rest.slice(0, next.index), ...rest.slice(next.index + 1)];
  }
  return { def, path, rest };
}

/** Levenshtein distance, for "Did you mean this?". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

/** cobra's SuggestionsFor: close in edit distance, or a prefix. */
export function suggestionsFor(word: string, names: readonly string[]): string[] {
  return names.filter((n) => distance(word.toLowerCase(), n.toLowerCase()) <= 2 || n.startsWith(word));
}

export async function main(
  argv: string[],
  io: Io = { out: process.stdout, err: process.stderr, in: process.stdin, isTTY: process.stdout.isTTY },
  env: NodeJS.ProcessEnv = process.env,
  program = programName(),
): Promise<number> {
  let code = 0;
  try {
    code = await dispatch(argv, io, env, program);
  } catch (err) {
    code = exitCodeOf(err);
    report(err, io, program);
  }
  process.exitCode = code;
  return code;
}

async function dispatch(argv: string[], io: Io, env: NodeJS.ProcessEnv, program: string): Promise<number> {
  if (argv[0] === '__complete' || argv[0] === '__completeNoDesc') {
    const { complete } = await import('./completion/complete.ts');
    return complete(argv.slice(1), argv[0] === '__complete', io, env, program);
  }
  const found = await findCommand(argv);
  const globals = new FlagSet([...GLOBAL_FLAGS, HELP_FLAG]);
  if (!found.def) {
    const first = firstWord(argv, globals);
    if (first) {
      // kubectl runs kubectl-<name> (or ktl-<name>) plugins for words it does not know.
      const { runPlugin } = await import('./plugins.ts');
      const ran = await runPlugin(argv, first.index, io, env, program);
      if (ran !== undefined) return ran;
      const suggestions = suggestionsFor(first.word, COMMANDS.filter((c) => !c.hidden).map((c) => c.name));
      const hint = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}`).join('\n')}` : '';
      throw new CliError(`unknown command ${JSON.stringify(first.word)} for ${JSON.stringify(program)}${hint}`);
    }
    const parsed = globals.parse(argv);
    if (parsed.changed.has('help') || parsed.args.length === 0) {
      io.out.write(rootHelp(COMMANDS, program));
      return 0;
    }
    return 0;
  }
  const { def, path } = found;
  const flagSet = new FlagSet([...GLOBAL_FLAGS, HELP_FLAG, ...(def.flags ?? [])]);
  let parsed;
  try {
    parsed = flagSet.parse(found.rest);
  } catch (e) {
    if (e instanceof CliError) throw new CliError(`${e.message}\nSee '${[program, ...path].join(' ')} --help' for usage.`);
    throw e;
  }
  for (const w of parsed.warnings) io.err.write(`${w}\n`);
  if (parsed.changed.has('help')) {
    io.out.write(commandHelp(def, path, program));
    return 0;
  }
  if (!def.run) {
    // kubectl's DefaultSubCommandRun: help on stderr, and an error for extra words.
    if (parsed.args.length) throw new CliError(`unknown command ${JSON.stringify(parsed.args.join(' '))}\nSee '${[program, ...path].join(' ')} -h' for help and examples`);
    io.err.write(commandHelp(def, path, program));
    return 1;
  }
  const flags = new Flags(parsed);
  const ctx = createCtx(io, env, program, (home) => globalOptions(flags, env, home), path);
  const inv: Invocation = { args: parsed.args, flags, argsLenAtDash: parsed.argsLenAtDash, path };
  await def.run(ctx, inv);
  // kubectl checks --warnings-as-errors only after the command succeeded.
  const client = ctx.globals.warningsAsErrors ? await ctx.clientIfCreated()?.catch(() => undefined) : undefined;
  if (client) {
    const { warningsAsErrorsMessage } = await import('../client/warnings.ts');
    const message = warningsAsErrorsMessage(client.warningCount());
    if (message) throw new CliError(message);
  }
  return 0;
}
