// The client's public shape: what commands use to talk to any conforming API server (a real
// cluster or the bundled one). It knows nothing of the server's internals.
import type { IncomingHttpHeaders } from 'node:http';
import type { KubeObject, WatchEvent } from '../api/object.ts';
import type { Discovery } from './discovery.ts';
import type { RequestTarget } from './errors.ts';
import type { RestConfig } from './config.ts';

export interface RequestOptions {
  /** Added to any query in the path; all of it is sent sorted by key, as client-go encodes it. */
  query?: Record<string, string | number | boolean | string[] | undefined>;
  /** An object is sent as JSON; a string or Buffer as is. */
  body?: unknown;
  contentType?: string;
  // Default: "application/json, */*", what kubectl sends for raw and unstructured requests.
  accept?: string;
  headers?: Record<string, string>;
  /** The path as is, without the server URL's own path prefix (kubectl's `get --raw` does this). */
  absolutePath?: boolean;
  /** Overrides --request-timeout for this request (also sent as `?timeout=`). 0 = none. */
  timeoutMs?: number;
  /**
   * What the request is about. Only used for errors when the server answers without a Status:
   * `… the server could not find the requested resource (get configmaps x)`.
   */
  target?: RequestTarget;
}

export interface ApiResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text(): string;
  json<T = unknown>(): T;
}

/** A watch: events until the server ends the stream or close() is called. */
export interface WatchStream extends AsyncIterable<WatchEvent<KubeObject>> {
  close(): void;
}

/** A resource as discovery describes it. */
export interface ApiResource {
  group: string;
  version: string;
  /** Plural, lower case. */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames: string[];
  categories: string[];
  /** Whether this is the preferred version of its group (`get` uses preferred versions). */
  preferred: boolean;
}

export interface RestMapper {
  /**
   * The resource a user typed, resolved as kubectl's Builder does: plural, singular, short name or
   * kind (resource names in any case, kinds as `Kind` or `kind`), optionally qualified as
   * `resource.group` (a group prefix is enough: `sc.storage`), `resource.version.group` or
   * `Kind.version.group`; core wins over other groups, then the server's group order, then the
   * preferred version. Rediscovers once when the cache was not fresh, then fails with kubectl's
   * `the server doesn't have a resource type "x"`. When discovery itself fails, that error
   * (ConnectionError, StatusError) is thrown after kubectl's number of attempts.
   */
  resourceFor(input: string): Promise<ApiResource>;
  /**
   * The RESTMapper's own ResourceFor (shortcut expansion, rediscovery, priorities) for a partly
   * given resource, as `explain` and `create role` use it. Unknown: NoResourceMatchError, whose
   * kubectlMessage() is kubectl's `the server doesn't have a resource type "x"[ in group "g"][ and
   * version "v"]` (printed without `error: `).
   */
  resourceForGVR(partial: { group?: string; version?: string; resource: string }): Promise<ApiResource>;
  /**
   * The RESTMapper's ResourcesFor after shortcut expansion (explain): every group/version/resource
   * the partial one matches, in the mapper's order (groups as discovered, each group's versions
   * in its order); errors as resourceForGVR.
   */
  resourcesForGVR(partial: { group?: string; version?: string; resource: string }): Promise<{ group: string; version: string; resource: string }[]>;
  /** The resource of an object's apiVersion and kind (manifests): `no matches for kind "X" in version "g/v"`. */
  resourceForKind(apiVersion: string, kind: string): Promise<ApiResource>;
  /**
   * kubectl's category expansion of one word (Builder.ReplaceAliases): `resource[.group]` of every
   * resource in that category, all versions, in discovery order (duplicates included); undefined
   * when the word is no category or discovery fails (kubectl then treats it as a resource). The
   * Builder's order is: expand every comma-separated word, drop duplicate strings, then
   * resourceFor each; follow it and the number of discovery attempts (and log lines when a group
   * is failing) matches kubectl's.
   */
  categoryMembers(name: string): Promise<string[] | undefined>;
  /** categoryMembers resolved with resourceFor, duplicates (same group/version/kind) dropped. */
  category(name: string): Promise<ApiResource[] | undefined>;
  /** Every resource the server serves (all versions), subresources left out. */
  all(): Promise<ApiResource[]>;
  /** Forget discovery (memory and disk) so that the next lookup asks the server again. */
  reset(): void;
}

export interface ApiClient {
  /** Base URL of the server (scheme, host, optional path prefix). */
  readonly server: string;
  /** The namespace commands default to: -n, else the context's, else "default". */
  readonly namespace: string;
  /** Whether -n/--namespace was given (some commands behave differently). */
  readonly namespaceExplicit: boolean;
  /** The resolved REST configuration (host, credentials, TLS files, timeout…). */
  readonly config: RestConfig;
  /** Any request; non-2xx answers throw StatusError (src/client/errors.ts), no answer ConnectionError. */
  request(method: string, path: string, opts?: RequestOptions): Promise<ApiResponse>;
  /** GET and parse JSON. */
  get<T = KubeObject>(path: string, opts?: RequestOptions): Promise<T>;
  /** A watch request (`?watch=true` is added). */
  watch(path: string, opts?: RequestOptions): Promise<WatchStream>;
  mapper(): Promise<RestMapper>;
  /** Discovery with kubectl's disk cache (api-resources, api-versions, explain). */
  discovery(): Promise<Discovery>;
  /** GET /version. */
  serverVersion(): Promise<Record<string, string>>;
  /** What an upgraded connection (WebSocket: exec, attach, port-forward) needs to reach the server as this client. */
  connectionOptions(path: string, query?: RequestOptions['query']): Promise<ConnectionOptions>;
  /** Server warnings printed so far (for --warnings-as-errors). */
  warningCount(): number;
  /** `-f -` reads stdin: an interactive exec plugin can no longer have it. */
  markStdinInUse(): void;
  /** Closes idle keep-alive connections. */
  close(): void;
}

export interface ConnectionOptions {
  url: string;
  headers: Record<string, string | string[]>;
  /** For tls.connect / ws: the CA, client certificate and key, SNI name; verification as configured. */
  tls: { ca?: Buffer; cert?: Buffer | string; key?: Buffer | string; rejectUnauthorized: boolean; servername?: string };
}
