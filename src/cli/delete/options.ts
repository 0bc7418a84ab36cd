// The options of `delete` read from its flags, completed and checked in kubectl's order
// (delete.go: ToOptions → Complete → Validate), so that the first problem reported is kubectl's.
// Pure: no client; warnings go to the writer given.
import { goQuote } from '../../client/go-text.ts';
import { dryRunOf, filenameOptions, type DryRun } from '../common-flags.ts';
import { CliError } from '../errors.ts';
import { parseBool, type Flags } from '../flags.ts';

export type Propagation = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  filenames: string[];
  recursive: boolean;
  labelSelector: string;
  fieldSelector: string;
  all: boolean;
  allNamespaces: boolean;
  cascade: Propagation;
  /** Seconds; negative: the server's default. 0 only with --force. */
  gracePeriod: number;
  force: boolean;
  ignoreNotFound: boolean;
  wait: boolean;
  /** Milliseconds; 0 = a week, as kubectl waits "forever". */
  timeoutMs: number;
  output: string;
  raw: string;
  interactive: boolean;
  dryRun: DryRun;
}

/** parseCascadingFlag: the three policies, or a deprecated boolean with a warning. */
export function parseCascade(value: string, warn: (line: string) => void): Propagation {
  const b = parseBool(value);
  if (b === undefined) {
    if (value === 'background') return 'Background';
    if (value === 'foreground') return 'Foreground';
    if (value === 'orphan') return 'Orphan';
    throw new CliError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
  }
  const replacement = b ? 'background' : 'orphan';
  warn(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`);
  return b ? 'Background' : 'Orphan';
}

/** ToOptions: the flags as given (only --cascade can fail here). */
export function toOptions(flags: Flags, warn: (line: string) => void): DeleteOptions {
  // -k is refused here, where kubectl would read the kustomization
  filenameOptions(flags);
  const cascade = parseCascade(flags.string('cascade'), warn);
  return {
    filenames: flags.strings('filename'),
    recursive: flags.bool('recursive'),
    labelSelector: flags.string('selector'),
    fieldSelector: flags.string('field-selector'),
    all: flags.bool('all'),
    allNamespaces: flags.bool('all-namespaces'),
    cascade,
    gracePeriod: flags.int('grace-period'),
    force: flags.bool('force'),
    ignoreNotFound: flags.bool('ignore-not-found'),
    wait: flags.bool('wait'),
    timeoutMs: flags.duration('timeout'),
    output: flags.string('output'),
    raw: flags.string('raw'),
    interactive: flags.bool('interactive'),
    dryRun: 'none',
  };
}

/** Complete's flag-only part: defaults that depend on other flags, grace period rules, dry run. */
export function complete(o: DeleteOptions, flags: Flags, warn: (line: string) => void): DeleteOptions {
  const r = { ...o };
  // selecting many objects: what is already gone is no error, unless the user said otherwise
  if ((r.all || r.labelSelector !== '' || r.fieldSelector !== '') && !flags.changed('ignore-not-found')) r.ignoreNotFound = true;
  if (flags.bool('now')) {
    if (r.gracePeriod !== -1) throw new CliError('--now and --grace-period cannot be specified together');
    r.gracePeriod = 1;
  }
  // 0 without --force would remove objects at once by accident: kubectl makes it 1
  if (r.gracePeriod === 0 && !r.force) r.gracePeriod = 1;
  if (r.force && r.gracePeriod < 0) r.gracePeriod = 0;
  r.dryRun = dryRunOf(flags, warn);
  return r;
}

/** Validate: output mode, --force with a grace period, and the --raw restrictions. */
export function validate(o: DeleteOptions, warning: (text: string) => void): void {
  if (o.output !== '' && o.output !== 'name') throw new CliError(`unexpected -o output mode: ${o.output}. We only support '-o name'`);
  if (o.all && o.labelSelector !== '') throw new CliError('cannot set --all and --selector at the same time');
  if (o.all && o.fieldSelector !== '') throw new CliError('cannot set --all and --field-selector at the same time');
  if (o.gracePeriod === 0 && o.force)
    warning('Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.');
  else if (o.gracePeriod > 0 && o.force) throw new CliError('--force and --grace-period greater than 0 cannot be specified together');
  if (o.raw === '') return;
  if (o.interactive) throw new CliError('--interactive can not be used with --raw');
  if (o.filenames.length > 1) throw new CliError('--raw can only use a single local file or stdin');
  if (o.filenames.length === 1 && /^https?:\/\//.test(o.filenames[0]!)) throw new CliError('--raw cannot read from a url');
  if (o.recursive) throw new CliError('--raw and --recursive are mutually exclusive');
  if (o.output !== '') throw new CliError('--raw and --output are mutually exclusive');
  const problem = requestUriProblem(o.raw);
  if (problem) throw new CliError(`--raw must be a valid URL path: parse ${goQuote(o.raw)}: ${problem}`);
}

/**
 * What Go's url.ParseRequestURI finds wrong with a request target (undefined: acceptable): it must
 * be a path or an absolute URL, without control characters or broken %-escapes in the path.
 */
export function requestUriProblem(raw: string): string | undefined {
  if (/[\x00-\x1f\x7f]/.test(raw)) return 'net/url: invalid control character in URL';
  if (raw === '') return 'empty url';
  if (raw === '*') return undefined;
  let scheme = '';
  let rest = raw;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+.-]/.test(c)) {
      if (i === 0) break;
      continue;
    }
    if (c === ':') {
      if (i === 0) return 'missing protocol scheme';
      scheme = raw.slice(0, i);
      rest = raw.slice(i + 1);
    }
    break;
  }
  rest = rest.endsWith('?') && rest.indexOf('?') === rest.length - 1 ? rest.slice(0, -1) : rest.split('?')[0]!;
  if (!rest.startsWith('/')) return scheme ? undefined : 'invalid URI for request';
  if (scheme && rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    rest = slash < 0 ? '' : rest.slice(slash);
  }
  return escapeProblem(rest);
}

function escapeProblem(path: string): string | undefined {
  for (let i = 0; i < path.length; i++) {
    if (path[i] !== '%') continue;
    if (!/^[0-9a-fA-F]{2}$/.test(path.slice(i + 1, i + 3))) return `invalid URL escape ${goQuote(path.slice(i, i + 3))}`;
    i += 2;
  }
  return undefined;
}

/** The request target of --raw as client-go's RequestURI uses it: path and query only. */
export function rawRequestPath(raw: string): string {
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?]*(.*)$/.exec(raw);
  const rest = m ? m[1]! : raw;
  return rest.startsWith('/') ? rest : `/${rest}`;
}
