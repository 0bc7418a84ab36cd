// Go's renderings of decoded JSON that kubectl's output depends on: fmt's %v (jsonpath text,
// custom-columns cells, `kubectl wait --for=jsonpath`), fmt's %#v and strconv.Quote (the
// jsonpath printer's debugging error) and encoding/json (nested values, jsonpath-as-json).
import { GoNumber, INVALID, kindOf, numberOf, sortedKeys } from './go-values.ts';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Go decodes an unpaired surrogate escape as U+FFFD; JS keeps it. */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\ufffd');
}

/** strconv.FormatFloat(x, 'g', -1, 64), which is also fmt's %v for float64. */
export function formatGoFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mantissa, expText] = x.toExponential().split('e') as [string, string];
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  const exp = Number(expText);
  // strconv: shortest digits switch to %e when the exponent is < -4 or >= 6 (eprec 6)
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp);
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${int}${frac ? `.${frac}` : ''}`;
}

function formatNumber(v: unknown): string {
  const n = numberOf(v);
  if (kindOf(v) === 'float') return formatGoFloat(Number(n));
  return typeof n === 'bigint' ? n.toString() : Object.is(n, -0) ? '0' : String(n);
}

/** fmt.Sprint(v) / %v of decoded JSON: maps as `map[k:v]` (sorted), slices as `[a b]`, nil as `<nil>`. */
export function formatGoValue(v: unknown): string {
  if (v === INVALID || v === undefined) return '<invalid reflect.Value>';
  switch (kindOf(v)) {
    case 'nil':
      return '<nil>';
    case 'string':
      return v as string;
    case 'bool':
      return String(v);
    case 'int':
    case 'uint':
    case 'float':
      return formatNumber(v);
    case 'slice':
      return `[${(v as unknown[]).map(formatGoValue).join(' ')}]`;
    default: {
      const m = v as Record<string, unknown>;
      return `map[${sortedKeys(m)
        .map((k) => `${k}:${formatGoValue(m[k])}`)
        .join(' ')}]`;
    }
  }
}

const IS_PRINT = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** unicode.IsPrint (close enough: Go's tables may be a Unicode version apart). */
export function isGoPrint(cp: number): boolean {
  return IS_PRINT.test(String.fromCodePoint(cp));
}

const QUOTE_ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };

/** strconv.Quote: Go's double-quoted string literal, also %q and %#v of a string. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of wellFormed(s)) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (isGoPrint(cp)) out += ch;
    else if (QUOTE_ESCAPES[cp]) out += QUOTE_ESCAPES[cp];
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** %#v of decoded JSON, as cli-runtime's jsonpath printer shows the object it was given. */
export function formatGoSyntax(v: unknown): string {
  if (v === INVALID || v === undefined) return '<invalid reflect.Value>';
  switch (kindOf(v)) {
    case 'nil':
      return 'interface {}(nil)';
    case 'string':
      return goQuote(v as string);
    case 'bool':
      return String(v);
    case 'int':
    case 'uint':
      return v instanceof GoNumber && v.goType === 'uint8' ? `0x${v.value.toString(16)}` : formatNumber(v);
    case 'float':
      return formatNumber(v);
    case 'slice':
      return `[]interface {}{${(v as unknown[]).map(formatGoSyntax).join(', ')}}`;
    default: {
      const m = v as Record<string, unknown>;
      return `map[string]interface {}{${sortedKeys(m)
        .map((k) => `${goQuote(k)}:${formatGoSyntax(m[k])}`)
        .join(', ')}}`;
    }
  }
}

const HEX = '0123456789abcdef';
const JSON_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** encoding/json's string: HTML-safe (<, >, & escaped), U+2028/2029 escaped, bad UTF-16 → U+FFFD. */
export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of wellFormed(s)) {
    const escaped = JSON_ESCAPES[ch];
    if (escaped) out += escaped;
    else if (ch < ' ' || ch === '<' || ch === '>' || ch === '&') {
      const c = ch.charCodeAt(0);
      out += `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
    } else if (ch === '\u2028' || ch === '\u2029') out += `\\u${ch.charCodeAt(0).toString(16)}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * json.Marshal (indent '' ) or json.MarshalIndent(v, "", indent). Go writes float64 like JS
 * (shortest digits, exponent below 1e-6 and from 1e21 on), so floats go through JSON.stringify.
 */
export function marshalGoJson(v: unknown, indent = ''): string {
  return encode(v, indent, '');
}

function encode(v: unknown, indent: string, prefix: string): string {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return 'null';
    case 'string':
      return goJsonString(v as string);
    case 'bool':
      return String(v);
    case 'int':
    case 'uint':
      return formatNumber(v);
    case 'float':
      return JSON.stringify(Number(numberOf(v)));
    case 'slice': {
      const a = v as unknown[];
      if (a.length === 0) return '[]';
      const inner = prefix + indent;
      const items = a.map((x) => encode(x, indent, inner));
      return indent ? `[\n${items.map((x) => inner + x).join(',\n')}\n${prefix}]` : `[${items.join(',')}]`;
    }
    default: {
      const m = v as Record<string, unknown>;
      const keys = sortedKeys(m);
      if (keys.length === 0) return '{}';
      const inner = prefix + indent;
      const items = keys.map((k) => `${goJsonString(k)}:${indent ? ' ' : ''}${encode(m[k], indent, inner)}`);
      return indent ? `{\n${items.map((x) => inner + x).join(',\n')}\n${prefix}}` : `{${items.join(',')}}`;
    }
  }
}
