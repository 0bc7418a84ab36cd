// @kubernetes/client-node (1.x, the version that runs on Node 20) lists, creates and watches pods
// against the bundled server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CoreV1Api, KubeConfig, Watch } from '@kubernetes/client-node';
import { startServer } from '../../helpers/server.ts';

test('client-node lists, creates and watches pods', async (t) => {
  const srv = await startServer(t);
  const kc = new KubeConfig();
  kc.loadFromFile(srv.kubeconfig);
  const core = kc.makeApiClient(CoreV1Api);

  const before = await core.listNamespacedPod({ namespace: 'default' });
  assert.equal(before.items.length, 0);

  const events: string[] = [];
  let seen!: () => void;
  const arrived = new Promise<void>((resolve) => (seen = resolve));
  const watch = new Watch(kc);
  const request = await watch.watch(
    '/api/v1/namespaces/default/pods',
    { resourceVersion: before.metadata?.resourceVersion, allowWatchBookmarks: true },
    (type: string, obj: { metadata?: { name?: string } }) => {
      events.push(`${type} ${obj.metadata?.name}`);
      if (events.includes('ADDED demo')) seen();
    },
    () => undefined,
  );
  t.after(() => request.abort());

  const created = await core.createNamespacedPod({
    namespace: 'default',
    body: { metadata: { name: 'demo', labels: { app: 'demo' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } },
  });
  assert.equal(created.metadata?.name, 'demo');
  assert.equal(created.status?.phase, 'Pending');

  const listed = await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=demo' });
  assert.deepEqual(listed.items.map((p) => p.metadata?.name), ['demo']);

  await arrived;
  assert.deepEqual(events, ['ADDED demo']);

  await core.deleteNamespacedPod({ name: 'demo', namespace: 'default' });
  await assert.rejects(core.readNamespacedPod({ name: 'demo', namespace: 'default' }), (e: { code?: number }) => e.code === 404);
});
