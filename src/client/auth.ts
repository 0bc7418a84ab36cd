// Who the client is to the server, per request, in client-go's order of precedence: a bearer
// token (its file re-read every minute) or basic auth; else an exec plugin or an auth-provider;
// plus impersonation headers. Client certificates from the kubeconfig are part of TLS (tls.ts).
import { readFile } from 'node:fs/promises';
import type { RestConfig } from './config.ts';
import type { AuthProvider } from './auth-provider.ts';
import type { ExecAuthenticator, ExecCredentials } from './exec-plugin.ts';
import type { RequestAuthenticator } from './transport.ts';

const TOKEN_FILE_PERIOD_MS = 60_000;

/** transport.NewCachedFileTokenSource: the file's trimmed content, read at most once a minute. */
class FileToken {
  private value?: string;
  private readAt = 0;

  constructor(
    private readonly path: string,
    private readonly now: () => number,
  ) {}

  async token(): Promise<string | undefined> {
    if (this.value !== undefined && this.now() - this.readAt < TOKEN_FILE_PERIOD_MS) return this.value;
    try {
      this.value = (await readFile(this.path, 'utf8')).trim();
      this.readAt = this.now();
    } catch {
      // client-go keeps using the token it had
    }
    return this.value;
  }
}

/** The Impersonate-* headers. Extra keys are escaped as client-go's headerKeyEscape does. */
export function impersonationHeaders(rc: RestConfig): Record<string, string | string[]> {
  const imp = rc.impersonate;
  if (!imp) return {};
  const out: Record<string, string | string[]> = {};
  if (imp.userName) out['Impersonate-User'] = imp.userName;
  if (imp.uid) out['Impersonate-Uid'] = imp.uid;
  if (imp.groups.length) out['Impersonate-Group'] = imp.groups;
  for (const [k, v] of Object.entries(imp.extra)) {
    const key = [...Buffer.from(k)].map((b) => (/[A-Za-z0-9!#$&'*+\-.^_`|~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
    out[`Impersonate-Extra-${key}`] = v;
  }
  return out;
}

export interface AuthParts {
  rc: RestConfig;
  exec?: ExecAuthenticator;
  provider?: AuthProvider;
  /** klog error lines (exec plugin refresh failures). */
  logError(location: string, message: string): void;
  now?(): number;
}

export function requestAuthenticator(p: AuthParts): RequestAuthenticator {
  const { rc } = p;
  const fileToken = rc.bearerTokenFile ? new FileToken(rc.bearerTokenFile, p.now ?? Date.now) : undefined;
  const hasToken = !!(rc.bearerToken || rc.bearerTokenFile);
  const hasBasic = !!(rc.username || rc.password);
  if (hasToken && hasBasic) throw new Error('username/password or bearer token may be set, but not both');
  const hasCert = !!(rc.certData?.length || rc.certFile);
  // An exec plugin is only consulted when nothing else authenticates (exec.UpdateTransportConfig).
  const exec = hasToken || hasBasic || hasCert ? undefined : p.exec;
  return {
    async prepare() {
      const headers: Record<string, string> = {};
      if (hasToken) {
        const token = (await fileToken?.token()) || rc.bearerToken;
        if (token) headers.Authorization = `Bearer ${token}`;
      } else if (hasBasic) {
        headers.Authorization = `Basic ${Buffer.from(`${rc.username ?? ''}:${rc.password ?? ''}`).toString('base64')}`;
      }
      if (!headers.Authorization && p.provider) headers.Authorization = `Bearer ${await p.provider.token()}`;
      if (headers.Authorization || !exec) return { headers };
      let creds: ExecCredentials;
      try {
        creds = await exec.credentials();
      } catch (err) {
        throw new Error(`getting credentials: ${(err as Error).message}`);
      }
      if (creds.token) headers.Authorization = `Bearer ${creds.token}`;
      return {
        headers,
        cert: creds.cert,
        async done(status: number) {
          if (status !== 401) return;
          const problem = await exec.unauthorized(creds);
          if (problem) p.logError('exec.go:359', problem);
        },
      };
    },
  };
}
