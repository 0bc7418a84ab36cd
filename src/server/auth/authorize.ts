// Who may do what, behind one Authorizer (upstream authorizer.Authorizer + RuleResolver) that the
// request path and the access reviews share, so RBAC can replace the policy in one place. Until RBAC
// lands: system:masters and every authenticated user may do everything; other users only what
// system:public-info-viewer grants upstream (GET of the health and version paths).
import type { RequestInfo } from '../http/request-info.ts';
import { forbidden, type ApiError } from '../status.ts';
import { ALL_AUTHENTICATED, ALL_UNAUTHENTICATED, MASTERS_GROUP, type UserInfo } from './user-info.ts';

/** authorizer.Attributes: a resource request (namespace … name) or a non-resource one (path). */
export interface Attributes {
  user: UserInfo;
  verb: string;
  resourceRequest: boolean;
  namespace?: string;
  apiGroup?: string;
  /** "*" when a review leaves it empty. */
  apiVersion?: string;
  resource?: string;
  subresource?: string;
  name?: string;
  path?: string;
}

/** Allow, deny, or no opinion (neither). */
export interface Decision {
  allowed: boolean;
  denied?: boolean;
  reason: string;
  evaluationError?: string;
}

export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

export interface NonResourceRule {
  verbs: string[];
  nonResourceURLs?: string[];
}

export interface Rules {
  resourceRules: ResourceRule[];
  nonResourceRules: NonResourceRule[];
  incomplete: boolean;
  evaluationError?: string;
}

export interface Authorizer {
  authorize(attributes: Attributes): Promise<Decision>;
  /** What the user may do in a namespace (SelfSubjectRulesReview). */
  rulesFor(user: UserInfo, namespace: string): Promise<Rules>;
}

/** system:public-info-viewer's paths and verb, bound to system:authenticated and system:unauthenticated. */
const PUBLIC_INFO_URLS = ['/healthz', '/livez', '/readyz', '/version', '/version/'];
const PUBLIC_INFO_REASON =
  'RBAC: allowed by ClusterRoleBinding "system:public-info-viewer" of ClusterRole "system:public-info-viewer" to Group "system:unauthenticated"';

const mayDoEverything = (user: UserInfo) => user.groups.includes(MASTERS_GROUP) || user.groups.includes(ALL_AUTHENTICATED);

/** The decision of the placeholder policy; synchronous so the router can use it as it is. */
export function decide(a: Attributes): Decision {
  if (mayDoEverything(a.user)) return { allowed: true, reason: '' };
  if (!a.resourceRequest && a.verb === 'get' && PUBLIC_INFO_URLS.includes(a.path ?? '') && a.user.groups.includes(ALL_UNAUTHENTICATED))
    return { allowed: true, reason: PUBLIC_INFO_REASON };
  return { allowed: false, reason: '' };  // no opinion: RBAC gives no reason for what nothing grants
}

export function rulesOf(user: UserInfo): Rules {
  if (mayDoEverything(user)) {
    return {
      resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
      nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
      incomplete: false,
    };
  }
  const nonResourceRules = user.groups.includes(ALL_UNAUTHENTICATED) ? [{ verbs: ['get'], nonResourceURLs: [...PUBLIC_INFO_URLS] }] : [];
  return { resourceRules: [], nonResourceRules, incomplete: false };
}

export function createAuthorizer(): Authorizer {
  return {
    authorize: async (a) => decide(a),
    rulesFor: async (user) => rulesOf(user),
  };
}

/** The attributes of an HTTP request (upstream GetAuthorizerAttributes). */
export function requestAttributes(user: UserInfo, info: RequestInfo): Attributes {
  if (!info.isResourceRequest) return { user, verb: info.verb, resourceRequest: false, path: info.path };
  return {
    user,
    verb: info.verb,
    resourceRequest: true,
    namespace: info.namespace,
    apiGroup: info.group,
    apiVersion: info.version,
    resource: info.resource,
    subresource: info.subresource,
    name: info.name,
  };
}

/** The 403 of a denied request, with responsewriters.Forbidden's text (reason appended when there is one). */
export function forbiddenError(a: Attributes, reason: string): ApiError {
  const user = JSON.stringify(a.user.name);
  let msg: string;
  if (!a.resourceRequest) {
    msg = `User ${user} cannot ${a.verb} path ${JSON.stringify(a.path ?? '')}`;
  } else {
    const resource = a.subresource ? `${a.resource}/${a.subresource}` : (a.resource ?? '');
    const where = a.namespace ? `in the namespace ${JSON.stringify(a.namespace)}` : 'at the cluster scope';
    msg = `User ${user} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.apiGroup ?? '')} ${where}`;
  }
  return forbidden({ group: a.apiGroup ?? '', resource: a.resource ?? '' }, a.name ?? '', reason ? `${msg}: ${reason}` : msg);
}

/** Throws the 403 unless the authorizer allows the request. */
export async function authorizeRequest(authorizer: Authorizer, user: UserInfo, info: RequestInfo): Promise<void> {
  const a = requestAttributes(user, info);
  const d = await authorizer.authorize(a);
  if (!d.allowed) throw forbiddenError(a, d.reason);
}

/** Synchronous form of authorizeRequest with the placeholder policy, for the router as it is today. */
export function authorize(user: UserInfo, info: RequestInfo): void {
  const a = requestAttributes(user, info);
  const d = decide(a);
  if (!d.allowed) throw forbiddenError(a, d.reason);
}
