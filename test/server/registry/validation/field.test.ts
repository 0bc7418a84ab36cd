import test from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorText } from '../../../../src/server/status.ts';
import { goQuote, goText, invalid, notSupported, tooMany, duplicate, deepEqual } from '../../../../src/server/registry/validation/field.ts';
import { goLabelSelector, goStringMap, goRoleRef } from '../../../../src/server/registry/validation/go-repr.ts';
import { QUANTITY_FORMAT_ERROR } from '../../../../src/api/quantity.ts';
import { quantityDecodeError } from '../../../../src/server/registry/validation/index.ts';
import { cronParseError } from '../../../../src/server/registry/validation/cron.ts';
import { isValidTimeZone } from '../../../../src/server/registry/validation/batch.ts';

test('values render as Go prints them through status.ts', () => {
  const cases: [ReturnType<typeof invalid>, string][] = [
    [invalid('a', 'x', 'bad'), 'a: Invalid value: "x": bad'],
    [invalid('a', 70000, 'must be between 1 and 65535, inclusive'), 'a: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    [invalid('a', null, 'gone'), 'a: Invalid value: null: gone'],
    [invalid('a', goText('map[string]string{"app":"x"}'), 'm'), 'a: Invalid value: map[string]string{"app":"x"}: m'],
    [invalid('a', 'tab\there', 'd'), 'a: Invalid value: "tab\\there": d'],
    [invalid('a', 'é\u0085', 'd'), 'a: Invalid value: "é\\u0085": d'],
    [notSupported('p', 'HTTP', ['SCTP', 'TCP', 'UDP']), 'p: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
    [notSupported('p', goText('apps.X{}'), ['A']), 'p: Unsupported value: apps.X{}: supported values: "A"'],
    [tooMany('r', 21, 20), 'r: Too many: 21: must have at most 20 items'],
    [duplicate('n', 'web'), 'n: Duplicate value: "web"'],
  ];
  for (const [err, text] of cases) assert.equal(fieldErrorText(err), text);
  assert.equal(goQuote('a"b\\c\x01'), '"a\\"b\\\\c\\x01"');
});

test('Go %#v of maps, selectors and role refs', () => {
  assert.equal(goStringMap({ b: '2', a: '1' }), 'map[string]string{"a":"1", "b":"2"}');
  assert.equal(goStringMap(undefined), 'map[string]string(nil)');
  assert.equal(
    goLabelSelector({ matchLabels: { app: 'nginx2' } })!.text,
    'v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}',
  );
  assert.equal(
    goLabelSelector({ matchExpressions: [{ key: 'k', operator: 'In', values: ['a'] }] })!.text,
    'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"k", Operator:"In", Values:[]string{"a"}}}}',
  );
  assert.equal(goRoleRef({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' }).text, 'rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"r"}');
});

test('semantic equality treats nil and empty alike', () => {
  assert.ok(deepEqual({ a: [], b: {} }, {}));
  assert.ok(!deepEqual({ a: [1] }, { a: [2] }));
});

test('a malformed quantity is found as upstream decoding would', () => {
  const pod = { spec: { containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: 'two' } } }] } };
  assert.equal(quantityDecodeError('', 'v1', 'Pod', pod), QUANTITY_FORMAT_ERROR);
  pod.spec.containers[0]!.resources.limits.cpu = '2';
  assert.equal(quantityDecodeError('', 'v1', 'Pod', pod), undefined);
});

test('cron schedules fail with robfig/cron v3 texts', () => {
  const cases: [string, string | undefined][] = [
    ['*/5 * * * *', undefined],
    ['@hourly', undefined],
    ['@every 1h30m', undefined],
    ['* * *', 'expected exactly 5 fields, found 3: [* * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['* * * JAN MON', undefined],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['@every 1d', 'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"'],
  ];
  for (const [spec, err] of cases) assert.equal(cronParseError(spec, isValidTimeZone), err, spec);
});

test('time zones follow the IANA names, case-sensitively', () => {
  assert.ok(isValidTimeZone('America/New_York'));
  assert.ok(isValidTimeZone('Etc/UTC'));
  assert.ok(!isValidTimeZone('america/new_york'));
  assert.ok(!isValidTimeZone('Mars/Olympus'));
});
