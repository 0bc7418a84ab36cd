// Writes the shell completion scripts for `ktl` into completions/ (shipped with the package, so
// that packagers can install them without running ktl). Run: node --import tsx scripts/gen-completions.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { completionScript, SCRIPT_FILES, SHELLS } from '../src/cli/completion/script.ts';

const dir = join(import.meta.dirname, '..', 'completions');
mkdirSync(dir, { recursive: true });
for (const shell of SHELLS) {
  writeFileSync(join(dir, SCRIPT_FILES[shell]), completionScript(shell, 'ktl'));
  console.log(`completions/${SCRIPT_FILES[shell]}`);
}
