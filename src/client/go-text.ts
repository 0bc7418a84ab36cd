// Texts the way Go prints them, for messages that must read exactly like kubectl's: %q quoting,
// time.Duration parsing and printing, url.Values encoding, JSON with Go's HTML escaping, and the
// os/syscall error strings behind `open X: no such file or directory`.
import { goQuote } from '../api/jsonpath/go-format.ts';

export { goQuote };

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** time.ParseDuration, in milliseconds (fractions kept); undefined when Go would reject it. */
export function parseGoDuration(text: string): number | undefined {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (!s) return undefined;
  let total = 0;
  while (s) {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (!m[1] && !m[2]) return undefined;  // Go: a number is required before every unit
    if (m[0] === '.') return undefined;
    s = s.slice(m[0].length);
    const unit = /^[^\d.]+/.exec(s)?.[0];
    if (!unit || UNITS[unit] === undefined) return undefined;
    s = s.slice(unit.length);
    total += Number(`${m[1] || '0'}.${m[2] || '0'}`) * UNITS[unit]!;
  }
  return sign * total;
}

/** time.Duration.String for a whole number of milliseconds or more: 32s, 1m0s, 1h0m0s, 1.5s, 500ms. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let ns = BigInt(Math.round(Math.abs(ms) * 1e6));
  const sign = neg ? '-' : '';
  if (ns < 1_000_000_000n) {
    // Below one second Go picks the largest unit that keeps an integer part.
    const [unit, div] = ns < 1000n ? ['ns', 1n] : ns < 1_000_000n ? ['µs', 1000n] : ['ms', 1_000_000n];
    return sign + fraction(ns, div as bigint) + unit;
  }
  const h = ns / 3_600_000_000_000n;
  ns -= h * 3_600_000_000_000n;
  const m = ns / 60_000_000_000n;
  ns -= m * 60_000_000_000n;
  const secs = fraction(ns, 1_000_000_000n) + 's';
  if (h > 0n) return `${sign}${h}h${m}m${secs}`;
  if (m > 0n) return `${sign}${m}m${secs}`;
  return sign + secs;
}

function fraction(value: bigint, unit: bigint): string {
  const whole = value / unit;
  const rest = value % unit;
  if (rest === 0n) return String(whole);
  const digits = String(unit).length - 1;
  return `${whole}.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}

/** url.QueryEscape: unreserved characters kept, space as '+', everything else %XX (upper case). */
export function queryEscape(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** url.Values.Encode: keys sorted, values in order. */
export function encodeQuery(params: Map<string, string[]>): string {
  return [...params.keys()]
    .sort()
    .flatMap((k) => params.get(k)!.map((v) => `${queryEscape(k)}=${queryEscape(v)}`))
    .join('&');
}

/** encoding/json output: JSON.stringify plus Go's escaping of <, >, & and the line separators. */
export function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by peer',
  EHOSTUNREACH: 'no route to host',
  ENETUNREACH: 'network is unreachable',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'broken pipe',
  EADDRNOTAVAIL: 'cannot assign requested address',
  ENOEXEC: 'exec format error',
};

/** syscall.Errno's text for a Node error code. */
export function errnoText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  return (code && ERRNO_TEXT[code]) || (err instanceof Error ? err.message : String(err));
}

/** *fs.PathError: `open /x: no such file or directory`. */
export function pathErrorText(op: string, path: string, err: unknown): string {
  return `${op} ${path}: ${errnoText(err)}`;
}

/** net/url's Error op: the method with only its first letter upper case ("Get", "Post"). */
export function urlErrorOp(method: string): string {
  return method.slice(0, 1).toUpperCase() + method.slice(1).toLowerCase();
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several deduplicated in brackets. */
export function aggregateText(messages: string[]): string {
  if (messages.length === 1) return messages[0]!;
  const seen = [...new Set(messages)];
  return seen.length === 1 ? seen[0]! : `[${seen.join(', ')}]`;
}
