// The kubeconfig model, shaped like client-go's internal clientcmd API: entries in maps keyed by
// name, each remembering the file it came from. The file format (v1: lists, kebab-case keys) is
// converted in v1.ts. A field left undefined is Go's zero value or nil, which the file omits or
// writes as null exactly as kubectl does.

/** Arbitrary JSON carried through unchanged (the `extension` of a NamedExtension). */
export type Extensions = Record<string, unknown>;

export interface Cluster {
  /** The file this entry was read from; not written. */
  locationOfOrigin?: string;
  server: string;
  tlsServerName?: string;
  insecureSkipTlsVerify?: boolean;
  certificateAuthority?: string;
  /** Decoded bytes (the file holds base64). */
  certificateAuthorityData?: Buffer;
  proxyUrl?: string;
  disableCompression?: boolean;
  extensions?: Extensions;
}

export interface AuthProviderConfig {
  name: string;
  /** undefined is written `config: null`. */
  config?: Record<string, string>;
}

export interface ExecEnvVar {
  name: string;
  value: string;
}

export type ExecInteractiveMode = 'Never' | 'IfAvailable' | 'Always';

export interface ExecConfig {
  command: string;
  /** undefined is written `args: null`, [] as `args: []`. */
  args?: string[];
  env?: ExecEnvVar[];
  apiVersion?: string;
  installHint?: string;
  provideClusterInfo?: boolean;
  interactiveMode?: ExecInteractiveMode | string;
}

export interface AuthInfo {
  locationOfOrigin?: string;
  clientCertificate?: string;
  clientCertificateData?: Buffer;
  clientKey?: string;
  clientKeyData?: Buffer;
  token?: string;
  tokenFile?: string;
  /** `as` */
  impersonate?: string;
  /** `as-uid` */
  impersonateUid?: string;
  /** `as-groups` */
  impersonateGroups?: string[];
  /** `as-user-extra`; a null value is kept as null. */
  impersonateUserExtra?: Record<string, string[] | null>;
  username?: string;
  password?: string;
  authProvider?: AuthProviderConfig;
  exec?: ExecConfig;
  extensions?: Extensions;
}

export interface Context {
  locationOfOrigin?: string;
  cluster: string;
  /** `user` */
  authInfo: string;
  namespace?: string;
  extensions?: Extensions;
}

export interface Preferences {
  colors?: boolean;
  extensions?: Extensions;
}

export interface Config {
  preferences: Preferences;
  clusters: Record<string, Cluster>;
  /** `users` */
  authInfos: Record<string, AuthInfo>;
  contexts: Record<string, Context>;
  currentContext: string;
  extensions?: Extensions;
}

export function newConfig(): Config {
  return { preferences: {}, clusters: {}, authInfos: {}, contexts: {}, currentContext: '' };
}

/** A kubeconfig that cannot be read, or a write that cannot be done; the message is kubectl's. */
export class KubeconfigError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    /** The parts of an aggregate (several files failed to load). */
    readonly errors?: string[],
  ) {
    super(message);
    this.name = 'KubeconfigError';
  }

  /** kubectl's CheckErr: `error: <message>`, but an aggregate one error per line and unprefixed. */
  kubectlMessage(): string {
    return this.errors && this.errors.length > 1 ? this.errors.join('\n') : `error: ${this.message}`;
  }
}
