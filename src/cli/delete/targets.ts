// What `delete` acts on, as kubectl's builder gives it to the command (ContinueOnError, objects by
// name not read first): usage errors and type lookups up front, then a visit that yields objects
// and per-source errors in order, listing each selected collection only when its turn comes.
import type { KubeList } from '../../api/object.ts';
import type { ApiClient, ApiResource } from '../../client/types.ts';
import type { Ctx } from '../ctx.ts';
import { CliError, MultipleErrors, aggregate } from '../errors.ts';
import type { BuildRequest, Target } from '../resource/builder.ts';
import type { DeleteOptions } from './options.ts';

/** One object to delete. */
export interface Info {
  resource: ApiResource;
  namespace: string;
  name: string;
  /** The -f source it came from, for `error when deleting "<source>": …`. */
  source?: string;
}

export interface Resolved {
  /** Objects and errors in kubectl's visiting order; collections are listed lazily. */
  visit(): AsyncGenerator<Info | Error>;
}

const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export { MultipleErrors, aggregate };

const trimmed = (s: string) => s.trim() !== '';

/** What delete asks the builder for; a blank selector is no selector. */
export function buildRequest(o: DeleteOptions, args: readonly string[], ctx: Pick<Ctx, 'program' | 'cwd'>): BuildRequest {
  return {
    args,
    filenames: o.filenames,
    recursive: o.recursive,
    namespace: '',
    namespaceExplicit: false,
    allNamespaces: o.allNamespaces,
    selecting: o.all || trimmed(o.labelSelector) || trimmed(o.fieldSelector),
    all: o.all,
    // --all selects everything, also from -f
    labelSelector: o.labelSelector.trim() || undefined,
    fieldSelector: o.fieldSelector.trim() || undefined,
    program: ctx.program,
    command: 'delete',
    cwd: ctx.cwd,
  };
}

/** Nothing named at all: kubectl's usage text, before the builder has anything to say. */
export function checkSomethingSelected(req: BuildRequest): void {
  if (!req.args.length && !req.filenames.length && !req.selecting) throw new CliError(MISSING_RESOURCE);
}

/** Resolves arguments and -f inputs (the Complete step); throws what kubectl reports before deleting. */
export async function resolve(ctx: Ctx, client: ApiClient, o: DeleteOptions, args: readonly string[]): Promise<Resolved> {
  const { build, resourcePath } = await import('../resource/builder.ts');
  const request = buildRequest(o, args, ctx);
  checkSomethingSelected(request);
  const selecting = request.selecting;
  const built = await build(() => client.mapper(), {
    ...request,
    namespace: client.namespace,
    namespaceExplicit: client.namespaceExplicit,
    stdin: ctx.io.in,
    markStdinInUse: () => client.markStdinInUse(),
  });
  // types alone select nothing: kubectl wants names, a selector or --all
  if (!selecting && !o.filenames.length && built.items.some((t) => 'kind' in t && t.kind === 'list')) throw new CliError('resource(s) were provided, but no name was specified');
  const labelSelector = o.labelSelector.trim();
  const fieldSelector = o.fieldSelector.trim();
  async function* visit(): AsyncGenerator<Info | Error> {
    for (const item of built.items) {
      if ('message' in item) {
        yield new Error(item.message);
        continue;
      }
      const target = item as Target;
      if (target.kind === 'object') {
        yield { resource: target.resource, namespace: target.namespace, name: target.name, source: target.source };
        continue;
      }
      let list: KubeList;
      try {
        list = await client.get<KubeList>(resourcePath(target.resource, target.namespace), {
          query: { labelSelector: labelSelector || undefined, fieldSelector: fieldSelector || undefined },
          target: { group: target.resource.group, resource: target.resource.resource },
        });
      } catch (e) {
        yield await enhanceListError(e, target.resource, labelSelector, fieldSelector);
        continue;
      }
      for (const obj of list.items ?? []) {
        yield { resource: target.resource, namespace: target.resource.namespaced ? (obj.metadata?.namespace ?? '') : '', name: obj.metadata?.name ?? '' };
      }
    }
  }
  return { visit };
}

/** EnhanceListError: a rejected list says what was listed, and with which selectors. */
async function enhanceListError(e: unknown, resource: ApiResource, labelSelector: string, fieldSelector: string): Promise<Error> {
  const [{ StatusError }, { goQuote }] = await Promise.all([import('../../client/errors.ts'), import('../../client/go-text.ts')]);
  if (!(e instanceof StatusError) || (e.reason !== 'BadRequest' && e.reason !== 'NotFound')) return e instanceof Error ? e : new Error(String(e));
  const subject = `${resource.group ? `${resource.group}/` : '/'}${resource.version}, Resource=${resource.resource}`;
  const message =
    labelSelector || fieldSelector
      ? `Unable to find ${goQuote(subject)} that match label selector ${goQuote(labelSelector)}, field selector ${goQuote(fieldSelector)}: ${e.message}`
      : `Unable to list ${goQuote(subject)}: ${e.message}`;
  return new StatusError({ ...e.status, message }, e.code);
}

/** `kind[.group]` in lower case, as delete names what it deleted. */
export function kindString(resource: Pick<ApiResource, 'kind' | 'group'>): string {
  const kind = resource.kind.toLowerCase();
  return resource.group ? `${kind}.${resource.group}` : kind;
}

/** Where an object sits, for matching the interactive preview against what is deleted. */
export const locationKey = (i: Info): string => `${i.resource.group}/${i.resource.resource}/${i.namespace}/${i.name}`;
