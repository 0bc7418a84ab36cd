// -o custom-columns=HEADER:path,... and -o custom-columns-file=FILE (kubectl get's
// CustomColumnsPrinter): a column per relaxed JSONPath, `<none>` when nothing matches, several
// matches joined by commas, aligned by the tabwriter. Headers print again only when the kind of
// thing printed (object, list, watch event) changes.
import { customColumnCell, relaxedJsonPathExpression } from '../api/jsonpath/kubectl.ts';
import { parseJsonPath } from '../api/jsonpath/jsonpath.ts';
import type { JsonPath } from '../api/jsonpath/jsonpath.ts';
import { PrinterError, WatchEvent, isList, toJsonValue } from './objects.ts';
import type { ResourcePrinter, Writer } from './objects.ts';
import { TabWriter } from './tabwriter.ts';

export interface Column {
  header: string;
  /** The JSONPath, already relaxed to `{.a.b}` form. */
  fieldSpec: string;
}

const NO_COLUMNS = 'custom-columns format specified but no custom columns given';
const FILE_FORMAT = 'Expected format is one line of space separated headers, one line of space separated column specs.';

function relaxed(path: string): string {
  try {
    return relaxedJsonPathExpression(path);
  } catch (e) {
    throw new PrinterError((e as Error).message);
  }
}

/** NewCustomColumnsPrinterFromSpec's parsing of `H1:path1,H2:path2`. */
export function parseCustomColumnsSpec(spec: string): Column[] {
  if (spec === '') throw new PrinterError(NO_COLUMNS);
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new PrinterError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), fieldSpec: relaxed(part.slice(colon + 1)) };
  });
}

// bufio.ScanWords splits on Unicode white space
const words = (line: string) => line.split(/[\s\u0085\u00a0]+/u).filter((w) => w !== '');

/** NewCustomColumnsPrinterFromTemplate: a header line and a spec line, whitespace separated. */
export function parseCustomColumnsTemplate(text: string): Column[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  // the scanner yields no final empty line
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length < 1) throw new PrinterError(`invalid template, missing header line. ${FILE_FORMAT}`);
  if (lines.length < 2) throw new PrinterError(`invalid template, missing spec line. ${FILE_FORMAT}`);
  const headers = words(lines[0]!);
  const specs = words(lines[1]!);
  if (headers.length !== specs.length) {
    throw new PrinterError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxed(specs[i]!) }));
}

type Shape = 'object' | 'list' | 'event';

export class CustomColumnsPrinter implements ResourcePrinter {
  private lastShape: Shape | undefined;

  constructor(
    readonly columns: Column[],
    readonly noHeaders = false,
  ) {}

  printObj(obj: unknown, w: Writer): void {
    const own = !(w instanceof TabWriter);
    const out = w instanceof TabWriter ? w : new TabWriter(w);
    try {
      const shape: Shape = obj instanceof WatchEvent ? 'event' : isList(obj) ? 'list' : 'object';
      if (!this.noHeaders && shape !== this.lastShape) {
        out.write(`${this.columns.map((c) => c.header).join('\t')}\n`);
        this.lastShape = shape;
      }
      let parsers: JsonPath[];
      try {
        parsers = this.columns.map((c) => parseJsonPath(c.fieldSpec));
      } catch (e) {
        throw new PrinterError((e as Error).message);
      }
      const items = isList(obj) ? obj.items : [obj];
      for (const item of items) {
        const data = toJsonValue(item);
        let cells: string[];
        try {
          cells = parsers.map((p) => customColumnCell(p, data));
        } catch (e) {
          throw new PrinterError((e as Error).message);
        }
        out.write(`${cells.join('\t')}\n`);
      }
    } finally {
      if (own) out.flush();
    }
  }
}
