// `config get-contexts [NAME...]`: a table of contexts (`*` marks the current one), or just names.
import type { CommandDef } from '../command.ts';
import { CliError } from '../errors.ts';
import { flag } from '../flags.ts';
import { TabWriter } from '../../printers/tabwriter.ts';
import { aggregateError, configAccess } from './access.ts';

export const command: CommandDef = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  long: 'List the contexts of the kubeconfig, or only the named ones.',
  example: '  # List every context\n  kubectl config get-contexts\n\n  # Show one context\n  kubectl config get-contexts dev',
  use: '[(-o|--output=)name)]',
  flags: [
    flag.bool('no-headers', 'Leave out the header line of the table'),
    flag.string('output', 'Output format: name prints only the context names.', { shorthand: 'o' }),
  ],
  async run(ctx, inv) {
    const output = inv.flags.string('output');
    if (output !== '' && output !== 'name') {
      throw new CliError(`--output ${output} is not available in ${ctx.program} config get-contexts; resetting to default output format`);
    }
    const nameOnly = output === 'name';
    const headers = !nameOnly && !inv.flags.bool('no-headers');
    const config = await configAccess(ctx).startingConfig();
    const errors: string[] = [];
    let names: string[];
    if (inv.args.length === 0) names = Object.keys(config.contexts);
    else {
      names = inv.args.filter((n) => Object.hasOwn(config.contexts, n));
      for (const n of inv.args) if (!Object.hasOwn(config.contexts, n)) errors.push(`context ${n} not found`);
    }
    const out = new TabWriter(ctx.io.out);
    if (headers) out.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
    for (const name of names.sort()) {
      if (nameOnly) out.write(`${name}\n`);
      else {
        const c = config.contexts[name]!;
        out.write(`${config.currentContext === name ? '*' : ' '}\t${name}\t${c.cluster}\t${c.authInfo}\t${c.namespace ?? ''}\n`);
      }
    }
    out.flush();
    if (errors.length) throw aggregateError(errors);
  },
};
