// get's two ways of printing what it fetched (get.go Run and printGeneric): tables, one per
// resource type with kubectl's separators, sorting and "No resources found"; and every other
// format, where one named object prints as itself and anything else as a v1 List.
import type { KubeObject } from '../../api/object.ts';
import type { ApiResource } from '../../client/types.ts';
import type { ResourcePrinter } from '../../printers/objects.ts';
import type { ResourceMapping } from '../../printers/get-output.ts';
import type { Ctx } from '../ctx.ts';
import { CliError } from '../errors.ts';
import type { GetOptions } from './flags.ts';
import type { Info } from './fetch.ts';
import { MultipleErrors, fail, isNotFound, unsortable } from './errors.ts';

export const mappingOf = (r: ApiResource): ResourceMapping => ({
  group: r.group,
  kind: r.kind,
  // a new group/version/resource starts a new table
  resource: `${r.group}/${r.version}/${r.resource}`,
  namespaced: r.namespaced,
});

const gvk = (r: ApiResource) => `${r.group}/${r.version}/${r.kind}`;

/** multipleGVKsRequested: names print as kind/name when the objects are of several kinds. */
export const multipleKinds = (infos: Info[]): boolean => infos.length > 1 && infos.some((i) => gvk(i.resource) !== gvk(infos[0]!.resource));

/** Rethrows a printer's failure as kubectl ends with it: klog's fatal line, or `error: ...`. */
export async function printerFailure(e: unknown, ctx: Ctx, prefix = ''): Promise<never> {
  const { UnsortableFieldError, PrinterError } = await import('../../printers/index.ts');
  if (e instanceof UnsortableFieldError) throw unsortable(e.message, ctx.io.err);
  if (e instanceof PrinterError) throw new CliError(`${prefix}${e.message}`);
  throw e;
}

/** kubectl's SortingPrinter: a Table's rows or a list's items in --sort-by order, then the printer. */
export async function sortingPrinter(printer: ResourcePrinter, sortBy: string): Promise<ResourcePrinter> {
  if (!sortBy) return printer;
  const [{ isTable, isList }, { sortTable, sortList }] = await Promise.all([import('../../printers/index.ts'), import('../../printers/sort.ts')]);
  return {
    printObj(obj, w) {
      if (isTable(obj) && (obj.rows?.length ?? 0) > 1) printer.printObj(sortTable(obj, sortBy), w);
      else if (isList(obj)) printer.printObj(sortList(obj, sortBy), w);
      else printer.printObj(obj, w);
    },
  };
}

/** Tables: the human-readable path of Run. */
export async function printTables(ctx: Ctx, o: GetOptions, namespace: string, infos: Info[], errors: Error[]): Promise<void> {
  const { GetTableOutput } = await import('../../printers/index.ts');
  let ordered = infos;
  // RuntimeSorter: several fetched things (pages, objects) are ordered as whole objects first;
  // a failure here ends get before anything is printed
  if (o.sortBy && infos.length > 1) {
    const { sortObjects } = await import('../../printers/sort.ts');
    try {
      ordered = sortInfos(infos, o.sortBy, sortObjects);
    } catch (e) {
      await printerFailure(e, ctx);
    }
  }
  const out = await GetTableOutput.create(ctx.io.out, {
    output: o.output === 'wide' ? 'wide' : '',
    noHeaders: o.noHeaders,
    showLabels: o.showLabels,
    labelColumns: o.labelColumns,
    showKind: o.showKind,
    now: () => ctx.now(),
    allNamespaces: o.allNamespaces,
    multipleKinds: multipleKinds(infos),
    sortBy: o.sortBy,
  });
  let allNamespaced = !o.allNamespaces;
  // kubectl's printers share their flags: once a type printed a NAMESPACE column (-A), every later
  // type prints one too, cluster-scoped or not
  let withNamespace = false;
  try {
    for (const info of ordered) {
      allNamespaced &&= info.resource.namespaced;
      withNamespace ||= o.allNamespaces && info.resource.namespaced;
      out.print(info.object, { ...mappingOf(info.resource), namespaced: withNamespace });
    }
    out.flush();
  } catch (e) {
    await printerFailure(e, ctx);
  }
  if (out.written === 0 && !o.ignoreNotFound && errors.length === 0) {
    ctx.io.err.write(allNamespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
  }
  // the visit's errors come as one aggregate: every one on its own line, none prefixed
  if (errors.length) throw new MultipleErrors(errors);
}

function sortInfos(infos: Info[], sortBy: string, sortObjects: <T>(objects: readonly T[], sortBy: string) => T[]): Info[] {
  const byObject = new Map(infos.map((i) => [i.object, i]));
  return sortObjects(infos.map((i) => i.object), sortBy).map((obj) => byObject.get(obj)!);
}

/** Every other format: printGeneric. */
export async function printGeneric(ctx: Ctx, o: GetOptions, infos: Info[], errors: Error[], singleItemImplied: boolean): Promise<void> {
  // one named object that failed: only its error
  if (errors.length && singleItemImplied) fail(errors);
  if (infos.length === 0 && o.ignoreNotFound) {
    if (errors.length) fail(errors);
    return;
  }
  const { printerFor, toList } = await import('../../printers/index.ts');
  let printer: ResourcePrinter;
  try {
    printer = await printerFor(o.output, {
      mode: 'get',
      template: o.template,
      allowMissingTemplateKeys: o.allowMissingTemplateKeys,
      showManagedFields: o.showManagedFields,
      noHeaders: o.noHeaders,
      now: () => ctx.now(),
    });
  } catch (e) {
    return printerFailure(e, ctx);
  }
  printer = await sortingPrinter(printer, o.sortBy);
  const obj: KubeObject = !singleItemImplied || infos.length !== 1 ? (toList(infos.map((i) => i.object)) as KubeObject) : infos[0]!.object;
  try {
    printer.printObj(obj, ctx.io.out);
  } catch (e) {
    const { UnsortableFieldError, PrinterError } = await import('../../printers/index.ts');
    if (e instanceof UnsortableFieldError) throw unsortable(e.message, ctx.io.err);
    if (!(e instanceof PrinterError)) throw e;
    errors.push(new Error(e.message));
  }
  if (errors.length) fail(errors);
}

export const dropNotFound = (errors: Error[]): Error[] => errors.filter((e) => !isNotFound(e));
