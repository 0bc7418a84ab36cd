import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDNS1123Subdomain, isQualifiedName, isValidLabelValue, regexError } from '../../../src/api/labels/label-validation.ts';

const DNS_SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

test('valid keys and values', () => {
  for (const k of ['a', 'A', 'my.name', '123-abc', 'MyName', 'example.com/MyName', 'app.kubernetes.io/name', 'a_b', 'x'.repeat(63), `${'p'.repeat(253)}/n`]) {
    assert.deepEqual(isQualifiedName(k), [], k);
  }
  for (const v of ['', 'a', 'MyValue', 'my_value', '12345', 'a.b-c_d', 'v'.repeat(63)]) assert.deepEqual(isValidLabelValue(v), [], v);
});

test('key prefix problems are prefixed "prefix part", name problems "name part"', () => {
  assert.deepEqual(isQualifiedName('Example.com/x'), [`prefix part ${DNS_SUBDOMAIN}`]);
  assert.deepEqual(isQualifiedName(`${'p'.repeat(254)}/x`), ['prefix part must be no more than 253 characters']);
  assert.deepEqual(isQualifiedName('/'), ['prefix part must be non-empty', 'name part must be non-empty', isQualifiedName('-')[0]]);
  assert.deepEqual(isQualifiedName('-'), [
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
  ]);
  assert.deepEqual(isQualifiedName(`-${'x'.repeat(63)}`).map((m) => m.slice(0, 40)), [
    'name part must be no more than 63 charac',
    "name part must consist of alphanumeric c",
  ]);
  // lengths are in bytes, as Go's len()
  assert.deepEqual(isValidLabelValue('é'.repeat(32)), ['must be no more than 63 characters', isValidLabelValue('é')[0]]);
  assert.equal(isValidLabelValue('é').length, 1);
});

test('DNS subdomain and RegexError forms', () => {
  assert.deepEqual(isDNS1123Subdomain('example.com'), []);
  assert.deepEqual(isDNS1123Subdomain('a..b'), [DNS_SUBDOMAIN]);
  assert.equal(regexError('bad', 'x+'), "bad (regex used for validation is 'x+')");
  assert.equal(regexError('bad', 'x+', 'x'), "bad (e.g. 'x', regex used for validation is 'x+')");
  assert.equal(regexError('bad', 'x+', 'x', 'xx'), "bad (e.g. 'x',  or 'xx', regex used for validation is 'x+')");
});
