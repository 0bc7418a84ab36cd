import assert from 'node:assert/strict';
import test from 'node:test';
import type { KubeObject } from '../../../src/api/object.ts';
import { builtinTypes } from '../../../src/api/types.ts';
import { serverSideApply, type ApplyRequest } from '../../../src/server/fieldmanager/apply.ts';
import { LAST_APPLIED } from '../../../src/server/fieldmanager/last-applied.ts';
import { goJson } from '../../../src/server/fieldmanager/path-set.ts';
import { updateManagedFields } from '../../../src/server/fieldmanager/update.ts';
import { ApiError } from '../../../src/server/status.ts';
import { at, owned, stored, T0 } from './fixture.ts';

// Cases of k8s.io/apimachinery managedfields internal/lastappliedmanager_test.go and
// lastappliedupdater_test.go, on the built-in Deployment and ConfigMap types.
const types = builtinTypes();
const DEPLOYMENT = types.typeNameForKind('apps', 'v1', 'Deployment')!;

interface DeploymentShape {
  labels?: Record<string, string>;
  replicas: number;
  selector?: string;
  templateLabel: string;
  images: [string, string][];
}

function deployment(d: DeploymentShape): KubeObject {
  const metadata: KubeObject['metadata'] = { name: 'my-deployment', namespace: 'default' };
  if (d.labels) metadata.labels = d.labels;
  const spec: Record<string, unknown> = { replicas: d.replicas };
  if (d.selector) spec.selector = { matchLabels: { app: d.selector } };
  spec.template = { metadata: { labels: { app: d.templateLabel } }, spec: { containers: d.images.map(([name, image]) => ({ name, image })) } };
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec };
}

/** The object as client-side apply left it: written by an Update, annotated with `lastApplied`. */
function clientSideApplied(original: KubeObject, lastApplied: KubeObject): KubeObject {
  const object = structuredClone(original);
  object.metadata.annotations = { [LAST_APPLIED]: JSON.stringify(lastApplied) };
  updateManagedFields({ live: undefined, object, manager: 'test_client_side_apply', apiVersion: 'apps/v1', now: T0, types, typeName: DEPLOYMENT });
  return stored(object);
}

const request = (live: KubeObject, applied: KubeObject, manager: string, extra: Partial<ApplyRequest> = {}): ApplyRequest => ({
  live,
  applied,
  manager,
  force: false,
  apiVersion: applied.apiVersion!,
  now: at(1),
  types,
  typeName: applied.kind === 'Deployment' ? DEPLOYMENT : types.typeNameForKind('', 'v1', applied.kind!),
  ...extra,
});

function conflictMessage(req: ApplyRequest): string | undefined {
  try {
    serverSideApply(req);
    return undefined;
  } catch (e) {
    if (e instanceof ApiError && e.code === 409) return e.status.message;
    throw e;
  }
}

const lastAppliedV1 = deployment({ replicas: 3, selector: 'my-app', templateLabel: 'my-app', images: [['my-c', 'my-image-v1'], ['my-c2', 'my-image2']] });
const drifted = deployment({ labels: { app: 'my-app' }, replicas: 100, selector: 'my-app', templateLabel: 'my-app', images: [['my-c', 'my-image-v2']] });
const newConfig = deployment({ labels: { app: 'my-new-label' }, replicas: 333, selector: 'my-new-label', templateLabel: 'my-new-label', images: [['my-c', 'my-image-new']] });

test('kubectl takes over fields whose live value is still the last-applied one; others conflict', () => {
  const live = clientSideApplied(drifted, lastAppliedV1);
  assert.equal(
    conflictMessage(request(live, newConfig, 'kubectl')),
    'Apply failed with 3 conflicts: conflicts with "test_client_side_apply" using apps/v1:\n' +
      '- .metadata.labels.app\n- .spec.replicas\n- .spec.template.spec.containers[name="my-c"].image',
  );
  // Forcing resolves everything, and the object then holds the configuration.
  const forced = serverSideApply(request(live, newConfig, 'kubectl', { force: true }));
  assert.deepEqual(forced.spec, newConfig.spec);
});

test('only the fields that drifted from the last-applied configuration conflict', () => {
  const last = deployment({ labels: { app: 'my-app' }, replicas: 3, selector: 'my-app', templateLabel: 'my-app', images: [['my-c', 'my-image']] });
  const original = deployment({ labels: { app: 'my-app' }, replicas: 100, selector: 'my-app', templateLabel: 'my-app', images: [['my-c', 'my-image']] });
  const applied = deployment({ labels: { app: 'my-new-label' }, replicas: 3, templateLabel: 'my-app', images: [['my-c', 'my-image']] });
  assert.equal(
    conflictMessage(request(clientSideApplied(original, last), applied, 'kubectl')),
    'Apply failed with 1 conflict: conflict with "test_client_side_apply" using apps/v1: .spec.replicas',
  );
});

test('another field manager gets no such allowance', () => {
  const last = deployment({ labels: { app: 'my-app' }, replicas: 3, selector: 'my-app', templateLabel: 'my-app', images: [['my-c', 'my-image-v1']] });
  const live = clientSideApplied(drifted, last);
  assert.equal(
    conflictMessage(request(live, newConfig, 'not_kubectl')),
    'Apply failed with 5 conflicts: conflicts with "test_client_side_apply" using apps/v1:\n' +
      '- .metadata.labels.app\n- .spec.replicas\n- .spec.selector\n- .spec.template.metadata.labels.app\n- .spec.template.spec.containers[name="my-c"].image',
  );
});

test('unchanged since client-side apply: kubectl takes everything over and rewrites the annotation', () => {
  const original = deployment({ labels: { app: 'my-app' }, replicas: 3, selector: 'my-app', templateLabel: 'my-app', images: [['my-c', 'my-image']] });
  const live = clientSideApplied(original, original);
  const applied = deployment({ labels: { app: 'my-new-label' }, replicas: 333, selector: 'my-new-label', templateLabel: 'my-new-label', images: [['my-c', 'my-image']] });
  const result = serverSideApply(request(live, applied, 'kubectl'));
  assert.deepEqual(result.spec, applied.spec);
  assert.equal(result.metadata.annotations![LAST_APPLIED], `${goJson(applied)}\n`);
  assert.ok(owned(result, 'kubectl').includes('.spec.replicas'));
  assert.ok(!owned(result, 'test_client_side_apply').includes('.spec.replicas'));
  assert.ok(owned(result, 'test_client_side_apply').includes(`.metadata.annotations.${LAST_APPLIED}`), 'the annotation stays with its writer');
});

test('the annotation is rewritten only for "kubectl", and never holds itself', () => {
  const cm = (data: Record<string, string>, annotation = 'nonempty'): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cm', namespace: 'default', annotations: { [LAST_APPLIED]: annotation } },
    data,
  });
  const first = stored(serverSideApply(request(undefined as unknown as KubeObject, cm({ k: 'v' }), 'NOT-KUBECTL')));
  assert.equal(first.metadata.annotations![LAST_APPLIED], 'nonempty');
  const second = serverSideApply(request(first, cm({ k: 'v' }), 'kubectl'));
  const expected = { apiVersion: 'v1', data: { k: 'v' }, kind: 'ConfigMap', metadata: { annotations: {}, name: 'cm', namespace: 'default' } };
  assert.equal(second.metadata.annotations![LAST_APPLIED], `${JSON.stringify(expected)}\n`);
});

test('an annotation that would exceed the annotations size limit is dropped', () => {
  const data: Record<string, string> = {};
  for (let i = 0; i < 4000; i++) data[`this-key-is-very-long-so-as-to-create-a-very-large-serialized-fieldset-${i}`] = 'A';
  const live = stored(serverSideApply(request(undefined as unknown as KubeObject, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', annotations: { [LAST_APPLIED]: 'nonempty' } }, data: { k: 'v' } }, 'kubectl')));
  const big = serverSideApply(request(live, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', annotations: { [LAST_APPLIED]: 'nonempty' } }, data }, 'kubectl'));
  assert.equal(big.metadata.annotations?.[LAST_APPLIED], undefined);
  assert.equal(Object.keys(big.data as object).length, 4000);
});

test('the annotation kept by "kubectl-last-applied" survives kubectl no longer applying it', () => {
  // kubectl's migration: kubectl-last-applied applies the annotation alone, then kubectl's own
  // configuration (which does not carry it) no longer prunes it.
  const cm = (annotations?: Record<string, string>, data?: Record<string, string>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cm', ...(annotations ? { annotations } : {}) },
    ...(data ? { data } : {}),
  });
  let live = stored(serverSideApply(request(undefined as unknown as KubeObject, cm({ [LAST_APPLIED]: 'x' }, { k: 'v' }), 'kubectl')));
  live = stored(serverSideApply(request(live, cm({ [LAST_APPLIED]: live.metadata.annotations![LAST_APPLIED]! }), 'kubectl-last-applied', { now: at(2) })));
  const after = serverSideApply(request(live, cm(undefined, { k: 'v2' }), 'kubectl', { now: at(3) }));
  assert.ok(after.metadata.annotations?.[LAST_APPLIED]?.includes('"v2"'), 'present and following kubectl');
  assert.deepEqual(owned(after, 'kubectl-last-applied'), [`.metadata.annotations.${LAST_APPLIED}`]);
  assert.ok(!owned(after, 'kubectl').some((p) => p.startsWith('.metadata.annotations')));
});
