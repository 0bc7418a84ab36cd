// File-system errors in Go's words (`open F: no such file or directory`), since kubectl prints
// *os.PathError texts verbatim and ktl must print the same. Node's own texts differ
// ("ENOENT: no such file or directory, open 'F'").

// Go's syscall.Errno strings for the codes a kubeconfig read or write can meet.
const STRERROR: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'file exists',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
};

/**
 * `<op> <path>: <errno text>` for a Node fs error, naming the path as the caller gave it (Go
 * reports the name passed to os.Open, not a resolved one). `op` defaults to the failing syscall.
 */
export function goPathError(err: unknown, path: string, op?: string): string {
  const e = err as NodeJS.ErrnoException;
  const text = (e?.code && STRERROR[e.code]) ?? e?.message ?? String(err);
  return `${op ?? e?.syscall ?? 'open'} ${path}: ${text}`;
}

export function isNotExist(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
