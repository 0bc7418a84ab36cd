// Positional arguments of resource commands as kubectl's builder reads them: `TYPE[,TYPE...]
// [NAME...]` or `TYPE/NAME...`, with its error texts.
import { CliError } from '../errors.ts';

export type ResourceArgs =
  /** Types to list or names to get: `pods`, `pods,svc a b`. */
  | { form: 'types'; types: string[]; names: string[] }
  /** `pod/a svc/b`. */
  | { form: 'pairs'; pairs: { type: string; name: string }[] }
  | { form: 'none' };

/** The resource/name hint always names `get`, whichever command runs: kubectl's builder words it so. */
export function parseResourceArgs(args: readonly string[], program: string): ResourceArgs {
  if (args.length === 0) return { form: 'none' };
  if (args.some((a) => a.includes('/'))) {
    const pairs = args.map((arg) => {
      if (!arg.includes('/'))
        throw new CliError(
          `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${program} get resource/<resource_name>' instead of '${program} get resource resource/<resource_name>'`,
        );
      const parts = arg.split('/');
      if (parts.length > 2) throw new CliError('arguments in resource/name form may not have more than one slash');
      const [type, name] = parts as [string, string];
      if (!type || !name) throw new CliError('arguments in resource/name form must have a single resource and name');
      return { type, name };
    });
    return { form: 'pairs', pairs };
  }
  const [types, ...names] = args as [string, ...string[]];
  // Empty words stay: kubectl maps them too and fails on the first (`cm,,svc`).
  return { form: 'types', types: types.split(','), names };
}
