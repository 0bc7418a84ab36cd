// The hidden `__complete` / `__completeNoDesc` command the shell scripts call on each TAB (cobra's
// protocol): the last argument is the word being completed; the answer is one candidate per line
// (`name\tdescription`), then `:<directive>`; a note on stderr names the directive. Only what the
// position needs is loaded: kubeconfig-only answers never load the HTTP client.
import type { CommandEntry, Completions, Invocation } from '../command.ts';
import { createCtx, type Ctx } from '../ctx.ts';
import { CliError } from '../errors.ts';
import { FlagSet, Flags, type FlagSpec, type ParseResult } from '../flags.ts';
import { GLOBAL_FLAGS, globalOptions } from '../global-flags.ts';
import type { Io } from '../io.ts';
import { Directive, directiveNames } from './directive.ts';
import { completeClusters, completeContexts, completeUsers } from './kubeconfig.ts';
import { completePluginArgs, pluginTree, type PluginNode } from './plugins.ts';
import { allFlags, find, rootNode, type Node } from './tree.ts';

type Hook = (ctx: Ctx, inv: Invocation, toComplete: string) => Promise<Completions>;

/** Extensions kubectl's -f/--filename completes (its BashCompFilenameExt annotation). */
const MANIFEST_EXTENSIONS = ['json', 'yaml', 'yml'];

const kubeconfigNames = (list: (ctx: Ctx, toComplete: string) => Promise<string[]>): Hook => async (ctx, _inv, toComplete) => ({
  candidates: await list(ctx, toComplete),
  directive: Directive.NoFileComp,
});

/** Completion of the global flags' values, as kubectl registers it on its root command. */
const GLOBAL_FLAG_HOOKS: Record<string, Hook> = {
  namespace: async (ctx, _inv, toComplete) => {
    const { completeNamespaces } = await import('./resources.ts');
    return { candidates: await completeNamespaces(ctx, toComplete), directive: Directive.NoFileComp };
  },
  context: kubeconfigNames(completeContexts),
  cluster: kubeconfigNames(completeClusters),
  user: kubeconfigNames(completeUsers),
};

function flagHook(node: Node, f: FlagSpec): Hook | undefined {
  const own = node.def?.completeFlag?.[f.name];
  if (own) return own;
  if (GLOBAL_FLAGS.includes(f)) return GLOBAL_FLAG_HOOKS[f.name];
  if (f.name === 'filename') return async () => ({ candidates: MANIFEST_EXTENSIONS, directive: Directive.FilterFileExt });
  return undefined;
}

const isFlagArg = (a: string) => (a.length >= 3 && a.startsWith('--')) || (a.length >= 2 && a[0] === '-' && a[1] !== '-');

function lookupFlag(flags: readonly FlagSpec[], name: string): FlagSpec | undefined {
  // A one-letter name is a shorthand (cobra's findFlag).
  if (name.length === 1) return flags.find((f) => f.shorthand === name);
  return flags.find((f) => f.name === name);
}

interface FlagTarget {
  flag?: FlagSpec;
  args: string[];
  toComplete: string;
  error?: { message: string; unsupported: boolean };
}

/** cobra's checkIfFlagCompletion: is the word a flag's value (`--flag=x`, or after `--flag`)? */
function flagTarget(node: Node, args: string[], toComplete: string): FlagTarget {
  if (node.plugin) return { args, toComplete };
  let name = '';
  let rest = args;
  let value = toComplete;
  let withEqual = false;
  if (toComplete.startsWith('-')) {
    const eq = toComplete.indexOf('=');
    if (eq < 0) return { args, toComplete };
    // `-abc=x`: the last shorthand before '=' is the flag.
    name = toComplete.startsWith('--') ? toComplete.slice(2, eq) : toComplete.slice(eq - 1, eq);
    value = toComplete.slice(eq + 1);
    withEqual = true;
  } else if (args.length && isFlagArg(args[args.length - 1]!) && !args[args.length - 1]!.includes('=')) {
    const prev = args[args.length - 1]!;
    name = prev.startsWith('--') ? prev.slice(2) : prev.slice(-1);
    rest = args.slice(0, -1);
  }
  if (!name) return { args: rest, toComplete: value };
  const flag = lookupFlag(allFlags(node), name);
  if (!flag) {
    const command = node.path[node.path.length - 1] ?? '';
    return { args, toComplete, error: { message: `Subcommand '${command}' does not support flag '${name}'`, unsupported: true } };
  }
  // A flag that needs no value was not asking for one: back to completing arguments.
  if (!withEqual && (flag.type === 'bool' || flag.noOptDefVal)) return { args, toComplete: value };
  return { flag, args: rest, toComplete: value };
}

interface Outcome extends Completions {
  error?: string;
}

function flagNames(f: FlagSpec, toComplete: string): string[] {
  if (f.hidden || f.deprecated) return [];
  const out: string[] = [];
  if (`--${f.name}`.startsWith(toComplete)) out.push(`--${f.name}\t${f.usage}`);
  if (f.shorthand && `-${f.shorthand}`.startsWith(toComplete)) out.push(`-${f.shorthand}\t${f.usage}`);
  return out;
}

const byName = (a: FlagSpec, b: FlagSpec) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

interface Env {
  io: Io;
  env: NodeJS.ProcessEnv;
  program: string;
  debug(message: string): void;
}

/** cobra's getCompletions for the command found. */
async function completionsFor(node: Node, words: string[], toCompleteIn: string, e: Env): Promise<Outcome> {
  const target = flagTarget(node, words, toCompleteIn);
  const { flag, toComplete } = target;
  let parsed: ParseResult;
  if (node.plugin) {
    parsed = { args: target.args, values: new Map(), changed: new Set(), argsLenAtDash: -1, warnings: [] };
  } else {
    try {
      parsed = new FlagSet(allFlags(node)).parse(target.args);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      return { candidates: [], directive: Directive.Default, error: `Error while parsing flags from args [${target.args.join(' ')}]: ${why}` };
    }
  }
  // After `--` everything is an argument, even a word that starts with '-'.
  const flagCompletion = parsed.argsLenAtDash < 0;
  if (target.error && (!target.error.unsupported || flagCompletion)) return { candidates: [], directive: Directive.Default, error: target.error.message };
  if (parsed.changed.has('help')) return { candidates: [], directive: Directive.NoFileComp };

  const changed = (f: FlagSpec) => parsed.changed.has(f.name) && f.type !== 'stringArray' && f.type !== 'stringSlice';
  let candidates: string[] = [];
  let directive: number = Directive.Default;
  if (!flag && toComplete.startsWith('-') && !toComplete.includes('=') && flagCompletion) {
    for (const group of [node.inherited, node.local])
      for (const f of [...group].sort(byName)) if (!changed(f)) candidates.push(...flagNames(f, toComplete));
    directive = candidates.length === 1 && candidates[0]!.endsWith('=') ? Directive.NoSpace : Directive.NoFileComp;
    if (!node.plugin) return { candidates, directive };
  } else if (!flag) {
    const localFlagSet = (node.def?.flags ?? []).some((f) => parsed.changed.has(f.name));
    if (parsed.args.length === 0 && !localFlagSet) {
      const visible = node.children.filter((c) => !c.hidden).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const c of visible) if (c.name.startsWith(toComplete)) candidates.push(`${c.name}\t${c.short}`);
      if (visible.length) directive = Directive.NoFileComp;
    }
  }

  const useFlagHook = !!flag && flagCompletion;
  if (node.plugin && !useFlagHook) {
    const r = await completePluginArgs(node.path, parsed.args, toComplete, e.env, e.program, e.io, e.debug);
    return { candidates: [...candidates, ...r.candidates], directive: r.directive };
  }
  const hook = useFlagHook ? flagHook(node, flag) : node.def?.complete?.bind(node.def);
  if (!hook) return { candidates, directive };
  const flags = new Flags(parsed);
  const ctx = createCtx(e.io, e.env, e.program, (home) => {
    const globals = globalOptions(flags, e.env, home);
    // A TAB must not hang on a slow server (kubectl meant to do this too: "Should set --request-timeout=5s").
    if (!flags.changed('request-timeout')) globals.requestTimeout = '5s';
    return globals;
  });
  const inv: Invocation = { args: parsed.args, flags, argsLenAtDash: parsed.argsLenAtDash, path: node.path };
  const r = await hook(ctx, inv, toComplete);
  return { candidates: [...candidates, ...r.candidates], directive: r.directive };
}

/** The line a candidate becomes: no description when asked, first line only, trimmed. */
function candidateLine(c: string, withDescriptions: boolean): string {
  const text = withDescriptions ? c : c.split('\t')[0]!;
  return text.split('\n')[0]!.trim();
}

export async function complete(
  args: string[],
  withDescriptions: boolean,
  io: Io,
  env: NodeJS.ProcessEnv,
  program: string,
  table?: readonly CommandEntry[],
): Promise<number> {
  if (args.length === 0) throw new CliError(`requires at least 1 arg(s), only received ${args.length}`);
  const commands = table ?? (await import('../main.ts')).COMMANDS;
  const e: Env = { io, env, program, debug: (m) => io.err.write(`[Debug] ${m}\n`) };
  const words = args.slice(0, -1);
  const toComplete = args[args.length - 1]!;

  // Plugins join the tree only when they can matter (kubectl's SetupPluginCompletion): when the
  // first word is being completed, or when the first word is no built-in command.
  let plugins: PluginNode[] = [];
  let clearGlobals = false;
  const isBuiltin = (w: string) => commands.some((c) => c.name === w || c.aliases?.includes(w));
  if (args[0]!.startsWith('-')) {
    // Plugins never follow flags.
  } else if (args.length === 1) {
    plugins = pluginTree(env, program, isBuiltin);
  } else if (!commands.some((c) => c.name === args[0])) {
    e.debug('Cleared global flags for plugin completion');
    clearGlobals = true;
    plugins = pluginTree(env, program, isBuiltin);
  }

  const root = rootNode(commands, program, plugins, clearGlobals);
  const found = await find(root, words);
  const outcome: Outcome = found.unknown
    ? { candidates: [], directive: Directive.Default, error: `unable to find a command for arguments: [${words.join(' ')}]` }
    : await completionsFor(found.node, found.rest, toComplete, e);
  if (outcome.error) e.debug(`[Error] ${outcome.error}`);

  let out = '';
  for (const c of outcome.candidates) out += `${candidateLine(c, withDescriptions)}\n`;
  io.out.write(`${out}:${outcome.directive}\n`);
  io.err.write(`Completion ended with directive: ${directiveNames(outcome.directive)}\n`);
  return 0;
}
