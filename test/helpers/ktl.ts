// Runs ktl in this process with captured streams (fast; for tests of one command's behaviour).
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.ts';

export interface KtlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function ktl(args: string[], env: NodeJS.ProcessEnv = {}, input = '', program = 'ktl'): Promise<KtlResult> {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough();
  stdin.end(input);
  const previous = process.exitCode;
  const code = await main(
    args,
    { out: { write: (s: string) => (stdout += s) }, err: { write: (s: string) => (stderr += s) }, in: stdin, isTTY: false },
    { PATH: process.env.PATH, ...env },
    program,
  );
  process.exitCode = previous;
  return { code, stdout, stderr };
}
