// PUT: replace an object (or its status); creates it for kinds that allow create-on-update.
import type { Handler } from '../context.ts';
import { checkKind, readObjectChecked } from '../body.ts';
import { warningHeaders, writeContext } from '../query.ts';
import { renderObject } from '../render.ts';

export const update: Handler = async (ar, ctx) => {
  const { endpoint, info } = ar;
  const { object: obj, duplicateFields } = await readObjectChecked(ar.req, endpoint.info);
  const apiVersion = endpoint.info.group ? `${endpoint.info.group}/${endpoint.info.version}` : endpoint.info.version;
  checkKind(obj, apiVersion, endpoint.info.kind);
  const wctx = { ...writeContext(ar, ctx, info.subresource || undefined), duplicateFields };
  const { object, created } = await endpoint.store.update(info.namespace, info.name, endpoint.fromRequest(obj, wctx), wctx);
  return { ...renderObject(ar, ctx, created ? 201 : 200, object), headers: warningHeaders(wctx.warnings) };
};
