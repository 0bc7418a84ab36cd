import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectionPredicate } from '../../../src/server/selectors/predicate.ts';
import type { FieldTarget } from '../../../src/server/selectors/field-labels.ts';
import { ApiError } from '../../../src/server/status.ts';
import type { KubeObject } from '../../../src/api/object.ts';

const pods: FieldTarget = { group: '', version: 'v1', resource: 'pods', namespaced: true };

function badRequestOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ApiError, String(err));
    return err.status;
  }
  assert.fail('no error');
}

test('a bad labelSelector is a 400 BadRequest carrying the parse error verbatim', () => {
  const status = badRequestOf(() => selectionPredicate(pods, { labelSelector: 'app in (a' }));
  assert.deepEqual(status, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: "unable to parse requirement: found '', expected: ',' or ')'",
    reason: 'BadRequest',
    code: 400,
  });
});

test('a bad fieldSelector, parse or conversion, is a 400 too', () => {
  assert.equal(badRequestOf(() => selectionPredicate(pods, { fieldSelector: 'spec.nodeName' })).message, "invalid selector: 'spec.nodeName'; can't understand 'spec.nodeName'");
  assert.equal(badRequestOf(() => selectionPredicate(pods, { fieldSelector: 'spec.foo=bar' })).message, 'field label not supported: spec.foo');
  const deployments: FieldTarget = { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true };
  assert.equal(
    badRequestOf(() => selectionPredicate(deployments, { fieldSelector: 'spec.paused=true' })).message,
    '"spec.paused" is not a known field selector: only "metadata.name", "metadata.namespace"',
  );
});

test('the label selector is checked before the field selector', () => {
  const status = badRequestOf(() => selectionPredicate(pods, { labelSelector: 'x,', fieldSelector: 'nonsense' }));
  assert.equal(status.message, "found '', expected: identifier after ','");
});

test('no selectors: everything', () => {
  const p = selectionPredicate(pods, {});
  assert.equal(p.isEverything, true);
  assert.equal(p.matches({ metadata: { name: 'x' } }), true);
  const blank = selectionPredicate(pods, { labelSelector: '', fieldSelector: '' });
  assert.equal(blank.isEverything, true);
});

test('label and field selectors both apply, field labels after conversion', () => {
  const p = selectionPredicate(pods, { labelSelector: 'app=web,tier!=db', fieldSelector: 'spec.host=n1,status.phase!=Failed' });
  assert.equal(p.isEverything, false);
  assert.equal(p.field.toString(), 'spec.nodeName=n1,status.phase!=Failed');
  const pod = (labels: Record<string, string>, nodeName: string, phase: string): KubeObject => ({
    metadata: { name: 'p', namespace: 'd', labels },
    spec: { nodeName },
    status: { phase },
  });
  assert.equal(p.matches(pod({ app: 'web' }, 'n1', 'Running')), true);
  assert.equal(p.matches(pod({ app: 'web', tier: 'db' }, 'n1', 'Running')), false);
  assert.equal(p.matches(pod({ app: 'web' }, 'n2', 'Running')), false);
  assert.equal(p.matches(pod({ app: 'web' }, 'n1', 'Failed')), false);
  assert.equal(p.matches({ metadata: { name: 'unlabelled' }, spec: { nodeName: 'n1' } }), false);
});

test('metadata.namespace on a cluster-scoped kind without its own conversion: accepted, reads as ""', () => {
  const clusterRoles: FieldTarget = { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles', namespaced: false };
  assert.equal(selectionPredicate(clusterRoles, { fieldSelector: 'metadata.namespace=' }).matches({ metadata: { name: 'admin' } }), true);
  assert.equal(selectionPredicate(clusterRoles, { fieldSelector: 'metadata.namespace=default' }).matches({ metadata: { name: 'admin' } }), false);
});
