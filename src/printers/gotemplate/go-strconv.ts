// The strconv functions the template parser relies on: Unquote / UnquoteChar for string and
// character literals, ParseInt / ParseUint with base 0 and ParseFloat, with Go's literal syntax
// (0x/0o/0b prefixes, leading-0 octal, `_` digit separators).

export const SYNTAX = 'invalid syntax';

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/** One (possibly escaped) character of a quoted literal: its code and whether it is a raw byte. */
export function unquoteChar(s: string, quote: string): { value: number; byte: boolean; tail: string } | undefined {
  const c = s[0]!;
  if (c === quote && (quote === "'" || quote === '"')) return undefined;
  if (c !== '\\') {
    const cp = s.codePointAt(0)!;
    const ch = String.fromCodePoint(cp);
    return { value: cp, byte: false, tail: s.slice(ch.length) };
  }
  if (s.length <= 1) return undefined;
  const e = s[1]!;
  let rest = s.slice(2);
  if (e in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[e]!, byte: false, tail: rest };
  switch (e) {
    case 'x':
    case 'u':
    case 'U': {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = rest.slice(0, n);
      if (hex.length < n || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      const v = parseInt(hex, 16);
      rest = rest.slice(n);
      if (e === 'x') return { value: v, byte: true, tail: rest };
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
      return { value: v, byte: false, tail: rest };
    }
    case "'":
    case '"':
      return e === quote ? { value: e.charCodeAt(0), byte: false, tail: rest } : undefined;
  }
  if (e >= '0' && e <= '7') {
    const oct = e + rest.slice(0, 2);
    if (!/^[0-7]{3}$/.test(oct)) return undefined;
    const v = parseInt(oct, 8);
    if (v > 255) return undefined;
    return { value: v, byte: true, tail: rest.slice(2) };
  }
  return undefined;
}

/** strconv.Unquote; undefined for invalid syntax. */
export function unquote(s: string): string | undefined {
  const n = s.length;
  if (n < 2) return undefined;
  const quote = s[0]!;
  if (quote !== s[n - 1]) return undefined;
  let body = s.slice(1, n - 1);
  if (quote === '`') {
    if (body.includes('`')) return undefined;
    return body.replaceAll('\r', '');
  }
  if (quote !== '"' && quote !== "'") return undefined;
  if (body.includes('\n')) return undefined;
  const bytes: number[] = [];
  let chars = 0;
  while (body.length > 0) {
    const r = unquoteChar(body, quote);
    if (!r) return undefined;
    body = r.tail;
    chars++;
    if (r.byte || r.value < 0x80) bytes.push(r.value);
    else bytes.push(...Buffer.from(String.fromCodePoint(r.value)));
    if (quote === "'" && body.length !== 0) return undefined;
  }
  if (quote === "'" && chars !== 1) return undefined;
  return Buffer.from(bytes).toString('utf8');
}

/** Go's rule for `_` in number literals: only between digits (or after a base prefix). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'boxBOX'.includes(s[1]!)) {
    i = 2;
    saw = '0';
    hex = 'xX'.includes(s[1]!);
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseUint(s, 0, 64); undefined on syntax or range errors. */
export function parseUint(s: string): bigint | undefined {
  if (s === '') return undefined;
  const s0 = s;
  let base = 10;
  if (s[0] === '0') {
    const p = s[1]?.toLowerCase();
    if (s.length >= 3 && (p === 'b' || p === 'o' || p === 'x')) {
      base = p === 'b' ? 2 : p === 'o' ? 8 : 16;
      s = s.slice(2);
    } else {
      base = 8;
      s = s.slice(1);
    }
  }
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    n = n * BigInt(base) + BigInt(d);
    if (n >= 1n << 64n) return undefined;
  }
  if (underscores && !underscoreOK(s0)) return undefined;
  return n;
}

/** strconv.ParseInt(s, 0, 64). */
export function parseInt64(s: string): bigint | undefined {
  if (s === '') return undefined;
  let neg = false;
  let body = s;
  if (s[0] === '+') body = s.slice(1);
  else if (s[0] === '-') {
    neg = true;
    body = s.slice(1);
  }
  const un = parseUint(body);
  if (un === undefined) return undefined;
  if (!neg && un >= 1n << 63n) return undefined;
  if (neg && un > 1n << 63n) return undefined;
  return neg ? -un : un;
}

/** strconv.ParseFloat(s, 64); undefined on syntax errors and overflow. */
export function parseFloat64(s: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s[0] === '-' ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(s)) return NaN;
  if (s.includes('_') && !underscoreOK(s)) return undefined;
  const t = s.replaceAll('_', '');
  let v: number;
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(t);
  if (hex) {
    const [, sign, int = '', frac = '', exp] = hex;
    if (int === '' && frac === '') return undefined;
    v = parseInt(int + frac || '0', 16) * 2 ** (Number(exp) - 4 * frac.length);
    if (sign === '-') v = -v;
  } else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) v = Number(t);
  else return undefined;
  return Number.isFinite(v) ? v : undefined;
}
