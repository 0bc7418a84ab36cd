// `get`: kubectl's GetOptions Complete → Validate → Run. --raw prints one GET's body; -w/--watch-only
// watch one type; otherwise the objects named by arguments, -f files or selectors are fetched
// (as server-side Tables for table output) and printed as tables or in the -o format.
import type { CommandDef, Invocation } from '../command.ts';
import type { Ctx } from '../ctx.ts';
import { CliError } from '../errors.ts';
import { EXAMPLE, FLAGS, GET_OUTPUT_FORMATS, LONG, USE, missingResourceError, readOptions, validate } from './flags.ts';

async function run(ctx: Ctx, inv: Invocation): Promise<void> {
  const o = readOptions(inv);
  if (o.raw) {
    if (o.args.length) throw new CliError('arguments may not be passed when --raw is specified');
    validate(o);
    const { runRaw } = await import('./raw.ts');
    return runRaw(ctx, o.raw);
  }
  // Complete: the namespace first, as kubectl resolves it before anything else
  const client = await ctx.client();
  if (o.watch) {
    if (o.sortBy) ctx.io.err.write('warning: --watch requested, --sort-by will be ignored for watch events received\n');
  } else if (o.watchOnly) {
    if (o.sortBy) ctx.io.err.write('warning: --watch-only requested, --sort-by will be ignored\n');
  } else if (o.args.length === 0 && o.filenames.length === 0) {
    ctx.io.err.write(`You must specify the type of resource to get. Use "${ctx.program} api-resources" for a complete list of supported resources.\n\n`);
    throw missingResourceError(ctx.program);
  }
  validate(o);
  if (o.watch || o.watchOnly) {
    const { runWatch } = await import('./watch.ts');
    return runWatch(ctx, o);
  }
  const [{ collect, requestShape, resolveTargets }, { dropNotFound, printGeneric, printTables }] = await Promise.all([import('./fetch.ts'), import('./print.ts')]);
  const { targets, singleItemImplied } = await resolveTargets(ctx, client, o);
  // sorting needs every object at once: no pages
  const { infos, errors } = await collect(client, targets, requestShape(o, o.sortBy ? 0 : o.chunkSize));
  const kept = o.ignoreNotFound ? dropNotFound(errors) : errors;
  if (!o.humanReadable) return printGeneric(ctx, o, infos, kept, singleItemImplied);
  return printTables(ctx, o, client.namespace, infos, kept);
}

export const command: CommandDef = {
  name: 'get',
  short: 'List objects or show one, in many formats',
  long: LONG,
  example: EXAMPLE,
  use: USE,
  flags: FLAGS,
  run,
  complete: async (ctx, inv, toComplete) => (await import('../completion/resources.ts')).resourceTypeAndName()(ctx, inv, toComplete),
  completeFlag: {
    output: async (ctx, inv, toComplete) => (await import('../completion/resources.ts')).fixedValues(GET_OUTPUT_FORMATS)(ctx, inv, toComplete),
  },
};
