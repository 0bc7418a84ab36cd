// What a command is: cobra's shape (name, aliases, help texts, flags, subcommands, run), declared
// by each command module and loaded only when invoked.
import type { FlagSpec } from './flags.ts';
import type { Flags } from './flags.ts';
import type { Ctx } from './ctx.ts';

export interface Invocation {
  args: string[];
  flags: Flags;
  /** Positional args before `--` (-1 without `--`), for `exec POD -- cmd`. */
  argsLenAtDash: number;
  /** The command words as typed, e.g. ["create", "secret", "generic"]. */
  path: string[];
}

/** What `__complete` answers for a position (cobra's ValidArgsFunction result). */
export interface Completions {
  candidates: string[];
  /** cobra ShellCompDirective bits (4 = NoFileComp). */
  directive: number;
}

export interface CommandDef {
  name: string;
  aliases?: string[];
  /** One line, for lists of commands. */
  short: string;
  /** Paragraphs for `--help`. */
  long?: string;
  /** Example lines for `--help`. */
  example?: string;
  /** Usage after the command path, e.g. "[(-o|--output=)json|yaml] NAME [flags]". */
  use?: string;
  flags?: FlagSpec[];
  subcommands?: CommandDef[];
  hidden?: boolean;
  run?(ctx: Ctx, inv: Invocation): Promise<void>;
  /** Completion of positional arguments. */
  complete?(ctx: Ctx, inv: Invocation, toComplete: string): Promise<Completions>;
  /** Completion of a flag's value (flag name without dashes). */
  completeFlag?: Record<string, (ctx: Ctx, inv: Invocation, toComplete: string) => Promise<Completions>>;
}

/** An entry of the top-level command table: metadata now, the module when invoked. */
export interface CommandEntry {
  name: string;
  aliases?: string[];
  group: string;
  short: string;
  hidden?: boolean;
  load(): Promise<{ command: CommandDef }>;
}
