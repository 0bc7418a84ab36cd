// The local zone's abbreviation at an instant ("UTC", "EST", "CET"), read from the zoneinfo file
// as Go's time package does (TZ, else /etc/localtime), for time.Time.String(). The offset itself
// comes from the JS clock; this only names it.
import { readFileSync } from 'node:fs';

interface ZoneInfo {
  transitions: { at: number; type: number }[];
  types: { offset: number; abbr: string }[];
  /** The POSIX TZ rule after the last transition, e.g. "EST5EDT,M3.2.0,M11.1.0". */
  footer: string;
}

function parseTzif(buf: Buffer): ZoneInfo | undefined {
  if (buf.subarray(0, 4).toString() !== 'TZif') return undefined;
  const version = buf[4]!;
  const counts = (at: number) => [0, 1, 2, 3, 4, 5].map((i) => buf.readUInt32BE(at + 20 + i * 4)) as [number, number, number, number, number, number];
  let at = 0;
  let [isut, isstd, leap, time, type, char] = counts(0);
  let timeSize = 4;
  if (version >= 0x32) {
    // skip the v1 block to the 64-bit one
    at = 44 + time * 4 + time + type * 6 + char + leap * 8 + isstd + isut;
    [isut, isstd, leap, time, type, char] = counts(at);
    timeSize = 8;
  }
  let p = at + 44;
  const times: number[] = [];
  for (let i = 0; i < time; i++, p += timeSize) times.push(timeSize === 8 ? Number(buf.readBigInt64BE(p)) : buf.readInt32BE(p));
  const indexes = [...buf.subarray(p, p + time)];
  p += time;
  const raw: { offset: number; abbrIndex: number }[] = [];
  for (let i = 0; i < type; i++, p += 6) raw.push({ offset: buf.readInt32BE(p), abbrIndex: buf[p + 5]! });
  const chars = buf.subarray(p, p + char);
  p += char + leap * (timeSize + 4) + isstd + isut;
  const abbr = (i: number) => chars.subarray(i, chars.indexOf(0, i) < 0 ? chars.length : chars.indexOf(0, i)).toString();
  const footer = version >= 0x32 ? buf.subarray(p).toString().trim() : '';
  return {
    transitions: times.map((t, i) => ({ at: t, type: indexes[i]! })),
    types: raw.map((r) => ({ offset: r.offset, abbr: abbr(r.abbrIndex) })),
    footer,
  };
}

/** Names and offsets (seconds east) in a POSIX TZ rule: "EST5EDT" → EST -18000, EDT -14400. */
function footerNames(rule: string): { offset: number; abbr: string }[] {
  const m = /^(<[^>]+>|[A-Za-z]+)([+-]?\d+(?::\d+)?)(<[^>]+>|[A-Za-z]+)?([+-]?\d+(?::\d+)?)?/.exec(rule);
  if (!m) return [];
  const seconds = (s: string) => {
    const [h, min] = s.replace(/^[+-]/, '').split(':').map(Number) as [number, number | undefined];
    return (s.startsWith('-') ? 1 : -1) * (h * 3600 + (min ?? 0) * 60);
  };
  const name = (s: string) => s.replace(/^<|>$/g, '');
  const std = { offset: seconds(m[2]!), abbr: name(m[1]!) };
  if (!m[3]) return [std];
  return [std, { offset: m[4] ? seconds(m[4]) : std.offset + 3600, abbr: name(m[3]) }];
}

function loadZone(env: NodeJS.ProcessEnv): ZoneInfo | undefined {
  let tz = env.TZ;
  let path: string;
  if (tz === undefined) path = '/etc/localtime';
  else {
    if (tz.startsWith(':')) tz = tz.slice(1);
    if (tz === '' || tz === 'UTC') return undefined;
    path = tz.startsWith('/') ? tz : `${env.ZONEINFO ?? '/usr/share/zoneinfo'}/${tz}`;
  }
  try {
    return parseTzif(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** The abbreviation Go prints for the local zone at `ms` with offset `offsetSeconds` east of UTC. */
export function zoneAbbreviation(ms: number, offsetSeconds: number, env: NodeJS.ProcessEnv = process.env): string {
  const zone = loadZone(env);
  const numeric = () => {
    const a = Math.abs(offsetSeconds);
    const hh = String(Math.trunc(a / 3600)).padStart(2, '0');
    const mm = Math.trunc((a % 3600) / 60);
    return `${offsetSeconds < 0 ? '-' : '+'}${hh}${mm ? String(mm).padStart(2, '0') : ''}`;
  };
  if (!zone) return offsetSeconds === 0 ? 'UTC' : numeric();
  const t = Math.floor(ms / 1000);
  const last = [...zone.transitions].reverse().find((x) => x.at <= t);
  const current = last ? zone.types[last.type] : zone.types[0];
  const beyond = !last || last === zone.transitions[zone.transitions.length - 1];
  if (current && current.offset === offsetSeconds && !(beyond && zone.footer)) return current.abbr;
  const named = footerNames(zone.footer).find((n) => n.offset === offsetSeconds) ?? zone.types.find((x) => x.offset === offsetSeconds);
  return named?.abbr ?? numeric();
}
