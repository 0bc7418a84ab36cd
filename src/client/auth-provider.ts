// kubeconfig `auth-provider` users. Only oidc is built into kubectl; gcp and azure were removed and
// fail with upstream's pointers to exec plugins. oidc sends the id-token while it is valid and
// otherwise refreshes it with the refresh-token at the issuer's token endpoint, writing the new
// tokens back to the kubeconfig user.
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AuthProviderConfig } from '../kubeconfig/index.ts';
import { pathErrorText, urlErrorOp } from './go-text.ts';
import { goNetErrorText } from './net-errors.ts';

const REMOVED: Record<string, string> = {
  gcp: `The gcp auth plugin has been removed.
Please use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead.
See https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke for further details`,
  azure: `The azure auth plugin has been removed.
Please use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead.
See https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins for further details`,
};

/** Writes a refreshed auth-provider config back to the kubeconfig user. */
export type AuthProviderPersister = (config: Record<string, string>) => Promise<void>;

export interface AuthProvider {
  /** The bearer token to send. */
  token(): Promise<string>;
}

/** rest.GetAuthProvider: the provider, or kubectl's error for one it does not have. */
export function createAuthProvider(apc: AuthProviderConfig, persist: AuthProviderPersister, now: () => Date = () => new Date()): AuthProvider {
  if (REMOVED[apc.name]) throw new Error(REMOVED[apc.name]);
  if (apc.name !== 'oidc') throw new Error(`no Auth Provider found for name ${JSON.stringify(apc.name)}`);
  const cfg = { ...(apc.config ?? {}) };
  if (!cfg['idp-issuer-url']) throw new Error('Must provide idp-issuer-url');
  if (!cfg['client-id']) throw new Error('Must provide client-id');
  return new OidcProvider(cfg, persist, now);
}

/** Whether a JWT's exp is more than ten seconds away; throws kubectl's text for a malformed token. */
export function idTokenValid(idToken: string, now: Date): boolean {
  const parts = idToken.split('.');
  if (parts.length !== 3) throw new Error('ID Token is not a valid JWT');
  let claims: { exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch (err) {
    throw new Error(`parsing claims: ${(err as Error).message}`);
  }
  const exp = Math.trunc(Number(claims.exp ?? 0));
  return now.getTime() + 10_000 < exp * 1000;
}

interface HttpAnswer {
  status: number;
  statusText: string;
  body: string;
}

class OidcProvider implements AuthProvider {
  constructor(
    private cfg: Record<string, string>,
    private readonly persist: AuthProviderPersister,
    private readonly now: () => Date,
  ) {}

  private async ca(): Promise<Buffer | undefined> {
    if (this.cfg['idp-certificate-authority-data']) return Buffer.from(this.cfg['idp-certificate-authority-data'], 'base64');
    const file = this.cfg['idp-certificate-authority'];
    if (!file) return undefined;
    try {
      return await readFile(file);
    } catch (err) {
      throw new Error(pathErrorText('open', file, err));
    }
  }

  private async send(method: string, url: string, body?: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const u = new URL(url);
    const ca = await this.ca();
    const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(u, { method, headers: { ...headers, ...(body ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}) }, ...(ca ? { ca } : {}) }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, statusText: `${res.statusCode} ${res.statusMessage ?? ''}`.trim(), body: text }));
        res.on('error', reject);
      });
      req.on('error', (err) => reject(new Error(`${urlErrorOp(method)} ${JSON.stringify(url)}: ${goNetErrorText(err, u.hostname)}`)));
      req.end(body);
    });
  }

  private async tokenEndpoint(): Promise<string> {
    const wellKnown = `${this.cfg['idp-issuer-url']!.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const res = await this.send('GET', wellKnown);
    if (res.status !== 200) {
      const body = res.body.length > 80 ? `${res.body.slice(0, 80)}...` : res.body;
      throw new Error(`oidc: failed to query metadata endpoint ${res.statusText}: ${JSON.stringify(body)}`);
    }
    let metadata: { token_endpoint?: string };
    try {
      metadata = JSON.parse(res.body);
    } catch (err) {
      throw new Error(`oidc: failed to decode provider discovery object: ${(err as Error).message}`);
    }
    if (!metadata.token_endpoint) throw new Error("oidc: discovery object doesn't contain a token_endpoint");
    return metadata.token_endpoint;
  }

  async token(): Promise<string> {
    const idToken = this.cfg['id-token'];
    if (idToken && idTokenValid(idToken, this.now())) return idToken;
    const refreshToken = this.cfg['refresh-token'];
    if (!refreshToken) throw new Error('No valid id-token, and cannot refresh without refresh-token');
    const endpoint = await this.tokenEndpoint();
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }).toString();
    const basic = Buffer.from(`${encodeURIComponent(this.cfg['client-id']!)}:${encodeURIComponent(this.cfg['client-secret'] ?? '')}`).toString('base64');
    const res = await this.send('POST', endpoint, form, { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${basic}` });
    if (res.status < 200 || res.status > 299) throw new Error(`failed to refresh token: oauth2: cannot fetch token: ${res.statusText}\nResponse: ${res.body}`);
    let answer: { id_token?: unknown; refresh_token?: unknown };
    try {
      answer = JSON.parse(res.body);
    } catch (err) {
      throw new Error(`failed to refresh token: oauth2: cannot parse json: ${(err as Error).message}`);
    }
    if (typeof answer.id_token !== 'string')
      throw new Error(
        'token response did not contain an id_token, either the scope "openid" wasn\'t requested upon login, or the provider doesn\'t support id_tokens as part of the refresh response',
      );
    const next: Record<string, string> = { ...this.cfg, 'id-token': answer.id_token };
    if (typeof answer.refresh_token === 'string' && answer.refresh_token && answer.refresh_token !== refreshToken) next['refresh-token'] = answer.refresh_token;
    try {
      await this.persist(next);
    } catch (err) {
      throw new Error(`could not persist new tokens: ${(err as Error).message}`);
    }
    this.cfg = next;
    return answer.id_token;
  }
}
