// What get reads from the server (kubectl's Builder with Latest, Flatten and ContinueOnError):
// named objects and -f manifests read back one by one, collections listed in pages, each request
// asking for a server-side Table when a table is to be printed. Errors are kept in visiting order.
import { statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { KubeObject } from '../../api/object.ts';
import type { ApiClient, ApiResource } from '../../client/types.ts';
import type { Ctx } from '../ctx.ts';
import { CliError } from '../errors.ts';
import type { Target } from '../resource/builder.ts';
import type { InputProblem } from '../resource/input.ts';
import type { GetOptions } from './flags.ts';
import { toError } from './errors.ts';

/** What kubectl get sends to be answered with a Table (get.go transformRequests). */
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/** One fetched thing: a Table (a page of one), an object, or a list (watch keeps lists whole). */
export interface Info {
  resource: ApiResource;
  object: KubeObject;
}

/** How the requests are shaped. */
export interface RequestShape {
  table: boolean;
  /** --sort-by on a table: rows carry whole objects. */
  includeObject: boolean;
  labelSelector: string;
  fieldSelector: string;
  chunkSize: number;
  subresource: string;
}

export function requestShape(o: GetOptions, chunkSize = o.chunkSize): RequestShape {
  const table = o.serverPrint && o.humanReadable;
  return {
    table,
    includeObject: table && o.sortBy !== '',
    labelSelector: o.labelSelector,
    fieldSelector: o.fieldSelector,
    chunkSize,
    subresource: o.subresource,
  };
}

export interface Resolved {
  targets: (Target | InputProblem)[];
  /** Result.singleItemImplied: one name, one TYPE/NAME, or one manifest file. */
  singleItemImplied: boolean;
  /** The builder's sources (for watch: only one can be watched). */
  sources: number;
}

function isDirectory(cwd: string, path: string): boolean {
  try {
    return statSync(resolvePath(cwd, path)).isDirectory();
  } catch {
    return false;
  }
}

/** Resolves arguments and -f inputs into what to read; usage and mapping errors are thrown. */
export async function resolveTargets(ctx: Ctx, client: ApiClient, o: GetOptions): Promise<Resolved> {
  const { build } = await import('../resource/builder.ts');
  const built = await build(() => client.mapper(), {
    args: o.args,
    filenames: o.filenames,
    recursive: o.recursive,
    namespace: client.namespace,
    namespaceExplicit: client.namespaceExplicit && !o.allNamespaces,
    allNamespaces: o.allNamespaces,
    selecting: o.labelSelector !== '' || o.fieldSelector !== '',
    labelSelector: o.labelSelector,
    program: ctx.program,
    command: 'get',
    cwd: ctx.cwd,
    stdin: ctx.io.in,
    markStdinInUse: () => client.markStdinInUse(),
  });
  const targets = built.items;
  if (o.subresource && targets.some((t) => 'kind' in t && t.kind === 'list')) throw new CliError('subresource cannot be used when bulk resources are specified');
  let singleItemImplied: boolean;
  let sources: number;
  if (o.filenames.length) {
    // one file in all (a directory holding a single file counts as one), not stdin
    const files = new Set(targets.map((t) => ('message' in t || t.kind === 'object' ? t.source ?? '' : '')));
    singleItemImplied = !o.filenames.includes('-') && (files.size === 1 || (files.size === 0 && o.filenames.length === 1 && !isDirectory(ctx.cwd, o.filenames[0]!)));
    sources = files.size || o.filenames.length;
  } else {
    singleItemImplied = targets.length === 1 && 'kind' in targets[0]! && targets[0].kind === 'object';
    sources = targets.length;
  }
  return { targets, singleItemImplied, sources };
}

function objectPath(resourcePath: (r: ApiResource, ns: string | undefined, name?: string) => string, t: Extract<Target, { kind: 'object' }>, shape: RequestShape): string {
  const path = resourcePath(t.resource, t.namespace, t.name);
  return shape.subresource ? `${path}/${shape.subresource}` : path;
}

/** GETs one object (or its subresource), as a Table when asked. */
export async function getObject(client: ApiClient, t: Extract<Target, { kind: 'object' }>, shape: RequestShape): Promise<KubeObject> {
  const { resourcePath } = await import('../resource/builder.ts');
  return client.get<KubeObject>(objectPath(resourcePath, t, shape), {
    accept: shape.table ? TABLE_ACCEPT : 'application/json',
    query: { includeObject: shape.includeObject ? 'Object' : undefined },
    target: { group: t.resource.group, resource: t.resource.resource, name: t.name },
  });
}

/** Lists a collection page by page (limit/continue); each page is yielded as the server sent it. */
export async function* listPages(client: ApiClient, t: Extract<Target, { kind: 'list' }>, shape: RequestShape): AsyncGenerator<KubeObject> {
  const { resourcePath } = await import('../resource/builder.ts');
  let cont = '';
  do {
    let page: KubeObject;
    try {
      page = await client.get<KubeObject>(resourcePath(t.resource, t.namespace), {
        accept: shape.table ? TABLE_ACCEPT : 'application/json',
        query: {
          labelSelector: shape.labelSelector || undefined,
          fieldSelector: shape.fieldSelector || undefined,
          limit: shape.chunkSize > 0 ? shape.chunkSize : undefined,
          continue: cont || undefined,
          includeObject: shape.includeObject ? 'Object' : undefined,
        },
        target: { group: t.resource.group, resource: t.resource.resource },
      });
    } catch (e) {
      throw await enhanceListError(e, t.resource, shape);
    }
    yield page;
    cont = (page.metadata as { continue?: string } | undefined)?.continue ?? '';
  } while (cont);
}

/** EnhanceListError: a rejected list says what was listed, and with which selectors. */
async function enhanceListError(e: unknown, resource: ApiResource, shape: RequestShape): Promise<Error> {
  const [{ StatusError }, { goQuote }] = await Promise.all([import('../../client/errors.ts'), import('../../client/go-text.ts')]);
  if (!(e instanceof StatusError) || (e.reason !== 'BadRequest' && e.reason !== 'NotFound')) return toError(e);
  const subject = `${resource.group ? `${resource.group}/` : '/'}${resource.version}, Resource=${resource.resource}`;
  const message =
    shape.labelSelector || shape.fieldSelector
      ? `Unable to find ${goQuote(subject)} that match label selector ${goQuote(shape.labelSelector)}, field selector ${goQuote(shape.fieldSelector)}: ${e.message}`
      : `Unable to list ${goQuote(subject)}: ${e.message}`;
  return new StatusError({ ...e.status, message }, e.code);
}

const isListObject = (obj: KubeObject) => Array.isArray(obj.items);

/**
 * Everything the targets name, flattened as kubectl's Flatten does: list pages become their items
 * (Tables stay whole, one per page). Errors do not stop the visit; they come back in order.
 */
export async function collect(client: ApiClient, targets: (Target | InputProblem)[], shape: RequestShape): Promise<{ infos: Info[]; errors: Error[] }> {
  const { listItems } = await import('../../printers/index.ts');
  const infos: Info[] = [];
  const errors: Error[] = [];
  const add = (resource: ApiResource, obj: KubeObject) => {
    if (isListObject(obj)) for (const item of listItems(obj)) infos.push({ resource, object: item as KubeObject });
    else infos.push({ resource, object: obj });
  };
  for (const t of targets) {
    if ('message' in t) {
      errors.push(new Error(t.message));
      continue;
    }
    try {
      if (t.kind === 'object') add(t.resource, await getObject(client, t, shape));
      else for await (const page of listPages(client, t, shape)) add(t.resource, page);
    } catch (e) {
      errors.push(toError(e));
    }
  }
  return { infos, errors };
}
