// LIST of a collection: selectors, paging with continue tokens, resourceVersion semantics.
import type { ListMeta } from '../../../api/object.ts';
import type { Handler } from '../context.ts';
import { filterFromQuery } from '../filter-from-query.ts';
import { intParam } from '../query.ts';
import { renderList } from '../render.ts';
import { badRequest } from '../../status.ts';

export const list: Handler = async (ar, ctx) => {
  const { query } = ar;
  const limit = intParam(query, 'limit');
  const resourceVersionMatch = query.get('resourceVersionMatch') ?? undefined;
  const resourceVersion = query.get('resourceVersion') ?? undefined;
  if (resourceVersionMatch !== undefined && resourceVersionMatch !== '') {
    if (resourceVersionMatch !== 'Exact' && resourceVersionMatch !== 'NotOlderThan')
      throw badRequest(`resourceVersionMatch: Unsupported value: "${resourceVersionMatch}": supported values: "Exact", "NotOlderThan"`);
    if (!resourceVersion) throw badRequest('resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided');
    if (resourceVersionMatch === 'Exact' && resourceVersion === '0')
      throw badRequest('resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"');
  }
  const answer = await ar.endpoint.store.list(ar.info.namespace, {
    filter: filterFromQuery(ar),
    limit,
    continueToken: query.get('continue') || undefined,
    resourceVersion,
    resourceVersionMatch,
  });
  const listMeta: ListMeta = { resourceVersion: answer.resourceVersion };
  if (answer.continue) listMeta.continue = answer.continue;
  if (answer.remainingItemCount !== undefined) listMeta.remainingItemCount = answer.remainingItemCount;
  return renderList(ar, ctx, answer.items, listMeta);
};
