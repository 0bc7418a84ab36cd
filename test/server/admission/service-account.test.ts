// The ServiceAccount admission plugin: default account, token volume, pull secrets, the 403s.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../src/api/object.ts';
import { findBuiltin } from '../../../src/api/resources.ts';
import { admit } from '../../../src/server/admission/index.ts';
import { ApiError } from '../../../src/server/status.ts';
import { strategyContext } from './cluster-reader.ts';

const pods = findBuiltin('', 'v1', 'pods')!;
const sa = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'default' }, ...extra });
const pod = (spec: Record<string, unknown>, name = 'web'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec });

const TOKEN_SOURCES = [
  { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
  { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
  { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
];

test('the default account is named and its API access mounted in every container', async () => {
  const p = pod({ initContainers: [{ name: 'init', image: 'busybox' }], containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] });
  await admit('create', pods, p, undefined, strategyContext([sa('default')]));
  const spec = p.spec as any;
  assert.equal(spec.serviceAccountName, 'default');
  assert.equal(spec.serviceAccount, 'default');
  const volume = spec.volumes.at(-1);
  assert.match(volume.name, /^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  assert.deepEqual(volume.projected, { defaultMode: 420, sources: TOKEN_SOURCES });
  const mount = { name: volume.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };
  assert.deepEqual(spec.initContainers[0].volumeMounts, [mount]);
  assert.deepEqual(spec.containers[0].volumeMounts, [mount]);
  assert.deepEqual(spec.containers[1].volumeMounts, [{ name: 'data', mountPath: '/data' }, mount]);
});

test('automountServiceAccountToken false on the pod or the account keeps the token out; the pod wins', async () => {
  const onPod = pod({ automountServiceAccountToken: false, containers: [{ name: 'a', image: 'x' }] });
  await admit('create', pods, onPod, undefined, strategyContext([sa('default')]));
  assert.equal((onPod.spec as any).volumes, undefined);
  assert.equal((onPod.spec as any).containers[0].volumeMounts, undefined);
  const onAccount = pod({ serviceAccountName: 'quiet', containers: [{ name: 'a', image: 'x' }] });
  await admit('create', pods, onAccount, undefined, strategyContext([sa('quiet', { automountServiceAccountToken: false })]));
  assert.equal((onAccount.spec as any).volumes, undefined);
  const podWins = pod({ serviceAccountName: 'quiet', automountServiceAccountToken: true, containers: [{ name: 'a', image: 'x' }] });
  await admit('create', pods, podWins, undefined, strategyContext([sa('quiet', { automountServiceAccountToken: false })]));
  assert.equal((podWins.spec as any).volumes.length, 1);
});

test('a container that mounts the token path itself is left alone', async () => {
  const p = pod({ containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'own', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] }] });
  await admit('create', pods, p, undefined, strategyContext([sa('default')]));
  assert.equal((p.spec as any).volumes, undefined);
  assert.equal((p.spec as any).containers[0].volumeMounts.length, 1);
});

test('image pull secrets come from the account when the pod names none', async () => {
  const account = sa('default', { imagePullSecrets: [{ name: 'regcred' }] });
  const p = pod({ containers: [{ name: 'a', image: 'x' }] });
  await admit('create', pods, p, undefined, strategyContext([account]));
  assert.deepEqual((p.spec as any).imagePullSecrets, [{ name: 'regcred' }]);
  const own = pod({ imagePullSecrets: [{ name: 'mine' }], containers: [{ name: 'a', image: 'x' }] });
  await admit('create', pods, own, undefined, strategyContext([account]));
  assert.deepEqual((own.spec as any).imagePullSecrets, [{ name: 'mine' }]);
});

async function forbidden(p: KubeObject, objects: KubeObject[]): Promise<ApiError> {
  try {
    await admit('create', pods, p, undefined, strategyContext(objects));
  } catch (e) {
    assert.ok(e instanceof ApiError);
    return e;
  }
  assert.fail('admitted');
}

test('a missing account is 403 Forbidden with upstream text', async () => {
  const e = await forbidden(pod({ serviceAccountName: 'builder', containers: [{ name: 'a', image: 'x' }] }), [sa('default')]);
  assert.equal(e.code, 403);
  assert.equal(e.reason, 'Forbidden');
  assert.equal(e.message, 'pods "web" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found');
  assert.deepEqual(e.status.details, { name: 'web', kind: 'pods' });
  // a generateName pod has no name yet at admission
  const nameless: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'web-', namespace: 'default' }, spec: { serviceAccountName: 'builder', containers: [] } };
  assert.equal((await forbidden(nameless, [])).message, 'pods "Unknown" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found');
});

test('the default account is waited for before the pod is refused', async () => {
  const started = Date.now();
  const e = await forbidden(pod({ containers: [] }), []);
  assert.equal(e.message, 'pods "web" is forbidden: error looking up service account default/default: serviceaccount "default" not found');
  // ten lookups, 100-199 ms apart
  assert.ok(Date.now() - started >= 900);
});

test('mirror pods may not name accounts or secrets, and get no token', async () => {
  const mirror = (spec: Record<string, unknown>): KubeObject => ({ ...pod(spec), metadata: { name: 'static', namespace: 'default', annotations: { 'kubernetes.io/config.mirror': 'x' } } });
  const plain = mirror({ containers: [{ name: 'a', image: 'x' }] });
  await admit('create', pods, plain, undefined, strategyContext([]));
  assert.equal((plain.spec as any).serviceAccountName, undefined);
  assert.equal((await forbidden(mirror({ serviceAccountName: 'x', containers: [] }), [])).message, 'pods "static" is forbidden: a mirror pod may not reference service accounts');
  const withSecret = mirror({ containers: [], volumes: [{ name: 's', secret: { secretName: 's' } }] });
  assert.equal((await forbidden(withSecret, [])).message, 'pods "static" is forbidden: a mirror pod may not reference secrets');
});

test('enforce-mountable-secrets limits pods to the account\'s secrets', async () => {
  const strict = sa('default', { metadata: { name: 'default', namespace: 'default', annotations: { 'kubernetes.io/enforce-mountable-secrets': 'true' } }, secrets: [{ name: 'allowed' }] });
  const ok = pod({ containers: [{ name: 'a', image: 'x' }], volumes: [{ name: 'v', secret: { secretName: 'allowed' } }] });
  await admit('create', pods, ok, undefined, strategyContext([strict]));
  const e = await forbidden(pod({ containers: [{ name: 'a', image: 'x', env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'other', key: 'k' } } }] }] }), [strict]);
  assert.equal(e.message, 'pods "web" is forbidden: container a with envVar P referencing secret.secretName="other" is not allowed because service account default does not reference that secret');
});

test('updates and other resources are not touched', async () => {
  const p = pod({ containers: [{ name: 'a', image: 'x' }] });
  await admit('update', pods, p, structuredClone(p), strategyContext([]));
  assert.equal((p.spec as any).serviceAccountName, undefined);
  const deployments = findBuiltin('apps', 'v1', 'deployments')!;
  const d: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'default' }, spec: { template: { spec: { containers: [] } } } };
  await admit('create', deployments, d, undefined, strategyContext([]));
  assert.equal((d.spec as any).template.spec.serviceAccountName, undefined);
});
