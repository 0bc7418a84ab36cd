// Data sources of `create configmap` and `create secret generic`: --from-literal=k=v,
// --from-file=[key=]path (a directory adds each regular file), --from-env-file=path (KEY=value
// lines). Errors stop at the first problem, with kubectl's texts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { CliError } from '../errors.ts';
import { isEnvVarName } from './validation.ts';

/** ParseLiteralSource. */
export function parseLiteralSource(source: string): [string, string] {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new CliError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), source.slice(eq + 1)];
}

/** Go's path.Base. */
function goBase(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return posix.basename(trimmed);
}

/** ParseFileSource: `path` (key = its base name) or `key=path`. */
export function parseFileSource(source: string): [string, string] {
  const n = source.split('=').length - 1;
  if (n === 0) return [goBase(source), source];
  if (n === 1 && source.startsWith('=')) throw new CliError(`key name for file path ${source.slice(1)} missing`);
  if (n === 1 && source.endsWith('=')) throw new CliError(`file path for key name ${source.slice(0, -1)} missing`);
  if (n > 1) throw new CliError("key names or file paths cannot contain '='");
  const [key, path] = source.split('=') as [string, string];
  return [key, path];
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
};

/** The text of Go's syscall error for a failed file operation. */
export function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return ERRNO_TEXT[code] ?? (e as Error).message;
}

function stat(path: string, cwd: string) {
  try {
    return statSync(resolve(cwd, path));
  } catch (e) {
    throw new CliError(`error reading ${path}: ${errnoText(e)}`);
  }
}

/** os.ReadFile, failing with Go's `open <path>: <reason>`. */
export function readFileBytes(path: string, cwd: string): Buffer {
  try {
    return readFileSync(resolve(cwd, path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'EISDIR' ? `read ${path}: is a directory` : `open ${path}: ${errnoText(e)}`);
  }
}

/** Visits every (key, file content) the --from-file sources name, in kubectl's order. */
export function visitFileSources(sources: readonly string[], cwd: string, add: (key: string, data: Buffer) => void): void {
  for (const source of sources) {
    const [key, path] = parseFileSource(source);
    if (stat(path, cwd).isDirectory()) {
      if (source.includes('=')) throw new CliError('cannot give a key name for a directory path');
      let entries;
      try {
        entries = readdirSync(resolve(cwd, path), { withFileTypes: true });
      } catch (e) {
        throw new CliError(`error listing files in ${path}: open ${path}: ${errnoText(e)}`);
      }
      // os.ReadDir sorts by name (bytes); only regular files count
      entries.sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
      for (const entry of entries) if (entry.isFile()) add(entry.name, readFileBytes(posix.join(path, entry.name), cwd));
    } else {
      add(key, readFileBytes(path, cwd));
    }
  }
}

const BOM = '\ufeff';

/** AddFromEnvFile: KEY=value lines; `#` comments and blank lines skipped; a bare KEY takes the environment's value. */
export function visitEnvFiles(
  sources: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  dirMessage: string,
  add: (key: string, value: string) => void,
): void {
  for (const source of sources) {
    if (stat(source, cwd).isDirectory()) throw new CliError(dirMessage);
    const bytes = readFileBytes(source, cwd);
    // bufio.ScanLines: split on \n, drop one trailing \r, no empty last line
    const lines = splitLines(bytes);
    lines.forEach((raw, i) => {
      let line: string;
      try {
        line = new TextDecoder('utf-8', { fatal: true }).decode(raw);
      } catch {
        throw new CliError(`env file ${source} contains invalid utf8 bytes at line ${i + 1}: [${[...raw].join(' ')}]`);
      }
      if (i === 0 && line.startsWith(BOM)) line = line.slice(1);
      line = line.replace(/^[\s\u0085\u00a0]+/u, '');
      if (line === '' || line.startsWith('#')) return;
      const eq = line.indexOf('=');
      const key = eq < 0 ? line : line.slice(0, eq);
      const errs = isEnvVarName(key);
      if (errs.length) throw new CliError(`${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`);
      add(key, eq < 0 ? (env[key] ?? '') : line.slice(eq + 1));
    });
  }
}

function splitLines(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    out.push(dropCR(bytes.subarray(start, i)));
    start = i + 1;
  }
  if (start < bytes.length) out.push(dropCR(bytes.subarray(start)));
  return out;
}

const dropCR = (b: Buffer) => (b.length && b[b.length - 1] === 0x0d ? b.subarray(0, b.length - 1) : b);

/** utf8.Valid. */
export function isUtf8(b: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}
