// `ktl server`: run the bundled API server in the foreground until SIGINT/SIGTERM.
import type { Command } from 'commander';
import { CliError } from './errors.ts';
import type { Io } from './io.ts';
import { CONTEXT_NAME, defaultDataDir, serverOptions, type ServerFlags } from './server-defaults.ts';

export function register(cmd: Command, io: Io): void {
  serverOptions(cmd)
    .option('--write-kubeconfig <file>', 'Write an admin kubeconfig (mode 0600) once the server is ready')
    .action((flags: ServerFlags & { writeKubeconfig?: string }) => run(flags, io));
}

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
    // Written only once the server listens and is ready: callers wait for the file, then go.
    await writeKubeconfigFile(flags.writeKubeconfig, configFromEntries(entries));
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
