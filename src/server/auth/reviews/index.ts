// The create-only resources that are never stored, by `group/resource[/subresource]`: the access and
// authentication reviews and serviceaccounts/token. The router decodes the body and calls the handler.
import type { Authenticator } from '../authenticate.ts';
import type { Authorizer } from '../authorize.ts';
import { DEFAULT_API_AUDIENCES } from '../service-account-token.ts';
import { tokenRequest, type TokenRequestOptions } from '../token-request.ts';
import { localSubjectAccessReview, selfSubjectAccessReview, selfSubjectRulesReview, subjectAccessReview } from './access-reviews.ts';
import { selfSubjectReview, tokenReview } from './authentication-reviews.ts';
import type { ReviewHandler } from './common.ts';

export type { ReviewContext, ReviewHandler } from './common.ts';

export interface ReviewDependencies {
  authorizer: Authorizer;
  authenticator: Pick<Authenticator, 'reviewToken'>;
  tokens: TokenRequestOptions;
  apiAudiences?: readonly string[];
  now?: () => Date;
}

/** The handlers' key: "authorization.k8s.io/selfsubjectaccessreviews", "/serviceaccounts/token". */
export const reviewKey = (group: string, resource: string, subresource = '') => `${group}/${resource}${subresource ? `/${subresource}` : ''}`;

export function createReviewHandlers(deps: ReviewDependencies): Record<string, ReviewHandler> {
  const apiAudiences = deps.apiAudiences ?? deps.tokens.apiAudiences ?? DEFAULT_API_AUDIENCES;
  return {
    [reviewKey('authorization.k8s.io', 'selfsubjectaccessreviews')]: selfSubjectAccessReview(deps.authorizer),
    [reviewKey('authorization.k8s.io', 'subjectaccessreviews')]: subjectAccessReview(deps.authorizer),
    [reviewKey('authorization.k8s.io', 'localsubjectaccessreviews')]: localSubjectAccessReview(deps.authorizer),
    [reviewKey('authorization.k8s.io', 'selfsubjectrulesreviews')]: selfSubjectRulesReview(deps.authorizer),
    [reviewKey('authentication.k8s.io', 'selfsubjectreviews')]: selfSubjectReview(deps.now),
    [reviewKey('authentication.k8s.io', 'tokenreviews')]: tokenReview(deps.authenticator, apiAudiences),
    [reviewKey('', 'serviceaccounts', 'token')]: (body, ctx) =>
      tokenRequest(body, { namespace: ctx.namespace, name: ctx.name ?? '', warnings: ctx.warnings }, { now: deps.now, ...deps.tokens }),
  };
}
