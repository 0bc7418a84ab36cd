// Go's renderings that leak into selector error texts: strconv.Quote (%q), %#v of a []string,
// field.Error's "<path>: Invalid value: <v>: <detail>", Go's string order and byte length.
// Quoting and string order are the JSONPath module's, shared.
import { goQuote } from '../jsonpath/go-format.ts';

export { goQuote };

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
export { compareGoStrings as goCompare } from '../jsonpath/go-values.ts';

/** len() of a Go string: its UTF-8 byte count. */
export const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

/** apimachinery's aggregate error text: one message as is, several as `[a, b]`. */
export function aggregateText(messages: string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}
