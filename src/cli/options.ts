// `options`: the global flags every command accepts.
import type { CommandDef } from './command.ts';
import { GLOBAL_FLAGS } from './global-flags.ts';
import { flagsHelp } from './help.ts';

export const command: CommandDef = {
  name: 'options',
  short: 'Print the list of flags inherited by all commands',
  use: '',
  async run(ctx) {
    const flags = GLOBAL_FLAGS.map((f) => (f.name === 'cache-dir' ? { ...f, default: `${ctx.home}/.kube/cache` } : f));
    ctx.io.out.write(`The following options can be passed to any command:\n\n${flagsHelp(flags)}`);
  },
};
