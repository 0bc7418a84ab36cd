import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { builtinResources } from '../../../src/api/resources.ts';
import { builtinTypes } from '../../../src/api/types.ts';
import { buildOpenApiV3Document, buildOpenApiV3Index, openApiV3DocumentNames } from '../../../src/server/openapi/v3.ts';
import { OpenApiService } from '../../../src/server/openapi/service.ts';
import { SKIP, V3_DOCS, optionalMarked, readJson, ssaTypes } from '../../api/upstream-data.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const SPECIAL_REFS = /\.(Time|MicroTime|Quantity|IntOrString|RawExtension)$/;
const build = (group: string, version: string) => buildOpenApiV3Document(group, version, builtinResources, builtinTypes(), 'v1.33.0') as any;

const refOf = (s: any): string | undefined => s?.$ref ?? (s?.allOf?.length === 1 ? s.allOf[0].$ref : undefined);
/** Structure without descriptions, enums, defaults or extensions; allOf-wrapped refs unwrapped. */
function shape(s: any): any {
  if (!s || typeof s !== 'object') return s;
  const out: any = {};
  const ref = refOf(s);
  if (ref) out.$ref = ref;
  for (const k of ['type', 'format']) if (s[k] !== undefined) out[k] = s[k];
  if (s.items) out.items = shape(s.items);
  if (s.additionalProperties) out.additionalProperties = shape(s.additionalProperties);
  if (s.oneOf) out.oneOf = s.oneOf;
  return out;
}
const paramKeys = (...lists: any[][]) => lists.flat().filter(Boolean).map((p) => `${p.in}:${p.name}`).sort();

for (const d of V3_DOCS) {
  test(`${d.file}: paths, operations and parameters as upstream serves them`, { skip: SKIP }, () => {
    const up = readJson(`openapi-v3/${d.file}.json`);
    const ours = build(d.group, d.version);
    const upPaths = Object.keys(up.paths);
    assert.deepEqual(upPaths.filter((p) => !(p in ours.paths)), [], 'paths missing');
    // Extra paths may only come from subresources newer than the upstream discovery snapshot (pods/resize).
    const legacy = d.group === '' ? readJson('discovery/api__v1.json') : d.group === 'apps' ? readJson('discovery/apis__apps__v1.json') : undefined;
    for (const extra of Object.keys(ours.paths).filter((p) => !(p in up.paths))) {
      const [resource, , sub] = extra.split('/').slice(-3);
      assert.ok(legacy && sub && !legacy.resources.some((r: any) => r.name === `${resource}/${sub}`), `unexpected path ${extra}`);
    }
    // Query parameters the upstream document never mentions were added in later releases.
    const known = new Set(JSON.stringify(up.paths).match(/"name":\s*"[^"]+"/g)!.map((m) => m.split('"')[3]));
    for (const path of upPaths) {
      const a = up.paths[path];
      const b = ours.paths[path];
      assert.deepEqual(METHODS.filter((m) => b[m]), METHODS.filter((m) => a[m]), path);
      for (const m of METHODS.filter((x) => a[x])) {
        const x = a[m];
        const y = b[m];
        const where = `${m} ${path}`;
        assert.equal(y.operationId, x.operationId, where);
        assert.deepEqual(y.tags, x.tags, where);
        assert.equal(y['x-kubernetes-action'], x['x-kubernetes-action'], where);
        assert.deepEqual(y['x-kubernetes-group-version-kind'], x['x-kubernetes-group-version-kind'], where);
        const upParams = paramKeys(a.parameters, x.parameters);
        const ourParams = paramKeys(b.parameters, y.parameters);
        assert.deepEqual(upParams.filter((p) => !ourParams.includes(p)), [], `${where}: parameters missing`);
        assert.deepEqual(ourParams.filter((p) => !upParams.includes(p) && known.has(p.split(':')[1]!)), [], `${where}: extra parameters`);
        const body = (o: any) => o.requestBody && Object.fromEntries(Object.entries<any>(o.requestBody.content).map(([ct, v]) => [ct, v.schema.$ref]));
        assert.deepEqual(body(y), body(x), where);
        if (x.requestBody?.required) assert.equal(y.requestBody.required, true, where);
        const responses = (o: any) =>
          Object.fromEntries(Object.entries<any>(o.responses).map(([code, r]) => [code, Object.fromEntries(Object.entries<any>(r.content ?? {}).map(([ct, v]) => [ct, v.schema.$ref ?? v.schema.type]))]));
        assert.deepEqual(responses(y), responses(x), where);
      }
      // Shared parameters sit at path level upstream; ours too, unless drift adds an op-only one.
      assert.deepEqual(paramKeys(a.parameters).filter((p) => !paramKeys(b.parameters).includes(p)), [], `${path}: path-level parameters`);
    }
  });

  test(`${d.file}: component schemas as upstream lays them out`, { skip: SKIP }, async () => {
    const up = readJson(`openapi-v3/${d.file}.json`).components.schemas;
    const ours = build(d.group, d.version).components.schemas;
    const ssa = ssaTypes();
    const optional = await optionalMarked();
    const patches = readJson('patch-strategies.json');
    // Types upstream removed since the document (v1.27–1.29) are absent from v1.33's SSA schema too.
    for (const name of Object.keys(up).filter((n) => !(n in ours))) assert.ok(!ssa.has(name) && !builtinTypes().type(name), `missing schema ${name}`);
    const newProps = new Set<string>();
    for (const [name, a] of Object.entries<any>(up)) {
      const b = ours[name];
      if (!b) continue;
      const ssaFields = ssa.get(name)?.map?.fields as any[] | undefined;
      assert.deepEqual(shape({ ...b, properties: undefined }), shape({ ...a, properties: undefined }), name);
      assert.equal(b['x-kubernetes-map-type'], a['x-kubernetes-map-type'], name);
      assert.deepEqual(b['x-kubernetes-unions'], a['x-kubernetes-unions'], name);
      // Meta kinds list every registered group/version upstream; ours the served subset.
      const gvk = (s: any) => (s['x-kubernetes-group-version-kind'] ?? []).map((g: any) => `${g.group}/${g.version}/${g.kind}`);
      assert.deepEqual(gvk(b).filter((g: string) => !gvk(a).includes(g)), [], name);
      if (!name.includes('apimachinery')) assert.deepEqual(gvk(b), gvk(a), name);
      const ourRequired: string[] = b.required ?? [];
      for (const r of a.required ?? []) {
        if (b.properties?.[r]) assert.ok(ourRequired.includes(r) || optional.has(`${name}.${r}`), `${name}.${r} required`);
      }
      for (const r of ourRequired.filter((x) => a.properties?.[x])) assert.ok(a.required?.includes(r), `${name}.${r} not required upstream`);
      for (const [prop, x] of Object.entries<any>(a.properties ?? {})) {
        const y = b.properties?.[prop];
        const where = `${name}.${prop}`;
        if (!y) {
          assert.ok(ssaFields && !ssaFields.some((f) => f.name === prop), `${where} missing but still in v1.33`);
          continue;
        }
        // A field whose type changed since the document (PVC spec.resources in v1.29) follows v1.33's SSA schema.
        const retyped = ssaFields?.find((f) => f.name === prop)?.type.namedType;
        if (!retyped || refOf(y) !== `#/components/schemas/${retyped}` || refOf(x) === refOf(y)) assert.deepEqual(shape(y), shape(x), where);
        else newProps.add(where);
        const special = SPECIAL_REFS.test(refOf(x) ?? '') || SPECIAL_REFS.test(refOf(x?.additionalProperties) ?? '');
        if (x.default !== undefined && !special) assert.deepEqual(y.default, x.default, `${where} default`);
        if (x.items?.default !== undefined) assert.deepEqual(y.items.default, x.items.default, `${where} items default`);
        if (y.default !== undefined && x.default === undefined) {
          assert.deepEqual(y.default, ssaFields?.find((f) => f.name === prop)?.default, `${where}: default newer than the document`);
        }
        for (const ext of ['x-kubernetes-patch-strategy', 'x-kubernetes-patch-merge-key']) {
          if (x[ext] === y[ext]) continue;
          // v1.33 dropped LabelSelectorRequirement.key's patch tags; patch-strategies.json is the v1.33 truth.
          const record = patches.find((p: any) => p.type === name.split('.').at(-1) && p.field === prop);
          assert.equal(y[ext], ext.endsWith('strategy') ? record?.patchStrategy : record?.patchMergeKey ?? undefined, `${where} ${ext}`);
        }
        if (x['x-kubernetes-list-type']) assert.equal(y['x-kubernetes-list-type'], x['x-kubernetes-list-type'], where);
        if (x['x-kubernetes-list-map-keys']) assert.deepEqual(y['x-kubernetes-list-map-keys'], x['x-kubernetes-list-map-keys'], where);
        if (x['x-kubernetes-map-type']) assert.equal(y['x-kubernetes-map-type'], x['x-kubernetes-map-type'], where);
      }
      for (const prop of Object.keys(b.properties ?? {}).filter((p) => !a.properties?.[p])) {
        if (ssaFields) assert.ok(ssaFields.some((f) => f.name === prop), `${name}.${prop} is not a v1.33 field`);
        newProps.add(`${name}.${prop}`);
      }
    }
    // Schemas only we have must be reachable from properties newer than the document.
    const reachable = new Set<string>();
    const visit = (s: any) => {
      if (!s || typeof s !== 'object') return;
      const ref = refOf(s);
      if (ref) {
        const n = ref.replace('#/components/schemas/', '');
        if (!reachable.has(n)) {
          reachable.add(n);
          visit(ours[n]);
        }
      }
      for (const v of Object.values(s)) if (v && typeof v === 'object') visit(v);
    };
    for (const p of newProps) visit(ours[p.slice(0, p.lastIndexOf('.'))].properties[p.slice(p.lastIndexOf('.') + 1)]);
    for (const name of Object.keys(ours).filter((n) => !(n in up))) assert.ok(reachable.has(name), `unexpected schema ${name}`);
  });
}

test('every document: PATCH carries fieldValidation and the GVK, $refs resolve and never have siblings', () => {
  const svc = new OpenApiService({ serverVersion: 'v1.33.0', resources: () => builtinResources });
  let patches = 0;
  for (const name of svc.v3Names()) {
    const doc = JSON.parse(svc.v3Document(name)!.body.toString());
    assert.equal(doc.openapi, '3.0.0');
    assert.deepEqual(doc.info, { title: 'Kubernetes', version: 'v1.33.0' });
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      const op = item.patch;
      if (!op || op['x-kubernetes-action'] !== 'patch') continue;
      // cli-runtime query_param_verifier_v3.go looks for exactly these two things.
      assert.ok(op['x-kubernetes-group-version-kind']?.kind, path);
      assert.ok([...(item.parameters ?? []), ...(op.parameters ?? [])].some((p: any) => p.name === 'fieldValidation' && p.in === 'query'), path);
      patches++;
    }
    const walk = (s: unknown) => {
      if (!s || typeof s !== 'object') return;
      const o = s as Record<string, unknown>;
      if (typeof o.$ref === 'string') {
        assert.deepEqual(Object.keys(o), ['$ref'], `sibling beside ${o.$ref}`);
        assert.ok(o.$ref.slice('#/components/schemas/'.length) in doc.components.schemas, `${name}: dangling ${o.$ref}`);
      }
      for (const v of Object.values(o)) walk(v);
    };
    walk(doc);
  }
  const expected = builtinResources.flatMap((r) => [r.verbs, ...(r.subresources ?? []).filter((s) => !s.kind.endsWith('Options')).map((s) => s.verbs)]);
  assert.equal(patches, expected.filter((verbs) => verbs.includes('patch')).length);
});

test('the /openapi/v3 index names every document with the upper-case SHA-512 of its bytes', () => {
  const svc = new OpenApiService({ serverVersion: 'v1.33.0', resources: () => builtinResources });
  const index = JSON.parse(svc.v3Index().body.toString());
  assert.deepEqual(Object.keys(index.paths), openApiV3DocumentNames(builtinResources));
  assert.ok(index.paths['api/v1'] && index.paths['apis/apps/v1'] && index.paths['apis/apps']);
  for (const [name, entry] of Object.entries<any>(index.paths)) {
    const hash = createHash('sha512').update(svc.v3Document(name)!.body).digest('hex').toUpperCase();
    assert.equal(entry.serverRelativeURL, `/openapi/v3/${name}?hash=${hash}`);
  }
  assert.match(buildOpenApiV3Index({ 'api/v1': '{}' }).paths['api/v1']!.serverRelativeURL, /^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/);
  assert.equal(svc.v3Document('apis/extensions/v1beta1'), undefined);
});

test('custom resources: routes, GVK and schema built from an openAPIV3Schema', () => {
  const custom = [{
    group: 'stable.example.com', version: 'v1', kind: 'CronTab', listKind: 'CronTabList', plural: 'crontabs', namespaced: true,
    subresources: { status: true, scale: true },
    schema: { type: 'object', properties: { spec: { type: 'object', properties: { image: { type: 'string' }, replicas: { type: 'integer' }, template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true } } } } },
  }];
  const doc = buildOpenApiV3Document('stable.example.com', 'v1', [], builtinTypes(), 'v1.33.0', custom) as any;
  const base = '/apis/stable.example.com/v1/namespaces/{namespace}/crontabs';
  assert.deepEqual(Object.keys(doc.paths).sort(), ['/apis/stable.example.com/v1/', '/apis/stable.example.com/v1/crontabs', base, `${base}/{name}`, `${base}/{name}/scale`, `${base}/{name}/status`].sort());
  const patch = doc.paths[`${base}/{name}`].patch;
  assert.equal(patch.operationId, 'patchStableExampleComV1NamespacedCronTab');
  assert.deepEqual(patch['x-kubernetes-group-version-kind'], { group: 'stable.example.com', kind: 'CronTab', version: 'v1' });
  assert.deepEqual(Object.keys(patch.requestBody.content), ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml']);
  assert.ok(patch.parameters.some((p: any) => p.name === 'fieldValidation'));
  assert.deepEqual(doc.paths[`${base}/{name}/scale`].get['x-kubernetes-group-version-kind'], { group: 'autoscaling', kind: 'Scale', version: 'v1' });
  const kind = doc.components.schemas['com.example.stable.v1.CronTab'];
  assert.deepEqual(kind['x-kubernetes-group-version-kind'], [{ group: 'stable.example.com', kind: 'CronTab', version: 'v1' }]);
  assert.deepEqual(kind.properties.metadata, { allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }] });
  assert.deepEqual(kind.properties.spec.properties.template.required, ['kind', 'apiVersion']);
  assert.equal(doc.components.schemas['com.example.stable.v1.CronTabList'].properties.items.items.$ref, '#/components/schemas/com.example.stable.v1.CronTab');
  for (const t of ['ObjectMeta', 'ListMeta', 'Status', 'DeleteOptions', 'Patch']) assert.ok(doc.components.schemas[`io.k8s.apimachinery.pkg.apis.meta.v1.${t}`], t);
  assert.ok(doc.components.schemas['io.k8s.api.autoscaling.v1.Scale']);
});
