// kubectl's -o yaml, byte for byte. kubectl marshals to JSON and re-emits it with go-yaml v2
// (sigs.k8s.io/yaml), whose libyaml-derived emitter decides indentation, quoting, block scalars and
// line folding from a small cursor state (column, indent, "just wrote whitespace/indentation").
// This emitter keeps the same state so that the same decisions fall out; values are JSON-shaped.
import { sortYamlKeys } from './yaml-key-order.ts';
import { formatYamlNumber, needsQuotes } from './yaml-scalar.ts';

const BEST_INDENT = 2;
const BEST_WIDTH = 80;
const MAX_SIMPLE_KEY_BYTES = 128;

type Style = 'plain' | 'single' | 'double' | 'literal';

interface Analysis {
  multiline: boolean;
  plainAllowed: boolean;
  singleAllowed: boolean;
  blockAllowed: boolean;
}

const isSpace = (c: number | undefined) => c === 0x20;
const isBlank = (c: number | undefined) => c === 0x20 || c === 0x09;
const isBreak = (c: number | undefined) => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlankz = (c: number | undefined) => isBlank(c) || isBreak(c) || c === 0;
// libyaml's printable set, minus everything outside the BMP (go-yaml escapes those).
const isPrintable = (c: number) =>
  c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);

// Names, images, label values: the common case, printed plain without looking closer.
const SIMPLE_WORD = /^[A-Za-z0-9_/][A-Za-z0-9_./=+-]*$/;
// Short printable ASCII text that analysis would let through as plain: no indicator first, no
// `: `, ` #`, trailing space or colon (commands, messages). Still subject to fitsOnLine.
const PLAIN_TEXT = /^(?!\.\.\.)[A-Za-z0-9_/.(<=+$^~;][\x20-\x7e]*$/;
const PLAIN_TEXT_TRAPS = /: | #|[ :]$/;

/** Whether a key can be written `key: value`: one line and at most 128 bytes of UTF-8. */
function isSimpleKey(key: string): boolean {
  if (key.length <= MAX_SIMPLE_KEY_BYTES && /^[\x20-\x7e]*$/.test(key)) return true;
  if (/[\n\r\u0085\u2028\u2029]/.test(key)) return false;
  return Buffer.byteLength(key, 'utf8') <= MAX_SIMPLE_KEY_BYTES;
}

/** Which styles can hold this text (libyaml's analyze_scalar, block context only). */
function analyze(cps: number[]): Analysis {
  if (cps.length === 0) return { multiline: false, plainAllowed: true, singleAllowed: true, blockAllowed: false };
  let indicators = false, lineBreaks = false, special = false;
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
  let breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
  let precededByWhitespace = true;
  const [c0, c1, c2] = cps;
  if (cps.length >= 3 && ((c0 === 0x2d && c1 === 0x2d && c2 === 0x2d) || (c0 === 0x2e && c1 === 0x2e && c2 === 0x2e))) {
    indicators = true;  // "---" / "..." would read as document markers
  }
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    const followedByWhitespace = i + 1 >= cps.length || isBlank(cps[i + 1]);
    const ch = String.fromCharCode(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch) && c < 0x80) indicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) indicators = true;
    } else if (ch === ':' && followedByWhitespace) indicators = true;
    else if (ch === '#' && precededByWhitespace) indicators = true;
    if (!isPrintable(c)) special = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }
  const a: Analysis = { multiline: lineBreaks, plainAllowed: true, singleAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || indicators) a.plainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) a.plainAllowed = a.singleAllowed = false;
  if (spaceBreak || special) a.plainAllowed = a.singleAllowed = a.blockAllowed = false;
  return a;
}

/** The cursor state go-yaml's emitter keeps, plus its output. */
class Emitter {
  out = '';
  column = 0;
  indent = -1;
  private indents: number[] = [];
  whitespace = true;  // the last thing written was whitespace (or nothing)
  indention = true;  // only indentation (and '-'/'?'/':' indicators) on this line so far
  mappingContext = false;
  simpleKeyContext = false;

  put(s: string): void {
    this.out += s;
    this.column++;
  }

  putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  writeBreak(c: number): void {
    if (c === 0x0a) this.putBreak();
    else {
      this.out += String.fromCodePoint(c);  // other line breaks are copied as they are
      this.column = 0;
    }
  }

  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) {
      this.out += ' '.repeat(indent - this.column);
      this.column = indent;
    }
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.out += indicator;
    this.column += indicator.length;  // indicators are ASCII
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  // ---- nodes ----

  node(value: unknown, mapping: boolean, simpleKey: boolean): void {
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      value = (value as { toJSON(): unknown }).toJSON();  // as JSON.stringify would (Dates, …)
    }
    switch (typeof value) {
      case 'string':
        return this.string(roundTrip(value));
      case 'number':
        return this.plainWord(Number.isFinite(value) ? formatYamlNumber(value) : 'null');  // JSON has no NaN/Infinity
      case 'boolean':
      case 'bigint':
        return this.plainWord(String(value));
      case 'object':
        if (value === null) return this.plainWord('null');
        return Array.isArray(value) ? this.sequence(value) : this.mapping(value as Record<string, unknown>);
      default:
        return this.plainWord('null');  // undefined, functions: null, as in JSON arrays
    }
  }

  /** A plain scalar known to need no analysis: no spaces, breaks or indicators. */
  plainWord(text: string): void {
    if (!this.whitespace) this.put(' ');
    this.out += text;
    this.column += text.length;
    this.whitespace = false;
    this.indention = false;
  }

  /** The style go-yaml's encoder asks for; the emitter may still fall back to a quoted one. */
  string(s: string): void {
    const quote = needsQuotes(s);
    if (!quote && (SIMPLE_WORD.test(s) || (PLAIN_TEXT.test(s) && !PLAIN_TEXT_TRAPS.test(s) && this.fitsOnLine(s)))) {
      return this.plainWord(s);
    }
    this.scalar(s, s.includes('\n') ? 'literal' : quote ? 'double' : 'plain');
  }

  /** Whether plain text starting here ends before any space of it could pass the folding column. */
  fitsOnLine(s: string): boolean {
    return this.column + (this.whitespace ? 0 : 1) + s.length <= BEST_WIDTH + 1;
  }

  sequence(items: unknown[]): void {
    if (items.length === 0) return this.emptyFlow('[', ']');
    // A list directly under a mapping key is not indented (`key:\n- a`).
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(typeof item === 'function' ? null : item, false, false);
    }
    this.popIndent();
  }

  mapping(obj: Record<string, unknown>): void {
    // JSON drops undefined and function members.
    const keys = sortYamlKeys(Object.keys(obj).filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function'));
    if (keys.length === 0) return this.emptyFlow('{', '}');
    this.increaseIndent(false, false);
    for (const rawKey of keys) {
      this.writeIndent();
      const key = roundTrip(rawKey);
      if (isSimpleKey(key)) {
        this.node(key, true, true);
        this.writeIndicator(':', false, false, false);
      } else {
        // Too long or multi-line for an implicit key: `? key` then `: value` on its own line.
        this.writeIndicator('?', true, false, true);
        this.node(key, true, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(obj[rawKey], true, false);
    }
    this.popIndent();
  }

  emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  scalar(text: string, requested: Style): void {
    const cps = Array.from(text, (c) => c.codePointAt(0)!);
    const a = analyze(cps);
    let style = requested;
    if (this.simpleKeyContext && a.multiline) style = 'double';
    if (style === 'plain' && (!a.plainAllowed || (cps.length === 0 && this.simpleKeyContext))) style = 'single';
    if (style === 'single' && !a.singleAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || this.simpleKeyContext)) style = 'double';
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    if (style === 'plain') this.plain(cps, allowBreaks);
    else if (style === 'single') this.singleQuoted(cps, allowBreaks);
    else if (style === 'double') this.doubleQuoted(cps, allowBreaks);
    else this.literal(cps);
    this.popIndent();
  }

  plain(cps: number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i]!;
      if (isSpace(c)) {
        // Fold at the first single space once past the width: the word that crossed it stays.
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(cps[i + 1])) this.writeIndent();
        else this.put(' ');
        spaces = true;
      } else {
        this.put(String.fromCodePoint(c));
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  singleQuoted(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false, breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i]!;
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1 && !isSpace(cps[i + 1])) {
          this.writeIndent();
        } else this.put(' ');
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.put(String.fromCodePoint(c));
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  doubleQuoted(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    // go-yaml's BOM test looks at the start of the text whatever the position, so text that starts
    // with U+FEFF comes out escaped character by character.
    const escapeAll = cps[0] === 0xfeff;
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i]!;
      if (escapeAll || !isPrintable(c) || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\');
        for (const ch of escape(c)) this.put(ch);
        spaces = false;
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1) {
          this.writeIndent();
          // A space right after the fold would be eaten by the reader; escape it.
          if (isSpace(cps[i + 1])) this.put('\\');
        } else this.put(' ');
        spaces = true;
      } else {
        this.put(String.fromCodePoint(c));
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  literal(cps: number[]): void {
    this.writeIndicator('|', true, false, false);
    // An indentation indicator when the text starts with a space or break, then the chomping one.
    if (isSpace(cps[0]) || isBreak(cps[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const last = cps.length - 1;
    let chomp = '';
    if (!isBreak(cps[last])) chomp = '-';
    else if (last === 0 || isBreak(cps[last - 1])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cps) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        breaks = false;
        this.put(String.fromCodePoint(c));
        this.indention = false;
      }
    }
  }
}

const SHORT_ESCAPES = new Map<number, string>([
  [0x00, '0'], [0x07, 'a'], [0x08, 'b'], [0x09, 't'], [0x0a, 'n'], [0x0b, 'v'], [0x0c, 'f'], [0x0d, 'r'],
  [0x1b, 'e'], [0x22, '"'], [0x5c, '\\'], [0x85, 'N'], [0xa0, '_'], [0x2028, 'L'], [0x2029, 'P'],
]);

function escape(c: number): string {
  const short = SHORT_ESCAPES.get(c);
  if (short) return short;
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return 'x' + hex.padStart(2, '0');
  if (c <= 0xffff) return 'u' + hex.padStart(4, '0');
  return 'U' + hex.padStart(8, '0');
}

/**
 * What survives kubectl's JSON-to-YAML round trip: lone UTF-16 surrogates come back as U+FFFD, and a
 * raw NEL (which Go's JSON leaves unescaped) is a line break to the YAML reader, so it folds like one
 * in a quoted scalar: with the spaces around it, one NEL becomes a space, n of them n-1 newlines.
 */
function roundTrip(s: string): string {
  if (!/[\uD800-\uDFFF\u0085]/.test(s)) return s;
  return s
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/ *\u0085[ \u0085]*/g, (run) => {
      const breaks = run.split('\u0085').length - 1;
      return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
    });
}

/**
 * One YAML document (no `---`) for a JSON-shaped value, exactly as `kubectl get -o yaml` prints it:
 * keys in go-yaml's order, strings quoted only where needed, multi-line text as `|` blocks, long
 * text folded after column 80. Ends with a newline.
 */
export function toYaml(value: unknown): string {
  const e = new Emitter();
  e.node(value, false, false);
  // Document end: finish the last line.
  e.indent = -1;
  e.writeIndent();
  return e.out;
}
