// Who is asking, as kube-apiserver's authenticator chain decides (k8s.io/apiserver pkg/authentication):
// an x509 client certificate signed by the cluster CA (CN user, O groups), else a bearer token (static
// token file, then service-account JWTs), else anonymous. Credentials that are presented but do not
// authenticate are a 401, never anonymous (union.NewFailOnError in front of the anonymous authenticator).
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { aggregateText, unauthorized } from '../status.ts';
import { fromBase64url } from './jwt.ts';
import type { TokenAuthenticator } from './service-account-token.ts';
import { ANONYMOUS, EXTRA, withAuthenticatedGroup, type UserInfo } from './user-info.ts';

export { ANONYMOUS } from './user-info.ts';

const INVALID_BEARER_TOKEN = 'invalid bearer token';
/** kubectl and client-go send a token over WebSocket in this subprotocol (wsstream's bearer protocol). */
const WEBSOCKET_BEARER_PREFIX = 'base64url.bearer.authorization.k8s.io.';

export interface TokenReviewResult {
  authenticated: boolean;
  user?: UserInfo;
  audiences?: string[];
  error?: string;
}

export interface Authenticator {
  /** The request's user; throws 401 Unauthorized for credentials that fail. */
  authenticate(req: IncomingMessage): Promise<UserInfo>;
  /** TokenReview: the token alone, checked for these audiences (the API audiences when empty). */
  reviewToken(token: string, audiences?: readonly string[]): Promise<TokenReviewResult>;
}

export interface AuthenticatorOptions {
  /** Tried in order; the first that authenticates wins (upstream: token file, then service accounts). */
  tokens: readonly TokenAuthenticator[];
  /** Requests without credentials are system:anonymous (kube-apiserver --anonymous-auth, default true). */
  anonymous?: boolean;
}

type CertResult = { user: UserInfo } | { error: string } | undefined;

/** The client certificate's user, an error for an untrusted one, or undefined when there is none. */
export function certificateUser(socket: TLSSocket): CertResult {
  if (typeof socket.getPeerCertificate !== 'function') return undefined;
  const cert = socket.getPeerCertificate();
  if (!cert || Object.keys(cert).length === 0) return undefined;
  if (!socket.authorized) return { error: `verifying certificate failed: ${String(socket.authorizationError ?? 'unknown authority')}` };
  const cn = cert.subject?.CN;
  if (!cn) return undefined;  // upstream CommonNameUserConversion: no user, no error
  const o = cert.subject.O;
  const groups = o === undefined ? [] : Array.isArray(o) ? [...o] : [o];
  const user: UserInfo = { name: Array.isArray(cn) ? cn[0]! : cn, groups };
  if (cert.raw) user.extra = { [EXTRA.credentialId]: [`X509SHA256=${createHash('sha256').update(cert.raw).digest('hex')}`] };
  return { user };
}

/** The token of `Authorization: Bearer <token>` (bearertoken.go: scheme case-insensitive, empty ignored). */
export function bearerToken(header: string | undefined): string | undefined {
  const auth = (header ?? '').trim();
  if (!auth) return undefined;
  const parts = auth.split(' ');
  if (parts.length < 2 || parts[0]!.toLowerCase() !== 'bearer') return undefined;
  return parts[1] || undefined;
}

/** A token in the WebSocket bearer subprotocol, or undefined. */
export function websocketToken(protocols: string | undefined): string | undefined {
  for (const p of (protocols ?? '').split(',').map((s) => s.trim())) {
    if (!p.startsWith(WEBSOCKET_BEARER_PREFIX)) continue;
    const decoded = fromBase64url(p.slice(WEBSOCKET_BEARER_PREFIX.length));
    return decoded?.toString('utf8') || undefined;
  }
  return undefined;
}

export function createAuthenticator(opts: AuthenticatorOptions): Authenticator {
  const certUsers = new WeakMap<object, CertResult>();  // a TLS connection's certificate never changes

  async function authenticateToken(token: string, audiences?: readonly string[]): Promise<TokenReviewResult> {
    const errors: string[] = [];
    for (const a of opts.tokens) {
      const r = await a.authenticateToken(token, audiences);
      if (r.ok) return { authenticated: true, user: withAuthenticatedGroup(r.user), audiences: r.audiences };
      if (r.error) errors.push(r.error);
    }
    // What kube-apiserver reports: "invalid bearer token", or "[invalid bearer token, <why>]".
    return { authenticated: false, error: aggregateText([INVALID_BEARER_TOKEN, ...errors]) };
  }

  return {
    async authenticate(req) {
      const socket = req.socket as TLSSocket;
      let cert = certUsers.get(socket);
      if (!certUsers.has(socket)) {
        cert = certificateUser(socket);
        certUsers.set(socket, cert);
      }
      if (cert && 'user' in cert) return withAuthenticatedGroup(cert.user);
      let failed = cert !== undefined;
      const token = bearerToken(req.headers.authorization) ?? websocketToken(req.headers['sec-websocket-protocol']);
      if (token !== undefined) {
        const r = await authenticateToken(token);
        if (r.authenticated && r.user) return r.user;
        failed = true;
        if (process.env.KTL_DEBUG) console.error('Unable to authenticate the request', r.error);
      }
      if (failed || opts.anonymous === false) throw unauthorized();
      return ANONYMOUS;
    },
    reviewToken: authenticateToken,
  };
}

/**
 * Certificate or anonymous only, synchronously: what the router used before bearer tokens. Kept so the
 * router works until it calls createAuthenticator(...).authenticate.
 */
export function authenticate(req: IncomingMessage): UserInfo {
  const cert = certificateUser(req.socket as TLSSocket);
  return cert && 'user' in cert ? withAuthenticatedGroup(cert.user) : ANONYMOUS;
}
