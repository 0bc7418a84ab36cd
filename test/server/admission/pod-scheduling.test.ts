// Priority, DefaultTolerationSeconds and RuntimeClass admission, and the pod a user sees after
// defaulting plus admission.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../src/api/object.ts';
import { findBuiltin } from '../../../src/api/resources.ts';
import { admit } from '../../../src/server/admission/index.ts';
import { mergeTolerations } from '../../../src/server/admission/pod-scheduling.ts';
import { defaultsFor } from '../../../src/server/registry/defaults/index.ts';
import { ApiError } from '../../../src/server/status.ts';
import { strategyContext } from './cluster-reader.ts';

const pods = findBuiltin('', 'v1', 'pods')!;
const priorityClasses = findBuiltin('scheduling.k8s.io', 'v1', 'priorityclasses')!;
const defaultSA: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } };
const pod = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec });
const pc = (name: string, value: number, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name },
  value,
  preemptionPolicy: 'PreemptLowerPriority',
  ...extra,
});

async function rejection(run: () => Promise<void>): Promise<string> {
  try {
    await run();
  } catch (e) {
    assert.ok(e instanceof ApiError && e.code === 403, String(e));
    return e.message;
  }
  assert.fail('admitted');
}

test('kubectl run nginx --image=nginx: the pod as the API returns it', async () => {
  const p = pod({ containers: [{ name: 'nginx', image: 'nginx' }] });
  defaultsFor('', 'Pod')!(p);
  await admit('create', pods, p, undefined, strategyContext([defaultSA]));
  const spec = p.spec as any;
  const volume = spec.volumes[0].name;
  assert.deepEqual(spec, {
    containers: [
      {
        name: 'nginx',
        image: 'nginx',
        imagePullPolicy: 'Always',
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        volumeMounts: [{ name: volume, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
      },
    ],
    enableServiceLinks: true,
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    schedulerName: 'default-scheduler',
    serviceAccountName: 'default',
    serviceAccount: 'default',
    volumes: [spec.volumes[0]],
    priority: 0,
    preemptionPolicy: 'PreemptLowerPriority',
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
  });
});

test('priority comes from the named class, or the global default (lowest value wins a tie of defaults)', async () => {
  const named = pod({ priorityClassName: 'high', containers: [] });
  await admit('create', pods, named, undefined, strategyContext([defaultSA, pc('high', 1000, { preemptionPolicy: 'Never' })]));
  assert.equal((named.spec as any).priority, 1000);
  assert.equal((named.spec as any).preemptionPolicy, 'Never');
  const defaulted = pod({ containers: [] });
  await admit('create', pods, defaulted, undefined, strategyContext([defaultSA, pc('a', 50, { globalDefault: true }), pc('b', 20, { globalDefault: true })]));
  assert.equal((defaulted.spec as any).priorityClassName, 'b');
  assert.equal((defaulted.spec as any).priority, 20);
});

test('priority refusals', async () => {
  const ctx = strategyContext([defaultSA, pc('high', 1000)]);
  assert.equal(
    await rejection(() => admit('create', pods, pod({ priorityClassName: 'missing', containers: [] }), undefined, ctx)),
    'pods "web" is forbidden: no PriorityClass with name missing was found',
  );
  assert.equal(
    await rejection(() => admit('create', pods, pod({ priorityClassName: 'high', priority: 5, containers: [] }), undefined, ctx)),
    'pods "web" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name',
  );
  assert.equal(
    await rejection(() => admit('create', pods, pod({ preemptionPolicy: 'Never', containers: [] }), undefined, ctx)),
    'pods "web" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
  );
});

test('a pod update that leaves out priority keeps the stored one', async () => {
  const old = pod({ containers: [], priority: 7, preemptionPolicy: 'Never' });
  const updated = pod({ containers: [] });
  await admit('update', pods, updated, old, strategyContext([]));
  assert.equal((updated.spec as any).priority, 7);
  assert.equal((updated.spec as any).preemptionPolicy, 'Never');
});

test('only one PriorityClass may be the global default', async () => {
  const existing = pc('base', 0, { globalDefault: true });
  const second = pc('other', 10, { globalDefault: true });
  assert.equal(
    await rejection(() => admit('create', priorityClasses, second, undefined, strategyContext([existing]))),
    'priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass base is already marked as default. Only one default can exist',
  );
  // re-saving the default itself is fine
  await admit('update', priorityClasses, structuredClone(existing), existing, strategyContext([existing]));
});

test('tolerations already covering not-ready/unreachable are respected', async () => {
  const everything = pod({ containers: [], tolerations: [{ operator: 'Exists' }] });
  await admit('create', pods, everything, undefined, strategyContext([defaultSA]));
  assert.deepEqual((everything.spec as any).tolerations, [{ operator: 'Exists' }]);
  const own = pod({ containers: [], tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }] });
  await admit('create', pods, own, undefined, strategyContext([defaultSA]));
  assert.deepEqual((own.spec as any).tolerations, [
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 },
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  ]);
});

test('RuntimeClass: overhead and scheduling are copied in; a missing class or a conflict is refused', async () => {
  const rc: KubeObject = {
    apiVersion: 'node.k8s.io/v1',
    kind: 'RuntimeClass',
    metadata: { name: 'gvisor' },
    handler: 'runsc',
    overhead: { podFixed: { cpu: '250m' } },
    scheduling: { nodeSelector: { sandbox: 'true' }, tolerations: [{ key: 'sandbox', operator: 'Exists', effect: 'NoSchedule' }] },
  };
  const p = pod({ runtimeClassName: 'gvisor', nodeSelector: { zone: 'a' }, containers: [], tolerations: [{ operator: 'Exists', effect: 'NoExecute' }] });
  await admit('create', pods, p, undefined, strategyContext([defaultSA, rc]));
  const spec = p.spec as any;
  assert.deepEqual(spec.overhead, { cpu: '250m' });
  assert.deepEqual(spec.nodeSelector, { zone: 'a', sandbox: 'true' });
  assert.deepEqual(spec.tolerations, [{ operator: 'Exists', effect: 'NoExecute' }, { key: 'sandbox', operator: 'Exists', effect: 'NoSchedule' }]);
  const ctx = strategyContext([defaultSA, rc]);
  assert.equal(
    await rejection(() => admit('create', pods, pod({ runtimeClassName: 'kata', containers: [] }), undefined, ctx)),
    'pods "web" is forbidden: pod rejected: RuntimeClass "kata" not found',
  );
  assert.equal(
    await rejection(() => admit('create', pods, pod({ runtimeClassName: 'gvisor', nodeSelector: { sandbox: 'no' }, containers: [] }), undefined, ctx)),
    'pods "web" is forbidden: conflict: runtimeClass.scheduling.nodeSelector[sandbox] = true; pod.spec.nodeSelector[sandbox] = no',
  );
  assert.equal(
    await rejection(() => admit('create', pods, pod({ overhead: { cpu: '1' }, containers: [] }), undefined, ctx)),
    'pods "web" is forbidden: pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead',
  );
});

test('mergeTolerations keeps the broader of two tolerations', () => {
  const narrow = { key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' };
  const broad = { key: 'k', operator: 'Exists' };
  assert.deepEqual(mergeTolerations([narrow], [broad]), [broad]);
  assert.deepEqual(mergeTolerations([broad, broad], []), [broad]);
  const short = { key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 };
  const long = { key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 100 };
  assert.deepEqual(mergeTolerations([short], [long]), [long]);
});
