// Placeholder while the command is being written; replaced by its implementation.
import type { CommandDef } from '../command.ts';
import { CliError } from '../errors.ts';

export const command: CommandDef = {
  name: 'create',
  short: 'not yet available',
  async run() {
    throw new CliError('this command is not available yet');
  },
};
