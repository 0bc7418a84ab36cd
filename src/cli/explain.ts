// `explain`: the fields of a resource type, or of a field inside it, from the server's OpenAPI v3
// documents, in kubectl's plaintext layout (cmd/explain/explain.go, explain/v2). The rendering is
// in explain/plaintext.ts; argument parsing in explain/resource.ts.
import type { CommandDef, Invocation } from './command.ts';
import type { Ctx } from './ctx.ts';
import { CliError } from './errors.ts';
import { flag } from './flags.ts';

const LONG = `Show what the fields of a resource type are and mean.

 Name a type, or a field inside it with a dotted path, to see its kind, its description and the fields below it with their types:

        <type>.<fieldName>[.<fieldName>]

 The descriptions come from the OpenAPI documents the server publishes, so custom resources are covered too.

Use "kubectl api-resources" for a complete list of supported resources.`;

const EXAMPLE = `  # The fields of a Pod, with what each means
  kubectl explain pods
  
  # The whole tree of field names of a Pod
  kubectl explain pods --recursive
  
  # Deployments as a given group/version serves them
  kubectl explain deployments --api-version=apps/v1
  
  # One field and the fields below it
  kubectl explain pods.spec.containers
  
  # A custom resource, named with its group
  kubectl explain widgets.example.com.spec`;

const PLAINTEXT = 'plaintext';
const PLAINTEXT_V2 = 'plaintext-openapiv2';

async function run(ctx: Ctx, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const apiVersion = f.string('api-version');
  const recursive = f.bool('recursive');
  const output = f.string('output');
  // kubectl builds its clients (config errors) before it looks at the arguments
  const client = await ctx.client({ namespaceFirst: false });
  if (inv.args.length === 0) {
    throw new CliError(`You must specify the type of resource to explain. Use "${ctx.program} api-resources" for a complete list of supported resources.\n`);
  }
  if (inv.args.length > 1) throw new CliError('We accept only this format: explain RESOURCE\n');

  const { splitAndParse, splitAndParseWithMatchingPrefix, parseGroupVersion } = await import('./explain/resource.ts');
  const mapper = await client.mapper();
  const arg = inv.args[0]!;
  const { gvr, fieldPath } = apiVersion ? await splitAndParse(arg, mapper) : await splitAndParseWithMatchingPrefix(arg, mapper);

  const { fetchPaths, fetchSchema } = await import('./explain/openapi.ts');
  let paths;
  if (output === PLAINTEXT_V2) throw v2Unsupported();
  try {
    paths = await fetchPaths(client);
  } catch (err) {
    // kubectl falls back to OpenAPI v2 for a plaintext explain when v3 is not served
    if (output === PLAINTEXT) throw new CliError(`the server does not serve OpenAPI v3 (${(err as Error).message}), and ktl does not explain from OpenAPI v2`);
    throw new CliError(`failed to fetch list of groupVersions: ${(err as Error).message}`);
  }
  if (apiVersion) Object.assign(gvr, parseGroupVersion(apiVersion));
  const path = gvr.group ? `apis/${gvr.group}/${gvr.version}` : `api/${gvr.version}`;
  const url = paths[path];
  if (url === undefined) throw new CliError(`couldn't find resource for "${gvr.group}/${gvr.version}, Resource=${gvr.resource}"`);
  let text: string;
  try {
    text = await fetchSchema(client, url);
  } catch (err) {
    throw new CliError(`failed to fetch openapi schema for ${path}: ${(err as Error).message}`);
  }
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new CliError(`failed to parse openapi schema for ${path}: ${(err as Error).message}`);
  }
  if (output !== PLAINTEXT) throw new CliError(`unrecognized format: ${output}`);
  const { renderPlaintext } = await import('./explain/plaintext.ts');
  const rendered = renderPlaintext(doc, gvr, fieldPath, recursive);
  ctx.io.out.write(rendered.out);
  if (rendered.error) throw rendered.error;
}

/** ktl reads only OpenAPI v3; kubectl's v2 renderer has no counterpart here. */
const v2Unsupported = () => new CliError('explain from the OpenAPI v2 document (--output=plaintext-openapiv2) is not supported by ktl; use --output=plaintext');

export const command: CommandDef = {
  name: 'explain',
  short: 'Show the fields of a resource type and what they mean',
  long: LONG,
  example: EXAMPLE,
  use: 'TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]',
  flags: [
    flag.string('api-version', 'Explain the type as this group/version serves it (e.g. apps/v1), instead of the preferred version.'),
    flag.string('output', 'How to render the schema. ktl renders plaintext; plaintext-openapiv2 (the OpenAPI v2 layout) is refused.', { shorthand: 'o', default: PLAINTEXT }),
    flag.bool('recursive', 'List the names and types of all fields, however deep, without their descriptions.'),
  ],
  run,
};
