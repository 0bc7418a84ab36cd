// How kubectl's YAML writer (go-yaml v2 behind sigs.k8s.io/yaml) sees scalars: which strings would read
// back as something other than a string if printed bare (so they must be quoted), and how numbers print.

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

// Go's strconv.ParseInt(s, 0, 64) syntax: optional sign, 0x/0o/0b prefixes, a leading 0 means octal.
const GO_INT = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
// strconv.ParseFloat on text starting with '.', underscores allowed only between digits.
const DOT_FLOAT = /^\.\d+(_\d+)*([eE][+-]?\d+(_\d+)*)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(Z|[+-]\d\d:\d\d)?)?$/;

function goIntValue(text: string): bigint {
  const neg = text.startsWith('-');
  const body = text.replace(/^[+-]/, '');
  let v: bigint;
  if (/^0[oO]/.test(body)) v = BigInt('0o' + body.slice(2));
  else if (/^0[0-7]+$/.test(body)) v = BigInt('0o' + body.slice(1));
  else v = BigInt(body);  // decimal, 0x, 0b
  return neg ? -v : v;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The timestamp layouts go-yaml tries with Go's time.Parse, including its range checks. */
export function isYamlTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  const [, year, month, day, sep, hour, min, sec, zone] = m;
  const mo = Number(month);
  if (mo < 1 || mo > 12) return false;
  const d = Number(day);
  if (d < 1 || d > daysIn(mo, Number(year))) return false;
  if (sep === undefined) return true;
  // 'T'/'t' layouts need a zone, the space layout has none.
  if ((sep === ' ') !== (zone === undefined)) return false;
  if (Number(hour) > 23 || Number(min) > 59 || Number(sec) > 59) return false;
  if (zone && zone !== 'Z' && (Number(zone.slice(1, 3)) > 24 || Number(zone.slice(4, 6)) > 60)) return false;
  return true;
}

export type PlainTag = 'str' | 'bool' | 'null' | 'int' | 'float' | 'timestamp';

const WORD_VALUES: Record<string, [PlainTag, unknown]> = {};
for (const w of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) WORD_VALUES[w] = ['bool', true];
for (const w of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) WORD_VALUES[w] = ['bool', false];
for (const w of ['', '~', 'null', 'Null', 'NULL']) WORD_VALUES[w] = ['null', null];
for (const w of ['.nan', '.NaN', '.NAN']) WORD_VALUES[w] = ['float', NaN];
for (const w of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) WORD_VALUES[w] = ['float', Infinity];
for (const w of ['-.inf', '-.Inf', '-.INF']) WORD_VALUES[w] = ['float', -Infinity];

/**
 * What go-yaml v2 makes of an untagged plain scalar (resolve.go): its tag and value. Timestamps
 * keep their text, as go-yaml does when decoding into interface{}.
 */
export function resolvePlain(s: string): { tag: PlainTag; value: unknown } {
  const first = s.charAt(0);
  const str = { tag: 'str' as const, value: s };
  // Only these first characters make go-yaml look further (its resolve table hints).
  if (s !== '' && !/^[-+0-9yYnNtTfFoO~.]/.test(first)) return str;
  const word = Object.hasOwn(WORD_VALUES, s) ? WORD_VALUES[s] : undefined;
  if (word) return { tag: word[0], value: word[1] };
  if (first === '.') {
    const v = Number(s.replace(/_/g, ''));
    return DOT_FLOAT.test(s) && Number.isFinite(v) ? { tag: 'float', value: v } : str;
  }
  if (!/^[-+0-9]/.test(first)) return str;
  if (isYamlTimestamp(s)) return { tag: 'timestamp', value: s };
  const plain = s.replace(/_/g, '');
  const int = GO_INT.exec(plain);
  if (int) {
    const v = goIntValue(plain);
    // int64, or uint64 (ParseUint takes no sign)
    if ((v >= INT64_MIN && v <= INT64_MAX) || (!int[1] && v <= UINT64_MAX)) return { tag: 'int', value: Number(v) };
  }
  if (YAML_FLOAT.test(plain) && Number.isFinite(Number(plain))) return { tag: 'float', value: Number(plain) };
  // "0b" followed by a signed binary number parses too.
  const bin = /^0b([+-][01]+)$/.exec(plain);
  if (bin) {
    const magnitude = BigInt('0b' + bin[1]!.slice(1));
    const v = bin[1]!.startsWith('-') ? -magnitude : magnitude;
    if (v >= INT64_MIN && v <= INT64_MAX) return { tag: 'int', value: Number(v) };
  }
  return str;
}

/**
 * Whether go-yaml would read `s`, printed as a plain scalar, as something other than a string
 * (bool, null, int, float, timestamp) or as a YAML 1.1 base-60 number; such strings get quoted.
 */
export function needsQuotes(s: string): boolean {
  return resolvePlain(s).tag !== 'str' || (/^[-+0-9]/.test(s) && s.includes(':') && BASE60_FLOAT.test(s));
}

/**
 * A JSON number as kubectl prints it in YAML: integers (that fit int64/uint64) in decimal, anything
 * else as Go's strconv.FormatFloat(f, 'g', -1, 64) (shortest digits, exponent form from 1e+06 up
 * and below 1e-04).
 */
export function formatYamlNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    // Go sees the JSON text: shortest digits, zero-padded (2**63 is 9223372036854776000); that
    // reads back as an int or uint64 if it fits, else as a float.
    const text = String(n);
    const v = BigInt(text);
    if (v >= INT64_MIN && v <= UINT64_MAX) return text;
  }
  const [mantissa, expText] = n.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(n);  // JS and Go agree on plain decimal notation in this range
}
