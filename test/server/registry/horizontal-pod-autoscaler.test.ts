// autoscaling/v1 and v2 serve the same HorizontalPodAutoscalers (stored as v2).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../../helpers/server.ts';

test('an HPA created as v1 reads back as v2 and v1', async (t) => {
  const srv = await startServer(t);
  const v1 = {
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 70 },
  };
  const created = await srv.request('POST', '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers', { body: v1 });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json().apiVersion, 'autoscaling/v1');
  assert.equal(created.json().spec.targetCPUUtilizationPercentage, 70);
  const asV2 = (await srv.request('GET', '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/web')).json();
  assert.equal(asV2.apiVersion, 'autoscaling/v2');
  assert.deepEqual(asV2.spec.metrics, [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }]);
  const listV1 = (await srv.request('GET', '/apis/autoscaling/v1/horizontalpodautoscalers')).json();
  assert.equal(listV1.apiVersion, 'autoscaling/v1');
  assert.equal(listV1.items[0].spec.targetCPUUtilizationPercentage, 70);
});
