// cobra's ShellCompDirective bits: the `:<n>` line that ends every `__complete` answer and tells the
// shell script what to do with the candidates.
import type { Completions } from '../command.ts';

export const Directive = {
  Default: 0,
  Error: 1,
  NoSpace: 2,
  NoFileComp: 4,
  FilterFileExt: 8,
  FilterDirs: 16,
  KeepOrder: 32,
} as const;

const NAMES: [number, string][] = [
  [Directive.Error, 'ShellCompDirectiveError'],
  [Directive.NoSpace, 'ShellCompDirectiveNoSpace'],
  [Directive.NoFileComp, 'ShellCompDirectiveNoFileComp'],
  [Directive.FilterFileExt, 'ShellCompDirectiveFilterFileExt'],
  [Directive.FilterDirs, 'ShellCompDirectiveFilterDirs'],
  [Directive.KeepOrder, 'ShellCompDirectiveKeepOrder'],
];

/** The directive as cobra names it on stderr: "ShellCompDirectiveNoSpace, ShellCompDirectiveNoFileComp". */
export function directiveNames(d: number): string {
  if (d >= 64 || d < 0) return `ERROR: unexpected ShellCompDirective value: ${d}`;
  const names = NAMES.filter(([bit]) => d & bit).map(([, name]) => name);
  return names.length ? names.join(', ') : 'ShellCompDirectiveDefault';
}

/** Candidates that must not be followed by file names (the usual answer). */
export function noFiles(candidates: string[] = []): Completions {
  return { candidates, directive: Directive.NoFileComp };
}
