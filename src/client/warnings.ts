// Server warnings (`Warning: 299 - "text"` response headers) printed the way kubectl's warning
// writer does: code 299 only, `Warning: <text>` on stderr (yellow on a terminal), each text once,
// counted for --warnings-as-errors.
import type { Writer } from '../cli/io.ts';

export interface WarningHeader {
  code: number;
  agent: string;
  text: string;
}

/** RFC 7234 warnings of one or more Warning header values; malformed values end their parse. */
export function parseWarningHeaders(values: string | string[] | undefined): WarningHeader[] {
  const out: WarningHeader[] = [];
  for (const value of values === undefined ? [] : Array.isArray(values) ? values : [values]) {
    let rest = value;
    while (rest.length) {
      const parsed = parseOne(rest);
      if (!parsed) break;
      out.push(parsed.warning);
      rest = parsed.rest;
    }
  }
  return out;
}

function parseOne(header: string): { warning: WarningHeader; rest: string } | undefined {
  const h = header.trim();
  const first = h.indexOf(' ');
  const second = first < 0 ? -1 : h.indexOf(' ', first + 1);
  if (second < 0) return undefined;
  const code = h.slice(0, first);
  const agent = h.slice(first + 1, second);
  let rest = h.slice(second + 1);
  if (!/^\d{3}$/.test(code) || !agent || /\p{Cc}/u.test(agent) || !rest.startsWith('"')) return undefined;
  let text = '';
  let escaping = false;
  let closed = false;
  let i = 1;
  for (; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '"' && !escaping) {
      closed = true;
      break;
    }
    if (c === '\\' && !escaping) {
      escaping = true;
      continue;
    }
    text += c;
    escaping = false;
  }
  if (!closed || /\p{Cc}/u.test(text)) return undefined;
  rest = rest.slice(i + 1).trim();
  if (rest.startsWith('"')) {
    const end = rest.indexOf('"', 1);
    if (end < 0) return undefined;
    rest = rest.slice(end + 1).trim();
  }
  if (rest) {
    if (!rest.startsWith(',')) return undefined;
    rest = rest.slice(1).trim();
  }
  return { warning: { code: Number(code), agent, text }, rest };
}

export class WarningWriter {
  private readonly written = new Set<string>();
  private count = 0;

  constructor(
    private readonly out: Writer,
    private readonly color = false,
  ) {}

  handle(headers: string | string[] | undefined): void {
    for (const w of parseWarningHeaders(headers)) {
      if (w.code !== 299 || !w.text || this.written.has(w.text)) continue;
      this.written.add(w.text);
      this.count++;
      this.out.write(this.color ? `\u001b[33;1mWarning:\u001b[0m ${w.text}\n` : `Warning: ${w.text}\n`);
    }
  }

  /** How many warnings were printed (for --warnings-as-errors). */
  get warningCount(): number {
    return this.count;
  }
}

/** kubectl's --warnings-as-errors verdict after a successful command, or undefined when there is none. */
export function warningsAsErrorsMessage(count: number): string | undefined {
  if (count === 0) return undefined;
  return count === 1 ? '1 warning received' : `${count} warnings received`;
}
