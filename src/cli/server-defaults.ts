// Where the background server lives by default, shared by server, up, down and status.
import type { Command } from 'commander';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.KTL_DATA_DIR || join(homedir(), '.ktl', 'server');
}

export const DEFAULT_PORT = 6443;
export const CONTEXT_NAME = 'ktl';

/** The flags shared by `ktl server` and `ktl up`. */
export interface ServerFlags {
  address: string;
  port: string;
  dataDir?: string;
  storage: string;
}

export function serverOptions(cmd: Command): Command {
  return cmd
    .option('--address <ip>', 'The IP address to listen on', '127.0.0.1')
    .option('--port <port>', 'The port to listen on (0 picks a free one)', String(DEFAULT_PORT))
    .option('--data-dir <dir>', 'Where certificates and objects are kept (default ~/.ktl/server)')
    .option('--storage <kind>', 'Storage backend: sqlite or memory', 'sqlite');
}
