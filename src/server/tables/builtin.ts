// Which convertor each built-in resource uses, keyed "group/resource" (core: "/pods"). Resources
// without an entry, and those whose store registers rest.NewDefaultTableConvertor even where a
// printer exists (CSIStorageCapacity), get the default Name / Created At table.
import { DEFAULT_COLUMNS } from './columns.ts';
import { rfc3339 } from './duration.ts';
import { meta, name } from './fields.ts';
import type { TableEntry } from './types.ts';
import * as admission from './kinds/admission.ts';
import * as apps from './kinds/apps.ts';
import * as autoscaling from './kinds/autoscaling.ts';
import * as batch from './kinds/batch.ts';
import * as certificates from './kinds/certificates.ts';
import * as cluster from './kinds/cluster.ts';
import * as config from './kinds/config.ts';
import { events } from './kinds/event.ts';
import * as flowcontrol from './kinds/flowcontrol.ts';
import * as networking from './kinds/networking.ts';
import * as node from './kinds/node.ts';
import { podTemplates, pods } from './kinds/pod.ts';
import { clusterRoleBindings, roleBindings } from './kinds/rbac.ts';
import * as service from './kinds/service.ts';
import * as storage from './kinds/storage.ts';

/** rest.NewDefaultTableConvertor: name and creation time as RFC3339 (kubectl prints it as is). */
export const defaultTable: TableEntry = {
  columns: DEFAULT_COLUMNS,
  row: (o) => [name(o), rfc3339(meta(o).creationTimestamp)],
  // its rows slice stays nil for an empty list
  emptyRows: 'null',
};

const BUILTIN: Record<string, TableEntry> = {
  '/pods': pods,
  '/podtemplates': podTemplates,
  '/replicationcontrollers': apps.replicationControllers,
  '/services': service.services,
  '/endpoints': service.endpoints,
  '/nodes': node.nodes,
  '/namespaces': node.namespaces,
  '/componentstatuses': node.componentStatuses,
  '/events': events,
  '/resourcequotas': config.resourceQuotas,
  '/configmaps': config.configMaps,
  '/secrets': config.secrets,
  '/serviceaccounts': config.serviceAccounts,
  '/persistentvolumes': storage.persistentVolumes,
  '/persistentvolumeclaims': storage.persistentVolumeClaims,
  'apps/deployments': apps.deployments,
  'apps/replicasets': apps.replicaSets,
  'apps/statefulsets': apps.statefulSets,
  'apps/daemonsets': apps.daemonSets,
  'apps/controllerrevisions': apps.controllerRevisions,
  'batch/jobs': batch.jobs,
  'batch/cronjobs': batch.cronJobs,
  'autoscaling/horizontalpodautoscalers': autoscaling.horizontalPodAutoscalers,
  'policy/poddisruptionbudgets': apps.podDisruptionBudgets,
  'networking.k8s.io/ingresses': networking.ingresses,
  'networking.k8s.io/ingressclasses': networking.ingressClasses,
  'networking.k8s.io/networkpolicies': networking.networkPolicies,
  'networking.k8s.io/ipaddresses': networking.ipAddresses,
  'networking.k8s.io/servicecidrs': networking.serviceCIDRs,
  'discovery.k8s.io/endpointslices': service.endpointSlices,
  'events.k8s.io/events': events,
  'rbac.authorization.k8s.io/rolebindings': roleBindings,
  'rbac.authorization.k8s.io/clusterrolebindings': clusterRoleBindings,
  'storage.k8s.io/storageclasses': storage.storageClasses,
  'storage.k8s.io/volumeattributesclasses': storage.volumeAttributesClasses,
  'storage.k8s.io/volumeattachments': storage.volumeAttachments,
  'storage.k8s.io/csidrivers': storage.csiDrivers,
  'storage.k8s.io/csinodes': storage.csiNodes,
  'coordination.k8s.io/leases': cluster.leases,
  'coordination.k8s.io/leasecandidates': cluster.leaseCandidates,
  'scheduling.k8s.io/priorityclasses': cluster.priorityClasses,
  'node.k8s.io/runtimeclasses': cluster.runtimeClasses,
  'apiregistration.k8s.io/apiservices': cluster.apiServices,
  'certificates.k8s.io/certificatesigningrequests': certificates.certificateSigningRequests,
  'certificates.k8s.io/clustertrustbundles': certificates.clusterTrustBundles,
  'flowcontrol.apiserver.k8s.io/flowschemas': flowcontrol.flowSchemas,
  'flowcontrol.apiserver.k8s.io/prioritylevelconfigurations': flowcontrol.priorityLevelConfigurations,
  'admissionregistration.k8s.io/mutatingwebhookconfigurations': admission.mutatingWebhookConfigurations,
  'admissionregistration.k8s.io/validatingwebhookconfigurations': admission.validatingWebhookConfigurations,
  'admissionregistration.k8s.io/validatingadmissionpolicies': admission.validatingAdmissionPolicies,
  'admissionregistration.k8s.io/validatingadmissionpolicybindings': admission.validatingAdmissionPolicyBindings,
  'admissionregistration.k8s.io/mutatingadmissionpolicies': admission.mutatingAdmissionPolicies,
  'admissionregistration.k8s.io/mutatingadmissionpolicybindings': admission.mutatingAdmissionPolicyBindings,
  // limitranges, roles, clusterroles, csistoragecapacities, customresourcedefinitions: default
};

/**
 * The built-in entry for a resource, or undefined. "deployments/scale" is the Scale table; any other
 * subresource ("pods/status") shares its parent's convertor, as upstream's stores do.
 */
export function builtinEntry(group: string, resource: string): TableEntry | undefined {
  const [parent, sub] = resource.split('/');
  if (sub === 'scale') return autoscaling.scales;
  return Object.hasOwn(BUILTIN, `${group}/${parent}`) ? BUILTIN[`${group}/${parent}`] : undefined;
}
