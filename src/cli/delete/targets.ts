// What `delete` acts on, as kubectl's builder gives it to the command (ContinueOnError, objects by
// name not read first): usage errors and type lookups up front, then a visit that yields objects
// and per-source errors in order, listing each selected collection only when its turn comes.
import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { KubeList } from '../../api/object.ts';
import type { ApiClient, ApiResource } from '../../client/types.ts';
import type { Ctx } from '../ctx.ts';
import { CliError, isKubectlError } from '../errors.ts';
import type { Target } from '../resource/builder.ts';
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

/** Several errors, one per line (CheckErr's MultipleErrors); API errors in kubectl's words. */
export class MultipleErrors extends Error {
  readonly exitCode = 1;
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join('\n'));
  }
  kubectlMessage(): string {
    return this.errors.map((e) => (isKubectlError(e) ? e.kubectlMessage() : e.message)).join('\n');
  }
}

/** An aggregate of one is that error itself (checkErr unwraps it). */
export function aggregate(errors: Error[]): Error {
  return errors.length === 1 ? errors[0]! : new MultipleErrors(errors);
}

const trimmed = (s: string) => s.trim() !== '';

/**
 * The builder's checks that come before any request, with kubectl's texts and precedence
 * (builder.go visitorResult): errors collected while reading the parameters first, then what the
 * chosen way of selecting (paths, selectors, names) forbids.
 */
export function checkSelection(o: DeleteOptions, args: readonly string[], cwd: string, parse: (args: readonly string[]) => { kind: 'pairs' | 'types' | 'none'; names: number }): void {
  const errs: Error[] = [];
  for (const f of o.filenames) {
    if (f === '-' || /^https?:\/\//.test(f)) continue;
    try {
      statSync(isAbsolute(f) ? f : join(cwd, f));
    } catch {
      errs.push(new CliError(`the path ${JSON.stringify(f)} does not exist`));
    }
  }
  const selecting = o.all || trimmed(o.labelSelector) || trimmed(o.fieldSelector);
  if (o.all && (trimmed(o.labelSelector) || trimmed(o.fieldSelector))) errs.push(new CliError("setting 'all' parameter but found a non empty selector. "));
  let shape: ReturnType<typeof parse> = { kind: 'none', names: 0 };
  try {
    shape = parse(args);
  } catch (e) {
    errs.push(e as Error);
  }
  if (errs.length) throw aggregate(errs);
  if (o.filenames.length) {
    if (shape.kind === 'types') throw new CliError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    if (shape.kind === 'pairs') throw new CliError('resource/name arguments cannot be provided when a path is specified');
    return;
  }
  if (selecting) {
    if (shape.kind === 'types' && shape.names > 0) throw new CliError('name cannot be provided when a selector is specified');
    if (shape.kind === 'pairs') throw new CliError('selectors and the all flag cannot be used when passing resource/name arguments');
    if (shape.kind === 'none') throw new CliError('at least one resource must be specified to use a selector');
    return;
  }
  if (shape.kind === 'none') throw new CliError(MISSING_RESOURCE);
}

/** Resolves arguments and -f inputs (the Complete step); throws what kubectl reports before deleting. */
export async function resolve(ctx: Ctx, client: ApiClient, o: DeleteOptions, args: readonly string[]): Promise<Resolved> {
  const [{ build, resourcePath }, { parseResourceArgs }] = await Promise.all([import('../resource/builder.ts'), import('../resource/args.ts')]);
  checkSelection(o, args, ctx.cwd, (a) => {
    // kubectl's builder names `get` in this message whatever the command
    const parsed = parseResourceArgs(a, ctx.program);
    return { kind: parsed.form, names: parsed.form === 'types' ? parsed.names.length : 0 };
  });
  const selecting = o.all || trimmed(o.labelSelector) || trimmed(o.fieldSelector);
  const built = await build(await client.mapper(), {
    args,
    filenames: o.filenames,
    recursive: o.recursive,
    namespace: client.namespace,
    namespaceExplicit: client.namespaceExplicit,
    allNamespaces: o.allNamespaces,
    selecting,
    // --all selects everything, also from -f
    labelSelector: o.labelSelector.trim() || undefined,
    program: ctx.program,
    command: 'delete',
    cwd: ctx.cwd,
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
