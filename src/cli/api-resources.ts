// `api-resources`: the resource types the server serves in their preferred versions, filtered by
// group, scope, verbs and categories, as a table or `name[.group]` lines (apiresources.go). Groups
// whose discovery fails are reported after what could be printed.
import type { ApiResourceEntry } from '../client/discovery-types.ts';
import type { CommandDef, Invocation } from './command.ts';
import type { Ctx } from './ctx.ts';
import { CliError } from './errors.ts';
import { flag } from './flags.ts';

const EXAMPLE = `  # List every resource type the server offers
  kubectl api-resources
  
  # Add the verbs and categories of each type
  kubectl api-resources -o wide
  
  # Order the list by kind instead of by API group
  kubectl api-resources --sort-by=kind
  
  # Only types whose objects live in a namespace
  kubectl api-resources --namespaced=true
  
  # Only cluster-wide types
  kubectl api-resources --namespaced=false
  
  # Only the types of one API group
  kubectl api-resources --api-group=apps
  
  # Only the types that can be listed and watched
  kubectl api-resources --verbs=list,watch`;

interface Row {
  group: string;
  groupVersion: string;
  resource: ApiResourceEntry;
}

export interface ApiResourcesOptions {
  output: string;
  sortBy: string;
  noHeaders: boolean;
  cached: boolean;
  /** undefined: any group (the flag was not given). */
  apiGroup?: string;
  /** undefined: both scopes (the flag was not given). */
  namespaced?: boolean;
  verbs: string[];
  categories: string[];
}

const OUTPUTS = new Set(['', 'wide', 'name']);
const SORTS = new Set(['', 'name', 'kind']);

/** Go's strings.Compare: byte order (group, resource and kind names are ASCII). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Keeps the resources the filters let through; resources without verbs never show. */
export function selectRows(lists: { groupVersion: string; resources: ApiResourceEntry[] | null }[], o: ApiResourcesOptions): Row[] {
  const rows: Row[] = [];
  for (const list of lists) {
    const slash = list.groupVersion.indexOf('/');
    const group = slash < 0 ? '' : list.groupVersion.slice(0, slash);
    for (const r of list.resources ?? []) {
      if (!r.verbs?.length) continue;
      if (o.apiGroup !== undefined && o.apiGroup !== group) continue;
      if (o.namespaced !== undefined && o.namespaced !== r.namespaced) continue;
      if (o.verbs.some((v) => !r.verbs!.includes(v))) continue;
      if (o.categories.some((c) => !(r.categories ?? []).includes(c))) continue;
      rows.push({ group, groupVersion: list.groupVersion, resource: r });
    }
  }
  // stable: by the chosen field (the group by default), then by resource name
  const key = (row: Row) => (o.sortBy === 'name' ? row.resource.name : o.sortBy === 'kind' ? row.resource.kind : row.group);
  return rows.sort((a, b) => compare(key(a), key(b)) || compare(a.resource.name, b.resource.name));
}

/** The lines kubectl writes through its tab writer. */
export function rowLines(rows: Row[], o: Pick<ApiResourcesOptions, 'output' | 'noHeaders'>): string[] {
  const lines: string[] = [];
  if (!o.noHeaders && o.output !== 'name') {
    lines.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(o.output === 'wide' ? ['VERBS', 'CATEGORIES'] : [])].join('\t'));
  }
  for (const { group, groupVersion, resource: r } of rows) {
    if (o.output === 'name') {
      lines.push(group ? `${r.name}.${group}` : r.name);
      continue;
    }
    const cells = [r.name, (r.shortNames ?? []).join(','), groupVersion, String(r.namespaced), r.kind];
    if (o.output === 'wide') cells.push((r.verbs ?? []).join(','), (r.categories ?? []).join(','));
    lines.push(cells.join('\t'));
  }
  return lines;
}

async function run(ctx: Ctx, inv: Invocation): Promise<void> {
  const f = inv.flags;
  if (inv.args.length) {
    throw new CliError(`unexpected arguments: [${inv.args.join(' ')}]\nSee '${[ctx.program, ...inv.path].join(' ')} -h' for help and examples`);
  }
  const o: ApiResourcesOptions = {
    output: f.string('output'),
    sortBy: f.string('sort-by'),
    noHeaders: f.bool('no-headers'),
    cached: f.bool('cached'),
    apiGroup: f.changed('api-group') ? f.string('api-group') : undefined,
    namespaced: f.changed('namespaced') ? f.bool('namespaced') : undefined,
    verbs: f.strings('verbs'),
    categories: f.strings('categories'),
  };
  // kubectl builds its discovery client before it validates the flags
  const client = await ctx.client({ namespaceFirst: false });
  if (!OUTPUTS.has(o.output)) throw new CliError(`--output ${o.output} is not available`);
  if (!SORTS.has(o.sortBy)) throw new CliError('--sort-by accepts only name or kind');

  const discovery = await client.discovery();
  if (!o.cached) discovery.invalidate();
  let failure: Error | undefined;
  let lists: { groupVersion: string; resources: ApiResourceEntry[] | null }[] = [];
  try {
    const preferred = await discovery.serverPreferredResources();
    lists = preferred.lists;
    if (preferred.failed.size) {
      const { groupDiscoveryFailedText } = await import('../client/discovery.ts');
      failure = new Error(groupDiscoveryFailedText(preferred.failed));
    }
  } catch (err) {
    failure = err as Error;
  }
  const { TabWriter, KUBECTL_TABWRITER } = await import('../printers/tabwriter.ts');
  const w = new TabWriter(ctx.io.out, KUBECTL_TABWRITER);
  for (const line of rowLines(selectRows(lists, o), o)) w.write(`${line}\n`);
  w.flush();
  if (failure) throw failure;
}

export const command: CommandDef = {
  name: 'api-resources',
  short: 'List the resource types the server offers',
  long: 'List the resource types the server offers, in their preferred versions.',
  example: EXAMPLE,
  flags: [
    flag.string('api-group', 'Show only the resource types of this API group ("" is the core group).'),
    flag.bool('cached', 'Answer from the local discovery cache when it holds the lists, instead of asking the server again.'),
    flag.stringSlice('categories', 'Show only the resource types that are in all of these categories (e.g. "all").'),
    flag.bool('namespaced', 'With true, show only namespaced resource types; with false, only cluster-wide ones. Without the flag, both.', { default: true }),
    flag.bool('no-headers', 'Leave out the header line of the table (the default and wide formats).'),
    flag.string('output', 'How to print the list. One of: (wide, name).', { shorthand: 'o' }),
    flag.string('sort-by', "Order the list by this column, 'name' or 'kind', instead of by API group."),
    flag.stringSlice('verbs', 'Show only the resource types that support all of these verbs.'),
  ],
  run,
};
