// Where the background server lives by default, shared by server, up, down and status.
import { homedir } from 'node:os';
import { flag, type Flags, type FlagSpec } from './flags.ts';
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

export const SERVER_FLAGS: FlagSpec[] = [
  flag.string('address', 'The IP address to listen on', { default: '127.0.0.1' }),
  flag.string('port', 'The port to listen on (0 picks a free one)', { default: String(DEFAULT_PORT) }),
  flag.string('data-dir', 'Where certificates and objects are kept (default ~/.ktl/server)'),
  flag.string('storage', 'Storage backend: sqlite or memory', { default: 'sqlite' }),
];

export function serverFlags(flags: Flags): ServerFlags {
  return {
    address: flags.string('address'),
    port: flags.string('port'),
    dataDir: flags.string('data-dir') || undefined,
    storage: flags.string('storage'),
  };
}
