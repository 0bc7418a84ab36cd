// Client-side apply scenarios: `kubectl apply` of `first`, optionally a live change made by
// someone else (`drift`, written back with a PUT), then `kubectl apply` of `second`. kubectl's
// PATCH body for the second apply is recorded in fixtures/apply-patch.json together with the
// three inputs it was computed from (last-applied, new configuration, live object).
import type { JsonObject } from '../../../src/patch/index.ts';

export interface ApplyCase {
  name: string;
  /** Resource for `kubectl get` (e.g. "deployment/web"). */
  ref: string;
  first: JsonObject;
  drift?: (live: JsonObject) => void;
  second: JsonObject;
  /** Also record what `kubectl apply --overwrite=false` says (a conflict message, or null). */
  checkConflict?: true;
}

const deploy = (spec: JsonObject, metadata: JsonObject = {}): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', ...metadata },
  spec: { selector: { matchLabels: { app: 'web' } }, ...spec },
});
const template = (podSpec: JsonObject): JsonObject => ({ metadata: { labels: { app: 'web' } }, spec: podSpec });
const c = (name: string, extra: JsonObject = {}): JsonObject => ({ name, image: `${name}:1`, ...extra });

const pod = (spec: JsonObject, metadata: JsonObject = {}): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...metadata }, spec });

// The live object is the server's JSON; drifts edit it in place.
const podSpecOf = (live: JsonObject) => ((live.spec as JsonObject).template as JsonObject).spec as JsonObject;
const containersOf = (live: JsonObject) => podSpecOf(live).containers as JsonObject[];

export const APPLY_CASES: ApplyCase[] = [
  {
    name: 'change image, drop a label and a field',
    ref: 'deployment/web',
    first: deploy({ replicas: 2, template: template({ containers: [c('a')] }) }, { labels: { app: 'web', tier: 'fe' } }),
    second: deploy({ template: template({ containers: [c('a', { image: 'a:2' })] }) }, { labels: { app: 'web' } }),
  },
  {
    name: 'reorder containers',
    ref: 'deployment/web',
    checkConflict: true,
    first: deploy({ template: template({ containers: [c('a'), c('b')] }) }),
    second: deploy({ template: template({ containers: [c('b'), c('a')] }) }),
  },
  {
    name: 'delete a container, add one',
    ref: 'deployment/web',
    first: deploy({ template: template({ containers: [c('a'), c('b')] }) }),
    second: deploy({ template: template({ containers: [c('c'), c('a')] }) }),
  },
  {
    name: 'strategy RollingUpdate to Recreate (retainKeys)',
    ref: 'deployment/web',
    first: deploy({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } }, template: template({ containers: [c('a')] }) }),
    second: deploy({ strategy: { type: 'Recreate' }, template: template({ containers: [c('a')] }) }),
  },
  {
    name: 'env: delete, change and reorder',
    ref: 'deployment/web',
    first: deploy({ template: template({ containers: [c('a', { env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }, { name: 'Z', value: '3' }] })] }) }),
    second: deploy({ template: template({ containers: [c('a', { env: [{ name: 'Z', value: '3' }, { name: 'Y', value: '20' }] })] }) }),
  },
  {
    name: 'live additions are kept',
    ref: 'deployment/web',
    checkConflict: true,
    first: deploy({ template: template({ containers: [c('a', { env: [{ name: 'X', value: '1' }] })] }) }, { labels: { app: 'web' } }),
    drift: (live) => {
      (live.metadata as JsonObject).labels = { ...((live.metadata as JsonObject).labels as JsonObject), added: 'by-someone' };
      (containersOf(live)[0]!.env as JsonObject[]).push({ name: 'LIVE', value: 'x' });
      containersOf(live).push({ name: 'sidecar', image: 'side:1' });
    },
    second: deploy({ template: template({ containers: [c('a', { image: 'a:2', env: [{ name: 'X', value: '2' }] })] }) }, { labels: { app: 'web', more: 'x' } }),
  },
  {
    name: 'live change of a configured field is overwritten',
    ref: 'deployment/web',
    checkConflict: true,
    first: deploy({ replicas: 2, template: template({ containers: [c('a', { args: ['--x'] })] }) }),
    drift: (live) => {
      (live.spec as JsonObject).replicas = 5;
      containersOf(live)[0]!.args = ['--live'];
    },
    second: deploy({ replicas: 3, template: template({ containers: [c('a', { args: ['--x', '--y'] })] }) }),
  },
  {
    name: 'volume source switch (retainKeys in items)',
    ref: 'deployment/web',
    first: deploy({ template: template({ containers: [c('a')], volumes: [{ name: 'd', emptyDir: {} }, { name: 'e', emptyDir: {} }] }) }),
    second: deploy({ template: template({ containers: [c('a')], volumes: [{ name: 'd', hostPath: { path: '/d' } }, { name: 'e', emptyDir: {} }] }) }),
  },
  {
    name: 'ports merged by containerPort',
    ref: 'deployment/web',
    first: deploy({ template: template({ containers: [c('a', { ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }] })] }) }),
    second: deploy({ template: template({ containers: [c('a', { ports: [{ containerPort: 8080, name: 'alt' }, { containerPort: 80, name: 'web' }] })] }) }),
  },
  {
    name: 'finalizers: remove one, add one',
    ref: 'pod/p',
    first: pod({ containers: [c('a')] }, { finalizers: ['example.com/a', 'example.com/b'] }),
    second: pod({ containers: [c('a')] }, { finalizers: ['example.com/c', 'example.com/b'] }),
  },
  {
    name: 'finalizers unchanged but unsorted, something else changes',
    ref: 'pod/p',
    first: pod({ containers: [c('a')] }, { finalizers: ['example.com/b', 'example.com/a'], labels: { x: '1' } }),
    second: pod({ containers: [c('a')] }, { finalizers: ['example.com/b', 'example.com/a'], labels: { x: '2' } }),
  },
  {
    name: 'new maps and nulls in config',
    ref: 'pod/p',
    first: pod({ containers: [c('a')] }),
    second: pod({ containers: [c('a', { resources: { limits: { cpu: '1' } } })], nodeSelector: { disk: 'ssd' }, tolerations: [{ key: 'k', operator: 'Exists' }] }),
  },
  {
    name: 'service ports and selector',
    ref: 'service/s',
    first: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'a', tier: 'b' }, ports: [{ port: 80, name: 'http', targetPort: 8080 }, { port: 81, name: 'x', targetPort: 81 }] } },
    second: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'a' }, ports: [{ port: 81, name: 'x', targetPort: 82 }] } },
  },
  {
    name: 'configmap data',
    ref: 'configmap/cm',
    checkConflict: true,
    first: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', annotations: { note: 'n' } }, data: { a: '1', b: '2' } },
    drift: (live) => {
      (live.data as JsonObject).live = 'x';
    },
    second: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { b: '3', c: '4' } },
  },
  {
    name: 'containers list replaced in config while live grew',
    ref: 'deployment/web',
    first: deploy({ template: template({ containers: [c('a'), c('b')], initContainers: [c('i')] }) }),
    drift: (live) => {
      containersOf(live).unshift({ name: 'first', image: 'f:1' });
    },
    second: deploy({ template: template({ containers: [c('b'), c('z')] }) }),
  },
];
