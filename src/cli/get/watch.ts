// get -w / --watch-only (get.go watch): one resource type; what exists is printed first (unless
// --watch-only), then a watch from the list's resourceVersion (or from 0 for one named object,
// whose first, synthetic ADDED event is not printed again) prints each change through the same
// printer. The command ends, successfully, when the server ends the watch.
import type { KubeObject } from '../../api/object.ts';
import type { ApiClient } from '../../client/types.ts';
import type { ResourcePrinter, Writer } from '../../printers/objects.ts';
import type { Ctx } from '../ctx.ts';
import { CliError } from '../errors.ts';
import type { Target } from '../resource/builder.ts';
import type { GetOptions } from './flags.ts';
import { TABLE_ACCEPT, getObject, listPages, requestShape, resolveTargets, type Info, type RequestShape } from './fetch.ts';
import { multipleKinds, printerFailure, sortingPrinter } from './print.ts';

const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** Reads the targets without flattening, stopping at the first error (no ContinueOnError). */
async function fetchAll(client: ApiClient, targets: Target[], shape: RequestShape): Promise<Info[]> {
  const infos: Info[] = [];
  for (const t of targets) {
    if (t.kind === 'object') {
      infos.push({ resource: t.resource, object: await getObject(client, t, shape) });
      continue;
    }
    for await (const page of listPages(client, t, shape)) infos.push({ resource: t.resource, object: page });
  }
  return infos;
}

const resourceVersionOf = (obj: KubeObject): string => String((obj.metadata as { resourceVersion?: unknown } | undefined)?.resourceVersion ?? '');

/** Result.Object: one named object as itself, one list as is, anything else in a v1 List. */
export function resultObject(infos: Info[], singleItemImplied: boolean): { isList: boolean; items: KubeObject[]; resourceVersion: string; list?: KubeObject } {
  if (infos.length === 1 && singleItemImplied) return { isList: false, items: [infos[0]!.object], resourceVersion: '0' };
  if (infos.length === 1 && Array.isArray(infos[0]!.object.items)) {
    const list = infos[0]!.object;
    return { isList: true, items: [], resourceVersion: resourceVersionOf(list), list };
  }
  const versions = new Set(infos.map((i) => resourceVersionOf(i.object)));
  return { isList: true, items: infos.map((i) => i.object), resourceVersion: versions.size === 1 ? [...versions][0]! : '' };
}

/** skipPrinter: while `output` is off, objects are dropped and Tables print without their rows. */
class SkipPrinter implements ResourcePrinter {
  constructor(
    private readonly delegate: ResourcePrinter,
    public output: boolean,
    private readonly withoutRows: (obj: unknown) => unknown | undefined,
  ) {}
  printObj(obj: unknown, w: Writer): void {
    if (this.output) return this.delegate.printObj(obj, w);
    const empty = this.withoutRows(obj);
    if (empty !== undefined) this.delegate.printObj(empty, w);
  }
}

export async function runWatch(ctx: Ctx, o: GetOptions): Promise<void> {
  if (o.args.length === 0 && o.filenames.length === 0) throw new CliError(NO_RESOURCES);
  const client = await ctx.client();
  const { targets, singleItemImplied, sources } = await resolveTargets(ctx, client, o);
  const objects: Target[] = [];
  for (const t of targets) {
    if ('message' in t) throw new Error(t.message);
    objects.push(t);
  }
  if (new Set(objects.map((t) => `${t.resource.group}/${t.resource.resource}`)).size > 1) throw new CliError('you may only specify a single resource type');
  const shape = requestShape(o);
  const infos = await fetchAll(client, objects, shape);
  if (infos.length === 0) throw new CliError(NO_RESOURCES);
  if (multipleKinds(infos)) throw new CliError('watch is only supported on individual resources and resource collections - more than 1 resource was found');

  const printers = await import('../../printers/index.ts');
  const info = infos[0]!;
  const mapping = { group: info.resource.group, kind: info.resource.kind };
  let base: ResourcePrinter;
  try {
    base = await printers.printerFor(o.output, {
      mode: 'get', template: o.template, allowMissingTemplateKeys: o.allowMissingTemplateKeys, showManagedFields: o.showManagedFields,
      noHeaders: o.noHeaders, showLabels: o.showLabels, labelColumns: o.labelColumns, showKind: o.showKind,
      withNamespace: o.allNamespaces, kind: mapping, now: () => ctx.now(),
    });
  } catch (e) {
    return printerFailure(e, ctx);
  }
  const { WatchEvent, isTable } = printers;
  const withoutRows = (obj: unknown) => {
    const inner = obj instanceof WatchEvent ? obj.object : obj;
    if (!isTable(inner)) return undefined;
    const empty = { ...inner, rows: [] };
    return obj instanceof WatchEvent ? new WatchEvent(obj.type, empty) : empty;
  };
  const printer = new SkipPrinter(await sortingPrinter(base, o.sortBy), !o.watchOnly, withoutRows);
  // every format goes through one tabwriter, as kubectl's watch does
  const writer = new printers.TabWriter(ctx.io.out);
  const flush = () => writer.flush();
  const wrap = (type: string, obj: unknown) => (o.outputWatchEvents ? new printers.WatchEvent(type, obj) : obj);

  const result = resultObject(infos, singleItemImplied);
  const initial = result.list ? (printers.listItems(result.list) as KubeObject[]) : result.items;
  try {
    for (const obj of initial) printer.printObj(wrap('ADDED', obj), writer);
  } catch (e) {
    return printerFailure(e, ctx, 'unable to output the provided object: ');
  }
  flush();
  // a watch of one object starts with a synthetic ADDED of what was just printed
  printer.output = result.isList;

  if (sources !== 1) throw new CliError('you may only watch a single resource or type of resource at a time');
  const stream = await openWatch(client, objects[0]!, infos.length, result.resourceVersion, shape);
  // --request-timeout bounds the whole watch request, body included, as Go's http.Client.Timeout does
  const timer = client.config.timeoutMs > 0 ? setTimeout(() => stream.close(), client.config.timeoutMs) : undefined;
  try {
    for await (const event of stream) {
      try {
        printer.printObj(wrap(event.type, event.object), writer);
      } catch (e) {
        const { UnsortableFieldError } = printers;
        if (e instanceof UnsortableFieldError) return printerFailure(e, ctx);
        // kubectl stops watching and still exits 0
        break;
      }
      flush();
      printer.output = true;
    }
  } catch {
    // a broken stream ends the watch as its end does
  } finally {
    clearTimeout(timer);
    flush();
    stream.close();
  }
}

async function openWatch(client: ApiClient, t: Target, found: number, resourceVersion: string, shape: RequestShape) {
  const { resourcePath } = await import('../resource/builder.ts');
  const accept = shape.table ? TABLE_ACCEPT : 'application/json';
  if (t.kind === 'object') {
    if (found !== 1) throw new CliError(`watch is only supported on individual resources and resource collections - ${found} resources were found`);
    return client.watch(resourcePath(t.resource, t.namespace), {
      accept,
      query: { fieldSelector: `metadata.name=${t.name}`, resourceVersion },
    });
  }
  return client.watch(resourcePath(t.resource, t.namespace), {
    accept,
    query: {
      labelSelector: shape.labelSelector || undefined,
      fieldSelector: shape.fieldSelector || undefined,
      resourceVersion: resourceVersion || undefined,
    },
  });
}
