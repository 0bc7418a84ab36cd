// Server-side tables of custom resources (apiextensions-apiserver registry/customresource/
// tableconvertor and helpers.go): Name, then the version's additionalPrinterColumns (Age alone
// when it declares none), each cell typed by its column: strings as JSONPath prints them, numbers,
// booleans, and dates as ages.
import type { KubeObject } from '../../api/object.ts';
import { NAME } from '../tables/columns.ts';
import { since } from '../tables/duration.ts';
import type { Cell, TableColumnDefinition, TableEntry } from '../tables/types.ts';
import { compileColumnPath, printJsonPathValue, type ColumnPath } from './column-path.ts';
import type { CrdColumn } from './types.ts';

/** serveDefaultColumnsIfEmpty. */
const DEFAULT_COLUMNS: CrdColumn[] = [{ name: 'Age', type: 'date', description: 'Time since the object was created.', jsonPath: '.metadata.creationTimestamp' }];

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** cellForJSONValue: a value of the wrong JSON type gives an empty (null) cell. */
function cell(type: string | undefined, value: unknown, now: Date): Cell {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'string':
      return printJsonPathValue(value);
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      if (typeof value !== 'string') return null;
      return RFC3339.test(value) ? since(value, now) : '<invalid>';
    default:
      return null;
  }
}

/** The table of one CRD version, from its printer columns. */
export function customResourceTable(columns: readonly CrdColumn[] | undefined): TableEntry {
  const cols = columns?.length ? columns : DEFAULT_COLUMNS;
  const paths: (ColumnPath | undefined)[] = cols.map((c) => {
    try {
      return compileColumnPath(c.jsonPath ?? '');
    } catch {
      return undefined;
    }
  });
  const definitions: TableColumnDefinition[] = [
    NAME,
    ...cols.map((c) => ({
      name: c.name ?? '',
      type: c.type ?? '',
      format: c.format ?? '',
      description: c.description || `Custom resource definition column (in JSONPath format): ${c.jsonPath ?? ''}`,
      priority: c.priority ?? 0,
    })),
  ];
  return {
    columns: definitions,
    row(obj: KubeObject, now: Date): Cell[] {
      const cells: Cell[] = [obj.metadata?.name ?? ''];
      cols.forEach((c, i) => {
        const found = paths[i]?.find(obj) ?? [];
        cells.push(found.length ? cell(c.type, found[0], now) : null);
      });
      return cells;
    },
  };
}
