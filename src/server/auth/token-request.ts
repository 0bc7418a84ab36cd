// POST /api/v1/namespaces/{ns}/serviceaccounts/{name}/token: a TokenRequest answered with a signed
// token, as kube-apiserver's TokenREST (pkg/registry/core/serviceaccount/storage/token.go): the account
// must exist, the body's name/namespace must match it, 10 minutes ≤ expirationSeconds ≤ 2^32, and a
// bound Pod, Secret or Node must exist (with the given uid) and is written into the token.
import type { KeyObject } from 'node:crypto';
import type { KubeObject } from '../../api/object.ts';
import { builtinTypes } from '../../api/types.ts';
import { canonicalize } from '../registry/canonical.ts';
import { badRequest, conflict, invalid, notFound, type FieldError } from '../status.ts';
import { createToken, DEFAULT_API_AUDIENCES, DEFAULT_ISSUER, type BoundObjects, type ObjectReader } from './service-account-token.ts';

const GROUP = 'authentication.k8s.io';
const TOKEN_REQUEST = { group: GROUP, kind: 'TokenRequest' };
/** TokenRequestSpec defaulting. */
export const DEFAULT_EXPIRATION_SECONDS = 60 * 60;
const MIN_EXPIRATION_SECONDS = 10 * 60;
const MAX_EXPIRATION_SECONDS = 2 ** 32;
/** kubelet asks for this to mark its pod tokens; the API server then extends them (WarnOnlyBoundTokenExpirationSeconds). */
const WARN_ONLY_EXPIRATION_SECONDS = 60 * 60 + 7;
/** ExpirationExtensionSeconds: one year. */
const EXTENDED_EXPIRATION_SECONDS = 24 * 365 * 60 * 60;

export interface TokenRequestOptions {
  signingKey: KeyObject | string;
  objects: ObjectReader;
  issuer?: string;
  apiAudiences?: readonly string[];
  /** --service-account-max-token-expiration; none by default. */
  maxExpirationSeconds?: number;
  /** --service-account-extend-token-expiration (default true). */
  extendExpiration?: boolean;
  now?: () => Date;
}

export interface TokenRequestContext {
  namespace: string;
  /** The service account's name (the path's name). */
  name: string;
  /** Warning headers for the client. */
  warnings?: string[];
}

/** metav1.Time as JSON: RFC 3339, whole seconds, UTC. */
export const rfc3339 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** schema.FromAPIVersionAndKind(...).String(): "group/version, Kind=kind". */
function gvkOf(apiVersion: string, kind: string): { group: string; version: string; kind: string; text: string } {
  const parts = apiVersion.split('/');
  const [group, version] = parts.length === 1 ? ['', parts[0]!] : parts.length === 2 ? [parts[0]!, parts[1]!] : ['', ''];
  return { group, version, kind, text: `${group}/${version}, Kind=${kind}` };
}

function expirationOf(spec: Record<string, unknown>): number {
  const v = spec.expirationSeconds;
  if (v === undefined || v === null) return DEFAULT_EXPIRATION_SECONDS;
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw badRequest(`json: cannot unmarshal ${typeof v} into Go struct field TokenRequestSpec.spec.expirationSeconds of type int64`);
  return v;
}

/** Handles one TokenRequest; the answer is the request with defaults, metadata and status filled in. */
export async function tokenRequest(body: KubeObject, ctx: TokenRequestContext, opts: TokenRequestOptions): Promise<KubeObject> {
  const { namespace, name } = ctx;
  if (!namespace) throw badRequest('namespace is required');
  const meta = body.metadata ?? {};
  if (meta.name && meta.name !== name) {
    const e: FieldError = { type: 'FieldValueInvalid', field: 'metadata.name', value: meta.name, detail: 'must match the service account name if specified' };
    throw invalid(TOKEN_REQUEST, name, [e]);
  }
  if (meta.namespace && meta.namespace !== namespace) {
    const e: FieldError = {
      type: 'FieldValueInvalid',
      field: 'metadata.namespace',
      value: meta.namespace,
      detail: 'must match the service account namespace if specified',
    };
    throw invalid(TOKEN_REQUEST, name, [e]);
  }
  const account = await opts.objects.get('', 'serviceaccounts', namespace, name);
  if (!account) throw notFound({ group: '', resource: 'serviceaccounts' }, name);

  const apiAudiences = [...(opts.apiAudiences ?? DEFAULT_API_AUDIENCES)];
  const spec = { ...((body.spec as Record<string, unknown> | undefined) ?? {}) };
  const audiences = Array.isArray(spec.audiences) && spec.audiences.length ? spec.audiences.map(String) : apiAudiences;
  spec.audiences = audiences;
  let expirationSeconds = expirationOf(spec);
  spec.expirationSeconds = expirationSeconds;
  const now = (opts.now ?? (() => new Date()))();

  const errors: FieldError[] = [];
  if (expirationSeconds < MIN_EXPIRATION_SECONDS)
    errors.push({ type: 'FieldValueInvalid', field: 'spec.expirationSeconds', value: expirationSeconds, detail: 'may not specify a duration less than 10 minutes' });
  if (expirationSeconds > MAX_EXPIRATION_SECONDS)
    errors.push({ type: 'FieldValueInvalid', field: 'spec.expirationSeconds', value: expirationSeconds, detail: 'may not specify a duration larger than 2^32 seconds' });
  if (errors.length) throw invalid(TOKEN_REQUEST, '', errors);

  const bound = await boundObjects(spec.boundObjectRef, namespace, name, opts.objects);

  if (opts.maxExpirationSeconds && opts.maxExpirationSeconds > 0 && expirationSeconds > opts.maxExpirationSeconds) {
    ctx.warnings?.push(`requested expiration of ${expirationSeconds} seconds shortened to ${opts.maxExpirationSeconds} seconds`);
    expirationSeconds = opts.maxExpirationSeconds;
    spec.expirationSeconds = expirationSeconds;
  }
  // kubelet's pod tokens for the API server last a year but count as stale after the hour asked for.
  let exp = expirationSeconds;
  let warnAfterSeconds: number | undefined;
  if (opts.extendExpiration !== false && bound.pod && expirationSeconds === WARN_ONLY_EXPIRATION_SECONDS && audiences.every((a) => apiAudiences.includes(a))) {
    warnAfterSeconds = expirationSeconds;
    exp = EXTENDED_EXPIRATION_SECONDS;
  }

  const issued = createToken(
    opts.signingKey,
    { serviceAccount: account, audiences, expirationSeconds: exp, bound, warnAfterSeconds },
    { issuer: opts.issuer ?? DEFAULT_ISSUER, now },
  );
  const out = {
    ...body,
    kind: 'TokenRequest',
    apiVersion: `${GROUP}/v1`,
    metadata: { ...meta, name, namespace, creationTimestamp: rfc3339(now) },
    spec,
    status: { token: issued.token, expirationTimestamp: rfc3339(new Date(now.getTime() + expirationSeconds * 1000)) },
  };
  const typeName = builtinTypes().typeNameForKind(GROUP, 'v1', 'TokenRequest');
  return typeName ? (canonicalize(builtinTypes(), typeName, out).value as KubeObject) : out;
}

async function boundObjects(ref: unknown, namespace: string, account: string, objects: ObjectReader): Promise<BoundObjects> {
  if (ref === undefined || ref === null || typeof ref !== 'object') return {};
  const r = ref as Record<string, unknown>;
  const refName = str(r.name);
  const gvk = gvkOf(str(r.apiVersion), str(r.kind));
  let uid: string;
  const bound: BoundObjects = {};
  if (gvk.group === '' && gvk.kind === 'Pod') {
    const pod = await objects.get('', 'pods', namespace, refName);
    if (!pod) throw notFound({ group: '', resource: 'pods' }, refName);
    const podSpec = (pod.spec ?? {}) as Record<string, unknown>;
    if (str(podSpec.serviceAccountName) !== account)
      throw badRequest(`cannot bind token for serviceaccount ${JSON.stringify(account)} to pod running with different serviceaccount name.`);
    uid = pod.metadata.uid ?? '';
    bound.pod = { name: pod.metadata.name ?? refName, uid };
    // ServiceAccountTokenPodNodeInfo: the pod's node goes in too, by name alone if it is gone.
    const nodeName = str(podSpec.nodeName);
    if (nodeName) {
      const node = await objects.get('', 'nodes', '', nodeName);
      bound.node = { name: nodeName, uid: node?.metadata.uid ?? '' };
    }
  } else if (gvk.group === '' && gvk.kind === 'Node') {
    const node = await objects.get('', 'nodes', '', refName);
    if (!node) throw notFound({ group: '', resource: 'nodes' }, refName);
    uid = node.metadata.uid ?? '';
    bound.node = { name: node.metadata.name ?? refName, uid };
  } else if (gvk.group === '' && gvk.kind === 'Secret') {
    const secret = await objects.get('', 'secrets', namespace, refName);
    if (!secret) throw notFound({ group: '', resource: 'secrets' }, refName);
    uid = secret.metadata.uid ?? '';
    bound.secret = { name: secret.metadata.name ?? refName, uid };
  } else {
    throw badRequest(`cannot bind token to object of type ${gvk.text}`);
  }
  const refUid = str(r.uid);
  if (refUid && refUid !== uid) {
    throw conflict(
      { group: gvk.group, resource: gvk.kind },
      refName,
      `the UID in the bound object reference (${refUid}) does not match the UID in record. The object might have been deleted and then recreated`,
    );
  }
  return bound;
}
