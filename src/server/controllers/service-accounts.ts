// Per-namespace objects every namespace gets (pkg/controller/serviceaccount and
// pkg/controller/certificates/rootcacertpublisher): the `default` ServiceAccount, which pod
// admission needs, and the `kube-root-ca.crt` ConfigMap holding the cluster CA.
import type { Registry } from '../registry/registry.ts';
import { systemWriteContext } from '../bootstrap.ts';
import { ControllerRuntime } from './runtime.ts';

const RETRY_MS = 500;

export function startServiceAccountController(registry: Registry, caPem: string): { stop(): void } {
  const namespaces = registry.store('', 'namespaces');
  const serviceAccounts = registry.store('', 'serviceaccounts');
  const configMaps = registry.store('', 'configmaps');
  const runtime = new ControllerRuntime();

  async function ensure(namespace: string): Promise<void> {
    if (runtime.stopped) return;
    const ns = await namespaces.tryGet('', namespace);
    if (!ns || ns.object.metadata.deletionTimestamp) return;
    try {
      if (!(await serviceAccounts.tryGet(namespace, 'default')))
        await serviceAccounts.create(namespace, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } }, systemWriteContext('kube-controller-manager'));
      const current = await configMaps.tryGet(namespace, 'kube-root-ca.crt');
      const data = { 'ca.crt': caPem };
      if (!current)
        await configMaps.create(
          namespace,
          { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', annotations: { 'kubernetes.io/description': DESCRIPTION } }, data },
          systemWriteContext('kube-controller-manager'),
        );
      else if ((current.object.data as Record<string, string> | undefined)?.['ca.crt'] !== caPem)
        await configMaps.guaranteedUpdate(namespace, 'kube-root-ca.crt', (cm) => ({ ...cm, data }), systemWriteContext('kube-controller-manager'));
    } catch (e) {
      const reason = (e as { reason?: string }).reason;
      // Created meanwhile, or the namespace is going away: nothing to do. Else try again.
      if (reason !== 'AlreadyExists' && reason !== 'Forbidden' && reason !== 'NotFound') runtime.later(() => void ensure(namespace), RETRY_MS);
    }
  }

  runtime.watch(namespaces, (type, ns) => {
    if (type !== 'DELETED') void ensure(ns.metadata.name!);
  });
  // Recreate them when someone deletes or edits them.
  runtime.watch(serviceAccounts, (type, sa) => {
    if (type === 'DELETED' && sa.metadata.name === 'default') void ensure(sa.metadata.namespace!);
  });
  runtime.watch(configMaps, (type, cm) => {
    if (cm.metadata.name === 'kube-root-ca.crt' && type !== 'ADDED') void ensure(cm.metadata.namespace!);
  });
  return runtime;
}

// The annotation kube-controller-manager puts on kube-root-ca.crt (facts: its key and purpose).
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';
