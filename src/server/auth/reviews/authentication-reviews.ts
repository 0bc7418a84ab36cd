// authentication.k8s.io: TokenReview (is this token someone, for these audiences?) and
// SelfSubjectReview (who am I? — `kubectl auth whoami`), never stored
// (pkg/registry/authentication/{tokenreview,selfsubjectreview}).
import type { KubeObject } from '../../../api/object.ts';
import { badRequest, internalError } from '../../status.ts';
import type { Authenticator } from '../authenticate.ts';
import type { UserInfo } from '../user-info.ts';
import { rfc3339 } from '../token-request.ts';
import { apiVersionOf, decodeAs, goMeta, type ReviewHandler } from './common.ts';

const GROUP = 'authentication.k8s.io';

/** authentication/v1 UserInfo as JSON: every field omitempty. */
export function userInfoJson(user: UserInfo): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (user.name) out.username = user.name;
  if (user.uid) out.uid = user.uid;
  if (user.groups.length) out.groups = [...user.groups];
  if (user.extra && Object.keys(user.extra).length) {
    const extra: Record<string, string[]> = {};
    for (const k of Object.keys(user.extra).sort()) extra[k] = [...user.extra[k]!];  // a Go map: sorted keys
    out.extra = extra;
  }
  return out;
}

export function tokenReview(authenticator: Pick<Authenticator, 'reviewToken'>, apiAudiences: readonly string[]): ReviewHandler {
  return async (body, ctx) => {
    const review = decodeAs(body, GROUP, 'TokenReview', ctx);
    if (ctx.namespace) throw badRequest(`namespace is not allowed on this type: ${ctx.namespace}`);
    const spec = (review.spec ?? {}) as Record<string, unknown>;
    const token = typeof spec.token === 'string' ? spec.token : '';
    if (!token) throw badRequest('token is required for TokenReview in authentication');
    const audiences = Array.isArray(spec.audiences) && spec.audiences.length ? spec.audiences.map(String) : [...apiAudiences];
    const r = await authenticator.reviewToken(token, audiences);
    if (audiences.length && r.user && !(r.audiences ?? []).some((a) => audiences.includes(a)))
      throw internalError(new Error('error validating audiences'));
    const status: Record<string, unknown> = {};
    if (r.authenticated) status.authenticated = true;
    status.user = r.user ? userInfoJson(r.user) : {};  // a struct: always present, {} when nobody
    if (r.user && r.audiences?.length) status.audiences = [...r.audiences];
    if (r.error) status.error = r.error;
    return { kind: 'TokenReview', apiVersion: apiVersionOf(GROUP, ctx.version), metadata: goMeta(review.metadata), spec: review.spec ?? {}, status };
  };
}

/** Serves v1 and the v1beta1/v1alpha1 that older kubectl asks for: the answer is in the asked version. */
export function selfSubjectReview(now: () => Date = () => new Date()): ReviewHandler {
  return async (body, ctx) => {
    decodeAs(body, GROUP, 'SelfSubjectReview', ctx);
    return {
      kind: 'SelfSubjectReview',
      apiVersion: apiVersionOf(GROUP, ctx.version),
      metadata: goMeta(undefined, rfc3339(now())),
      status: { userInfo: userInfoJson(ctx.user) },
    } as KubeObject;
  };
}
