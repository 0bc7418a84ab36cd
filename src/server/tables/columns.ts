// Building column definitions. Names, types, formats and priorities are upstream's (printers.go
// AddHandlers); the descriptions are our own short ones (kubectl does not print them).
import type { TableColumnDefinition } from './types.ts';

interface ColumnOptions {
  /** 1 for -o wide columns. */
  priority?: number;
  format?: string;
}

export function column(name: string, type: string, description: string, opts: ColumnOptions = {}): TableColumnDefinition {
  return { name, type, format: opts.format ?? '', description, priority: opts.priority ?? 0 };
}

/** A string column; most printers declare every column a string, whatever its cells hold. */
export const text = (name: string, description: string, opts?: ColumnOptions) => column(name, 'string', description, opts);
export const integer = (name: string, description: string, opts?: ColumnOptions) => column(name, 'integer', description, opts);
export const boolean = (name: string, description: string, opts?: ColumnOptions) => column(name, 'boolean', description, opts);
export const wide = (name: string, description: string) => column(name, 'string', description, { priority: 1 });

export const NAME = column('Name', 'string', 'Name of the object, unique within its namespace.', { format: 'name' });
export const AGE = text('Age', 'Time since the object was created.');
export const CONTAINERS = wide('Containers', 'Container names of the pod template.');
export const IMAGES = wide('Images', 'Container images of the pod template.');
export const SELECTOR = wide('Selector', 'Label selector for the pods.');

/** rest.NewDefaultTableConvertor's columns, for kinds without a printer. */
export const DEFAULT_COLUMNS: readonly TableColumnDefinition[] = [
  NAME,
  column('Created At', 'date', 'When the object was created.'),
];
