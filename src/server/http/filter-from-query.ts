// The object filter of a list, watch or deletecollection request: its label and field selectors,
// plus the name of a watch addressed to one object (upstream turns that into metadata.name=<name>).
import type { ObjectFilter } from '../registry/filter.ts';
import { selectionPredicate } from '../selectors/predicate.ts';
import type { ApiRequest } from './context.ts';

export function filterFromQuery(ar: ApiRequest): ObjectFilter {
  const { query, info, endpoint } = ar;
  let fieldSelector = query.get('fieldSelector') ?? '';
  if (info.name) fieldSelector = fieldSelector ? `${fieldSelector},metadata.name=${info.name}` : `metadata.name=${info.name}`;
  return selectionPredicate(endpoint.info, { labelSelector: query.get('labelSelector'), fieldSelector });
}
