// One call that assembles the server's authentication, authorization and the review handlers from
// its service-account key pair and a reader of current objects.
import type { UserInfo } from './user-info.ts';
import { createAuthenticator, type Authenticator } from './authenticate.ts';
import { createAuthorizer, type Authorizer } from './authorize.ts';
import { createReviewHandlers, type ReviewHandler } from './reviews/index.ts';
import {
  createServiceAccountTokenAuthenticator,
  DEFAULT_API_AUDIENCES,
  DEFAULT_ISSUER,
  type ObjectReader,
  type TokenAuthenticator,
} from './service-account-token.ts';
import { createStaticTokenAuthenticator } from './static-tokens.ts';

export interface ServerAuthOptions {
  /** ServerPki.serviceAccount. */
  serviceAccountKey: { privateKeyPem: string; publicKeyPem: string };
  /** Current objects (service accounts, pods, secrets, nodes); the registry's ClusterReader fits. */
  objects: ObjectReader;
  /** From loadTokenFile(--token-auth-file). */
  staticTokens?: ReadonlyMap<string, UserInfo>;
  issuer?: string;
  apiAudiences?: readonly string[];
  anonymous?: boolean;
  maxTokenExpirationSeconds?: number;
  now?: () => Date;
}

export interface ServerAuth {
  authenticator: Authenticator;
  authorizer: Authorizer;
  /** By reviewKey(group, resource, subresource). */
  reviews: Record<string, ReviewHandler>;
}

export function createServerAuth(opts: ServerAuthOptions): ServerAuth {
  const issuer = opts.issuer ?? DEFAULT_ISSUER;
  const apiAudiences = opts.apiAudiences ?? DEFAULT_API_AUDIENCES;
  const tokens: TokenAuthenticator[] = [];
  if (opts.staticTokens) tokens.push(createStaticTokenAuthenticator(opts.staticTokens, apiAudiences));
  tokens.push(
    createServiceAccountTokenAuthenticator({ keys: [opts.serviceAccountKey.publicKeyPem], objects: opts.objects, issuers: [issuer], apiAudiences, now: opts.now }),
  );
  const authenticator = createAuthenticator({ tokens, anonymous: opts.anonymous });
  const authorizer = createAuthorizer();
  const reviews = createReviewHandlers({
    authorizer,
    authenticator,
    apiAudiences,
    now: opts.now,
    tokens: {
      signingKey: opts.serviceAccountKey.privateKeyPem,
      objects: opts.objects,
      issuer,
      apiAudiences,
      maxExpirationSeconds: opts.maxTokenExpirationSeconds,
      now: opts.now,
    },
  });
  return { authenticator, authorizer, reviews };
}
