// `ktl server`: run the bundled API server in the foreground until SIGINT/SIGTERM.
import { rename } from 'node:fs/promises';
import type { CommandDef } from './command.ts';
import { CliError } from './errors.ts';
import { flag } from './flags.ts';
import type { Io } from './io.ts';
import { CONTEXT_NAME, defaultDataDir, SERVER_FLAGS, serverFlags, type ServerFlags } from './server-defaults.ts';

export const command: CommandDef = {
  name: 'server',
  short: 'Run the bundled Kubernetes API server in the foreground',
  long: 'Run the bundled Kubernetes API server in the foreground until interrupted.\n\n It serves HTTPS with certificates it keeps in its data directory, and keeps every object there.',
  example: '  # Serve on a free port and write a kubeconfig for it\n  ktl server --port 0 --data-dir /tmp/k --write-kubeconfig /tmp/k/config',
  use: '[--address IP] [--port PORT] [--data-dir DIR] [--storage sqlite|memory] [--write-kubeconfig FILE]',
  flags: [...SERVER_FLAGS, flag.string('write-kubeconfig', 'Write an admin kubeconfig (mode 0600) once the server is ready')],
  run: (ctx, inv) => run({ ...serverFlags(inv.flags), writeKubeconfig: inv.flags.string('write-kubeconfig') || undefined }, ctx.io),
};

export async function run(flags: ServerFlags & { writeKubeconfig?: string }, io: Io): Promise<void> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`invalid port "${flags.port}"`);
  if (flags.storage !== 'sqlite' && flags.storage !== 'memory') throw new CliError(`unknown storage "${flags.storage}": use sqlite or memory`);
  const { createServer } = await import('../server/server.ts');
  const server = await createServer({ address: flags.address, port, dataDir: flags.dataDir ?? defaultDataDir(), storage: flags.storage });
  if (flags.writeKubeconfig) {
    const { adminEntries, configFromEntries, writeKubeconfigFile } = await import('../kubeconfig/index.ts');
    const { ca, admin } = server.pki;
    const entries = adminEntries({ server: server.url, caPem: ca.certPem, clientCertPem: admin.certPem, clientKeyPem: admin.keyPem, name: CONTEXT_NAME });
    // Written only once the server listens and is ready, and whole: callers wait for the file to
    // appear and read it at once, so it is written aside and renamed into place.
    const partial = `${flags.writeKubeconfig}.${process.pid}.tmp`;
    await writeKubeconfigFile(partial, configFromEntries(entries));
    await rename(partial, flags.writeKubeconfig);
  }
  io.err.write(`ktl server listening on ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
