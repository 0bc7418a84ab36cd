// Server-side Table conversion (Accept: application/json;as=Table;g=meta.k8s.io): the public face of
// src/server/tables. Each built-in kind's printer lives in kinds/.
export { buildTable, createTableRegistry, partialObjectMetadata, tableColumns, tableEntry, toTable } from './table.ts';
export type { TableRegistry } from './table.ts';
export { defaultTable } from './builtin.ts';
export type { Cell, IncludeObject, Table, TableColumnDefinition, TableEntry, TableOptions, TableRow, TableRowCondition } from './types.ts';
