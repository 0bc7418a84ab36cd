import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JsonPathError, parseJsonPath } from '../../../src/api/jsonpath/jsonpath.ts';
import {
  RELAXED_PATH_ERROR,
  customColumnCell,
  jsonPathConditionMet,
  jsonPathExecuteErrorMessage,
  jsonPathParseErrorMessage,
  parseWaitJsonPath,
  relaxedJsonPathExpression,
} from '../../../src/api/jsonpath/kubectl.ts';

test('RelaxedJSONPathExpression', () => {
  for (const p of ['metadata.name', '.metadata.name', '{metadata.name}', '{.metadata.name}'])
    assert.equal(relaxedJsonPathExpression(p), '{.metadata.name}', p);
  assert.equal(relaxedJsonPathExpression('spec.containers[0].name'), '{.spec.containers[0].name}');
  assert.equal(relaxedJsonPathExpression(''), '');
  for (const p of ['{.a}{.b}', '{.a', 'a}', '{{.a}}', '{}'])
    assert.throws(() => relaxedJsonPathExpression(p), new JsonPathError(RELAXED_PATH_ERROR), p);
});

test('custom-columns cells: %v of each value, commas, <none>, terminal escapes', () => {
  const obj = { metadata: { name: 'a', labels: { x: 'y' } }, l: [1, 1.5, null, [2, 3]], esc: '\x1b[31mred\r' };
  const cell = (spec: string) => customColumnCell(parseJsonPath(relaxedJsonPathExpression(spec)), obj);
  assert.equal(cell('metadata.name'), 'a');
  assert.equal(cell('.metadata.labels'), 'map[x:y]');
  assert.equal(cell('l[*]'), '1,1.5,<nil>,[2 3]');
  assert.equal(cell('missing'), '<none>');
  assert.equal(cell('esc'), '^[[31mred\\r');
  assert.throws(() => cell('l[9]'), new JsonPathError('array index out of bounds: index 9, length 4'));
});

test('kubectl wait --for=jsonpath: reading the flag', () => {
  const read = (s: string) => {
    const r = parseWaitJsonPath(s);
    return { template: r.path.template, value: r.value };
  };
  assert.deepEqual(read('{.status.phase}=Running'), { template: '{.status.phase}', value: 'Running' });
  assert.deepEqual(read(".status.readyReplicas='3'"), { template: '{.status.readyReplicas}', value: '3' });
  assert.deepEqual(read('{.status.loadBalancer.ingress}'), { template: '{.status.loadBalancer.ingress}', value: undefined });
  assert.deepEqual(read('{.status.conditions[?(@.type=="Ready")].status}=True'), {
    template: '{.status.conditions[?(@.type=="Ready")].status}',
    value: 'True',
  });
  assert.throws(() => read('{.a}=b=c'), /jsonpath wait format must be/);
  assert.throws(() => read('{.a}='), /jsonpath wait has to have a value after equal sign/);
  assert.throws(() => read("{.a}=''"), /jsonpath wait has to have a value after equal sign/);
  assert.throws(() => read('=3'), new JsonPathError('jsonpath expression cannot be empty'));
  assert.throws(() => read('{.a'), new JsonPathError(RELAXED_PATH_ERROR));
});

test('kubectl wait --for=jsonpath: the condition', () => {
  const pod = { status: { phase: 'Running', replicas: 3, conditions: [{ type: 'Ready', status: 'True' }, { type: 'Initialized', status: 'True' }], ingress: [{ ip: '1.2.3.4' }] } };
  const met = (expr: string, value?: string) => jsonPathConditionMet(parseJsonPath(relaxedJsonPathExpression(expr)), pod, value);
  assert.equal(met('.status.phase', 'Running'), true);
  assert.equal(met('.status.phase', ' Running '), true);
  assert.equal(met('.status.phase', 'Pending'), false);
  assert.equal(met('.status.replicas', '3'), true);
  assert.equal(met('.status.conditions[?(@.type=="Ready")].status', 'True'), true);
  assert.equal(met('.status.missing', 'x'), false);
  assert.equal(met('.status.ingress'), true);
  assert.throws(() => met('.status.ingress', 'x'), /nested object or list which is not supported/);
  assert.throws(() => met('.status.conditions[*].type', 'Ready'), /matches more than one value/);
  assert.throws(() => jsonPathConditionMet(parseJsonPath('{.status.phase}{.status.phase}'), pod, 'x'), /matches more than one list/);
});

test('printer error messages', () => {
  assert.equal(jsonPathParseErrorMessage('{.a', new JsonPathError('unclosed action')), 'error parsing jsonpath {.a, unclosed action');
  assert.equal(
    jsonPathExecuteErrorMessage('{.a}', new JsonPathError('a is not found'), { b: [1, 'x'] }),
    'error executing jsonpath "{.a}": Error executing template: a is not found. Printing more information for debugging the template:\n' +
      '\ttemplate was:\n\t\t{.a}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"b":[]interface {}{1, "x"}}\n\n\n',
  );
});
