// Help and usage in kubectl's layout (its cobra templates): description, examples, sub-commands,
// options with their defaults, usage line, and the pointer to `options`. The texts are ktl's own.
import type { CommandDef, CommandEntry } from './command.ts';
import type { FlagSpec } from './flags.ts';

function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  const parts: string[] = [];
  let rest = ms;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  if (h) parts.push(`${h}h`);
  if (h || m) parts.push(`${m}m`);
  parts.push(`${rest / 1000}s`);
  return parts.join('');
}

/** A flag's default as kubectl shows it: 'text', false, -1, [], 0s. */
export function defaultText(f: FlagSpec): string {
  const d = f.default;
  switch (f.type) {
    case 'bool':
      return String(d ?? false);
    case 'int':
      return String(d ?? 0);
    case 'duration':
      return goDuration(typeof d === 'number' ? d : 0);
    case 'stringArray':
    case 'stringSlice':
      return `[${(Array.isArray(d) ? d : []).join(',')}]`;
    default:
      return `'${typeof d === 'string' ? d : ''}'`;
  }
}

export function flagsHelp(flags: readonly FlagSpec[]): string {
  return [...flags]
    .filter((f) => !f.hidden)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => {
      const names = f.shorthand ? `-${f.shorthand}, --${f.name}` : `--${f.name}`;
      const usage = f.usage
        .split('\n')
        .map((l) => `\t${l}`)
        .join('\n');
      return `    ${names}=${defaultText(f)}:\n${usage}\n`;
    })
    .join('\n');
}

function commandList(commands: { name: string; short: string; hidden?: boolean }[]): string {
  const visible = commands.filter((c) => !c.hidden);
  const width = Math.max(...visible.map((c) => c.name.length)) + 3;
  return visible.map((c) => `  ${c.name.padEnd(width)}${c.short}`).join('\n');
}

export function commandHelp(def: CommandDef, path: string[], program: string): string {
  const out: string[] = [];
  out.push(`${(def.long ?? def.short).trimEnd()}\n`);
  if (def.aliases?.length) out.push(`Aliases:\n${[def.name, ...def.aliases].join(', ')}\n`);
  if (def.example) out.push(`Examples:\n${def.example.trimEnd()}\n`);
  if (def.subcommands?.length) out.push(`Available Commands:\n${commandList(def.subcommands)}\n`);
  const flags = (def.flags ?? []).filter((f) => !f.hidden);
  if (flags.length) out.push(`Options:\n${flagsHelp(flags)}`);
  const full = [program, ...path].join(' ');
  const use = def.use ?? (def.subcommands?.length ? 'SUBCOMMAND' : '');
  out.push(`Usage:\n  ${full}${use ? ` ${use}` : ''} [options]\n`);
  const tail: string[] = [];
  if (def.subcommands?.length) tail.push(`Use "${full} <command> --help" for more information about a given command.`);
  tail.push(`Use "${program} options" for a list of global command-line options (applies to all commands).`);
  out.push(tail.join('\n'));
  return `${out.join('\n')}\n`;
}

export function rootHelp(entries: readonly CommandEntry[], program: string, plugins: string[] = []): string {
  const groups: string[] = [];
  for (const e of entries) if (!e.hidden && !groups.includes(e.group)) groups.push(e.group);
  const width = Math.max(...entries.filter((e) => !e.hidden).map((e) => e.name.length)) + 3;
  const sections = groups.map((g) => {
    const lines = entries.filter((e) => e.group === g && !e.hidden).map((e) => `  ${e.name.padEnd(width)}${e.short}`);
    return `${g}:\n${lines.join('\n')}\n`;
  });
  const pluginSection = `Subcommands provided by plugins:\n${plugins.map((p) => `  ${p}`).join('\n')}${plugins.length ? '\n' : ''}`;
  const otherIndex = sections.findIndex((s) => s.startsWith('Other Commands:'));
  if (otherIndex >= 0) sections.splice(otherIndex, 0, pluginSection);
  return (
    `${program} controls Kubernetes clusters, and can run one of its own.\n\n` +
    ` Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n` +
    `${sections.join('\n')}\n` +
    `Usage:\n  ${program} [flags] [options]\n\n` +
    `Use "${program} <command> --help" for more information about a given command.\n` +
    `Use "${program} options" for a list of global command-line options (applies to all commands).\n`
  );
}
