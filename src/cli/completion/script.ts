// The shell scripts `completion SHELL` prints.
import { bashScript } from './scripts/bash.ts';
import { fishScript } from './scripts/fish.ts';
import { scriptNames } from './scripts/names.ts';
import { powershellScript } from './scripts/powershell.ts';
import { zshScript } from './scripts/zsh.ts';

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

const GENERATORS = { bash: bashScript, zsh: zshScript, fish: fishScript, powershell: powershellScript } satisfies Record<Shell, unknown>;

export const isShell = (s: string): s is Shell => (SHELLS as readonly string[]).includes(s);

/** The script for `shell` that completes `program` (the name ktl runs under). */
export function completionScript(shell: Shell, program: string): string {
  return GENERATORS[shell](scriptNames(program));
}

/** The file names the generated scripts are committed under (completions/). */
export const SCRIPT_FILES: Record<Shell, string> = { bash: 'ktl.bash', zsh: 'ktl.zsh', fish: 'ktl.fish', powershell: 'ktl.ps1' };
