// `ktl down`: stop the background server (SIGTERM, then SIGKILL after a grace period).
import type { CommandDef } from './command.ts';
import { flag } from './flags.ts';
import { rmSync } from 'node:fs';
import { backgroundFiles, isAlive, runningPid, sleep } from './background.ts';
import type { Io } from './io.ts';
import { defaultDataDir } from './server-defaults.ts';

const GRACE_MS = 10_000;

export const command: CommandDef = {
  name: 'down',
  short: 'Stop the background API server started by "ktl up"',
  flags: [flag.string('data-dir', 'Data directory of the server (default ~/.ktl/server)')],
  run: (ctx, inv) => run({ dataDir: inv.flags.string('data-dir') || undefined }, ctx.io),
};

export async function run(flags: { dataDir?: string }, io: Io): Promise<void> {
  const files = backgroundFiles(flags.dataDir ?? defaultDataDir());
  const pid = runningPid(files);
  if (pid === undefined) {
    rmSync(files.pid, { force: true });
    io.out.write('ktl server is not running\n');
    return;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + GRACE_MS;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(files.pid, { force: true });
  io.out.write(`ktl server stopped (pid ${pid})\n`);
}
