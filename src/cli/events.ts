// `events`: core/v1 Events of a namespace (or all), optionally only those about one object (--for)
// or of some types (--types), sorted by when they were last seen, in events' own table or a -o
// format; -w watches instead of listing. Like kubectl, it reads through the typed Events client:
// pages of 500 whatever --chunk-size says, and printer failures are silently dropped.
import type { ApiClient } from '../client/types.ts';
import type { CommandDef, Invocation } from './command.ts';
import { allNamespacesFlag, printFlags } from './common-flags.ts';
import type { Ctx } from './ctx.ts';
import { CliError } from './errors.ts';
import type { CoreEvent } from './events/printer.ts';
import { flag } from './flags.ts';

const FORMATS = ['json', 'yaml', 'name', 'go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'];
const CHUNK = 500;

interface Printer {
  print(events: CoreEvent[], asList: boolean): void;
  flush(): void;
}

interface EventsOptions {
  namespace: string;
  allNamespaces: boolean;
  watch: boolean;
  types: string[];
  fieldSelector: string;
  printer: Printer;
}

/** fields.EscapeValue: a selector value with its \ , = escaped. */
const escapeFieldValue = (v: string) => v.replace(/[\\,=]/g, (c) => `\\${c}`);

/** The field selector for --for TYPE/NAME: kind, apiVersion and name of the involved object. */
async function forSelector(client: ApiClient, value: string): Promise<string> {
  if (!value.includes('/')) throw new CliError('--for must be in resource/name form');
  const parts = value.split('/');
  if (parts.length !== 2) throw new CliError('arguments in resource/name form may not have more than one slash');
  const [typed, name] = parts as [string, string];
  const lower = typed.toLowerCase();
  const mapper = await client.mapper();
  let resource;
  // schema.ParseResourceArg: `resource.version.group` is tried as such first, then as `resource.group`
  if (lower.split('.').length >= 3) {
    const [r, v, ...g] = lower.split('.');
    resource = await mapper.resourceForGVR({ resource: r!, version: v!, group: g.join('.') }).catch(() => undefined);
  }
  if (!resource) {
    const dot = lower.indexOf('.');
    const r = dot < 0 ? lower : lower.slice(0, dot);
    const group = dot < 0 ? '' : lower.slice(dot + 1);
    if (r === '') throw new CliError(`a resource must be present, got: ${group}/, Resource=`);
    resource = await mapper.resourceForGVR({ resource: r, group });
  }
  // an empty name filters nothing
  if (name === '') return '';
  const apiVersion = resource.group ? `${resource.group}/${resource.version}` : resource.version;
  return [`involvedObject.kind=${escapeFieldValue(resource.kind)}`, `involvedObject.apiVersion=${escapeFieldValue(apiVersion)}`, `involvedObject.name=${escapeFieldValue(name)}`].join(',');
}

/** The table, or the -o printer; both write through kubectl's tabwriter. */
async function makePrinter(ctx: Ctx, inv: Invocation, allNamespaces: boolean): Promise<Printer> {
  const f = inv.flags;
  const output = f.string('output');
  const [{ TabWriter, KUBECTL_TABWRITER }, events] = await Promise.all([import('../printers/tabwriter.ts'), import('./events/printer.ts')]);
  const w = new TabWriter(ctx.io.out, KUBECTL_TABWRITER);
  if (output === '') {
    const table = new events.EventTablePrinter({ noHeaders: f.bool('no-headers'), allNamespaces, now: () => ctx.now() });
    return { print: (list) => table.print(list, w), flush: () => w.flush() };
  }
  const { printerFor, PrinterError } = await import('../printers/index.ts');
  const printer = await printerFor(output, {
    mode: 'generic',
    template: f.string('template'),
    outputChanged: true,
    allowMissingTemplateKeys: f.bool('allow-missing-template-keys'),
    showManagedFields: f.bool('show-managed-fields'),
    keepKeyOrder: true,
    allowedFormats: FORMATS,
  });
  // kubectl's name printer refuses typed lists
  const refusesLists = output.toLowerCase() === 'name';
  const print = (obj: unknown) => {
    try {
      printer.printObj(obj, w);
    } catch (e) {
      // kubectl ignores what PrintObj returns
      if (!(e instanceof PrinterError)) throw e;
    }
  };
  return {
    print(list, asList) {
      if (asList) {
        if (!refusesLists) print(events.typedEventList(list));
      } else for (const e of list) print(events.typedEvent(e));
    },
    flush: () => w.flush(),
  };
}

/** EnhanceListError: a rejected list names what was listed and with which selectors. */
async function enhanceListError(e: unknown, fieldSelector: string): Promise<unknown> {
  const { StatusError } = await import('../client/errors.ts');
  if (!(e instanceof StatusError) || (e.reason !== 'BadRequest' && e.reason !== 'NotFound')) return e;
  const message = fieldSelector
    ? `Unable to find "events" that match label selector "", field selector ${JSON.stringify(fieldSelector)}: ${e.message}`
    : `Unable to list "events": ${e.message}`;
  return new StatusError({ ...e.status, message }, e.code);
}

const eventsPath = (namespace: string) => (namespace ? `/api/v1/namespaces/${encodeURIComponent(namespace)}/events` : '/api/v1/events');

function typeFilter(types: string[]): (e: CoreEvent) => boolean {
  if (types.length === 0) return () => true;
  const wanted = types.map((t) => t.toLowerCase());
  return (e) => wanted.includes((e.type ?? '').toLowerCase());
}

async function list(ctx: Ctx, client: ApiClient, o: EventsOptions): Promise<void> {
  const { sortEvents } = await import('./events/printer.ts');
  const items: CoreEvent[] = [];
  let cont = '';
  do {
    let page: { items?: CoreEvent[]; metadata?: { continue?: string } };
    try {
      page = await client.get(eventsPath(o.allNamespaces ? '' : o.namespace), {
        query: { limit: CHUNK, continue: cont || undefined, fieldSelector: o.fieldSelector || undefined },
      });
    } catch (e) {
      throw await enhanceListError(e, o.fieldSelector);
    }
    items.push(...(page.items ?? []));
    cont = page.metadata?.continue ?? '';
  } while (cont);
  const events = items.filter(typeFilter(o.types));
  if (events.length === 0) {
    ctx.io.err.write(o.allNamespaces ? 'No events found.\n' : `No events found in ${o.namespace} namespace.\n`);
    return;
  }
  sortEvents(events);
  o.printer.print(events, true);
  o.printer.flush();
}

/** -w: a watch from now-ish (the server replays what exists as ADDED); ends quietly when the stream does. */
async function watch(client: ApiClient, o: EventsOptions): Promise<void> {
  // --request-timeout bounds the whole watch on the client side; no timeout is sent to the server
  const stream = await client.watch(eventsPath(o.allNamespaces ? '' : o.namespace), {
    query: { limit: CHUNK, fieldSelector: o.fieldSelector || undefined },
    timeoutMs: 0,
  });
  const timeoutMs = client.config.timeoutMs;
  const timer = timeoutMs > 0 ? setTimeout(() => stream.close(), timeoutMs) : undefined;
  const wanted = typeFilter(o.types);
  try {
    for await (const ev of stream) {
      // deletions are events expiring; an ERROR ends the watch, which kubectl does not report
      if (ev.type === 'DELETED') continue;
      if (ev.type === 'ERROR') break;
      const e = ev.object as CoreEvent;
      if (!wanted(e)) continue;
      o.printer.print([e], false);
      o.printer.flush();
    }
  } catch {
    // a broken stream ends the command like a closed one
  } finally {
    if (timer) clearTimeout(timer);
    stream.close();
  }
}

async function run(ctx: Ctx, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const client = await ctx.client();
  const allNamespaces = f.bool('all-namespaces');
  const forObject = f.string('for');
  const fieldSelector = forObject ? await forSelector(client, forObject) : '';
  const printer = await makePrinter(ctx, inv, allNamespaces);
  const types = [...new Set(f.strings('types'))].sort();
  if (types.some((t) => t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning')) throw new CliError('valid --types are Normal or Warning');
  const o: EventsOptions = { namespace: client.namespace, allNamespaces, watch: f.bool('watch'), types, fieldSelector, printer };
  if (o.watch) await watch(client, o);
  else await list(ctx, client, o);
}

export const command: CommandDef = {
  name: 'events',
  short: 'List events, optionally following and filtering them',
  long: `List events.

 Shows the essentials of each event in a table, oldest first. Events can be listed for the current namespace, for every namespace, or only for one object.`,
  example: `  # List the recent events of the current namespace
  kubectl events
  
  # List the recent events of every namespace
  kubectl events --all-namespaces
  
  # List the events about one pod, then keep printing new ones as they happen
  kubectl events --for pod/web-0 --watch
  
  # List the events as YAML
  kubectl events -oyaml
  
  # List only warnings
  kubectl events --types=Warning`,
  use: `[(-o|--output=)${FORMATS.join('|')}] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]`,
  flags: [
    allNamespacesFlag(),
    flag.int('chunk-size', 'Page size for long lists; 0 reads them in one request. (events always reads pages of 500.)', { default: CHUNK }),
    flag.string('for', 'Only the events about this object, given as TYPE/NAME.'),
    flag.bool('no-headers', 'Leave out the header line of the default table.'),
    ...printFlags(`How to print the events: one of (${FORMATS.join(', ')}).`),
    flag.stringSlice('types', 'Only events of these types (Normal, Warning; any letter case).'),
    flag.bool('watch', 'Keep watching after the listing and print new events as they come.', { shorthand: 'w' }),
  ],
  run,
};
