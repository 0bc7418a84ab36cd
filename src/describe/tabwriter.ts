// Go's text/tabwriter as describe sets it up (tabbedString: minwidth 0, tabwidth 8, padding 2,
// padded with spaces, no flags). Unlike the printers' fork, widths do not survive a flush: a
// column is aligned over a run of consecutive lines that all have a cell in it, and a line
// without any tab ends every run.

export interface TabwriterOptions {
  minWidth: number;
  padding: number;
}

export const DESCRIBE_TABWRITER: TabwriterOptions = { minWidth: 0, padding: 2 };

interface Cell {
  text: string;
  /** Width in runes, as utf8.RuneCount. */
  width: number;
}

const runeCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Aligns tab-separated text. The last cell of each line is not part of any column. */
export function tabwrite(text: string, opts: TabwriterOptions = DESCRIBE_TABWRITER): string {
  let out = '';
  // '\f' forces a flush like a tab-less line; '\v' ends a cell like '\t'.
  for (const section of text.split('\f')) out += formatSection(section, opts) + '\n';
  return out.slice(0, -1);
}

function formatSection(text: string, opts: TabwriterOptions): string {
  const lines: Cell[][] = text.split('\n').map((line) => line.split(/[\t\v]/).map((t) => ({ text: t, width: runeCount(t) })));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      let s = '';
      const line = lines[i]!;
      line.forEach((c, j) => {
        s += c.text;
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j]! - c.width));
      });
      out.push(s);
    }
  };

  // tabwriter's format(): a column block is a run of lines that have a cell in that column.
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i]!.length - 1) continue;
      writeLines(line0, i);
      line0 = i;
      let width = opts.minWidth;
      for (; i < line1; i++) {
        const line = lines[i]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column]!.width + opts.padding);
      }
      widths.push(width);
      format(line0, i);
      widths.pop();
      line0 = i;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}
