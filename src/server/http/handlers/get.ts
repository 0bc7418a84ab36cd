// GET of one object (and of its /status, which answers the whole object as upstream does).
import type { Handler } from '../context.ts';
import { renderObject } from '../render.ts';

export const get: Handler = async (ar, ctx) => {
  const { namespace, name } = ar.info;
  const obj = await ar.endpoint.store.get(namespace, name);
  return renderObject(ar, ctx, 200, obj);
};
