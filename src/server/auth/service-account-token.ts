// Bound service-account tokens: the JWTs TokenRequest issues and the bearer authenticator accepts,
// with upstream's claims (pkg/serviceaccount/claims.go) and checks (jwt.go): issuer, signature by
// key id, audiences, time (one minute of leeway), then the service account and any bound pod, secret
// or node must still exist with the uid the token names.
import { randomUUID, type KeyObject } from 'node:crypto';
import type { KubeObject } from '../../api/object.ts';
import { keyIdFor, parseJwt, signJwt, verifyJwt } from './jwt.ts';
import { EXTRA, serviceAccountGroups, serviceAccountUsername, type UserInfo } from './user-info.ts';

/** kube-apiserver's default --service-account-issuer for a cluster domain of cluster.local. */
export const DEFAULT_ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** --api-audiences defaults to the issuer. */
export const DEFAULT_API_AUDIENCES: readonly string[] = [DEFAULT_ISSUER];
/** go-jose's jwt.DefaultLeeway. */
const LEEWAY_SECONDS = 60;

export interface ObjectRef {
  name: string;
  /** Empty for a pod's node that does not exist (upstream still names it). */
  uid: string;
}

export interface BoundObjects {
  pod?: ObjectRef;
  secret?: ObjectRef;
  node?: ObjectRef;
}

export interface TokenSpec {
  /** The ServiceAccount object (metadata.name, namespace, uid). */
  serviceAccount: KubeObject;
  audiences: readonly string[];
  expirationSeconds: number;
  bound?: BoundObjects;
  /** Set for kubelet's pod tokens whose expiry was extended: when using the token starts to count as stale. */
  warnAfterSeconds?: number;
}

export interface SigningOptions {
  issuer?: string;
  now?: Date;
  /** The token's unique id (jti); a random UUID by default (upstream ServiceAccountTokenJTI). */
  jti?: string;
}

export interface IssuedToken {
  token: string;
  claims: Record<string, unknown>;
  issuedAt: Date;
  expiration: Date;
}

/** Readers of current objects (the registry's ClusterReader fits). */
export interface ObjectReader {
  get(group: string, resource: string, namespace: string, name: string): Promise<KubeObject | undefined>;
}

function ref(r: ObjectRef): Record<string, string> {
  const out: Record<string, string> = {};
  if (r.name) out.name = r.name;  // both omitempty upstream
  if (r.uid) out.uid = r.uid;
  return out;
}

/** The public and private claims upstream's Claims() builds. */
export function tokenClaims(spec: TokenSpec, opts: SigningOptions = {}): Record<string, unknown> {
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const sa = spec.serviceAccount.metadata;
  const namespace = sa.namespace ?? '';
  const name = sa.name ?? '';
  const bound = spec.bound ?? {};
  if (bound.secret && (bound.pod || bound.node)) throw new Error('internal error, token can only be bound to one object type');
  const k8s: Record<string, unknown> = { serviceaccount: ref({ name, uid: sa.uid ?? '' }) };
  if (namespace) k8s.namespace = namespace;
  if (bound.pod) {
    k8s.pod = ref(bound.pod);
    if (bound.node) k8s.node = ref(bound.node);
  } else if (bound.secret) k8s.secret = ref(bound.secret);
  else if (bound.node) k8s.node = ref(bound.node);
  if (spec.warnAfterSeconds) k8s.warnafter = now + spec.warnAfterSeconds;
  return {
    iss: opts.issuer ?? DEFAULT_ISSUER,
    sub: serviceAccountUsername(namespace, name),
    aud: [...spec.audiences],
    iat: now,
    nbf: now,
    exp: now + spec.expirationSeconds,
    jti: opts.jti ?? randomUUID(),
    'kubernetes.io': k8s,
  };
}

/** Signs a service-account token with the server's key (ES256 for the bundled P-256 key). */
export function createToken(privateKey: KeyObject | string, spec: TokenSpec, opts: SigningOptions = {}): IssuedToken {
  const claims = tokenClaims(spec, opts);
  return {
    token: signJwt(claims, privateKey),
    claims,
    issuedAt: new Date((claims.iat as number) * 1000),
    expiration: new Date((claims.exp as number) * 1000),
  };
}

/** A token authenticator's answer: a user, or an error, or neither when the token is not its kind. */
export type TokenResult = { ok: true; user: UserInfo; audiences: string[] } | { ok: false; error?: string };

export interface TokenAuthenticator {
  /** audiences: what the caller accepts (the API audiences when omitted). */
  authenticateToken(token: string, audiences?: readonly string[]): Promise<TokenResult>;
}

export interface ServiceAccountTokenAuthenticatorOptions {
  /** Public (or private) keys tokens may be signed with. */
  keys: readonly (KeyObject | string)[];
  objects: ObjectReader;
  issuers?: readonly string[];
  apiAudiences?: readonly string[];
  now?: () => Date;
}

/** Go's %q of a []string: ["a" "b"]. */
export function goQuoteList(items: readonly string[]): string {
  return `[${items.map((s) => JSON.stringify(s)).join(' ')}]`;
}

const failure = (error: string): TokenResult => ({ ok: false, error });

interface Claims {
  iss?: unknown;
  aud?: unknown;
  exp?: unknown;
  nbf?: unknown;
  iat?: unknown;
  jti?: unknown;
  'kubernetes.io'?: unknown;
}

function audiencesOf(aud: unknown): string[] | undefined {
  if (aud === undefined || aud === null) return [];
  if (typeof aud === 'string') return [aud];
  if (Array.isArray(aud) && aud.every((a) => typeof a === 'string')) return aud as string[];
  return undefined;
}

function refOf(v: unknown): ObjectRef | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object') return { name: '', uid: '' };
  const r = v as Record<string, unknown>;
  return { name: typeof r.name === 'string' ? r.name : '', uid: typeof r.uid === 'string' ? r.uid : '' };
}

function deletedBefore(obj: KubeObject, limit: number): boolean {
  const ts = obj.metadata.deletionTimestamp;
  return typeof ts === 'string' && Date.parse(ts) < limit;
}

export function createServiceAccountTokenAuthenticator(opts: ServiceAccountTokenAuthenticatorOptions): TokenAuthenticator {
  const issuers = new Set(opts.issuers ?? [DEFAULT_ISSUER]);
  const implicitAudiences = [...(opts.apiAudiences ?? DEFAULT_API_AUDIENCES)];
  const keys = opts.keys.map((key) => ({ key, kid: keyIdFor(key) }));
  const now = opts.now ?? (() => new Date());

  async function validate(claims: Claims): Promise<TokenResult> {
    const t = now().getTime() / 1000;
    const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
    const nbf = num(claims.nbf);
    const exp = num(claims.exp);
    const iat = num(claims.iat);
    if (nbf !== undefined && t + LEEWAY_SECONDS < nbf) return failure('service account token is not valid yet');
    if (exp !== undefined && t - LEEWAY_SECONDS > exp) return failure('service account token has expired');
    if (iat !== undefined && t + LEEWAY_SECONDS < iat) return failure('service account token is issued in the future');

    const k8s = (claims['kubernetes.io'] ?? {}) as Record<string, unknown>;
    const namespace = typeof k8s.namespace === 'string' ? k8s.namespace : '';
    const sa = refOf(k8s.serviceaccount) ?? { name: '', uid: '' };
    const pod = refOf(k8s.pod);
    const secret = refOf(k8s.secret);
    const node = refOf(k8s.node);
    const deletedLimit = (t - LEEWAY_SECONDS) * 1000;

    const account = await opts.objects.get('', 'serviceaccounts', namespace, sa.name);
    if (!account) return failure(`serviceaccounts ${JSON.stringify(sa.name)} not found`);
    if ((account.metadata.uid ?? '') !== sa.uid)
      return failure(`service account UID (${account.metadata.uid ?? ''}) does not match claim (${sa.uid})`);
    if (deletedBefore(account, deletedLimit)) return failure(`service account ${namespace}/${sa.name} has been deleted`);

    if (secret) {
      const s = await opts.objects.get('', 'secrets', namespace, secret.name);
      if (!s) return failure('service account token has been invalidated');
      if ((s.metadata.uid ?? '') !== secret.uid)
        return failure(`secret UID (${s.metadata.uid ?? ''}) does not match service account secret ref claim (${secret.uid})`);
      if (deletedBefore(s, deletedLimit)) return failure('service account token has been invalidated');
    }
    if (pod) {
      const p = await opts.objects.get('', 'pods', namespace, pod.name);
      if (!p) return failure('service account token has been invalidated');
      if ((p.metadata.uid ?? '') !== pod.uid)
        return failure(`pod UID (${p.metadata.uid ?? ''}) does not match service account pod ref claim (${pod.uid})`);
      if (deletedBefore(p, deletedLimit)) return failure('service account token has been invalidated');
    } else if (node) {
      // A node-bound token (not a pod's node, which is informational only).
      const n = await opts.objects.get('', 'nodes', '', node.name);
      if (!n) return failure('service account token has been invalidated');
      if ((n.metadata.uid ?? '') !== node.uid)
        return failure(`node UID (${n.metadata.uid ?? ''}) does not match service account node ref claim (${node.uid})`);
      if (deletedBefore(n, deletedLimit)) return failure('service account token has been invalidated');
    }

    const extra: Record<string, string[]> = {};
    const jti = typeof claims.jti === 'string' ? claims.jti : '';
    if (jti) extra[EXTRA.credentialId] = [`JTI=${jti}`];
    if (node?.name) {
      extra[EXTRA.nodeName] = [node.name];
      if (node.uid) extra[EXTRA.nodeUid] = [node.uid];
    }
    if (pod?.name && pod.uid) {
      extra[EXTRA.podName] = [pod.name];
      extra[EXTRA.podUid] = [pod.uid];
    }
    const user: UserInfo = { name: serviceAccountUsername(namespace, sa.name), uid: sa.uid, groups: serviceAccountGroups(namespace) };
    if (Object.keys(extra).length) user.extra = extra;
    return { ok: true, user, audiences: [] };
  }

  return {
    async authenticateToken(token, audiences) {
      // Not ours unless it is a JWT from one of our issuers; others may know it.
      if (token.trim().startsWith('{')) return { ok: false };
      const jwt = parseJwt(token);
      if (!jwt || typeof jwt.payload.iss !== 'string' || !issuers.has(jwt.payload.iss)) return { ok: false };
      const kid = typeof jwt.header.kid === 'string' ? jwt.header.kid : '';
      const candidates = kid ? keys.filter((k) => k.kid === kid) : keys;
      if (candidates.length === 0) return failure('invalid signature, no keys found');
      if (!candidates.some((k) => verifyJwt(jwt, k.key))) return failure('go-jose/go-jose: error in cryptographic primitive');

      const claims = jwt.payload as Claims;
      let tokenAudiences = audiencesOf(claims.aud);
      if (!tokenAudiences) return failure('service account token claims could not be validated due to unexpected validation error');
      if (tokenAudiences.length === 0) tokenAudiences = implicitAudiences;  // legacy tokens: the API server only
      const requested = audiences && audiences.length ? [...audiences] : implicitAudiences;
      const matched = requested.filter((a) => tokenAudiences.includes(a));  // upstream Intersect: requested order
      if (matched.length === 0 && implicitAudiences.length)
        return failure(`token audiences ${goQuoteList(tokenAudiences)} is invalid for the target audiences ${goQuoteList(requested)}`);

      const result = await validate(claims);
      return result.ok ? { ...result, audiences: matched } : result;
    },
  };
}
