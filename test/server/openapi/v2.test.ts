import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { builtinResources } from '../../../src/api/resources.ts';
import { builtinTypes } from '../../../src/api/types.ts';
import { OpenApiService } from '../../../src/server/openapi/service.ts';
import { buildOpenApiV2Document } from '../../../src/server/openapi/v2.ts';
import { parseProto, type ProtoMessage } from '../../../scripts/gen-api/proto.ts';
import { SKIP, readText } from '../../api/upstream-data.ts';

const doc = () => buildOpenApiV2Document(builtinResources, builtinTypes(), 'v1.33.0') as any;

test('swagger 2.0 document: refs resolve, PATCH operations keep fieldValidation inline', () => {
  const d = doc();
  assert.equal(d.swagger, '2.0');
  assert.deepEqual(d.info, { title: 'Kubernetes', version: 'v1.33.0' });
  assert.ok(d.definitions['io.k8s.api.core.v1.Pod'] && d.definitions['io.k8s.api.apps.v1.Deployment']);
  const refs: string[] = [];
  const walk = (s: unknown) => {
    if (!s || typeof s !== 'object') return;
    const o = s as Record<string, unknown>;
    if (typeof o.$ref === 'string') refs.push(o.$ref);
    for (const v of Object.values(o)) walk(v);
  };
  walk(d);
  for (const ref of refs) {
    const [, section, name] = /^#\/(definitions|parameters)\/(.+)$/.exec(ref)!;
    assert.ok(d[section!][name!], `dangling ${ref}`);
  }
  let patches = 0;
  for (const [path, item] of Object.entries<any>(d.paths)) {
    const op = item.patch;
    if (op?.['x-kubernetes-action'] !== 'patch') continue;
    // kubectl 1.27 query_param_verifier.go: a PATCH op with this GVK and an inline or global fieldValidation.
    assert.ok(op['x-kubernetes-group-version-kind'].kind, path);
    assert.ok(op.parameters.some((p: any) => p.name === 'fieldValidation' && p.in === 'query'), path);
    patches++;
  }
  assert.ok(patches > 50);
  // Shared parameters are global; name/fieldValidation/dryRun and kind bodies stay inline.
  const names = Object.values<any>(d.parameters).map((p) => p.name);
  assert.ok(names.includes('pretty') && names.includes('namespace') && names.includes('body'));
  assert.ok(!names.includes('name') && !names.includes('fieldValidation') && !names.includes('dryRun'));
  const create = d.paths['/apis/apps/v1/namespaces/{namespace}/deployments'].post;
  assert.deepEqual(create.parameters.find((p: any) => p.name === 'body'), { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/io.k8s.api.apps.v1.Deployment' } });
  assert.deepEqual(d.definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString'], { type: 'string', format: 'int-or-string' });
  // v2 keeps siblings beside $ref (no allOf).
  assert.deepEqual(d.definitions['io.k8s.api.apps.v1.Deployment'].properties.spec, { $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentSpec', default: {} });
});

/** A generic decoder driven by the .proto text itself, independent of the generated field table. */
function decoder(messages: Map<string, ProtoMessage>) {
  const decode = (type: string, buf: Uint8Array): Record<string, any> => {
    const msg = messages.get(type)!;
    const out: Record<string, any> = {};
    let pos = 0;
    const varint = () => {
      let v = 0n;
      for (let shift = 0n; ; shift += 7n) {
        const b = buf[pos++]!;
        v |= BigInt(b & 0x7f) << shift;
        if (b < 0x80) return v;
      }
    };
    while (pos < buf.length) {
      const tag = Number(varint());
      const f = msg.fields.find((x) => x.number === tag >> 3);
      assert.ok(f, `${type}: unknown field ${tag >> 3}`);
      let value: unknown;
      switch (tag & 7) {
        case 0:
          value = f.type === 'bool' ? varint() !== 0n : Number(BigInt.asIntN(64, varint()));
          break;
        case 1:
          value = Buffer.from(buf.subarray(pos, (pos += 8))).readDoubleLE(0);
          break;
        case 2: {
          const len = Number(varint());
          const bytes = buf.subarray(pos, (pos += len));
          value = f.type === 'string' ? Buffer.from(bytes).toString('utf8') : decode(f.type, bytes);
          break;
        }
        default:
          assert.fail(`wire type ${tag & 7}`);
      }
      if (f.repeated) (out[f.name] ??= []).push(value);
      else out[f.name] = value;
    }
    return out;
  };
  return decode;
}

/** gnostic message shapes back to swagger JSON, for the subset the server emits. */
function toSwagger(d: Record<string, any>): any {
  const named = (list: any[] | undefined, f: (v: any) => any) => Object.fromEntries((list ?? []).map((x) => [x.name, f(x.value ?? {})]));
  const ext = (list: any[] | undefined) => named(list, (v) => parseYaml(v.yaml));
  const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  const schema = (s: any): any =>
    clean({
      $ref: s._ref,
      type: s.type?.value?.[0],
      format: s.format,
      default: s.default && parseYaml(s.default.yaml),
      required: s.required,
      enum: s.enum?.map((e: any) => parseYaml(e.yaml)),
      items: s.items && schema(s.items.schema[0]),
      additionalProperties: s.additional_properties && (s.additional_properties.schema ? schema(s.additional_properties.schema) : s.additional_properties.boolean),
      properties: s.properties && named(s.properties.additional_properties, schema),
      oneOf: undefined,
      ...ext(s.vendor_extension),
    });
  const param = (p: any): any => {
    if (p.body_parameter) {
      const b = p.body_parameter;
      return clean({ name: b.name, in: b.in, required: b.required, schema: schema(b.schema) });
    }
    const [sub] = Object.values<any>(p.non_body_parameter);
    return clean({ in: sub.in, name: sub.name, required: sub.required, type: sub.type, uniqueItems: sub.unique_items });
  };
  const item = (i: any) => (i.json_reference ? { $ref: i.json_reference._ref } : param(i.parameter));
  const op = (o: any) =>
    clean({
      consumes: o.consumes,
      operationId: o.operation_id,
      parameters: o.parameters?.map(item) ?? [],
      produces: o.produces,
      responses: named(o.responses.response_code, (r) => clean({ description: r.response.description, schema: r.response.schema && schema(r.response.schema.schema) })),
      schemes: o.schemes,
      tags: o.tags,
      ...ext(o.vendor_extension),
    });
  const path = (p: any) => {
    const out: any = {};
    for (const m of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch']) if (p[m]) out[m] = op(p[m]);
    if (p.parameters) out.parameters = p.parameters.map(item);
    return out;
  };
  return {
    swagger: d.swagger,
    info: { title: d.info.title, version: d.info.version },
    paths: named(d.paths.path, path),
    definitions: named(d.definitions.additional_properties, schema),
    parameters: named(d.parameters.additional_properties, param),
    securityDefinitions: named(d.security_definitions.additional_properties, (v) => v.api_key_security),
    security: d.security.map((r: any) => named(r.additional_properties, (v) => v.value ?? [])),
  };
}

test('the gnostic protobuf decodes back to the JSON document', { skip: SKIP }, () => {
  const file = parseProto(readText('proto/github.com/google/gnostic-models/openapiv2/OpenAPIv2.proto'));
  const messages = new Map(file.messages.map((m) => [m.fullName, m]));
  const svc = new OpenApiService({ serverVersion: 'v1.33.0', resources: () => builtinResources });
  const json = JSON.parse(svc.v2Json().body.toString());
  const decoded = decoder(messages)('openapi.v2.Document', svc.v2Protobuf().body);
  assert.deepEqual(toSwagger(decoded), json);
  // The GVK extension is YAML text that kubectl unmarshals into map[string]string.
  const patch = decoded.paths.path.find((p: any) => p.name === '/apis/apps/v1/namespaces/{namespace}/deployments/{name}').value.patch;
  const gvk = patch.vendor_extension.find((e: any) => e.name === 'x-kubernetes-group-version-kind');
  assert.deepEqual(parseYaml(gvk.value.yaml), { group: 'apps', kind: 'Deployment', version: 'v1' });
  assert.ok(svc.timings.get('v2pb')! >= 0);
});
