// POST: create an object in the collection.
import type { Handler } from '../context.ts';
import { checkKind, readObjectChecked } from '../body.ts';
import { warningHeaders, writeContext } from '../query.ts';
import { renderObject } from '../render.ts';

export const create: Handler = async (ar, ctx) => {
  const { endpoint } = ar;
  const { object: obj, duplicateFields } = await readObjectChecked(ar.req, endpoint.info);
  checkKind(obj, apiVersionOf(endpoint.info.group, endpoint.info.version), endpoint.info.kind);
  const wctx = { ...writeContext(ar, ctx), duplicateFields };
  const created = await endpoint.store.create(ar.info.namespace, endpoint.fromRequest(obj, wctx), wctx);
  return { ...renderObject(ar, ctx, 201, created), headers: warningHeaders(wctx.warnings) };
};

function apiVersionOf(group: string, version: string) {
  return group ? `${group}/${version}` : version;
}
