// Go's renderings that leak into selector error texts: strconv.Quote (%q), %#v of a []string,
// field.Error's "<path>: Invalid value: <v>: <detail>", Go's string order and byte length.

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const SHORT_ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** strconv.Quote: printable runes kept (unicode.IsPrint), the rest escaped as Go does. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    let cp = ch.codePointAt(0)!;
    // A lone surrogate is what a UTF-8 decoder turns bad bytes into: U+FFFD.
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp === 0x22) out += '\\"';
    else if (cp === 0x5c) out += '\\\\';
    else if (cp === 0x20 || PRINTABLE.test(String.fromCodePoint(cp))) out += String.fromCodePoint(cp);
    else if (SHORT_ESCAPES[cp]) out += SHORT_ESCAPES[cp];
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return out + '"';
}

/** %#v of a []string: `[]string(nil)`, `[]string{}`, `[]string{"a", "b"}`. */
export function goStringSlice(values: readonly string[] | null): string {
  if (values === null) return '[]string(nil)';
  return `[]string{${values.map(goQuote).join(', ')}}`;
}

/** field.Path.String() of a nil path, as selector parsing prints key errors. */
export const NIL_PATH = '<nil>';

/** field.Invalid(path, value, detail).Error(); `value` is already rendered. */
export const invalidText = (path: string, renderedValue: string, detail: string) =>
  `${path}: Invalid value: ${renderedValue}: ${detail}`;

/** Byte-wise (UTF-8) string order, as Go's sort.Strings. */
export function goCompare(a: string, b: string): number {
  if (a === b) return 0;
  const ai = a[Symbol.iterator](), bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next(), y = bi.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const cx = x.value.codePointAt(0)!, cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/** len() of a Go string: its UTF-8 byte count. */
export const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

/** apimachinery's aggregate error text: one message as is, several as `[a, b]`. */
export function aggregateText(messages: string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}
