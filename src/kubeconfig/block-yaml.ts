// A fast reader for the plain block YAML that kubectl and ktl write into kubeconfig files, so
// that every command does not pay for loading and running the full YAML parser (about a quarter of
// a `get`'s start-up). It understands indented mappings, `- ` sequences, plain and simply quoted
// scalars and `{}`/`[]`; on anything else it answers undefined and the caller uses the full parser,
// which also owns every error message. Plain scalars are typed by go-yaml v2's rules.
import { resolvePlain } from '../printers/yaml-scalar.ts';

type Value = unknown;
interface Line {
  indent: number;
  text: string;
}

/** Bails out of the fast path. */
class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

const KEY = /^([A-Za-z0-9_][A-Za-z0-9_.\-/]*):(?: (.*))?$/;
// A plain scalar this reader is sure about: no indicator first, no ": " or " #" inside.
const PLAIN = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=\S))(?:[^:#]|:(?! |$)|(?<! )#)*$/;

export function readBlockYaml(text: string): Value | undefined {
  if (text.includes('\t') || text.includes('\r')) return undefined;
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    const body = raw.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    if (raw.endsWith(' ') || body.startsWith('---') || body.startsWith('...') || body.startsWith('%')) return undefined;
    lines.push({ indent: raw.length - body.length, text: body });
  }
  if (lines.length === 0) return undefined;
  try {
    const state = { i: 0 };
    const value = block(lines, state, 0);
    return state.i === lines.length ? value : undefined;
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}

/** The block node whose first line is lines[state.i], at exactly `indent`. */
function block(lines: Line[], state: { i: number }, indent: number): Value {
  const first = lines[state.i]!;
  if (first.indent !== indent) unsupported();
  return first.text === '-' || first.text.startsWith('- ') ? sequence(lines, state, indent) : mapping(lines, state, indent);
}

function mapping(lines: Line[], state: { i: number }, indent: number, firstText?: string): Record<string, Value> {
  const out: Record<string, Value> = {};
  let text = firstText;
  for (;;) {
    if (text === undefined) {
      const line = lines[state.i];
      if (!line || line.indent < indent) return out;
      if (line.indent > indent) unsupported();
      text = line.text;
    }
    const m = KEY.exec(text) ?? unsupported();
    const key = m[1]!;
    if (resolvePlain(key).tag !== 'str' || Object.hasOwn(out, key)) unsupported();
    state.i++;
    out[key] = m[2] === undefined ? nested(lines, state, indent, true) : scalar(m[2]);
    text = undefined;
  }
}

function sequence(lines: Line[], state: { i: number }, indent: number): Value[] {
  const out: Value[] = [];
  for (;;) {
    const line = lines[state.i];
    if (!line || line.indent < indent) return out;
    if (line.indent > indent) unsupported();
    // At the same indent a key ends a sequence written at its parent key's column.
    if (!(line.text === '-' || line.text.startsWith('- '))) return out;
    const rest = line.text.slice(2);
    if (rest === '') {
      state.i++;
      out.push(nested(lines, state, indent, false));
    } else if (KEY.test(rest)) {
      // "- key: value" opens a mapping whose further keys sit two columns in.
      out.push(mapping(lines, state, indent + 2, rest));
    } else {
      state.i++;
      out.push(scalar(rest));
    }
  }
}

/** The value after "key:" or a bare "-": a block on the following lines, or null. */
function nested(lines: Line[], state: { i: number }, indent: number, inMapping: boolean): Value {
  const next = lines[state.i];
  if (!next || next.indent < indent) return null;
  if (next.indent > indent) return block(lines, state, next.indent);
  // A sequence may sit at its key's own indent (go-yaml writes it so); a sibling key means null.
  if (inMapping && (next.text === '-' || next.text.startsWith('- '))) return sequence(lines, state, indent);
  return null;
}

function scalar(text: string): Value {
  if (text === '{}') return {};
  if (text === '[]') return [];
  if (text.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'$/.exec(text) ?? unsupported();
    return m[1]!.replace(/''/g, "'");
  }
  if (text.startsWith('"')) {
    const m = /^"([^"\\]*)"$/.exec(text) ?? unsupported();
    return m[1]!;
  }
  if (!PLAIN.test(text)) unsupported();
  return resolvePlain(text).value;
}
