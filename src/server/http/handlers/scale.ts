// GET/PUT/PATCH of /scale: an autoscaling/v1 Scale view of the workload's replicas.
import type { KubeObject } from '../../../api/object.ts';
import type { ApiRequest, Handler, ServerContext } from '../context.ts';
import { checkKind, readObject } from '../body.ts';
import { writeContext } from '../query.ts';
import { scaleOf, validateScale } from '../../registry/scale.ts';
import { conflict, invalid, notFound, OBJECT_MODIFIED } from '../../status.ts';

function access(ar: ApiRequest) {
  const scale = ar.endpoint.store.strategy.scale;
  if (!scale) throw notFound({ group: ar.info.group, resource: `${ar.info.resource}/scale` }, ar.info.name);
  return scale;
}

export const getScale: Handler = async (ar) => {
  const obj = await ar.endpoint.store.get(ar.info.namespace, ar.info.name);
  return { code: 200, body: scaleOf(obj, access(ar)) };
};

/** Writes the replicas of a Scale into the object; a resourceVersion in the Scale is a precondition. */
export async function writeScale(ar: ApiRequest, ctx: ServerContext, scale: KubeObject): Promise<KubeObject> {
  const scaleAccess = access(ar);
  const errors = validateScale(scale);
  if (errors.length) throw invalid({ group: 'autoscaling', kind: 'Scale' }, ar.info.name, errors);
  const replicas = ((scale.spec as { replicas?: number } | undefined)?.replicas ?? 0) as number;
  const pinned = scale.metadata?.resourceVersion;
  const updated = await ar.endpoint.store.guaranteedUpdate(
    ar.info.namespace,
    ar.info.name,
    (current) => {
      if (pinned && pinned !== current.metadata.resourceVersion) throw conflict({ group: ar.info.group, resource: ar.info.resource }, ar.info.name, OBJECT_MODIFIED);
      scaleAccess.write(current, replicas);
      return current;
    },
    writeContext(ar, ctx, 'scale'),
  );
  return scaleOf(updated, scaleAccess);
}

export const updateScale: Handler = async (ar, ctx) => {
  const scale = await readObject(ar.req, { group: 'autoscaling', version: 'v1', kind: 'Scale' });
  checkKind(scale, 'autoscaling/v1', 'Scale');
  return { code: 200, body: await writeScale(ar, ctx, scale) };
};
