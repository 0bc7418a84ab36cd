// The table cells that read times beyond an age (printers.go translateTimestampUntil, and RFC 3339
// columns); HumanDuration and translateTimestampSince are shared with the client (src/api/duration.ts).
import { ZERO_TIME, humanDuration, parseTime } from '../../api/duration.ts';

/** translateTimestampUntil: HumanDuration(t - now), `<unknown>` when t is unset. */
export function until(timestamp: unknown, now: Date): string {
  const t = parseTime(timestamp);
  return t === undefined ? '<unknown>' : humanDuration(t - now.getTime());
}

/** Go time.Time.UTC().Format(time.RFC3339) of a metav1.Time; the zero time when unset. */
export function rfc3339(timestamp: unknown): string {
  const t = parseTime(timestamp) ?? ZERO_TIME;
  // Go's RFC3339 layout has no fractional seconds
  return `${new Date(Math.floor(t)).toISOString().slice(0, 19)}Z`;
}
