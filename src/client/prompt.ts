// kubectl's last resort for an https server when nothing identifies the user: it asks for a
// username (one word read from stdin) and a password (only from a terminal, without echo), with
// the prompts on stdout (clientcmd PromptingAuthLoader).
import type { Io } from '../cli/io.ts';
import type { CredentialPrompt } from './config.ts';

type Input = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(raw: boolean): unknown; read?(size?: number): unknown; unshift?(chunk: Buffer | string): void };

/** Reads chunks until `take` finds what it wants; the rest goes back to the stream. */
function readUntil(input: Input, take: (text: string, ended: boolean) => { value: string; used: number } | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const cleanup = () => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('error', onError);
      input.pause();
    };
    const settle = (ended: boolean) => {
      const found = take(text, ended);
      if (!found) {
        if (ended) {
          cleanup();
          reject(new Error('EOF'));
        }
        return;
      }
      cleanup();
      const rest = text.slice(found.used);
      if (rest && input.unshift) input.unshift(Buffer.from(rest));
      resolve(found.value);
    };
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      settle(false);
    };
    const onEnd = () => settle(true);
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onError);
    input.resume();
  });
}

/** fmt.Fscan of one string: leading white space skipped, the word ends at white space or EOF. */
function word(text: string, ended: boolean): { value: string; used: number } | undefined {
  const m = /^\s*(\S+)(\s|$)/.exec(text);
  if (!m) return undefined;
  if (!m[2] && !ended) return undefined;
  return { value: m[1]!, used: m[0].length - m[2]!.length };
}

function line(text: string): { value: string; used: number } | undefined {
  const nl = text.search(/[\r\n]/);
  return nl < 0 ? undefined : { value: text.slice(0, nl), used: nl + 1 };
}

export function stdinPrompt(io: Io): CredentialPrompt {
  const input = io.in as Input | undefined;
  return {
    async ask(field, echo) {
      io.out.write(`Please enter ${field}: `);
      if (echo) {
        if (!input) throw new Error('EOF');
        return readUntil(input, word);
      }
      if (!input?.isTTY || !input.setRawMode) throw new Error(`error reading input for ${field}`);
      input.setRawMode(true);
      try {
        return await readUntil(input, (t) => line(t));
      } finally {
        input.setRawMode(false);
        io.out.write('\n');
      }
    },
  };
}
