// Where the background server lives by default, shared by server, up, down and status.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.KTL_DATA_DIR || join(homedir(), '.ktl', 'server');
}

export const DEFAULT_PORT = 6443;
export const CONTEXT_NAME = 'ktl';
