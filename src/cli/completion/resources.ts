// Completion of what lives on the server: resource types (from discovery) and object names (from
// list calls), the way kubectl's completion helpers answer them (pkg/util/completion). Each helper
// swallows errors: a TAB never fails, it only offers less (the shell scripts discard stderr).
import type { KubeList, KubeObject } from '../../api/object.ts';
import type { ApiClient, ApiResource } from '../../client/types.ts';
import type { Completions, Invocation } from '../command.ts';
import type { Ctx } from '../ctx.ts';
import { Directive } from './directive.ts';

/** A `complete()` or `completeFlag` hook. */
export type CompleteFn = (ctx: Ctx, inv: Invocation, toComplete: string) => Promise<Completions>;

/** The URL of a resource's collection, namespaced or not. */
export function collectionPath(r: Pick<ApiResource, 'group' | 'version' | 'resource' | 'namespaced'>, namespace: string): string {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  return `${base}${r.namespaced ? `/namespaces/${encodeURIComponent(namespace)}` : ''}/${r.resource}`;
}

/** Every object of one resource, in pages of 500 as `kubectl get` reads them. */
async function listAll(client: ApiClient, r: ApiResource): Promise<KubeObject[]> {
  const items: KubeObject[] = [];
  let token: string | undefined;
  do {
    const page = await client.get<KubeList>(collectionPath(r, client.namespace), {
      query: { limit: 500, continue: token },
      accept: 'application/json',
    });
    items.push(...(page.items ?? []));
    token = page.metadata?.continue || undefined;
  } while (token);
  return items;
}

/**
 * Resource types as `get ''` offers them: `kubectl api-resources -o name --verbs=get` (preferred
 * versions; plurals, `.group` for non-core groups; sorted by group, then name). In a comma list only
 * the last element is completed: `pods,se` → `pods,secrets`, `pods,services`.
 */
export async function completeResourceTypes(ctx: Ctx, toComplete: string): Promise<string[]> {
  let all: ApiResource[];
  try {
    all = await (await (await ctx.client()).mapper()).all();
  } catch {
    // The client has logged kubectl's discovery complaint on stderr.
    return [];
  }
  const listed = all
    .filter((r) => r.preferred && !r.resource.includes('/') && r.verbs.includes('get'))
    .sort((a, b) => (a.group === b.group ? cmp(a.resource, b.resource) : cmp(a.group, b.group)))
    .map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource));
  const comma = toComplete.lastIndexOf(',');
  const head = toComplete.slice(0, comma + 1);
  const word = toComplete.slice(comma + 1);
  return [...new Set(listed)].filter((n) => n.startsWith(word)).map((n) => head + n);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Names of the objects of `resource` (anything `get` accepts: `pods`, `po`, `deploy.apps`, `cm,svc`,
 * a category such as `all`) in the namespace of the invocation, that start with `toComplete` and
 * are not in `exclude` (the names already on the command line).
 */
export async function completeResourceNames(ctx: Ctx, resource: string, toComplete: string, exclude: readonly string[] = []): Promise<string[]> {
  let client: ApiClient;
  let resources: ApiResource[] = [];
  try {
    client = await ctx.client();
    const mapper = await client.mapper();
    for (const part of resource.split(',')) {
      if (!part) continue;
      // kubectl's builder expands categories before it maps resource names.
      resources.push(...((await mapper.category(part)) ?? [await mapper.resourceFor(part)]));
    }
  } catch {
    // `get` maps every type before it lists any: one unknown type and nothing is listed. Discovery
    // failures are on stderr already, in kubectl's words, from the client.
    return [];
  }
  const names: string[] = [];
  for (const r of resources) {
    try {
      for (const item of await listAll(client, r)) if (item.metadata?.name) names.push(item.metadata.name);
    } catch {
      // kubectl get goes on with the next type and prints what it found.
    }
  }
  const excluded = new Set(exclude);
  return names.filter((n) => n.startsWith(toComplete) && !excluded.has(n));
}

/** `type/prefix` → `type/name` for each matching object; nothing when there is no `/` yet. */
export async function completeTypeSlashName(ctx: Ctx, toComplete: string, exclude: readonly string[] = []): Promise<string[]> {
  const slash = toComplete.indexOf('/');
  if (slash < 0) return [];
  const type = toComplete.slice(0, slash);
  const names = await completeResourceNames(ctx, type, toComplete.slice(slash + 1));
  const excluded = new Set(exclude);
  return names.map((n) => `${type}/${n}`).filter((c) => !excluded.has(c));
}

/** Namespaces on the server (for -n/--namespace and `config set-context --namespace`). */
export const completeNamespaces = (ctx: Ctx, toComplete: string): Promise<string[]> => completeResourceNames(ctx, 'namespace', toComplete);

export interface TypeAndNameOptions {
  /** Only these types are offered (e.g. rollout's deployments, daemonsets, statefulsets). */
  allowedTypes?: readonly string[];
  /** Whether several objects may follow (get, delete) or only one (rollout status). Default true. */
  repeat?: boolean;
}

/**
 * The `complete()` hook of get, describe, delete, label... (kubectl's ResourceTypeAndNameCompletionFunc):
 * first a type, then names of that type; or `type/name` words, all in that form once the first is.
 */
export function resourceTypeAndName(opts: TypeAndNameOptions = {}): CompleteFn {
  const repeat = opts.repeat ?? true;
  const types = async (ctx: Ctx, toComplete: string) =>
    opts.allowedTypes ? opts.allowedTypes.filter((t) => t.startsWith(toComplete)) : completeResourceTypes(ctx, toComplete);
  return async (ctx, { args }, toComplete) => {
    const first = args[0];
    if (first !== undefined && !first.includes('/')) {
      // `TYPE name name...`: names of that type, minus those already typed.
      if (!repeat && args.length > 1) return { candidates: [], directive: Directive.NoFileComp };
      return { candidates: await completeResourceNames(ctx, first, toComplete, args.slice(1)), directive: Directive.NoFileComp };
    }
    if (toComplete.includes('/')) {
      if (!repeat && args.length > 0) return { candidates: [], directive: Directive.NoFileComp };
      return { candidates: await completeTypeSlashName(ctx, toComplete, args), directive: Directive.NoFileComp };
    }
    if (args.length === 0) return { candidates: await types(ctx, toComplete), directive: Directive.NoFileComp };
    // After a `type/name` word the next one is `type/` too: no space after the slash.
    if (!repeat) return { candidates: [], directive: Directive.NoFileComp };
    return { candidates: (await types(ctx, toComplete)).map((t) => `${t}/`), directive: Directive.NoFileComp | Directive.NoSpace };
  };
}

/** Names of one type as the first argument only (kubectl's ResourceNameCompletionFunc). */
export function resourceName(type: string): CompleteFn {
  return async (ctx, { args }, toComplete) => ({
    candidates: args.length === 0 ? await completeResourceNames(ctx, type, toComplete) : [],
    directive: Directive.NoFileComp,
  });
}

/** Fixed choices filtered by prefix, e.g. the -o formats a command accepts. */
export function fixedValues(values: readonly string[], directive: number = Directive.NoFileComp): CompleteFn {
  return async (_ctx, _inv, toComplete) => ({ candidates: values.filter((v) => v.startsWith(toComplete)), directive });
}
