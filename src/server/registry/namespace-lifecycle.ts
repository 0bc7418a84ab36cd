// The NamespaceLifecycle admission plugin: no new content in a namespace that does not exist or is
// being terminated (k8s.io/apiserver pkg/admission/plugin/namespace/lifecycle).
import type { ResourceInfo } from '../../api/resources.ts';
import { ApiError, forbidden, notFound } from '../status.ts';
import type { Registry } from './registry.ts';

export async function admitNamespace(registry: Registry, namespace: string, resource: ResourceInfo, name: string): Promise<void> {
  if (resource.group === '' && resource.resource === 'namespaces') return;
  const ns = await registry.store('', 'namespaces').tryGet('', namespace);
  if (!ns) throw notFound({ group: '', resource: 'namespaces' }, namespace);
  if (ns.object.metadata.deletionTimestamp) {
    const why = `unable to create new content in namespace ${namespace} because it is being terminated`;
    const err: ApiError = forbidden({ group: resource.group, resource: resource.resource }, name, why);
    err.status.details = { ...err.status.details, causes: [{ reason: 'NamespaceTerminating', message: why, field: 'metadata.namespace' }] };
    throw err;
  }
}
