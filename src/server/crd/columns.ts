// Server-side tables of custom resources (apiextensions-apiserver registry/customresource/
// tableconvertor and helpers.go): Name, then the version's additionalPrinterColumns (Age alone
// when it declares none). Cells come from ktl's JSONPath library (src/api/jsonpath), which types
// them by column as upstream's convertor does; dates become ages here.
import type { KubeObject } from '../../api/object.ts';
import { compileCrdColumn, crdColumnCell } from '../../api/jsonpath/crd-columns.ts';
import type { JsonPath } from '../../api/jsonpath/jsonpath.ts';
import { humanDuration } from '../../api/duration.ts';
import { NAME } from '../tables/columns.ts';
import type { Cell, TableColumnDefinition, TableEntry } from '../tables/types.ts';
import type { CrdColumn } from './types.ts';

/** serveDefaultColumnsIfEmpty. */
const DEFAULT_COLUMNS: CrdColumn[] = [{ name: 'Age', type: 'date', description: 'Time since the object was created.', jsonPath: '.metadata.creationTimestamp' }];

function cell(path: JsonPath | undefined, type: string, obj: KubeObject, now: Date): Cell {
  if (!path) return null;
  const c = crdColumnCell(path, type, obj);
  if (c === null || typeof c !== 'object') return c;
  // ConvertToHumanReadableDateType
  return c.time === null ? '<unknown>' : humanDuration(now.getTime() - c.time.getTime());
}

/** The table of one CRD version, from its printer columns. */
export function customResourceTable(columns: readonly CrdColumn[] | undefined): TableEntry {
  const cols = columns?.length ? columns : DEFAULT_COLUMNS;
  // a column that does not parse prints empty cells (validation normally prevents it)
  const paths = cols.map((c) => {
    try {
      return compileCrdColumn(c.jsonPath ?? '');
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
    row: (obj, now) => [obj.metadata?.name ?? '', ...cols.map((c, i) => cell(paths[i], c.type ?? '', obj, now))],
  };
}
