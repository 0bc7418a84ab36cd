// Serialised OpenAPI documents for one server, built on first request and kept until the set of
// resources changes (a CRD is added or removed: call invalidate()). The HTTP layer picks the body
// and sets Content-Type / ETag; this module knows nothing about requests.
import type { ResourceInfo } from '../../api/resources.ts';
import { builtinTypes, type TypeIndex } from '../../api/types.ts';
import type { CustomResourceSpec } from './custom.ts';
import { encodeOpenApiV2 } from './gnostic.ts';
import { buildOpenApiV2Document, type OpenApiV2Document } from './v2.ts';
import {
  buildOpenApiV3DiscoveryDocument,
  buildOpenApiV3Document,
  buildOpenApiV3Index,
  openApiV3DocumentNames,
  openApiV3Hash,
} from './v3.ts';

export interface OpenApiServiceOptions {
  /** info.version, e.g. the server's gitVersion "v1.33.0". */
  serverVersion: string;
  /** Served resources, built-in and custom, in discovery order. */
  resources: () => readonly ResourceInfo[];
  /** Schemas of served custom resource versions. */
  customResources?: () => readonly CustomResourceSpec[];
  types?: TypeIndex;
}

export interface OpenApiBody {
  body: Buffer;
  /** Upper-case hex SHA-512 of the body (kube-openapi computeETag); quote it for the ETag header. */
  etag: string;
  contentType: string;
}

/**
 * kube-openapi handler.go: clients ask for ...spec.v2@v1.0+protobuf (kubectl) or ...spec.v2.v1.0+protobuf;
 * the answer is always labelled with the second form, which Go's mime parser accepts.
 */
export const V2_PROTOBUF_ACCEPT = ['application/com.github.proto-openapi.spec.v2@v1.0+protobuf', 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf'];
export const V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

export class OpenApiService {
  readonly #opts: OpenApiServiceOptions;
  #cache = new Map<string, OpenApiBody>();
  /** The v2 document both encodings are made from. */
  #v2Doc?: OpenApiV2Document;
  /** Milliseconds spent building each cached body, for diagnostics and benchmarks. */
  readonly timings = new Map<string, number>();

  constructor(opts: OpenApiServiceOptions) {
    this.#opts = opts;
  }

  /** Drop every built document (resources or CRD schemas changed). */
  invalidate(): void {
    this.#cache = new Map();
    this.#v2Doc = undefined;
  }

  /** Names of the per-path v3 documents: "api", "apis", "api/v1", "apis/apps", "apis/apps/v1", ... */
  v3Names(): string[] {
    return openApiV3DocumentNames([...this.#opts.resources(), ...(this.#opts.customResources?.() ?? [])]);
  }

  /** GET /openapi/v3: builds every document, since the index carries their hashes. */
  v3Index(): OpenApiBody {
    return this.#cached('v3', () => {
      const bodies: Record<string, Buffer> = {};
      for (const name of this.v3Names()) bodies[name] = this.v3Document(name)!.body;
      return json(buildOpenApiV3Index(bodies));
    });
  }

  /** GET /openapi/v3/<name>; undefined when no such document is served. */
  v3Document(name: string): OpenApiBody | undefined {
    if (!this.v3Names().includes(name)) return undefined;
    return this.#cached(`v3:${name}`, () => {
      const types = this.#types();
      const version = this.#opts.serverVersion;
      if (name === 'api' || name === 'apis' || /^apis\/[^/]+$/.test(name)) {
        return json(buildOpenApiV3DiscoveryDocument(name as Parameters<typeof buildOpenApiV3DiscoveryDocument>[0], types, version));
      }
      const parts = name.split('/');
      const [group, gv] = parts[0] === 'api' ? ['', parts[1]!] : [parts[1]!, parts[2]!];
      return json(buildOpenApiV3Document(group, gv, this.#opts.resources(), types, version, this.#opts.customResources?.() ?? []));
    });
  }

  /** GET /openapi/v2 as JSON. */
  v2Json(): OpenApiBody {
    return this.#cached('v2', () => json(this.#v2()));
  }

  /** GET /openapi/v2 as the gnostic protobuf kubectl 1.27/1.28 ask for. */
  v2Protobuf(): OpenApiBody {
    return this.#cached('v2pb', () => {
      const body = Buffer.from(encodeOpenApiV2(this.#v2()));
      return { body, etag: openApiV3Hash(body), contentType: V2_PROTOBUF };
    });
  }

  #v2(): OpenApiV2Document {
    return (this.#v2Doc ??= buildOpenApiV2Document(this.#opts.resources(), this.#types(), this.#opts.serverVersion, this.#opts.customResources?.() ?? []));
  }

  #types(): TypeIndex {
    return this.#opts.types ?? builtinTypes();
  }

  #cached(key: string, build: () => OpenApiBody): OpenApiBody {
    let hit = this.#cache.get(key);
    if (!hit) {
      const started = performance.now();
      hit = build();
      this.timings.set(key, performance.now() - started);
      this.#cache.set(key, hit);
    }
    return hit;
  }
}

function json(doc: unknown): OpenApiBody {
  const body = Buffer.from(JSON.stringify(doc));
  return { body, etag: openApiV3Hash(body), contentType: 'application/json' };
}
