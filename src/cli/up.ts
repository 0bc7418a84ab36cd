// `ktl up`: start the bundled server in the background on the default data dir, then merge context
// "ktl" into the user's kubeconfig (honouring KUBECONFIG and kubectl's write-back rules) and make it
// current.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { backgroundFiles, isAlive, recordedUrl, runningPid, sleep } from './background.ts';
import type { CommandDef } from './command.ts';
import { CliError } from './errors.ts';
import type { Io } from './io.ts';
import { CONTEXT_NAME, defaultDataDir, SERVER_FLAGS, serverFlags, type ServerFlags } from './server-defaults.ts';

type UpFlags = ServerFlags & { kubeconfig?: string };

const START_TIMEOUT_MS = 60_000;

export const command: CommandDef = {
  name: 'up',
  short: 'Start the bundled API server in the background and make context "ktl" current',
  long: 'Start the bundled API server in the background, on the default data directory, and add a cluster,\nuser and context named "ktl" to your kubeconfig, making it the current context.',
  example: '  # Start the server and use it\n  ktl up\n  ktl get namespaces',
  flags: SERVER_FLAGS,
  // --kubeconfig (a global flag) names the kubeconfig to add the context to.
  run: (ctx, inv) => run({ ...serverFlags(inv.flags), kubeconfig: ctx.globals.kubeconfig || undefined }, ctx.io),
};

export async function run(flags: UpFlags, io: Io): Promise<void> {
  const dataDir = flags.dataDir ?? defaultDataDir();
  const files = backgroundFiles(dataDir);
  let pid = runningPid(files);
  if (pid === undefined) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    rmSync(files.kubeconfig, { force: true });
    const log = openSync(files.log, 'a', 0o600);
    const child = spawn(
      process.execPath,
      [
        process.argv[1]!,
        'server',
        '--address',
        flags.address,
        '--port',
        flags.port,
        '--data-dir',
        dataDir,
        '--storage',
        flags.storage,
        '--write-kubeconfig',
        files.kubeconfig,
      ],
      { detached: true, stdio: ['ignore', log, log] },
    );
    closeSync(log);
    pid = child.pid!;
    child.unref();
    writeFileSync(files.pid, `${pid}\n`, { mode: 0o600 });
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!existsSync(files.kubeconfig)) {
      if (!isAlive(pid)) {
        rmSync(files.pid, { force: true });
        const tail = readFileSync(files.log, 'utf8').trim().split('\n').slice(-3).join('\n');
        throw new CliError(`ktl server did not start (see ${files.log}):\n${tail}`);
      }
      if (Date.now() > deadline) throw new CliError(`ktl server did not become ready within ${START_TIMEOUT_MS / 1000}s (see ${files.log})`);
      await sleep(50);
    }
  }
  const { configFromFile } = await import('../kubeconfig/load.ts');
  const { mergeEntries } = await import('../kubeconfig/index.ts');
  const admin = await configFromFile(files.kubeconfig);
  const entries = {
    clusters: { [CONTEXT_NAME]: stripOrigin(admin.clusters[CONTEXT_NAME]) },
    authInfos: { [CONTEXT_NAME]: stripOrigin(admin.authInfos[CONTEXT_NAME]) },
    contexts: { [CONTEXT_NAME]: stripOrigin(admin.contexts[CONTEXT_NAME]) },
    currentContext: CONTEXT_NAME,
  };
  await mergeEntries(flags.kubeconfig ? { explicitPath: flags.kubeconfig } : {}, entries);
  io.out.write(`ktl server running at ${recordedUrl(files) ?? 'unknown'} (pid ${pid}, data ${dataDir})\n`);
  io.out.write(`Switched to context "${CONTEXT_NAME}".\n`);
}

function stripOrigin<T extends { locationOfOrigin?: string }>(entry: T | undefined): T {
  if (!entry) throw new CliError('the server wrote an incomplete kubeconfig');
  const { locationOfOrigin: _l, ...rest } = entry;
  return rest as T;
}
