import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { HOUR, ago, cells, columnNames } from '../helpers.ts';

const A = 'admissionregistration.k8s.io';
const meta = (name: string) => ({ name, creationTimestamp: ago(HOUR) });

test('webhook configurations: WEBHOOKS count', () => {
  for (const resource of ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations']) {
    assert.deepEqual(columnNames(A, resource), ['Name', 'Webhooks', 'Age']);
    const o: KubeObject = { apiVersion: `${A}/v1`, kind: 'X', metadata: meta('policy'), webhooks: [{ name: 'a.example.com' }, { name: 'b.example.com' }] };
    assert.deepEqual(cells(A, resource, o), ['policy', 2, '60m']);
    assert.deepEqual(cells(A, resource, { apiVersion: `${A}/v1`, kind: 'X', metadata: meta('empty') }), ['empty', 0, '60m']);
  }
});

test('validating admission policies: VALIDATIONS and PARAMKIND', () => {
  assert.deepEqual(columnNames(A, 'validatingadmissionpolicies'), ['Name', 'Validations', 'ParamKind', 'Age']);
  const p = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: `${A}/v1`, kind: 'ValidatingAdmissionPolicy', metadata: meta('replicas'), spec });
  assert.deepEqual(cells(A, 'validatingadmissionpolicies', p({ validations: [{ expression: 'object.spec.replicas <= 5' }] })), ['replicas', 1, '<unset>', '60m']);
  assert.equal(cells(A, 'validatingadmissionpolicies', p({ paramKind: { apiVersion: 'v1', kind: 'ConfigMap' }, validations: [] }))[2], 'v1/ConfigMap');
});

test('policy bindings: PARAMREF as ns/name, */name, or the selector in Go syntax', () => {
  assert.deepEqual(columnNames(A, 'validatingadmissionpolicybindings'), ['Name', 'PolicyName', 'ParamRef', 'Age']);
  const b = (paramRef?: Record<string, unknown>): KubeObject => ({
    apiVersion: `${A}/v1`, kind: 'ValidatingAdmissionPolicyBinding', metadata: meta('replicas-binding'),
    spec: { policyName: 'replicas', validationActions: ['Deny'], ...(paramRef ? { paramRef } : {}) },
  });
  assert.deepEqual(cells(A, 'validatingadmissionpolicybindings', b()), ['replicas-binding', 'replicas', '<unset>', '60m']);
  assert.equal(cells(A, 'validatingadmissionpolicybindings', b({ name: 'limits', namespace: 'default' }))[2], 'default/limits');
  assert.equal(cells(A, 'validatingadmissionpolicybindings', b({ name: 'limits' }))[2], '*/limits');
  assert.equal(
    cells(A, 'validatingadmissionpolicybindings', b({ selector: { matchLabels: { env: 'prod' } }, parameterNotFoundAction: 'Deny' }))[2],
    '&LabelSelector{MatchLabels:map[string]string{env: prod,},MatchExpressions:[]LabelSelectorRequirement{},}',
  );
  assert.equal(cells(A, 'validatingadmissionpolicybindings', b({ parameterNotFoundAction: 'Allow' }))[2], '<unset>');
});

test('mutating admission policies and bindings', () => {
  assert.deepEqual(columnNames(A, 'mutatingadmissionpolicies'), ['Name', 'Mutations', 'ParamKind', 'Age']);
  const p: KubeObject = { apiVersion: `${A}/v1alpha1`, kind: 'MutatingAdmissionPolicy', metadata: meta('labels'), spec: { mutations: [{}, {}] } };
  assert.deepEqual(cells(A, 'mutatingadmissionpolicies', p), ['labels', 2, '<unset>', '60m']);
  const b: KubeObject = { apiVersion: `${A}/v1alpha1`, kind: 'MutatingAdmissionPolicyBinding', metadata: meta('labels-binding'), spec: { policyName: 'labels' } };
  assert.deepEqual(cells(A, 'mutatingadmissionpolicybindings', b), ['labels-binding', 'labels', '<unset>', '60m']);
});
