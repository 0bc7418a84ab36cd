// The PATCH body path kube-apiserver takes (applyPatch) and the Status each failure becomes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, type JsonObject, type PatchType, applyPatch, patchErrorStatus, schemaForKind,
} from '../../src/patch/index.ts';

const schema = schemaForKind('apps', 'v1', 'Deployment')!;
const current: JsonObject = {
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: 1, template: { spec: { containers: [{ name: 'a', image: 'x' }] } } },
};

function statusOf(type: PatchType, body: string, fieldValidation?: string) {
  try {
    applyPatch(type, current, body, { schema, fieldValidation });
  } catch (e) {
    return patchErrorStatus(e);
  }
  assert.fail(`${type} ${body} was applied`);
}

const status = (code: number, message: string, reason?: string, details?: object) => ({
  kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code, ...(reason && { reason }), ...(details && { details }),
});

test('the three patch types apply to the current object', () => {
  const smp = applyPatch(STRATEGIC_MERGE_PATCH, current, '{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"y"}]}}}}', { schema });
  assert.deepEqual(((smp as any).spec.template.spec.containers as JsonObject[]).map((c) => c.name), ['b', 'a']);
  const merge = applyPatch(MERGE_PATCH, current, Buffer.from('{"spec":{"replicas":3,"template":null}}'));
  assert.deepEqual((merge as any).spec, { replicas: 3 });
  const json = applyPatch(JSON_PATCH, current, '[{"op":"test","path":"/spec/replicas","value":1},{"op":"replace","path":"/spec/replicas","value":2}]');
  assert.equal((json as any).spec.replicas, 2);
  assert.equal((current.spec as JsonObject).replicas, 1);
});

test('bodies that are not JSON: 400 "invalid JSON patch"', () => {
  for (const type of [JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH] as const) {
    assert.deepEqual(statusOf(type, '{"a":'), status(400, 'invalid JSON patch', 'BadRequest'));
    assert.deepEqual(statusOf(type, ''), status(400, 'invalid JSON patch', 'BadRequest'));
  }
});

test('a failing JSON patch operation: 422 with the generic text, the reason lost', () => {
  const rejected = status(422, 'the server rejected our request due to an error in our request', 'Invalid', {});
  assert.deepEqual(statusOf(JSON_PATCH, '[{"op":"test","path":"/spec/replicas","value":5}]'), rejected);
  assert.deepEqual(statusOf(JSON_PATCH, '[{"op":"remove","path":"/spec/nope"}]'), rejected);
  assert.deepEqual(statusOf(JSON_PATCH, '[{"op":"frob"}]'), rejected);
});

test('JSON patch bodies: decoding errors are 400, too many operations 413', () => {
  assert.deepEqual(statusOf(JSON_PATCH, '{"op":"add"}'),
    status(400, 'error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp', 'BadRequest'));
  assert.deepEqual(statusOf(JSON_PATCH, '{"op":"add"}', 'Ignore'),
    status(400, 'json: cannot unmarshal object into Go value of type jsonpatch.Patch', 'BadRequest'));
  assert.deepEqual(statusOf(JSON_PATCH, '[{"op":"add","path":1}]'),
    status(400, 'error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.path of type string', 'BadRequest'));
  const ops = JSON.stringify(Array.from({ length: 10001 }, () => ({ op: 'test', path: '/kind', value: 'Deployment' })));
  assert.deepEqual(statusOf(JSON_PATCH, ops),
    status(413, 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001', 'RequestEntityTooLarge'));
  assert.deepEqual(applyPatch(JSON_PATCH, current, 'null'), current);
});

test('merge patch bodies: null is 400 "Invalid JSON Patch"; arrays depend on field validation', () => {
  assert.deepEqual(statusOf(MERGE_PATCH, 'null'), status(400, 'Invalid JSON Patch', 'BadRequest'));
  assert.deepEqual(statusOf(MERGE_PATCH, '"x"', 'Ignore'), status(400, 'Invalid JSON Patch', 'BadRequest'));
  assert.deepEqual(statusOf(MERGE_PATCH, '[1]'),
    status(400, 'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}', 'BadRequest'));
  // Without strict decoding the array is the result; decoding it into the kind fails later.
  assert.deepEqual(applyPatch(MERGE_PATCH, current, '[1]', { fieldValidation: 'Ignore' }), [1]);
});

test('strategic merge patch: format errors 400, lists of lists 422, the rest 500 without a reason', () => {
  assert.deepEqual(statusOf(STRATEGIC_MERGE_PATCH, '["x"]'),
    status(400, 'json: cannot unmarshal array into Go value of type map[string]interface {}', 'BadRequest'));
  assert.deepEqual(statusOf(STRATEGIC_MERGE_PATCH, '{"metadata":{"$retainKeys":"name"}}'),
    status(400, 'invalid patch format of retainKeys', 'BadRequest'));
  assert.deepEqual(statusOf(STRATEGIC_MERGE_PATCH, '{"spec":{"template":{"spec":{"containers":[[1]]}}}}').code, 500);
  const lists = structuredClone(current);
  (lists.metadata as JsonObject).finalizers = [['a']];
  assert.throws(() => applyPatch(STRATEGIC_MERGE_PATCH, lists, '{"metadata":{"finalizers":[["b"]]}}', { schema }),
    (e) => {
      assert.deepEqual(patchErrorStatus(e), status(422, 'the server rejected our request due to an error in our request', 'Invalid', {}));
      return true;
    });
  assert.deepEqual(statusOf(STRATEGIC_MERGE_PATCH, '{"spec":{"template":{"spec":{"containers":[{"name":"a","$patch":"frob"}]}}}}'),
    status(500, 'unknown patch type: frob in map: map[$patch:frob name:a]'));
  assert.deepEqual(applyPatch(STRATEGIC_MERGE_PATCH, current, 'null', { schema }), current);
});

test('unexpected errors become a 500 with their message', () => {
  assert.deepEqual(patchErrorStatus(new Error('boom')), status(500, 'boom'));
});
