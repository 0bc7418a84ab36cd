// kubectl writes some warnings through klog: `W1122 09:52:07.780738    5758 helpers.go:702] text`.
// ktl prints the same shape (with its own process id) so that scripts grepping them still match.
export function klogLine(severity: 'I' | 'W' | 'E', location: string, message: string, now = new Date()): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const micros = pad(now.getMilliseconds(), 3) + '000';
  const time = `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}.${micros}`;
  return `${severity}${date} ${time} ${String(process.pid).padStart(7)} ${location}] ${message}\n`;
}
