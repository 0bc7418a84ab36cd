// The OpenAPI v3 documents explain reads (client-go's openapi client): the index at /openapi/v3,
// then one group version's document by the URL the index gives.
import type { ApiClient } from '../../client/types.ts';

export interface OpenApiPaths {
  /** "api/v1", "apis/apps/v1" → the document's server-relative URL (with its ?hash=). */
  [groupVersionPath: string]: string;
}

export async function fetchPaths(client: ApiClient): Promise<OpenApiPaths> {
  const doc = (await client.request('GET', '/openapi/v3')).json<{ paths?: Record<string, { serverRelativeURL?: string }> }>();
  const out: OpenApiPaths = {};
  for (const [k, v] of Object.entries(doc.paths ?? {})) out[k] = v?.serverRelativeURL ?? '';
  return out;
}

/** A group version's document as JSON text. */
export async function fetchSchema(client: ApiClient, serverRelativeUrl: string): Promise<string> {
  // URLs under /openapi/v3 keep the client's own path prefix; others are taken as they are
  const absolutePath = !serverRelativeUrl.startsWith('/openapi/v3');
  const res = await client.request('GET', serverRelativeUrl, { accept: 'application/json', absolutePath });
  return res.text();
}
