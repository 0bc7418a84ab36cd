// The command tree as completion walks it: built-in commands (loaded only along the typed path),
// plugin commands, and cobra's Find over them, with the flags each level knows.
import type { CommandDef, CommandEntry } from '../command.ts';
import type { FlagSpec } from '../flags.ts';
import { GLOBAL_FLAGS } from '../global-flags.ts';
import type { PluginNode } from './plugins.ts';

export interface Child {
  name: string;
  aliases?: string[];
  short: string;
  hidden?: boolean;
  open(): Promise<Node>;
}

export interface Node {
  /** Command words from the root, e.g. ["config", "use-context"]; [] for the root. */
  path: string[];
  def?: CommandDef;
  /** Set for plugin commands: their flags are the plugin's business (cobra DisableFlagParsing). */
  plugin?: PluginNode;
  /** Flags from the root (the global flags), for every command below it. */
  inherited: FlagSpec[];
  /** The command's own flags, with cobra's --help. */
  local: FlagSpec[];
  children: Child[];
}

/** cobra's --help, which completion offers like any other flag. */
export function helpFlag(commandName: string): FlagSpec {
  return { name: 'help', shorthand: 'h', type: 'bool', usage: `help for ${commandName}` };
}

function pluginChild(p: PluginNode, parent: string[]): Child {
  return { name: p.name, short: p.short, open: async () => pluginNode(p, [...parent, p.name]) };
}

function pluginNode(p: PluginNode, path: string[]): Node {
  return { path, plugin: p, inherited: [], local: [], children: p.children.map((c) => pluginChild(c, path)) };
}

function defChild(def: CommandDef, parent: string[], globals: FlagSpec[]): Child {
  return { name: def.name, aliases: def.aliases, short: def.short, hidden: def.hidden, open: async () => defNode(def, [...parent, def.name], globals) };
}

function defNode(def: CommandDef, path: string[], globals: FlagSpec[]): Node {
  return {
    path,
    def,
    inherited: globals,
    local: [...(def.flags ?? []), helpFlag(def.name)],
    children: (def.subcommands ?? []).map((s) => defChild(s, path, globals)),
  };
}

/**
 * The root: the command table, plus plugin commands when they take part; with `clearGlobals`
 * (completing after a plugin name) the global flags are gone, as kubectl resets them.
 */
export function rootNode(table: readonly CommandEntry[], program: string, plugins: PluginNode[], clearGlobals: boolean): Node {
  const globals = clearGlobals ? [] : GLOBAL_FLAGS;
  const builtins: Child[] = table.map((e) => ({
    name: e.name,
    aliases: e.aliases,
    short: e.short,
    hidden: e.hidden,
    open: async () => defNode((await e.load()).command, [e.name], globals),
  }));
  return {
    path: [],
    inherited: [],
    local: clearGlobals ? [] : [...GLOBAL_FLAGS, helpFlag(program)],
    children: [...builtins, ...plugins.map((p) => pluginChild(p, []))],
  };
}

export function allFlags(node: Node): FlagSpec[] {
  return [...node.inherited, ...node.local];
}

/** Whether `--name`/`-c` consumes the next token, as cobra's stripFlags guesses (unknown flags do). */
function consumesNext(token: string, flags: readonly FlagSpec[]): boolean {
  if (token.includes('=')) return false;
  const f = token.startsWith('--') ? flags.find((x) => x.name === token.slice(2)) : token.length === 2 ? flags.find((x) => x.shorthand === token[1]) : undefined;
  if (!token.startsWith('--') && token.length !== 2) return false;
  return !(f && (f.type === 'bool' || f.noOptDefVal));
}

/** Index of the first word that is neither a flag nor a flag's value (cobra's stripFlags). */
function firstWordIndex(tokens: readonly string[], flags: readonly FlagSpec[]): number {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === '--') return -1;
    if (t.startsWith('-')) {
      if (consumesNext(t, flags)) i++;
      continue;
    }
    if (t !== '') return i;
  }
  return -1;
}

export interface FindResult {
  node: Node;
  /** The words that are not command names: flags and arguments. */
  rest: string[];
  /** cobra's root-level legacyArgs check failed: the first word names no command. */
  unknown: boolean;
}

/** cobra's Find: follow command names through the tree, whatever flags sit between them. */
export async function find(root: Node, words: readonly string[]): Promise<FindResult> {
  let node = root;
  let rest = [...words];
  for (;;) {
    const i = firstWordIndex(rest, allFlags(node));
    if (i < 0) break;
    const word = rest[i]!;
    const child = node.children.find((c) => c.name === word || c.aliases?.includes(word));
    if (!child) break;
    node = await child.open();
    rest = [...rest.slice(0, i), ...rest.slice(i + 1)];
  }
  return { node, rest, unknown: node === root && firstWordIndex(rest, allFlags(root)) >= 0 };
}
