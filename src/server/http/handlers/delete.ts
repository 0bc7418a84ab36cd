// DELETE of one object and of a collection (DeleteOptions from the body or the query).
import type { KubeObject } from '../../../api/object.ts';
import type { ApiRequest, Handler } from '../context.ts';
import type { DeleteParams } from '../../registry/store.ts';
import { parseJson, readBody, readObject } from '../body.ts';
import { bodyMediaType } from '../negotiate.ts';
import { filterFromQuery } from '../filter-from-query.ts';
import { intParam, writeContext } from '../query.ts';
import { renderList, renderObject } from '../render.ts';
import { badRequest } from '../../status.ts';
import { isTrue } from '../request-info.ts';

const POLICIES = new Set(['Background', 'Foreground', 'Orphan']);

async function deleteParams(ar: ApiRequest): Promise<DeleteParams> {
  let options: Record<string, unknown>;
  if (bodyMediaType(ar.req.headers['content-type']) === 'application/vnd.kubernetes.protobuf') {
    options = (await readObject(ar.req, { group: '', version: 'v1', kind: 'DeleteOptions' })) as Record<string, unknown>;
  } else {
    const body = await readBody(ar.req);
    options = body.length ? ((parseJson(body) ?? {}) as Record<string, unknown>) : {};
  }
  if (typeof options !== 'object' || Array.isArray(options)) throw badRequest('DeleteOptions must be an object');
  const params: DeleteParams = {};
  const grace = options.gracePeriodSeconds ?? intParam(ar.query, 'gracePeriodSeconds');
  if (grace !== undefined && grace !== null) params.gracePeriodSeconds = Number(grace);
  let policy = (options.propagationPolicy ?? ar.query.get('propagationPolicy') ?? undefined) as string | undefined;
  const orphan = options.orphanDependents ?? (ar.query.has('orphanDependents') ? isTrue(ar.query.get('orphanDependents')) : undefined);
  if (orphan === false) params.orphanDependentsFalse = true;
  if (orphan !== undefined && orphan !== null) {
    if (policy) throw badRequest('DeleteOptions.orphanDependents: Invalid value: "true": orphanDependents and deletionPropagation cannot be both set');
    policy = orphan ? 'Orphan' : 'Background';
  }
  if (policy) {
    if (!POLICIES.has(policy))
      throw badRequest(`propagationPolicy: Unsupported value: "${policy}": supported values: "Background", "Foreground", "Orphan"`);
    params.propagationPolicy = policy as DeleteParams['propagationPolicy'];
  }
  const pre = options.preconditions as { uid?: string; resourceVersion?: string } | undefined;
  if (pre) params.preconditions = pre;
  if (Array.isArray(options.dryRun)) for (const v of options.dryRun) ar.query.append('dryRun', String(v));
  return params;
}

export const deleteOne: Handler = async (ar, ctx) => {
  const { endpoint, info } = ar;
  const params = await deleteParams(ar);
  const wctx = writeContext(ar, ctx);
  const { object, deleted } = await endpoint.store.delete(info.namespace, info.name, params, wctx);
  if (deleted && !endpoint.info.deleteReturnsObject) {
    // genericregistry.Store.finalizeDelete: a Status whose details name the resource, not the kind.
    const details: Record<string, string> = { name: object.metadata.name! };
    if (endpoint.info.group) details.group = endpoint.info.group;
    details.kind = endpoint.info.resource;
    if (object.metadata.uid) details.uid = object.metadata.uid;
    return { code: 200, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details } };
  }
  // 202 only when the client asked for cascading with orphanDependents=false (handlers/delete.go).
  return renderObject(ar, ctx, !deleted && params.orphanDependentsFalse && !wctx.dryRun ? 202 : 200, object);
};

export const deleteCollection: Handler = async (ar, ctx) => {
  const { endpoint, info } = ar;
  const params = await deleteParams(ar);
  const wctx = writeContext(ar, ctx);
  const { items, resourceVersion } = await endpoint.store.list(info.namespace, { filter: filterFromQuery(ar) });
  const deleted: KubeObject[] = [];
  for (const item of items) {
    try {
      deleted.push((await endpoint.store.delete(item.metadata.namespace ?? '', item.metadata.name!, params, wctx)).object);
    } catch (e) {
      // Gone meanwhile: nothing to delete.
      if ((e as { reason?: string }).reason !== 'NotFound') throw e;
    }
  }
  return renderList(ar, ctx, deleted, { resourceVersion });
};
