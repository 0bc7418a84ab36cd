// `api-versions`: every group/version the server serves, one a line, sorted; discovery is always
// asked afresh (apiresources/apiversions.go).
import type { CommandDef, Invocation } from './command.ts';
import type { Ctx } from './ctx.ts';
import { CliError } from './errors.ts';

const EXAMPLE = `  # List the group/versions this server offers
  kubectl api-versions`;

async function run(ctx: Ctx, inv: Invocation): Promise<void> {
  if (inv.args.length) {
    throw new CliError(`unexpected arguments: [${inv.args.join(' ')}]\nSee '${[ctx.program, ...inv.path].join(' ')} -h' for help and examples`);
  }
  // no namespace is needed: a bad --context then reads `context "x" does not exist`, as in kubectl
  const client = await ctx.client({ namespaceFirst: false });
  const discovery = await client.discovery();
  discovery.invalidate();
  let groups;
  try {
    groups = await discovery.serverGroups();
  } catch (err) {
    throw new CliError(`couldn't get available api versions from server: ${(err as Error).message}`);
  }
  const versions = groups.flatMap((g) => (g.versions ?? []).map((v) => v.groupVersion)).sort();
  ctx.io.out.write(versions.map((v) => `${v}\n`).join(''));
}

export const command: CommandDef = {
  name: 'api-versions',
  short: 'List the API group/versions the server offers',
  long: 'List the API versions the server offers, one "group/version" a line.',
  example: EXAMPLE,
  run,
};
