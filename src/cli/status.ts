// `ktl status`: whether the background server runs, where, and with which data.
import type { CommandDef } from './command.ts';
import { flag } from './flags.ts';
import { backgroundFiles, recordedUrl, runningPid } from './background.ts';
import { CliError } from './errors.ts';
import type { Io } from './io.ts';
import { defaultDataDir } from './server-defaults.ts';

export const command: CommandDef = {
  name: 'status',
  short: 'Show whether the background API server is running',
  flags: [flag.string('data-dir', 'Data directory of the server (default ~/.ktl/server)')],
  run: (ctx, inv) => run({ dataDir: inv.flags.string('data-dir') || undefined }, ctx.io),
};

export async function run(flags: { dataDir?: string }, io: Io): Promise<void> {
  const dataDir = flags.dataDir ?? defaultDataDir();
  const files = backgroundFiles(dataDir);
  const pid = runningPid(files);
  if (pid === undefined) {
    io.out.write(`ktl server: stopped\nData:       ${dataDir}\n`);
    // Like `systemctl status`, a stopped service is a distinct, non-zero answer.
    throw new CliError('', 3);
  }
  io.out.write(`ktl server: running (pid ${pid})\nURL:        ${recordedUrl(files) ?? 'unknown'}\nData:       ${dataDir}\nLog:        ${files.log}\n`);
}
