import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TypeTable } from '../../src/api/schema.ts';
import { builtinTypes, fieldOf, flattenFields, jsonFields, TypeIndex, typeNameForKind, typeTable } from '../../src/api/types.ts';
import { SKIP, optionalMarked, readJson, ssaTypes, upstreamSchemas } from './upstream-data.ts';

const CORE = 'io.k8s.api.core.v1';
const APPS = 'io.k8s.api.apps.v1';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

test('flattenFields replaces inline fields by the inlined type, recursively', () => {
  const table: TypeTable = {
    Outer: { fields: [{ name: 'a', type: 'string' }, { name: 'mid', proto: 2, type: 'Mid', inline: true }, { name: 'z', type: 'int32' }] },
    Mid: { fields: [{ name: 'b', type: 'string' }, { name: 'inner', type: 'Inner', inline: true }] },
    Inner: { fields: [{ name: 'c', type: 'boolean' }] },
    Time: { special: 'time', fields: [{ name: 'seconds', proto: 1, type: 'int64' }] },
  };
  assert.deepEqual(flattenFields(table, 'Outer').map((f) => f.name), ['a', 'b', 'c', 'z']);
  assert.deepEqual(flattenFields(table, 'Time'), [], 'special types have no JSON fields');
  const index = new TypeIndex(table);
  assert.equal(index.fieldOf('Outer', 'c')?.type, 'boolean');
  assert.equal(index.protoField('Outer', 2)?.name, 'mid', 'protobuf keeps the wrapper field');
});

test('kinds resolve to their definitions; kind and apiVersion lead the JSON fields', () => {
  assert.equal(typeNameForKind('apps', 'v1', 'Deployment'), `${APPS}.Deployment`);
  assert.equal(typeNameForKind('', 'v1', 'PodList'), `${CORE}.PodList`);
  assert.equal(typeNameForKind('autoscaling', 'v1', 'Scale'), 'io.k8s.api.autoscaling.v1.Scale');
  assert.equal(typeNameForKind('apps', 'v1', 'DeleteOptions'), `${META}.DeleteOptions`);
  assert.equal(typeNameForKind('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition'), 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition');
  assert.equal(typeNameForKind('apps', 'v1beta1', 'Deployment'), undefined);
  assert.deepEqual(jsonFields(`${APPS}.Deployment`).map((f) => f.name), ['kind', 'apiVersion', 'metadata', 'spec', 'status']);
  // WatchEvent is a registered kind without TypeMeta.
  assert.deepEqual(jsonFields(`${META}.WatchEvent`).map((f) => f.name), ['type', 'object']);
});

test('every field type names a scalar or a type of the table', () => {
  const scalars = new Set(['string', 'int32', 'int64', 'boolean', 'double', 'bytes']);
  const bad: string[] = [];
  for (const [name, t] of Object.entries(typeTable())) {
    for (const f of t.fields ?? []) if (!scalars.has(f.type) && !typeTable()[f.type]) bad.push(`${name}.${f.name}: ${f.type}`);
  }
  assert.deepEqual(bad, []);
});

test('JSON field order is Go struct order, as the round-trip fixtures are written', { skip: SKIP }, () => {
  // Fixture JSON is json.Marshal output of the Go structs: keys in declaration order.
  for (const [fixture, type] of [['apps.v1.Deployment', `${APPS}.Deployment`], ['core.v1.Pod', `${CORE}.Pod`]] as const) {
    const obj = readJson(`fixtures/${fixture}.json`);
    assert.deepEqual(Object.keys(obj), jsonFields(type).map((f) => f.name).filter((n) => n in obj), fixture);
    assert.deepEqual(Object.keys(obj.spec), jsonFields(fieldOf(type, 'spec')!.type).map((f) => f.name).filter((n) => n in obj.spec));
  }
});

test('list/patch facts agree with ssa-schema and the openapi-v3 documents', { skip: SKIP }, () => {
  const up = upstreamSchemas();
  const containers = fieldOf(`${CORE}.PodSpec`, 'containers')!;
  const ssaContainers = ssaTypes().get(`${CORE}.PodSpec`).map.fields.find((f: any) => f.name === 'containers').type.list;
  assert.equal(ssaContainers.elementRelationship, 'associative');
  assert.equal(containers.listType, 'map');
  assert.deepEqual(containers.listMapKeys, ssaContainers.keys);
  const upContainers = up.get(`${CORE}.PodSpec`).properties.containers;
  assert.equal(containers.patchStrategy, upContainers['x-kubernetes-patch-strategy']);
  assert.equal(containers.patchMergeKey, upContainers['x-kubernetes-patch-merge-key']);
  const volumes = up.get(`${CORE}.PodSpec`).properties.volumes;
  assert.equal(fieldOf(`${CORE}.PodSpec`, 'volumes')!.patchStrategy, volumes['x-kubernetes-patch-strategy']);
  assert.equal(fieldOf(`${APPS}.DeploymentSpec`, 'strategy')!.patchStrategy, up.get(`${APPS}.DeploymentSpec`).properties.strategy['x-kubernetes-patch-strategy']);

  // Every SSA list relationship of every table field that SSA knows.
  const mismatches: string[] = [];
  for (const [name, ssa] of ssaTypes()) {
    if (!typeTable()[name]) continue;
    for (const sf of ssa.map?.fields ?? []) {
      const list = sf.type.list;
      const f = fieldOf(name, sf.name);
      if (!f) {
        mismatches.push(`${name}.${sf.name} missing`);
        continue;
      }
      if (!list) continue;
      const expected = list.elementRelationship === 'associative' ? (list.keys ? 'map' : 'set') : 'atomic';
      if ((f.listType ?? 'atomic') !== expected) mismatches.push(`${name}.${sf.name}: ${f.listType} vs ${expected}`);
      if (list.keys) assert.deepEqual(f.listMapKeys, list.keys, `${name}.${sf.name}`);
    }
  }
  assert.deepEqual(mismatches, []);
});

test('Volume keeps volumeSource as an inline protobuf field whose members are the JSON fields', { skip: SKIP }, () => {
  const volume = typeTable()[`${CORE}.Volume`]!;
  const wrapper = volume.fields!.find((f) => f.inline)!;
  assert.equal(wrapper.name, 'volumeSource');
  assert.equal(wrapper.proto, 2);
  const upstream = Object.keys(upstreamSchemas().get(`${CORE}.Volume`).properties).sort();
  const ours = jsonFields(`${CORE}.Volume`).map((f) => f.name);
  // Fields added after the document's release (v1.27) are the only extra ones.
  assert.deepEqual(upstream.filter((n) => !ours.includes(n)), []);
  for (const extra of ours.filter((n) => !upstream.includes(n))) {
    assert.ok(ssaTypes().get(`${CORE}.Volume`).map.fields.some((f: any) => f.name === extra), extra);
  }
});

test('property types and formats match the openapi-v3 documents', { skip: SKIP }, () => {
  const refOf = (s: any): string | undefined => s?.$ref ?? (s?.allOf?.length === 1 ? s.allOf[0].$ref : undefined);
  const scalar: Record<string, [string, string | undefined]> = {
    string: ['string', undefined], boolean: ['boolean', undefined], int32: ['integer', 'int32'], int64: ['integer', 'int64'],
    double: ['number', 'double'], bytes: ['string', 'byte'],
  };
  const expectShape = (f: { type: string }, s: any, where: string) => {
    const ref = refOf(s);
    const special = typeTable()[f.type]?.special;
    if (special === 'string-list') {
      assert.equal(s.type, 'array', where);
    } else if (ref) {
      assert.equal(ref.replace('#/components/schemas/', ''), f.type, where);
    } else {
      assert.deepEqual([s.type, s.format], scalar[f.type], where);
    }
  };
  let checked = 0;
  const intOrString: string[] = [];
  for (const [name, schema] of upstreamSchemas()) {
    if (!schema.properties || !typeTable()[name]) continue;
    for (const [prop, s] of Object.entries<any>(schema.properties)) {
      const f = fieldOf(name, prop);
      if (!f) continue; // removed since the document's release; see the v3 document tests
      const where = `${name}.${prop}`;
      if (s.type === 'array' && !refOf(s)) {
        assert.ok(f.repeated || typeTable()[f.type]?.special === 'string-list', where);
        if (f.repeated) expectShape(f, s.items, where);
      } else if (s.type === 'object' && s.additionalProperties) {
        assert.ok(f.map, where);
        expectShape(f, s.additionalProperties, where);
      } else {
        assert.ok(!f.repeated && !f.map, where);
        expectShape(f, s, where);
      }
      if (refOf(s)?.endsWith('.IntOrString')) intOrString.push(where);
      checked++;
    }
  }
  assert.ok(checked > 1000, `checked ${checked}`);
  const tableIntOrString = intOrString.filter((w) => fieldOf(w.slice(0, w.lastIndexOf('.')), w.slice(w.lastIndexOf('.') + 1))!.type.endsWith('IntOrString'));
  assert.deepEqual(tableIntOrString, intOrString);
  assert.ok(intOrString.includes(`${CORE}.ServicePort.targetPort`) && intOrString.includes(`${APPS}.RollingUpdateDeployment.maxSurge`));
});

test('required lists match the openapi-v3 documents except fields v1.33 marks +optional', { skip: SKIP }, async () => {
  // Independent reading of the v1.33 markers: which proto fields carry +optional.
  const optional = await optionalMarked();
  // JSON field → the type that declares it (inline members belong to the inlined type).
  const declaring = (type: string): [string, string][] =>
    (typeTable()[type]!.fields ?? []).flatMap((f) => (f.inline ? declaring(f.type) : [[f.name, type] as [string, string]]));
  const up = upstreamSchemas();
  let compared = 0;
  for (const [name, schema] of up) {
    if (!schema.properties || !typeTable()[name] || typeTable()[name]!.special) continue;
    const owner = new Map(declaring(name));
    const ours = jsonFields(name).filter((f) => f.required).map((f) => f.name);
    const theirs: string[] = (schema.required ?? []).filter((n: string) => fieldOf(name, n));
    // The marker rule may call a field that the document lacks (added later) required; compare the shared ones.
    const shared = ours.filter((n) => n in schema.properties);
    const expected = theirs.filter((n) => !optional.has(`${owner.get(n)}.${n}`));
    assert.deepEqual([...shared].sort(), [...expected].sort(), name);
    compared++;
  }
  assert.ok(compared > 200, `compared ${compared}`);
  assert.deepEqual(jsonFields(`${APPS}.DeploymentSpec`).filter((f) => f.required).map((f) => f.name), up.get(`${APPS}.DeploymentSpec`).required);
});

test('every served fixture uses only field names the table knows, in table order', { skip: SKIP }, async () => {
  const { readdirSync } = await import('node:fs');
  const { DATA } = await import('./upstream-data.ts');
  const index = builtinTypes();
  const files = readdirSync(`${DATA}/fixtures`).filter((f) => f.endsWith('.json'));
  let walked = 0;
  const problems: string[] = [];
  const walk = (value: unknown, type: string, path: string) => {
    const t = index.type(type);
    if (!t || t.special || value === null || typeof value !== 'object') return;
    const fields = index.jsonFields(type);
    const keys = Object.keys(value);
    const order = fields.map((f) => f.name).filter((n) => keys.includes(n));
    for (const key of keys) {
      const f = index.fieldOf(type, key);
      if (!f) {
        problems.push(`${path}.${key} not in ${type}`);
        continue;
      }
      const v = (value as Record<string, unknown>)[key];
      if (f.repeated && Array.isArray(v)) v.forEach((x, i) => walk(x, f.type, `${path}.${key}[${i}]`));
      else if (f.map && v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, f.type, `${path}.${key}.${k}`);
      else walk(v, f.type, `${path}.${key}`);
    }
    if (keys.filter((k) => index.fieldOf(type, k)).join() !== order.join()) problems.push(`${path}: key order ${keys} vs ${order}`);
  };
  for (const file of files) {
    // <group>.<version>.<Kind>.json, "core" for the core group.
    const parts = file.slice(0, -'.json'.length).split('.');
    const kind = parts.pop()!;
    const version = parts.pop()!;
    const group = parts.join('.') === 'core' ? '' : parts.join('.');
    const type = index.typeNameForKind(group, version, kind);
    const obj = readJson(`fixtures/${file}`);
    if (!type) continue;
    walk(obj, type, file);
    walked++;
  }
  assert.deepEqual(problems, []);
  assert.ok(walked >= 70, `walked ${walked} fixtures`);
});

/** Minimal protobuf wire reader: [field number, wire type, value] triples of one message. */
function* wireFields(buf: Uint8Array): Generator<[number, number, Uint8Array | bigint]> {
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
    const wire = tag & 7;
    if (wire === 0) yield [tag >> 3, wire, varint()];
    else if (wire === 2) {
      const len = Number(varint());
      yield [tag >> 3, wire, buf.subarray(pos, (pos += len))];
    } else if (wire === 1 || wire === 5) {
      const n = wire === 1 ? 8 : 4;
      yield [tag >> 3, wire, buf.subarray(pos, (pos += n))];
    } else throw new Error(`wire type ${wire}`);
  }
}

test('protobuf fixtures decode with the table: every field number known, every wire type fitting', { skip: SKIP }, async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { DATA } = await import('./upstream-data.ts');
  const index = builtinTypes();
  const problems: string[] = [];
  let fields = 0;
  const WIRE: Record<string, number> = { string: 2, bytes: 2, int32: 0, int64: 0, boolean: 0, double: 1 };
  const walk = (buf: Uint8Array, type: string, path: string) => {
    for (const [number, wire, value] of wireFields(buf)) {
      const f = index.protoField(type, number);
      if (!f) {
        problems.push(`${path}: field ${number} unknown to ${type}`);
        continue;
      }
      fields++;
      const where = `${path}.${f.name}`;
      if (f.map) {
        assert.equal(wire, 2, where);
        for (const [n, w, v] of wireFields(value as Uint8Array)) {
          if (n === 2 && !WIRE[f.type]) walk(v as Uint8Array, f.type, `${where}{}`);
          else if (n === 2) assert.equal(w, WIRE[f.type], where);
          else assert.equal(w, 2, `${where} key`);
        }
      } else if (WIRE[f.type] !== undefined) {
        // Repeated numbers may be packed (length-delimited).
        assert.ok(wire === WIRE[f.type] || (f.repeated && wire === 2), `${where}: wire ${wire} for ${f.type}`);
      } else {
        assert.equal(wire, 2, where);
        walk(value as Uint8Array, f.type, where);
      }
    }
  };
  let decoded = 0;
  for (const file of readdirSync(`${DATA}/fixtures`).filter((f) => f.endsWith('.pb'))) {
    const parts = file.slice(0, -'.pb'.length).split('.');
    const kind = parts.pop()!;
    const version = parts.pop()!;
    const group = parts.join('.') === 'core' ? '' : parts.join('.');
    const type = index.typeNameForKind(group, version, kind);
    if (!type) continue;
    const bytes = readFileSync(`${DATA}/fixtures/${file}`);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x6b, 0x38, 0x73, 0x00], 'k8s\\0 envelope');
    // runtime.Unknown: 1 typeMeta, 2 raw, 3 contentEncoding, 4 contentType.
    const raw = [...wireFields(bytes.subarray(4))].find(([n]) => n === 2)![2] as Uint8Array;
    walk(raw, type, file);
    decoded++;
  }
  assert.deepEqual(problems, []);
  assert.ok(decoded >= 70 && fields > 5000, `${decoded} fixtures, ${fields} fields`);
});
