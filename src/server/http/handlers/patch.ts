// PATCH of an object, its /status or its /scale (endpoints/handlers/patch.go): JSON patch, JSON
// merge patch and strategic merge patch applied to the current object and written back with
// retries; application/apply-patch+yaml is server-side apply.
import { parseDocument } from 'yaml';
import type { KubeObject } from '../../../api/object.ts';
import { builtinTypes } from '../../../api/types.ts';
import { applyPatch, isPatchError, JSON_PATCH, MERGE_PATCH, patchErrorStatus, schemaForKind, STRATEGIC_MERGE_PATCH, typedSchema, type PatchType } from '../../../patch/index.ts';
import { goSprint } from '../../../patch/go-value.ts';
import { serverSideApply } from '../../fieldmanager/apply.ts';
import { ApiError, badRequest, conflict, invalid, notFound, unsupportedMediaType } from '../../status.ts';
import type { ApiRequest, Handler, ServerContext } from '../context.ts';
import { readBody } from '../body.ts';
import { bodyMediaType } from '../negotiate.ts';
import { fieldValidationOf, warningHeaders, writeContext } from '../query.ts';
import { renderObject } from '../render.ts';
import { isTrue } from '../request-info.ts';
import { scaleOf } from '../../registry/scale.ts';
import { writeScale } from './scale.ts';

const APPLY_PATCH = 'application/apply-patch+yaml';

function patchTypeOf(ar: ApiRequest): PatchType | typeof APPLY_PATCH {
  const media = bodyMediaType(ar.req.headers['content-type']);
  const custom = !!ar.endpoint.info.custom;
  // Custom resources have no Go types, so no strategic merge patch.
  const accepted = custom ? [JSON_PATCH, MERGE_PATCH, APPLY_PATCH] : [JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH];
  if (!accepted.includes(media)) throw unsupportedMediaType(accepted);
  return media as PatchType | typeof APPLY_PATCH;
}

/** Runs a patch-library call, turning its errors into kube-apiserver's Status. */
function patched(apply: () => unknown): KubeObject {
  let result: unknown;
  try {
    result = apply();
  } catch (e) {
    if (isPatchError(e)) throw new ApiError(patchErrorStatus(e));
    throw e;
  }
  if (result === null || typeof result !== 'object' || Array.isArray(result)) throw badRequest('Object \'Kind\' is missing in patched object');
  return result as KubeObject;
}

export const patch: Handler = async (ar, ctx) => {
  const type = patchTypeOf(ar);
  const force = ar.query.get('force');
  if (type !== APPLY_PATCH && force !== null)
    throw invalid({ group: 'meta.k8s.io', kind: 'PatchOptions' }, '', [{ type: 'FieldValueForbidden', field: 'force', detail: 'may not be specified for non-apply patch' }]);
  const body = await readBody(ar.req);
  if (type === APPLY_PATCH) return serverSideApplyPatch(ar, ctx, body, isTrue(force));
  if (ar.info.subresource === 'scale') return { code: 200, body: await patchScale(ar, ctx, type, body) };
  const { endpoint, info } = ar;
  const schema = type === STRATEGIC_MERGE_PATCH ? schemaForKind(endpoint.info.group, endpoint.info.version, endpoint.info.kind) : undefined;
  const fieldValidation = fieldValidationOf(ar.query) ?? 'Warn';
  const wctx = writeContext(ar, ctx, info.subresource || undefined);
  const object = await endpoint.store.guaranteedUpdate(
    info.namespace,
    info.name,
    (current) => {
      const result = patched(() => applyPatch(type, endpoint.toVersion(current) as never, body, { fieldValidation, schema }));
      if (fieldValidation !== 'Ignore') strictCheck(result, type, body, fieldValidation, wctx, endpoint.unknownFieldsOf(result));
      return endpoint.fromVersion(result);
    },
    // Unknown fields were judged against the patch here, as upstream does; the store need not again.
    { ...wctx, fieldValidation: 'Ignore' },
  );
  return { ...renderObject(ar, ctx, 200, object), headers: warningHeaders(wctx.warnings) };
};

/**
 * handlers/patch.go: unknown fields in a patched object are reported against the patch itself:
 * Strict answers `"" is invalid: patch: Invalid value: "<patch>": strict decoding error: ...`
 * (the patch map as Go prints it for strategic merge patches, the patched JSON otherwise).
 */
function strictCheck(result: KubeObject, type: PatchType, body: Buffer, mode: 'Strict' | 'Warn', wctx: { warnings?: string[] }, unknown: string[]): void {
  if (unknown.length === 0) return;
  const texts = unknown.map((p) => `unknown field ${JSON.stringify(p.replace(/^\./, ''))}`);
  if (mode === 'Warn') {
    (wctx.warnings ??= []).push(...texts);
    return;
  }
  const shown = type === STRATEGIC_MERGE_PATCH ? goSprint(JSON.parse(body.toString('utf8'))) : JSON.stringify(result);
  throw invalid({ group: '', kind: '' }, '', [{ type: 'FieldValueInvalid', field: 'patch', value: shown, detail: `strict decoding error: ${texts.join(', ')}` }]);
}

async function patchScale(ar: ApiRequest, ctx: ServerContext, type: PatchType, body: Buffer): Promise<KubeObject> {
  const access = ar.endpoint.store.strategy.scale;
  if (!access) throw notFound({ group: ar.info.group, resource: `${ar.info.resource}/scale` }, ar.info.name);
  const current = scaleOf(await ar.endpoint.store.get(ar.info.namespace, ar.info.name), access);
  const schema = type === STRATEGIC_MERGE_PATCH ? typedSchema('io.k8s.api.autoscaling.v1.Scale') : undefined;
  const scale = patched(() => applyPatch(type, current as never, body, { schema }));
  return writeScale(ar, ctx, scale);
}

/** Server-side apply: merge the applied configuration with field ownership, creating if absent. */
async function serverSideApplyPatch(ar: ApiRequest, ctx: ServerContext, body: Buffer, force: boolean) {
  const { endpoint, info } = ar;
  const manager = ar.query.get('fieldManager') ?? '';
  if (!manager)
    throw invalid({ group: 'meta.k8s.io', kind: 'PatchOptions' }, '', [{ type: 'FieldValueRequired', field: 'fieldManager', detail: 'is required for apply patch' }]);
  const doc = parseDocument(body.toString('utf8'), { version: '1.1', uniqueKeys: false });
  if (doc.errors.length) throw badRequest(`error decoding YAML: ${doc.errors[0]!.message}`);
  const applied = doc.toJS({ maxAliasCount: 100 }) as KubeObject;
  if (applied === null || typeof applied !== 'object' || Array.isArray(applied)) throw badRequest('error decoding YAML: the applied configuration is not an object');
  const schema = endpoint.store.strategy.schema ?? { types: builtinTypes(), typeName: builtinTypes().typeNameForKind(endpoint.info.group, endpoint.info.version, endpoint.info.kind) };
  const subresource = info.subresource || undefined;
  const request = (live: KubeObject | undefined) =>
    serverSideApply({
      live,
      applied,
      manager,
      force,
      apiVersion: endpoint.info.group ? `${endpoint.info.group}/${endpoint.info.version}` : endpoint.info.version,
      kind: endpoint.info.kind,
      subresource,
      now: ctx.now(),
      types: schema.types,
      typeName: schema.typeName,
      resetFields: endpoint.store.hasStatus ? undefined : [],
    });
  const wctx = { ...writeContext(ar, ctx, subresource), managedFieldsSet: true };
  const checkName = (obj: KubeObject) => {
    if (obj.metadata?.name && obj.metadata.name !== info.name)
      throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${info.name})`);
    return obj;
  };
  const update = async () => {
    const object = await endpoint.store.guaranteedUpdate(info.namespace, info.name, (current) => endpoint.fromVersion(checkName(request(endpoint.toVersion(current)))), wctx);
    return { ...renderObject(ar, ctx, 200, object), headers: warningHeaders(wctx.warnings) };
  };
  if (await endpoint.store.tryGet(info.namespace, info.name)) return update();
  if (subresource) throw notFound({ group: info.group, resource: info.resource }, info.name);
  const created = checkName(request(undefined));
  const uid = (applied.metadata as { uid?: string } | undefined)?.uid;
  if (uid)
    throw conflict(
      { group: info.group, resource: info.resource },
      info.name,
      `uid mismatch: the provided object specified uid ${uid}, and no existing object was found`,
    );
  try {
    const object = await endpoint.store.create(info.namespace, endpoint.fromVersion({ ...created, metadata: { ...created.metadata, name: info.name } }), wctx);
    return { ...renderObject(ar, ctx, 201, object), headers: warningHeaders(wctx.warnings) };
  } catch (e) {
    // Created meanwhile by someone else: apply to it.
    if (e instanceof ApiError && e.reason === 'AlreadyExists') return update();
    throw e;
  }
}
