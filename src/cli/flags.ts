// Flags with spf13/pflag's semantics, which kubectl users type by habit: `--name=value`,
// `--name value`, `-n value`, `-nvalue`, `-n=value`, bundled booleans (`-it`), `--bool=false`,
// flags anywhere among the arguments, `--` ending them, and pflag's error texts.
import { CliError } from './errors.ts';

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration';

export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  /** Value when the flag is absent; also shown as the default in help. */
  default?: boolean | string | number | string[];
  /** Value of a bare `--flag` that otherwise needs one (pflag NoOptDefVal), e.g. --dry-run → "client". */
  noOptDefVal?: string;
  usage: string;
  hidden?: boolean;
  /** A deprecated flag still works and prints "Flag --x has been deprecated, <message>". */
  deprecated?: string;
}

export type FlagValue = boolean | string | number | string[];

export interface ParsedFlags {
  /** Values by flag name, defaults filled in. */
  values: Map<string, FlagValue>;
  /** Names of the flags the user set. */
  changed: Set<string>;
}

export interface ParseResult extends ParsedFlags {
  args: string[];
  /** How many positional args came before `--` (-1 when there was none), as cobra's ArgsLenAtDash. */
  argsLenAtDash: number;
  /** Deprecation notices to print. */
  warnings: string[];
}

/** strconv.ParseBool. */
export function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false;
  return undefined;
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** time.ParseDuration, in milliseconds. */
export function parseDuration(v: string): number | undefined {
  if (v === '0') return 0;
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(v);
  if (!m) return undefined;
  let total = 0;
  for (const part of v.replace(/^[-+]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(part[1]) * DURATION_UNITS[part[2]!]!;
  return m[1] === '-' ? -total : total;
}

/** The flag as pflag names it in errors: "-o, --output" or "--output". */
function flagLabel(f: FlagSpec): string {
  return f.shorthand ? `-${f.shorthand}, --${f.name}` : `--${f.name}`;
}

function defaultOf(f: FlagSpec): FlagValue {
  if (f.default !== undefined) return Array.isArray(f.default) ? [...f.default] : f.default;
  switch (f.type) {
    case 'bool':
      return false;
    case 'int':
      return 0;
    case 'duration':
      return 0;
    case 'stringArray':
    case 'stringSlice':
      return [];
    default:
      return '';
  }
}

/** Splits a stringSlice value as pflag does (CSV: commas, with double quotes). */
function splitCsv(v: string): string[] {
  if (v === '') return [];
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '"') {
      if (quoted && v[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export class FlagSet {
  readonly #byName = new Map<string, FlagSpec>();
  readonly #byShort = new Map<string, FlagSpec>();

  constructor(readonly specs: readonly FlagSpec[]) {
    for (const f of specs) {
      // A command's own flag replaces a global of the same name, shorthand included (cobra keeps the
      // local flag and the global's shorthand no longer parses).
      const shadowed = this.#byName.get(f.name);
      if (shadowed?.shorthand && this.#byShort.get(shadowed.shorthand) === shadowed) this.#byShort.delete(shadowed.shorthand);
      this.#byName.set(f.name, f);
      if (f.shorthand) this.#byShort.set(f.shorthand, f);
    }
  }

  lookup(name: string): FlagSpec | undefined {
    return this.#byName.get(name);
  }

  lookupShort(c: string): FlagSpec | undefined {
    return this.#byShort.get(c);
  }

  /** Whether `--name` (or `-c`) needs the next argument as its value (cobra's stripFlags). */
  takesValue(token: string): boolean {
    if (token.includes('=')) return false;
    const f = token.startsWith('--') ? this.lookup(token.slice(2)) : token.length === 2 ? this.lookupShort(token[1]!) : undefined;
    return !!f && f.type !== 'bool' && f.noOptDefVal === undefined;
  }

  parse(tokens: readonly string[]): ParseResult {
    const values = new Map<string, FlagValue>();
    const changed = new Set<string>();
    const warnings: string[] = [];
    for (const f of this.specs) values.set(f.name, defaultOf(f));
    const args: string[] = [];
    let argsLenAtDash = -1;

    const set = (f: FlagSpec, raw: string) => {
      const invalid = (why: string) => new CliError(`invalid argument ${JSON.stringify(raw)} for ${JSON.stringify(flagLabel(f))} flag: ${why}`);
      let value: FlagValue;
      switch (f.type) {
        case 'bool': {
          const b = parseBool(raw);
          if (b === undefined) throw invalid(`strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`);
          value = b;
          break;
        }
        case 'int': {
          if (!/^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|\d+)$/.test(raw.replace(/_/g, '')))
            throw invalid(`strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
          value = Number(raw.replace(/_/g, ''));
          break;
        }
        case 'duration': {
          const d = parseDuration(raw);
          if (d === undefined) throw invalid(`time: invalid duration ${JSON.stringify(raw)}`);
          value = d;
          break;
        }
        case 'stringArray': {
          const prev = changed.has(f.name) ? (values.get(f.name) as string[]) : [];
          value = [...prev, raw];
          break;
        }
        case 'stringSlice': {
          const prev = changed.has(f.name) ? (values.get(f.name) as string[]) : [];
          value = [...prev, ...splitCsv(raw)];
          break;
        }
        default:
          value = raw;
      }
      values.set(f.name, value);
      changed.add(f.name);
      if (f.deprecated) warnings.push(`Flag --${f.name} has been deprecated, ${f.deprecated}`);
    };

    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token === '--') {
        argsLenAtDash = args.length;
        args.push(...tokens.slice(i + 1));
        break;
      }
      if (token.startsWith('--') && token.length > 2) {
        const eq = token.indexOf('=');
        const name = eq < 0 ? token.slice(2) : token.slice(2, eq);
        const f = this.lookup(name);
        if (!f) throw new CliError(`unknown flag: --${name}`);
        if (eq >= 0) set(f, token.slice(eq + 1));
        else if (f.type === 'bool') set(f, 'true');
        else if (f.noOptDefVal !== undefined) set(f, f.noOptDefVal);
        else if (i + 1 < tokens.length) set(f, tokens[++i]!);
        else throw new CliError(`flag needs an argument: --${name}`);
        continue;
      }
      if (token.startsWith('-') && token.length > 1) {
        const shorthands = token.slice(1);
        for (let j = 0; j < shorthands.length; j++) {
          const c = shorthands[j]!;
          const f = this.lookupShort(c);
          if (!f) throw new CliError(`unknown shorthand flag: '${c}' in ${token}`);
          const rest = shorthands.slice(j + 1);
          // pflag: `-o=x` is x, but a bare `-o=` is the value "=".
          if (rest.startsWith('=') && rest.length > 1) {
            set(f, rest.slice(1));
            break;
          }
          if (f.type === 'bool') {
            set(f, 'true');
            continue;
          }
          if (f.noOptDefVal !== undefined) {
            set(f, f.noOptDefVal);
            continue;
          }
          if (rest.length > 0) {
            set(f, rest);
            break;
          }
          if (i + 1 < tokens.length) {
            set(f, tokens[++i]!);
            break;
          }
          throw new CliError(`flag needs an argument: '${c}' in -${c}`);
        }
        continue;
      }
      args.push(token);
    }
    return { values, changed, args, argsLenAtDash, warnings };
  }
}

/** Typed reads of parsed flags. */
export class Flags {
  constructor(readonly parsed: ParsedFlags) {}
  bool(name: string): boolean {
    return this.parsed.values.get(name) === true;
  }
  string(name: string): string {
    const v = this.parsed.values.get(name);
    return typeof v === 'string' ? v : '';
  }
  int(name: string): number {
    const v = this.parsed.values.get(name);
    return typeof v === 'number' ? v : 0;
  }
  strings(name: string): string[] {
    const v = this.parsed.values.get(name);
    return Array.isArray(v) ? v : [];
  }
  /** Milliseconds. */
  duration(name: string): number {
    return this.int(name);
  }
  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }
}

/** Spec builders, so command modules read like their flag tables. */
export const flag = {
  bool: (name: string, usage: string, opts: Partial<FlagSpec> = {}): FlagSpec => ({ name, type: 'bool', usage, ...opts }),
  string: (name: string, usage: string, opts: Partial<FlagSpec> = {}): FlagSpec => ({ name, type: 'string', usage, ...opts }),
  int: (name: string, usage: string, opts: Partial<FlagSpec> = {}): FlagSpec => ({ name, type: 'int', usage, ...opts }),
  duration: (name: string, usage: string, opts: Partial<FlagSpec> = {}): FlagSpec => ({ name, type: 'duration', usage, ...opts }),
  stringArray: (name: string, usage: string, opts: Partial<FlagSpec> = {}): FlagSpec => ({ name, type: 'stringArray', usage, ...opts }),
  stringSlice: (name: string, usage: string, opts: Partial<FlagSpec> = {}): FlagSpec => ({ name, type: 'stringSlice', usage, ...opts }),
};
