// `describe`: the objects named by arguments, -f files or a selector, each through its kind's
// describer (src/describe), separated by two blank lines. A single name that does not exist falls
// back to every object of the type whose name starts with it.
import type { ApiClient, ApiResource } from '../client/types.ts';
import type { CommandDef, Invocation } from './command.ts';
import { filenameFlags, filenameOptions } from './common-flags.ts';
import type { Ctx } from './ctx.ts';
import { CliError, aggregate, isKubectlError } from './errors.ts';
import { flag } from './flags.ts';

const LONG = `Show the details of one or more resources, together with what relates to them, such as their events, the pods or ReplicaSets they control, or the objects that use them.

 Select objects by TYPE and NAME, by TYPE alone (every object of the type), by a label selector, or from files. When no object has exactly the name given, every object of the type whose name begins with it is described:

        $ kubectl describe TYPE NAME_PREFIX

Use "kubectl api-resources" for a complete list of supported resources.`;

const EXAMPLE = `  # Show a node
  kubectl describe nodes worker-1
  
  # Show one pod
  kubectl describe pods/web-0
  
  # Show the objects a manifest defines
  kubectl describe -f web.yaml
  
  # Show every pod of the current namespace
  kubectl describe pods
  
  # Show the pods labelled app=web
  kubectl describe pods -l app=web
  
  # Show every pod whose name starts with "frontend"
  kubectl describe pods frontend`;

interface DescribeOptions {
  args: string[];
  filenames: string[];
  recursive: boolean;
  selector: string;
  allNamespaces: boolean;
  showEvents: boolean;
  chunkSize: number;
}

/** One object to describe. */
interface Info {
  resource: ApiResource;
  namespace: string;
  name: string;
}

function fail(errors: Error[]): never {
  throw aggregate(errors);
}

const isNotFound = (e: unknown) => (e as { reason?: unknown } | null)?.reason === 'NotFound';

async function run(ctx: Ctx, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const { filenames, recursive } = filenameOptions(f);
  const o: DescribeOptions = {
    args: inv.args,
    filenames,
    recursive,
    selector: f.string('selector'),
    allNamespaces: f.bool('all-namespaces'),
    showEvents: f.bool('show-events'),
    chunkSize: f.int('chunk-size'),
  };
  if (o.args.length === 0 && o.filenames.length === 0) {
    throw new CliError(`You must specify the type of resource to describe. Use "${ctx.program} api-resources" for a complete list of supported resources.`);
  }
  const client = await ctx.client();
  const { infos, errors } = await resolve(ctx, client, o, true);
  // a lone name that does not exist: describe what starts with it instead
  if (errors.length === 1 && isNotFound(errors[0]) && o.args.length === 2) return describeMatching(ctx, client, o, errors[0]!);

  const { describerFor } = await import('../describe/describers.ts');
  const dctx = { client, settings: { showEvents: o.showEvents, chunkSize: o.chunkSize }, now: ctx.now() };
  const seen = new Set<string>();
  let first = true;
  for (const info of infos) {
    try {
      const text = await describerFor(info.resource)(dctx, info.namespace, info.name);
      ctx.io.out.write(first ? text : `\n\n${text}`);
      first = false;
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      // the same failure for several objects is reported once
      if (seen.has(err.message)) continue;
      seen.add(err.message);
      errors.push(err);
    }
  }
  if (infos.length === 0 && errors.length === 0) {
    ctx.io.err.write(o.allNamespaces ? 'No resources found\n' : `No resources found in ${client.namespace} namespace.\n`);
  }
  if (errors.length) fail(errors);
}

/**
 * What the arguments select, as kubectl's builder visits it: named objects are read once (a
 * missing one is an error here), collections are listed, objects from files are taken as written.
 */
async function resolve(ctx: Ctx, client: ApiClient, o: DescribeOptions, allowAll: boolean): Promise<{ infos: Info[]; errors: Error[] }> {
  const { build, resourcePath } = await import('./resource/builder.ts');
  const built = await build(() => client.mapper(), {
    args: o.args,
    filenames: o.filenames,
    recursive: o.recursive,
    namespace: client.namespace,
    namespaceExplicit: client.namespaceExplicit && !(allowAll && o.allNamespaces),
    allNamespaces: allowAll && o.allNamespaces,
    selecting: o.selector !== '',
    labelSelector: o.selector,
    program: ctx.program,
    command: 'describe',
    cwd: ctx.cwd,
    stdin: ctx.io.in,
    markStdinInUse: () => client.markStdinInUse(),
  });
  const infos: Info[] = [];
  const errors: Error[] = [];
  for (const item of built.items) {
    if ('message' in item) {
      errors.push(new Error(item.message));
      continue;
    }
    if (item.kind === 'object') {
      if (!item.manifest) {
        try {
          await client.get(resourcePath(item.resource, item.namespace, item.name));
        } catch (e) {
          errors.push(e instanceof Error ? e : new Error(String(e)));
          continue;
        }
      }
      infos.push({ resource: item.resource, namespace: item.namespace, name: item.name });
      continue;
    }
    try {
      let cont = '';
      do {
        const list = await client.get<{ items?: { metadata?: { name?: string; namespace?: string } }[]; metadata?: { continue?: string } }>(resourcePath(item.resource, item.namespace), {
          query: { labelSelector: o.selector || undefined, limit: o.chunkSize > 0 ? o.chunkSize : undefined, continue: cont || undefined },
        });
        for (const obj of list.items ?? []) infos.push({ resource: item.resource, namespace: obj.metadata?.namespace ?? '', name: obj.metadata?.name ?? '' });
        cont = list.metadata?.continue ?? '';
      } while (cont);
    } catch (e) {
      errors.push(await enhanceListError(e, item.resource, o.selector));
    }
  }
  return { infos, errors };
}

/** EnhanceListError: a rejected list says what was listed, and with which selectors. */
async function enhanceListError(e: unknown, resource: ApiResource, labelSelector: string): Promise<Error> {
  const [{ StatusError }, { goQuote }] = await Promise.all([import('../client/errors.ts'), import('../client/go-text.ts')]);
  if (!(e instanceof StatusError) || (e.reason !== 'BadRequest' && e.reason !== 'NotFound')) return e instanceof Error ? e : new Error(String(e));
  const subject = `${resource.group ? `${resource.group}/` : '/'}${resource.version}, Resource=${resource.resource}`;
  const message = labelSelector
    ? `Unable to find ${goQuote(subject)} that match label selector ${goQuote(labelSelector)}, field selector "": ${e.message}`
    : `Unable to list ${goQuote(subject)}: ${e.message}`;
  return new StatusError({ ...e.status, message }, e.code);
}

/** DescribeMatchingResources: objects of the first argument's type named with the second as prefix. */
async function describeMatching(ctx: Ctx, client: ApiClient, o: DescribeOptions, original: Error): Promise<void> {
  const [resourceArg, prefix] = o.args as [string, string];
  const types = resourceArg.includes('/') ? [] : resourceArg.split(',').filter((t) => t !== '');
  if (types.length > 1) throw new CliError('you must provide exactly one resource type');
  const { infos, errors } = await resolve(ctx, client, { ...o, args: [resourceArg], filenames: [], selector: '' }, false);
  if (errors.length) fail(errors);
  const { describerFor } = await import('../describe/describers.ts');
  const dctx = { client, settings: { showEvents: o.showEvents, chunkSize: o.chunkSize }, now: ctx.now() };
  let found = false;
  for (const info of infos) {
    if (!info.name.startsWith(prefix)) continue;
    found = true;
    ctx.io.out.write(`${await describerFor(info.resource)(dctx, info.namespace, info.name)}\n`);
  }
  if (!found) throw original;
}

export const command: CommandDef = {
  name: 'describe',
  short: 'Show the details of a resource or a group of resources',
  long: LONG,
  example: EXAMPLE,
  use: '(-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  flags: [
    flag.bool('all-namespaces', 'Describe the matching objects of every namespace; the namespace of the context or of --namespace is not used.', { shorthand: 'A' }),
    flag.int('chunk-size', 'Read long lists in pages of this many objects; 0 reads them in one request.', { default: 500 }),
    ...filenameFlags('describing the objects to show'),
    flag.string('selector', "Label query selecting the objects, with '=', '==' and '!=' (e.g. -l app=web,tier!=cache); an object must match every requirement.", { shorthand: 'l' }),
    flag.bool('show-events', 'Include the events recorded about each object.', { default: true }),
  ],
  run,
  complete: async (ctx, inv, toComplete) => (await import('./completion/resources.ts')).resourceTypeAndName()(ctx, inv, toComplete),
};
