// Flag groups many kubectl commands share (print flags, filename flags, selectors, dry-run,
// validation), declared once so that every command spells and reads them alike.
import { CliError } from './errors.ts';
import { klogLine } from './klog.ts';
import { flag, type Flags, type FlagSpec } from './flags.ts';

/** -o/--output, --template, --allow-missing-template-keys, --show-managed-fields ([P]). */
export function printFlags(outputUsage: string): FlagSpec[] {
  return [
    flag.string('output', outputUsage, { shorthand: 'o' }),
    flag.string('template', 'Go template (text or file) for -o go-template and go-template-file; see https://pkg.go.dev/text/template'),
    flag.bool('allow-missing-template-keys', 'Print nothing, rather than fail, where a go-template or jsonpath names a missing field or key', { default: true }),
    flag.bool('show-managed-fields', 'Include metadata.managedFields in json and yaml output'),
  ];
}

/** -f/--filename, -k/--kustomize, -R/--recursive ([F]). */
export function filenameFlags(purpose: string): FlagSpec[] {
  return [
    flag.stringSlice('filename', `Manifest file, directory or URL ${purpose}`, { shorthand: 'f' }),
    flag.string('kustomize', `Kustomization directory to build and use (not with -f or -R)`, { shorthand: 'k' }),
    flag.bool('recursive', 'Descend into subdirectories of the directories given with -f', { shorthand: 'R' }),
  ];
}

export interface FilenameOptions {
  filenames: string[];
  recursive: boolean;
}

export function filenameOptions(flags: Flags): FilenameOptions {
  if (flags.string('kustomize')) throw new CliError('kustomize (-k) is not supported by ktl yet: build the manifests with `kustomize build DIR` and pass them with -f -');
  return { filenames: flags.strings('filename'), recursive: flags.bool('recursive') };
}

export const selectorFlag = (usage = "Label query to filter by, e.g. -l 'app=web,tier!=db,env in (prod,stage)'; an object must satisfy every term"): FlagSpec =>
  flag.string('selector', usage, { shorthand: 'l' });

export const fieldSelectorFlag = (): FlagSpec =>
  flag.string('field-selector', "Field query to filter by with =, == or !=, e.g. status.phase=Running (each kind supports only some fields)");

export const allNamespacesFlag = (): FlagSpec =>
  flag.bool('all-namespaces', 'Work across every namespace, ignoring the current and any --namespace', { shorthand: 'A' });

/** --dry-run=none|client|server; a bare --dry-run means client, with kubectl's deprecation warning. */
export const dryRunFlag = (): FlagSpec =>
  flag.string('dry-run', 'none, client (print what would be sent, send nothing) or server (let the server check the request without saving)', {
    default: 'none',
    noOptDefVal: 'unchanged',
  });

export type DryRun = 'none' | 'client' | 'server';

export function dryRunOf(flags: Flags, warn: (s: string) => void): DryRun {
  const v = flags.string('dry-run');
  if (v === 'unchanged') {
    warn(klogLine('W', 'helpers.go:702', '--dry-run is deprecated and can be replaced with --dry-run=client.'));
    return 'client';
  }
  if (v === '' || v === 'none' || v === 'false') return 'none';
  if (v === 'client' || v === 'true') return 'client';
  if (v === 'server') return 'server';
  throw new CliError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** --validate=strict|warn|ignore|true|false (default strict), as the fieldValidation query value. */
export const validateFlag = (): FlagSpec =>
  flag.string('validate', 'strict (or true): reject unknown or duplicate fields; warn: report them; ignore (or false): drop them silently', {
    default: 'strict',
    noOptDefVal: 'strict',
  });

export function fieldValidationOf(flags: Flags): 'Strict' | 'Warn' | 'Ignore' {
  const v = flags.string('validate').toLowerCase();
  if (v === 'strict' || v === 'true') return 'Strict';
  if (v === 'warn') return 'Warn';
  if (v === 'ignore' || v === 'false') return 'Ignore';
  throw new CliError(`invalid - validate option "${flags.string('validate')}"; must be one of: strict (or true), warn, ignore (or false)`);
}
