// The background server of `ktl up`: its files in the data dir and whether it is alive.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BackgroundFiles {
  pid: string;
  log: string;
  kubeconfig: string;
}

export function backgroundFiles(dataDir: string): BackgroundFiles {
  return { pid: join(dataDir, 'server.pid'), log: join(dataDir, 'server.log'), kubeconfig: join(dataDir, 'admin.kubeconfig') };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live background server, if there is one. */
export function runningPid(files: BackgroundFiles): number | undefined {
  if (!existsSync(files.pid)) return undefined;
  const pid = Number(readFileSync(files.pid, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

/** The server URL recorded in the admin kubeconfig the server wrote. */
export function recordedUrl(files: BackgroundFiles): string | undefined {
  if (!existsSync(files.kubeconfig)) return undefined;
  return /server:\s*(\S+)/.exec(readFileSync(files.kubeconfig, 'utf8'))?.[1];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
