import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { HOUR, ago, cells, columnNames } from '../helpers.ts';

const A = 'autoscaling';
const hpa = (spec: Record<string, unknown>, status: Record<string, unknown> = {}, apiVersion = 'autoscaling/v2', annotations?: Record<string, string>): KubeObject => ({
  apiVersion, kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: ago(6 * HOUR), ...(annotations ? { annotations } : {}) },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 10, ...spec },
  status,
});
const cpu = (averageUtilization: number) => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization } } });
const targets = (o: KubeObject) => cells(A, 'horizontalpodautoscalers', o)[2];

test('HPA columns and a CPU utilisation target', () => {
  assert.deepEqual(columnNames(A, 'horizontalpodautoscalers'), ['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age']);
  const o = hpa({ minReplicas: 1, metrics: [cpu(50)] }, {
    currentReplicas: 2, desiredReplicas: 2,
    currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 23, averageValue: '115m' } } }],
  });
  assert.deepEqual(cells(A, 'horizontalpodautoscalers', o), ['web', 'Deployment/web', 'cpu: 23%/50%', '1', 10, 2, '6h']);
});

test('TARGETS before metrics arrive, with no metrics, and beyond two metrics', () => {
  assert.equal(targets(hpa({ metrics: [cpu(80)] })), 'cpu: <unknown>/80%');
  assert.equal(targets(hpa({ metrics: [] })), '<none>');
  assert.equal(cells(A, 'horizontalpodautoscalers', hpa({ metrics: [cpu(80)] }))[3], '<unset>');
  const memory = { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '200Mi' } } };
  const pods = { type: 'Pods', pods: { metric: { name: 'packets-per-second' }, target: { type: 'AverageValue', averageValue: '1k' } } };
  assert.equal(
    targets(hpa({ metrics: [cpu(50), memory, pods] }, {
      currentMetrics: [
        { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 40 } } },
        { type: 'Resource', resource: { name: 'memory', current: { averageValue: '104857600' } } },
      ],
    })),
    'cpu: 40%/50%, memory: 104857600/200Mi + 1 more...',
  );
});

test('TARGETS for Pods, Object, External and ContainerResource metrics', () => {
  const pods = { type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '10' } } };
  assert.equal(targets(hpa({ metrics: [pods] }, { currentMetrics: [{ type: 'Pods', pods: { metric: { name: 'rps' }, current: { averageValue: '8' } } }] })), '8/10');
  assert.equal(targets(hpa({ metrics: [pods] })), '<unknown>/10');
  const object = { type: 'Object', object: { metric: { name: 'requests' }, describedObject: { kind: 'Ingress', name: 'main' }, target: { type: 'Value', value: '2k' } } };
  assert.equal(targets(hpa({ metrics: [object] }, { currentMetrics: [{ type: 'Object', object: { current: { value: '1500' } } }] })), '1500/2k');
  const avgObject = { type: 'Object', object: { metric: { name: 'requests' }, target: { type: 'AverageValue', averageValue: '500m' } } };
  assert.equal(targets(hpa({ metrics: [avgObject] })), '<unknown>/500m (avg)');
  const external = { type: 'External', external: { metric: { name: 'queue' }, target: { type: 'AverageValue', averageValue: '30' } } };
  assert.equal(targets(hpa({ metrics: [external] }, { currentMetrics: [{ type: 'External', external: { current: { averageValue: '12' } } }] })), '12/30 (avg)');
  const containerCpu = { type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', target: { type: 'Utilization', averageUtilization: 60 } } };
  assert.equal(targets(hpa({ metrics: [containerCpu] }, { currentMetrics: [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', current: { averageUtilization: 75 } } }] })), 'cpu: 75%/60%');
  // a status of another source at the same index does not count
  assert.equal(targets(hpa({ metrics: [cpu(50)] }, { currentMetrics: [{ type: 'Pods', pods: { current: { averageValue: '1' } } }] })), 'cpu: <unknown>/50%');
  assert.equal(targets(hpa({ metrics: [{ type: 'Bogus' }] })), '<unknown type>');
});

test('autoscaling/v1 objects convert first: CPU percentages, the implicit 80%, annotation metrics', () => {
  const v1 = (spec: Record<string, unknown>, status: Record<string, unknown> = {}, annotations?: Record<string, string>) => hpa(spec, status, 'autoscaling/v1', annotations);
  assert.deepEqual(cells(A, 'horizontalpodautoscalers', v1({ minReplicas: 2, targetCPUUtilizationPercentage: 70 }, { currentReplicas: 3, currentCPUUtilizationPercentage: 42 })), [
    'web', 'Deployment/web', 'cpu: 42%/70%', '2', 10, 3, '6h',
  ]);
  assert.equal(targets(v1({})), 'cpu: <unknown>/80%');
  const annotated = v1(
    { targetCPUUtilizationPercentage: 50 },
    { currentCPUUtilizationPercentage: 10 },
    {
      'autoscaling.alpha.kubernetes.io/metrics': JSON.stringify([{ type: 'Pods', pods: { metricName: 'rps', targetAverageValue: '100' } }]),
      'autoscaling.alpha.kubernetes.io/current-metrics': JSON.stringify([{ type: 'Pods', pods: { metricName: 'rps', currentAverageValue: '80' } }]),
    },
  );
  // annotation metrics come first; the annotated statuses replace the CPU one
  assert.equal(targets(annotated), '80/100, cpu: <unknown>/50%');
});

test('scale subresource table', () => {
  const s: KubeObject = { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'db', creationTimestamp: ago(HOUR) }, spec: { replicas: 3 }, status: { replicas: 3, selector: 'app=db' } };
  assert.deepEqual(cells('apps', 'statefulsets/scale', s), ['db', 3, 3, '60m']);
});
