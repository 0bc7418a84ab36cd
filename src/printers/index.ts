// ktl's printers: kubectl's output formats, pure (no client, no flags). Start at printerFor.
//   const printer = printerFor(output, { mode: 'get', template, noHeaders, ... });
//   printer.printObj(objOrListOrTable, io.out);   // throws PrinterError with kubectl's text
export * from './objects.ts';
export * from './select.ts';
export { TabWriter, KUBECTL_TABWRITER, HISTORY_TABWRITER } from './tabwriter.ts';
export type { TabWriterOptions } from './tabwriter.ts';
export { TablePrinter, labelHeader, escapeTerminal } from './table.ts';
export type { TablePrintOptions } from './table.ts';
export { NamePrinter, formatName } from './name.ts';
export { JsonPrinter, YamlPrinter, OmitManagedFieldsPrinter } from './json-yaml-printers.ts';
export { CustomColumnsPrinter, parseCustomColumnsSpec, parseCustomColumnsTemplate } from './custom-columns.ts';
export type { Column } from './custom-columns.ts';
export { JsonPathPrinter } from './jsonpath-printer.ts';
export { GoTemplatePrinter } from './template.ts';
export { sortObjects, sortList, sortTable, UnsortableFieldError } from './sort.ts';
export { GetTableOutput } from './get-output.ts';
export type { GetTableOptions, ResourceMapping } from './get-output.ts';
