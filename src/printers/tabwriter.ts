// Go's text/tabwriter as kubectl uses it (cli-runtime's fork, github.com/liggitt/tabwriter, adds
// RememberWidths). Text is cut into cells at '\t' (hard) and '\v' (soft); '\n' and '\f' end lines.
// Tab-terminated cells of adjacent lines form a column padded to its widest cell plus `padding`
// (at least `minWidth`); the last cell of a line belongs to no column and is never padded, so an
// empty last column still pads the cell before it. Widths are counted in code points (Go counts
// runes). A line holding a single cell, or a '\f', flushes what is buffered.

/** Where output goes: the CLI's streams and test buffers both fit. */
export interface Writer {
  write(chunk: string): unknown;
}

export interface TabWriterOptions {
  minWidth: number;
  tabWidth: number;
  padding: number;
  /** One character; '\t' pads with tabs (widths then round up to multiples of tabWidth). */
  padChar: string;
  /** Column widths survive flush() and only grow (kubectl's watch output relies on it). */
  rememberWidths?: boolean;
}

/** cli-runtime's GetNewTabWriter: what every kubectl table is printed through. */
export const KUBECTL_TABWRITER: TabWriterOptions = { minWidth: 6, tabWidth: 4, padding: 3, padChar: ' ', rememberWidths: true };
/** kubectl's tabbedString (rollout history, describe): plain text/tabwriter, no remembered widths. */
export const HISTORY_TABWRITER: TabWriterOptions = { minWidth: 0, tabWidth: 8, padding: 2, padChar: ' ' };

interface Cell {
  text: string;
  width: number;
  /** Terminated by '\t' rather than '\v'. */
  htab: boolean;
}

const runeCount = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // a surrogate pair is one rune
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
};

export class TabWriter implements Writer {
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private maxWidths: number[] = [];
  private outBuf = '';

  constructor(
    private readonly out: Writer,
    private readonly opts: TabWriterOptions = KUBECTL_TABWRITER,
  ) {}

  write(chunk: string): void {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cell += chunk.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        // a one-cell line cannot affect any column below it: everything so far can go out
        if (ch === '\f' || ncells === 1) this.flush();
      }
    }
    this.cell += chunk.slice(start);
  }

  /** Writes out everything buffered; an unterminated last line goes out without a newline. */
  flush(): void {
    if (this.cell.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.cell = '';
    this.widths = [];
    if (this.outBuf) {
      const text = this.outBuf;
      this.outBuf = '';
      this.out.write(text);
    }
  }

  /** A copy of the remembered per-column widths (RememberWidths only). */
  rememberedWidths(): number[] {
    return [...this.maxWidths];
  }

  /** Replaces the remembered widths; kubectl get clears them when the resource type changes. */
  setRememberedWidths(widths: readonly number[] | null): this {
    this.maxWidths = widths ? [...widths] : [];
    return this;
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.cell, width: runeCount(this.cell), htab });
    this.cell = '';
    return line.length;
  }

  // Elastic tabstops: find the next column block, fix its width, recurse for the columns right of it.
  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= this.lines[current]!.length - 1) continue;
      this.writeLines(line0, current);
      line0 = current;
      let width = this.opts.minWidth;
      for (; current < line1; current++) {
        const line = this.lines[current]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column]!.width + this.opts.padding);
      }
      if (this.opts.rememberWidths) {
        if (this.maxWidths.length < this.widths.length) this.maxWidths.push(...this.widths.slice(this.maxWidths.length));
        if (this.maxWidths.length === this.widths.length) this.maxWidths.push(width);
        else if (this.maxWidths[column]! > width) width = this.maxWidths[column]!;
        else this.maxWidths[column] = width;
      }
      this.widths.push(width);
      this.format(line0, current);
      this.widths.pop();
      // the line that ended the block has no cell in this column: skipping it is safe
      line0 = current;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      line.forEach((c, j) => {
        this.outBuf += c.text;
        if (j < this.widths.length) this.pad(c.width, this.widths[j]!);
      });
      // the last buffered line is the incomplete one: its pending text, no newline
      this.outBuf += i + 1 === this.lines.length ? this.cell : '\n';
    }
  }

  private pad(textWidth: number, cellWidth: number): void {
    const { padChar, tabWidth } = this.opts;
    if (padChar === '\t') {
      if (tabWidth === 0) return;
      const rounded = Math.ceil(cellWidth / tabWidth) * tabWidth;
      this.outBuf += '\t'.repeat(Math.ceil((rounded - textWidth) / tabWidth));
      return;
    }
    this.outBuf += padChar.repeat(cellWidth - textWidth);
  }
}
