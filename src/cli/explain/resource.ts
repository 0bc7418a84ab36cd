// How explain reads its argument, `TYPE[.field.path]` (pkg/explain/explain.go): the text is parsed
// as a JSONPath of plain fields; without --api-version a `resource.group` prefix picks among the
// resources the first word matches, with it the first word alone names the resource.
import { JsonPathError, type Node } from '../../api/jsonpath/parser.ts';
import type { RestMapper } from '../../client/types.ts';
import type { Gvr } from './plaintext.ts';

/** jsonPathParse: the nodes of `{.<input>}` (a trailing '.' ignored). */
export async function jsonPathNodes(input: string): Promise<Node[]> {
  const { parseTemplate } = await import('../../api/jsonpath/parser.ts');
  const root = parseTemplate(`{.${input.endsWith('.') ? input.slice(0, -1) : input}}`);
  if (root.nodes.length !== 1) throw new JsonPathError('must pass in 1 jsonpath string');
  return (root.nodes[0] as { nodes: Node[] }).nodes;
}

function fieldNames(nodes: Node[], message: string): string[] {
  return nodes.map((n) => {
    if (n.type !== 'field') throw new JsonPathError(message);
    return n.value;
  });
}

function firstField(nodes: Node[]): string {
  const first = nodes[0];
  if (first?.type !== 'field') throw new JsonPathError('invalid jsonpath syntax, first node must be field node');
  return first.value;
}

const groupResource = (r: Gvr) => (r.group ? `${r.resource}.${r.group}` : r.resource);

/** SplitAndParseResourceRequest (with --api-version): the first word is the resource, the rest fields. */
export async function splitAndParse(input: string, mapper: RestMapper): Promise<{ gvr: Gvr; fieldPath: string[] }> {
  const nodes = await jsonPathNodes(input);
  const resource = firstField(nodes);
  const found = await mapper.resourceForGVR({ resource });
  const fieldPath = fieldNames(nodes.slice(1), 'invalid jsonpath syntax, all nodes must be field nodes');
  return { gvr: { group: found.group, version: found.version, resource: found.resource }, fieldPath };
}

/**
 * SplitAndParseResourceRequestWithMatchingPrefix: of the resources the first word matches, the
 * first whose `resource[.group]` starts the input wins and the rest are fields; else the first
 * match, with every word after the first as a field.
 */
export async function splitAndParseWithMatchingPrefix(input: string, mapper: RestMapper): Promise<{ gvr: Gvr; fieldPath: string[] }> {
  const nodes = await jsonPathNodes(input);
  const resource = firstField(nodes);
  const candidates = await mapper.resourcesForGVR({ resource });
  const fieldError = 'invalid jsonpath syntax, first node must be field node';
  for (const gvr of candidates) {
    const prefix = groupResource(gvr);
    if (!input.startsWith(prefix)) continue;
    const suffix = input.slice(prefix.length);
    // the suffix starts with '.', so `{.<suffix>}` begins with a recursive-descent node kubectl skips
    const fieldPath = suffix ? fieldNames((await jsonPathNodes(suffix)).slice(1), fieldError) : [];
    return { gvr: { group: gvr.group, version: gvr.version, resource: gvr.resource }, fieldPath };
  }
  const { group, version, resource: plural } = candidates[0]!;
  return { gvr: { group, version, resource: plural }, fieldPath: fieldNames(nodes.slice(1), fieldError) };
}

/** schema.ParseGroupVersion. */
export function parseGroupVersion(text: string): { group: string; version: string } {
  if (!text || text === '/') return { group: '', version: '' };
  const parts = text.split('/');
  if (parts.length === 1) return { group: '', version: text };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! };
  throw new Error(`unexpected GroupVersion string: ${text}`);
}
