// The names a completion script is built from.
export interface ScriptNames {
  /** The command the script registers for and runs: "ktl" or "kubectl". */
  program: string;
  /** The same made safe for function names: `__start_${fn}`, `_${fn}`. */
  fn: string;
  /** The prefix of the environment variables the script reads: `${env}_COMPLETION_DESCRIPTIONS`. */
  env: string;
}

export function scriptNames(program: string): ScriptNames {
  const fn = program.replace(/[^A-Za-z0-9_]/g, '_');
  return { program, fn, env: fn.toUpperCase() };
}
