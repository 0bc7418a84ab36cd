// Content negotiation as kube-apiserver does it (k8s.io/apiserver pkg/endpoints/handlers/negotiation):
// the Accept header picks the serializer and, through its `as`/`g`/`v` parameters, a conversion of
// the answer (Table, PartialObjectMetadata, aggregated discovery).

export interface MediaRange {
  type: string; // "application/json", "*/*", ...
  params: Record<string, string>;
  q: number;
}

export function parseMediaRanges(header: string | undefined): MediaRange[] {
  if (!header) return [];
  const ranges: MediaRange[] = [];
  for (const part of header.split(',')) {
    const [typePart, ...paramParts] = part.split(';');
    const type = typePart!.trim().toLowerCase();
    if (!type) continue;
    const params: Record<string, string> = {};
    let q = 1;
    for (const p of paramParts) {
      const eq = p.indexOf('=');
      if (eq < 0) continue;
      const key = p.slice(0, eq).trim().toLowerCase();
      const value = p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
      if (key === 'q') q = Number(value);
      else params[key] = value;
    }
    ranges.push({ type, params, q: Number.isFinite(q) ? q : 0 });
  }
  // Stable sort by preference; equal q keeps the client's order.
  return ranges.map((r, i) => ({ r, i })).sort((a, b) => b.r.q - a.r.q || a.i - b.i).map((x) => x.r).filter((r) => r.q > 0);
}

export type Serializer = 'json' | 'yaml';

/** What the answer should be converted to before it is serialised. */
export type Conversion =
  | { as: 'object' }
  | { as: 'Table'; version: 'v1' | 'v1beta1' }
  | { as: 'PartialObjectMetadata'; version: 'v1' | 'v1beta1' }
  | { as: 'PartialObjectMetadataList'; version: 'v1' | 'v1beta1' };

export interface Rendering {
  serializer: Serializer;
  conversion: Conversion;
  /** The Content-Type to answer with. */
  contentType: string;
}

export const SERVED_MEDIA_TYPES = ['application/json', 'application/yaml'];
/** Request bodies the server can read (protobuf for built-in kinds, issue 3). */
export const READABLE_MEDIA_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];

function serializerFor(type: string): Serializer | undefined {
  if (type === 'application/json' || type === '*/*' || type === 'application/*') return 'json';
  if (type === 'application/yaml') return 'yaml';
  return undefined;
}

/**
 * Picks the rendering of an object answer. `conversions` says which `as=` forms the endpoint
 * offers (get/list/watch of a resource offer Table and PartialObjectMetadata). Returns undefined
 * when nothing acceptable is offered (the caller answers 406).
 */
export function negotiateObject(accept: string | undefined, conversions: { table: boolean; metadata: boolean; list: boolean }): Rendering | undefined {
  const ranges = parseMediaRanges(accept);
  if (ranges.length === 0) return { serializer: 'json', conversion: { as: 'object' }, contentType: 'application/json' };
  for (const r of ranges) {
    const serializer = serializerFor(r.type);
    if (!serializer) continue;
    const as = r.params['as'];
    if (!as) return { serializer, conversion: { as: 'object' }, contentType: contentTypeOf(serializer) };
    const group = r.params['g'];
    const version = r.params['v'];
    if (group !== 'meta.k8s.io' || (version !== 'v1' && version !== 'v1beta1')) continue;
    if (as === 'Table' && conversions.table)
      return { serializer, conversion: { as: 'Table', version }, contentType: `${contentTypeOf(serializer)};as=Table;v=${version};g=meta.k8s.io` };
    if (as === 'PartialObjectMetadata' && conversions.metadata && !conversions.list)
      return { serializer, conversion: { as, version }, contentType: `${contentTypeOf(serializer)};as=${as};v=${version};g=meta.k8s.io` };
    if (as === 'PartialObjectMetadataList' && conversions.metadata && conversions.list)
      return { serializer, conversion: { as, version }, contentType: `${contentTypeOf(serializer)};as=${as};v=${version};g=meta.k8s.io` };
  }
  return undefined;
}

function contentTypeOf(s: Serializer): string {
  return s === 'json' ? 'application/json' : 'application/yaml';
}

export type DiscoveryFormat = 'v2' | 'v2beta1' | 'legacy';

/** Aggregated discovery is served only when asked for by its exact g/v/as parameters. */
export function negotiateDiscovery(accept: string | undefined): DiscoveryFormat | undefined {
  const ranges = parseMediaRanges(accept);
  if (ranges.length === 0) return 'legacy';
  for (const r of ranges) {
    if (r.type !== 'application/json' && r.type !== '*/*' && r.type !== 'application/*') {
      continue;
    }
    if (r.params['as'] === 'APIGroupDiscoveryList' && r.params['g'] === 'apidiscovery.k8s.io') {
      if (r.params['v'] === 'v2') return 'v2';
      if (r.params['v'] === 'v2beta1') return 'v2beta1';
      continue;
    }
    if (!r.params['as']) return 'legacy';
  }
  return undefined;
}

export function discoveryContentType(format: 'v2' | 'v2beta1'): string {
  return `application/json;g=apidiscovery.k8s.io;v=${format};as=APIGroupDiscoveryList`;
}

/** The media type of a request body, without parameters (charset etc.). */
export function bodyMediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}
