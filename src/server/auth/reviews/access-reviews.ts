// authorization.k8s.io: SelfSubjectAccessReview, SubjectAccessReview, LocalSubjectAccessReview and
// SelfSubjectRulesReview, answered by the server's Authorizer and never stored
// (pkg/registry/authorization/*/rest.go). The answer is the review with its status filled in.
import type { KubeObject } from '../../../api/object.ts';
import { badRequest, invalid, type FieldError } from '../../status.ts';
import type { Attributes, Authorizer, Decision } from '../authorize.ts';
import type { UserInfo } from '../user-info.ts';
import { validateLocalSubjectAccessReview, validateSelfSubjectAccessReview, validateSubjectAccessReview, specOf } from './access-review-validation.ts';
import { apiVersionOf, decodeAs, goMeta, type ReviewContext, type ReviewHandler } from './common.ts';

const GROUP = 'authorization.k8s.io';

/**
 * The reviews' REST handlers name the kind from the decoded object's TypeMeta, which decoding into
 * the internal type has already cleared: upstream's message reads `.authorization.k8s.io "" is invalid`.
 */
const reviewInvalid = (errors: FieldError[]) => invalid({ group: GROUP, kind: '' }, '', errors);

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** authorizationutil.ResourceAttributesFrom / NonResourceAttributesFrom. */
export function reviewAttributes(user: UserInfo, spec: Record<string, unknown>): Attributes {
  const ra = spec.resourceAttributes as Record<string, unknown> | undefined;
  if (ra) {
    return {
      user,
      verb: str(ra.verb),
      resourceRequest: true,
      namespace: str(ra.namespace),
      apiGroup: str(ra.group),
      apiVersion: str(ra.version) || '*',  // an empty version matches every version
      resource: str(ra.resource),
      subresource: str(ra.subresource),
      name: str(ra.name),
    };
  }
  const nra = (spec.nonResourceAttributes ?? {}) as Record<string, unknown>;
  return { user, verb: str(nra.verb), resourceRequest: false, path: str(nra.path) };
}

/** The user a SubjectAccessReview asks about: exactly as given, no groups added. */
export function subjectOf(spec: Record<string, unknown>): UserInfo {
  const user: UserInfo = { name: str(spec.user), groups: Array.isArray(spec.groups) ? spec.groups.map(String) : [] };
  if (str(spec.uid)) user.uid = str(spec.uid);
  if (spec.extra && typeof spec.extra === 'object') user.extra = spec.extra as Record<string, string[]>;
  return user;
}

function statusOf(d: Decision): Record<string, unknown> {
  const status: Record<string, unknown> = { allowed: d.allowed };
  if (d.denied) status.denied = true;
  if (d.reason) status.reason = d.reason;
  if (d.evaluationError) status.evaluationError = d.evaluationError;
  return status;
}

function answer(review: KubeObject, kind: string, ctx: ReviewContext, status: Record<string, unknown>): KubeObject {
  return { kind, apiVersion: apiVersionOf(GROUP, ctx.version), metadata: goMeta(review.metadata), spec: review.spec ?? {}, status };
}

export function selfSubjectAccessReview(authorizer: Authorizer): ReviewHandler {
  return async (body, ctx) => {
    const review = decodeAs(body, GROUP, 'SelfSubjectAccessReview', ctx);
    const errors = validateSelfSubjectAccessReview(review);
    if (errors.length) throw reviewInvalid(errors);
    const decision = await authorizer.authorize(reviewAttributes(ctx.user, specOf(review)));
    return answer(review, 'SelfSubjectAccessReview', ctx, statusOf(decision));
  };
}

export function subjectAccessReview(authorizer: Authorizer): ReviewHandler {
  return async (body, ctx) => {
    const review = decodeAs(body, GROUP, 'SubjectAccessReview', ctx);
    const errors = validateSubjectAccessReview(review);
    if (errors.length) throw reviewInvalid(errors);
    const spec = specOf(review);
    const decision = await authorizer.authorize(reviewAttributes(subjectOf(spec), spec));
    return answer(review, 'SubjectAccessReview', ctx, statusOf(decision));
  };
}

export function localSubjectAccessReview(authorizer: Authorizer): ReviewHandler {
  return async (body, ctx) => {
    const review = decodeAs(body, GROUP, 'LocalSubjectAccessReview', ctx);
    // The generic create handler's rule for namespaced objects: the URL's namespace fills or must match.
    const metaNamespace = review.metadata.namespace ?? '';
    if (metaNamespace && ctx.namespace && metaNamespace !== ctx.namespace)
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    if (!metaNamespace && ctx.namespace) review.metadata = { ...review.metadata, namespace: ctx.namespace };
    const errors = validateLocalSubjectAccessReview(review);
    if (errors.length) throw reviewInvalid(errors);
    if (!ctx.namespace) throw badRequest('namespace is required on this type: ');
    if (ctx.namespace !== review.metadata.namespace) throw badRequest(`spec.resourceAttributes.namespace must match namespace: ${ctx.namespace}`);
    const spec = specOf(review);
    const decision = await authorizer.authorize(reviewAttributes(subjectOf(spec), spec));
    return answer(review, 'LocalSubjectAccessReview', ctx, statusOf(decision));
  };
}

export function selfSubjectRulesReview(authorizer: Authorizer): ReviewHandler {
  return async (body, ctx) => {
    const review = decodeAs(body, GROUP, 'SelfSubjectRulesReview', ctx);
    const namespace = str(specOf(review).namespace);
    if (!namespace) throw badRequest('no namespace on request');
    const rules = await authorizer.rulesFor(ctx.user, namespace);
    const status: Record<string, unknown> = {
      resourceRules: rules.resourceRules,
      nonResourceRules: rules.nonResourceRules,
      incomplete: rules.incomplete,
    };
    if (rules.evaluationError) status.evaluationError = rules.evaluationError;
    // A new object upstream: neither the request's metadata nor its spec come back.
    return { kind: 'SelfSubjectRulesReview', apiVersion: apiVersionOf(GROUP, ctx.version), metadata: goMeta(undefined), spec: {}, status };
  };
}
