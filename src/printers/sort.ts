// kubectl get --sort-by (pkg/cmd/get/sorter.go): a relaxed JSONPath evaluated on each object (or
// each Table row's object), the first result compared: integers and floats numerically (not with
// each other), strings as resource quantities when both parse as one, else byte-wise; a missing or
// null field sorts first. Go's unstable sort.Sort decides the order of ties.
import { relaxedJsonPathExpression } from '../api/jsonpath/kubectl.ts';
import { parseJsonPath } from '../api/jsonpath/jsonpath.ts';
import type { JsonPath } from '../api/jsonpath/jsonpath.ts';
import { compareGoStrings, kindOf } from '../api/jsonpath/go-values.ts';
import { goQuote } from '../api/jsonpath/go-format.ts';
import { cmpQuantity, isQuantity, parseQuantity } from '../api/quantity.ts';
import { goSortInterface } from '../api/go-sort.ts';
import { PrinterError, UnsortableFieldError, isList } from './objects.ts';
import type { KubeObject, Table } from './objects.ts';

class UnsortableError extends Error {}

/** isLess on two first results: reflect's view of unstructured values (interface {} kinds). */
function isLess(a: unknown, b: unknown): boolean {
  if (a === null && b === null) return false;
  if (a === null) return true;
  if (b === null) return false;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === 'int' || ka === 'float') {
    if (ka !== kb) throw new UnsortableError('unsortable interface: interface');
    return (a as number) < (b as number);
  }
  if (ka === 'string') {
    if (kb !== 'string') throw new UnsortableError('unsortable interface: interface');
    const qa = parseQuantity(a as string);
    const qb = isQuantity(qa) ? parseQuantity(b as string) : undefined;
    if (isQuantity(qa) && qb && isQuantity(qb)) return cmpQuantity(qa, qb) < 0;
    return compareGoStrings(a as string, b as string) < 0;
  }
  const type = ka === 'bool' ? 'bool' : ka === 'slice' ? '[]interface {}' : 'map[string]interface {}';
  throw new UnsortableError(`unsortable type: ${type}`);
}

/**
 * A comparison kubectl cannot make. kubectl dies through klog (`F<date> <time> <pid> sorter.go:375] ...`,
 * exit 1); the message here is the part after `] `.
 */
export { UnsortableFieldError };

/** Sorts `keys` (the objects' first results, or undefined when none) and returns the permutation. */
function sortByKeys(field: string, keys: unknown[], container: string): number[] {
  const order = keys.map((_, i) => i);
  const k = [...keys];
  goSortInterface(k.length, {
    less(i, j) {
      if (k[i] === undefined) return true;
      if (k[j] === undefined) return false;
      try {
        return isLess(k[i], k[j]);
      } catch (e) {
        if (e instanceof UnsortableError) throw new UnsortableFieldError(`Field ${field} in ${container} is an unsortable type: interface, err: ${e.message}`);
        throw e;
      }
    },
    swap(i, j) {
      [k[i], k[j]] = [k[j], k[i]];
      [order[i], order[j]] = [order[j]!, order[i]!];
    },
  });
  return order;
}

function firstResults(path: JsonPath, objects: unknown[]): unknown[] {
  return objects.map((obj) => {
    try {
      const results = path.findResults(obj ?? null, { allowMissingKeys: true });
      return results.length > 0 && results[0]!.length > 0 ? results[0]![0] : undefined;
    } catch (e) {
      throw new PrinterError((e as Error).message);
    }
  });
}

function notFound(field: string): PrinterError {
  return new PrinterError(`couldn't find any field with path ${goQuote(field)} in the list of objects`);
}

/** SortObjects: the objects in --sort-by order (a new array). */
export function sortObjects<T>(objects: readonly T[], sortBy: string): T[] {
  if (objects.length === 0) return [];
  let field: string;
  let path: JsonPath;
  try {
    field = relaxedJsonPathExpression(sortBy);
    path = parseJsonPath(field);
  } catch (e) {
    throw new PrinterError((e as Error).message);
  }
  const keys = firstResults(path, [...objects]);
  if (keys.every((k) => k === undefined)) throw notFound(field);
  return sortByKeys(field, keys, '*unstructured.Unstructured').map((i) => objects[i]!);
}

/** SortingPrinter on a list: the same list with its items sorted. */
export function sortList(list: KubeObject, sortBy: string): KubeObject {
  if (!isList(list)) return list;
  return { ...list, items: sortObjects(list.items, sortBy) };
}

/** TableSorter: a Table whose rows are ordered by their objects' field (needs includeObject=Object). */
export function sortTable(table: Table, sortBy: string): Table {
  const rows = table.rows ?? [];
  let field: string;
  try {
    field = relaxedJsonPathExpression(sortBy);
  } catch {
    field = sortBy;
  }
  let path: JsonPath;
  try {
    path = parseJsonPath(field);
  } catch (e) {
    throw new PrinterError(`sorting error: ${(e as Error).message}`);
  }
  const keys = firstResults(path, rows.map((r) => r.object ?? null));
  if (rows.length > 0 && keys.every((k) => k === undefined)) throw notFound(field);
  return { ...table, rows: sortByKeys(field, keys, '[][][]reflect.Value').map((i) => rows[i]!) };
}
