// ktl's printers: kubectl's output formats, pure (no client, no flags). Start at printerFor.
//   const printer = await printerFor(output, { mode: 'get', template, noHeaders, ... });
//   printer.printObj(objOrListOrTable, io.out);   // throws PrinterError with kubectl's text
// The heavier parts load on their own, so that a table does not pay for them at start-up: the
// sorter (./sort.ts), custom columns, JSONPath and go-template printers (chosen by printerFor).
export * from './objects.ts';
export * from './select.ts';
export { TabWriter, KUBECTL_TABWRITER, HISTORY_TABWRITER } from './tabwriter.ts';
export type { TabWriterOptions } from './tabwriter.ts';
export { TablePrinter, labelHeader, escapeTerminal } from './table.ts';
export type { TablePrintOptions } from './table.ts';
export { NamePrinter, formatName } from './name.ts';
export { JsonPrinter, YamlPrinter, OmitManagedFieldsPrinter } from './json-yaml-printers.ts';
export { GetTableOutput } from './get-output.ts';
export type { GetTableOptions, ResourceMapping } from './get-output.ts';
