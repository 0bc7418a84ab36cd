// What a resource command acts on, resolved from its arguments, -f inputs and selectors through the
// server's discovery (kubectl's resource.Builder): objects by name, collections to list, and
// manifests with the resource they map to. Problems are kept in order for the command to report.
import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { KubeObject } from '../../api/object.ts';
import type { ApiResource, RestMapper } from '../../client/types.ts';
import { parseLabelSelector } from '../../api/labels/label-parser.ts';
import { CliError, aggregate } from '../errors.ts';
import { parseResourceArgs, type ResourceArgs } from './args.ts';
import { isProblem, readInputs, type InputProblem } from './input.ts';

export type Target =
  /** One named object (from `TYPE NAME`, `TYPE/NAME` or a manifest). */
  | { kind: 'object'; resource: ApiResource; namespace: string; name: string; manifest?: KubeObject; source?: string }
  /** A collection: every object of the resource (all namespaces when namespace is undefined). */
  | { kind: 'list'; resource: ApiResource; namespace: string | undefined };

export interface BuildRequest {
  args: readonly string[];
  filenames: readonly string[];
  recursive: boolean;
  /** The namespace to use (-n, context, "default") and whether it was given explicitly. */
  namespace: string;
  namespaceExplicit: boolean;
  allNamespaces: boolean;
  /** -l / --field-selector / --all: listing with a selector, so names are not allowed. */
  selecting: boolean;
  /** --all (delete): a selector given with it is an error. */
  all?: boolean;
  /** -l, which also filters the objects read from -f by their own labels. */
  labelSelector?: string;
  fieldSelector?: string;
  program: string;
  command: string;
  cwd: string;
  stdin?: NodeJS.ReadableStream;
  /** Told when `-f -` takes stdin, so an exec credential plugin does not prompt on it. */
  markStdinInUse?: () => void;
}

export interface Built {
  /** Targets and problems in kubectl's order. */
  items: (Target | InputProblem)[];
}

export { isProblem };

const given = (s: string | undefined) => !!s && s.trim() !== '';

/**
 * The builder's checks before any request, with kubectl's texts and precedence (visitorResult):
 * the problems met while reading the parameters (missing paths, --all with a selector, malformed
 * arguments) together, then what the chosen way of selecting (paths, selectors, names) forbids.
 */
export function checkArguments(req: BuildRequest): ResourceArgs {
  const errs: Error[] = [];
  for (const f of req.filenames) {
    if (f === '-' || /^https?:\/\//.test(f)) continue;
    try {
      statSync(isAbsolute(f) ? f : join(req.cwd, f));
    } catch {
      errs.push(new CliError(`the path ${JSON.stringify(f)} does not exist`));
    }
  }
  if (req.all && (given(req.labelSelector) || given(req.fieldSelector))) errs.push(new CliError("setting 'all' parameter but found a non empty selector. "));
  let parsed: ResourceArgs = { form: 'none' };
  try {
    parsed = parseResourceArgs(req.args, req.program);
  } catch (e) {
    errs.push(e as Error);
  }
  if (errs.length) throw aggregate(errs);
  if (req.filenames.length) {
    if (parsed.form === 'types') throw new CliError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    if (parsed.form === 'pairs') throw new CliError('resource/name arguments cannot be provided when a path is specified');
  } else if (req.selecting) {
    if (parsed.form === 'types' && parsed.names.length) throw new CliError('name cannot be provided when a selector is specified');
    if (parsed.form === 'pairs') throw new CliError('selectors and the all flag cannot be used when passing resource/name arguments');
    if (parsed.form === 'none') throw new CliError('at least one resource must be specified to use a selector');
  }
  return parsed;
}

/**
 * Resolves arguments and -f inputs; throws CliError for usage errors, as kubectl fails before any
 * request. The mapper is asked for only after those checks, so they come before any discovery.
 */
export async function build(mapperOf: () => Promise<RestMapper>, req: BuildRequest): Promise<Built> {
  const parsed = checkArguments(req);
  if (req.filenames.length) return buildFromFiles(await mapperOf(), req);
  if (parsed.form === 'none') return { items: [] };
  const mapper = await mapperOf();
  const namespaceFor = (r: ApiResource) => (!r.namespaced ? '' : req.allNamespaces ? undefined : req.namespace);
  const items: Built['items'] = [];
  if (parsed.form === 'pairs') {
    for (const { type, name } of parsed.pairs) {
      const resource = await mapper.resourceFor(type);
      if (req.allNamespaces && resource.namespaced) throw new CliError('a resource cannot be retrieved by name across all namespaces');
      items.push({ kind: 'object', resource, namespace: resource.namespaced ? req.namespace : '', name });
    }
    return { items };
  }
  // kubectl's order: expand categories of every word, drop repeated words, then resolve each, so
  // the discovery requests (and their log lines on failure) are the same.
  const words: string[] = [];
  for (const type of parsed.types) words.push(...((await mapper.categoryMembers(type)) ?? [type]));
  const resources: ApiResource[] = [];
  for (const word of new Set(words)) resources.push(await mapper.resourceFor(word));
  if (parsed.names.length) {
    if (req.allNamespaces && resources.some((r) => r.namespaced)) throw new CliError('a resource cannot be retrieved by name across all namespaces');
    for (const resource of resources)
      for (const name of parsed.names) items.push({ kind: 'object', resource, namespace: resource.namespaced ? req.namespace : '', name });
    return { items };
  }
  for (const resource of unique(resources)) items.push({ kind: 'list', resource, namespace: namespaceFor(resource) });
  return { items };
}

function unique(resources: ApiResource[]): ApiResource[] {
  const seen = new Set<string>();
  return resources.filter((r) => {
    const key = `${r.group}/${r.resource}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function buildFromFiles(mapper: RestMapper, req: BuildRequest): Promise<Built> {
  if (req.filenames.includes('-')) req.markStdinInUse?.();
  const inputs = await readInputs(req.filenames, { recursive: req.recursive, stdin: req.stdin, cwd: req.cwd });
  const selector = req.labelSelector ? parseSelector(req.labelSelector) : undefined;
  const items: Built['items'] = [];
  for (const item of inputs.items) {
    if (isProblem(item)) {
      items.push(item);
      continue;
    }
    const { object, source } = item;
    const name = object.metadata?.name ?? '';
    const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
    let resource: ApiResource;
    try {
      resource = await mapper.resourceForKind(apiVersion, object.kind!);
    } catch (e) {
      const ns = object.metadata?.namespace ?? '';
      items.push({
        source,
        message: `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(ns)} from ${JSON.stringify(source)}: ${(e as Error).message}\nensure CRDs are installed first`,
      });
      continue;
    }
    let namespace = '';
    if (resource.namespaced) {
      const own = object.metadata?.namespace;
      if (own && req.namespaceExplicit && own !== req.namespace)
        throw new CliError(
          `the namespace from the provided object ${JSON.stringify(own)} does not match the namespace ${JSON.stringify(req.namespace)}. You must pass '--namespace=${own}' to perform this operation.`,
        );
      namespace = own || req.namespace;
    }
    if (selector && !selector.matches(object.metadata?.labels ?? {})) continue;
    items.push({ kind: 'object', resource, namespace, name, manifest: object, source });
  }
  return { items };
}

function parseSelector(text: string) {
  try {
    return parseLabelSelector(text);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

/** The path of a resource's collection or object: /api/v1/namespaces/ns/pods[/name]. */
export function resourcePath(resource: ApiResource, namespace: string | undefined, name?: string): string {
  const base = resource.group ? `/apis/${resource.group}/${resource.version}` : `/api/${resource.version}`;
  const ns = resource.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${resource.resource}${name ? `/${encodeURIComponent(name)}` : ''}`;
}
