// Ages and durations as kubectl and the server's tables print them (k8s.io/apimachinery
// pkg/util/duration, and printers.go translateTimestampSince). All pure: the caller passes `now`.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's int(d / unit): truncation toward zero. */
const units = (ms: number, unit: number) => Math.trunc(ms / unit);

/** HumanDuration: two or three significant figures ("45s", "5m30s", "3h20m", "2d3h", "2y10d"). */
export function humanDuration(ms: number): string {
  // a clock up to a second ahead of ours still counts as "now"
  const seconds = units(ms, SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 2 * 60) return `${seconds}s`;
  const minutes = units(ms, MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 3 * 60) return `${minutes}m`;
  const hours = units(ms, HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const d = days % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${years}y`;
}

/** ShortHumanDuration: one unit only ("45s", "5m", "3h", "12d", "2y"). */
export function shortHumanDuration(ms: number): string {
  const seconds = units(ms, SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = units(ms, MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = units(ms, HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(ms / HOUR / 24 / 365)}y`;
}

/** Go's zero time.Time, which metav1.Time treats as unset. */
export const ZERO_TIME = Date.parse('0001-01-01T00:00:00Z');

/**
 * A metav1.Time / MicroTime as epoch milliseconds, keeping the microseconds as a fraction;
 * undefined when unset (absent, null, zero time) or unreadable.
 */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms === ZERO_TIME) return undefined;
  // Date.parse stops at milliseconds; MicroTime carries three more digits
  const frac = /\.(\d+)/.exec(value)?.[1];
  return frac && frac.length > 3 ? ms + Number(`0.${frac.slice(3)}`) : ms;
}

/** translateTimestampSince: HumanDuration(now - t), `<unknown>` when t is unset. */
export function since(timestamp: unknown, now: Date): string {
  const t = parseTime(timestamp);
  return t === undefined ? '<unknown>' : humanDuration(now.getTime() - t);
}
