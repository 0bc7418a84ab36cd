// --match-server-version: the server's /version must carry the client's gitVersion, gitCommit and
// gitTreeState (client-go discovery.MatchesServerVersion), else kubectl's error with both version
// structs printed the way Go's %#v prints them.
import { goQuote } from './go-text.ts';

const FIELDS = ['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform'] as const;

/** Go's `%#v` of a version.Info. */
export function goVersionInfo(info: Record<string, string | undefined>): string {
  return `version.Info{${FIELDS.map((f) => `${f[0]!.toUpperCase()}${f.slice(1)}:${goQuote(info[f] ?? '')}`).join(', ')}}`;
}

/** The error kubectl reports, or undefined when the versions match. */
export async function serverVersionMismatch(serverVersion: () => Promise<Record<string, string>>, client: Record<string, string>): Promise<string | undefined> {
  let server: Record<string, string>;
  try {
    server = await serverVersion();
  } catch (err) {
    return `couldn't read version from server: ${(err as Error).message}`;
  }
  if (client.gitVersion === server.gitVersion && client.gitCommit === server.gitCommit && client.gitTreeState === server.gitTreeState) return undefined;
  return `server version (&${goVersionInfo(server)}) differs from client version (${goVersionInfo(client)})`;
}
