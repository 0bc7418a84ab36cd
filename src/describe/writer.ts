// describe's PrefixWriter: text at indentation levels (two spaces each), terminal control
// characters escaped, the whole aligned by a tabwriter at the end (tabbedString).
import { tabwrite } from './tabwriter.ts';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export interface PrefixWriter {
  /** Text at an indentation level; callers format, as Go's Write(level, format, args...) does. */
  write(level: number, text: string): void;
  /** A whole line with no indentation (fmt.Sprintln of the values). */
  writeLine(...values: string[]): void;
}

/** cli-runtime's terminal escaper: ESC and CR would let object data drive the terminal. */
export const escapeTerminal = (s: string): string => s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');

class BufferWriter implements PrefixWriter {
  text = '';
  write(level: number, text: string): void {
    this.text += escapeTerminal('  '.repeat(level) + text);
  }
  writeLine(...values: string[]): void {
    this.text += escapeTerminal(values.join(' ') + '\n');
  }
}

/** A writer that adds levels before passing text on; its writeLine is indented too, as upstream's. */
export function nestedWriter(w: PrefixWriter, indent: number): PrefixWriter {
  return {
    write: (level, text) => w.write(level + indent, text),
    writeLine: (...values) => w.write(indent, values.join(' ') + '\n'),
  };
}

/** Runs a formatter against a fresh writer and aligns the result. */
export function tabbedString(fn: (w: PrefixWriter) => void): string {
  const w = new BufferWriter();
  fn(w);
  return tabwrite(w.text);
}
