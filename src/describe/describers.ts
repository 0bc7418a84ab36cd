// The describer of each kind (kubectl's describerMap): what it reads from the server for an object
// (the object at a fixed version, then pods, ReplicaSets, events, ...) and which pure formatter
// prints it. Kinds without an entry get the generic describer.
import { describeCronJob, describeJob } from './batch.ts';
import { describeCertificateSigningRequest } from './certificates.ts';
import { describeConfigMap, describeSecret, describeServiceAccount, serviceAccountSecrets } from './config.ts';
import { describeEvents, eventFieldSelector, eventTargetOf } from './events.ts';
import { errorReason, errorText, eventsFor, getObject, gvr, listAll, searchEvents, type DescribeContext, type Gvr } from './fetch.ts';
import { selectorString } from '../api/labels/format.ts';
import { setSelectorString } from './format.ts';
import { describeGeneric } from './generic.ts';
import { describeLimitRange, describeNamespace, describeResourceQuota } from './namespace.ts';
import {
  describeEndpointSlice,
  describeEndpoints,
  describeIngress,
  describeIngressClass,
  describeIpAddress,
  describeNetworkPolicy,
  describeService,
  describeServiceCidr,
  ingressServiceNames,
  type BackendService,
} from './network.ts';
import { describeNode } from './node.ts';
import { describePod } from './pod.ts';
import { describeHorizontalPodAutoscaler, describeHorizontalPodAutoscalerV1, describePodDisruptionBudget, describePriorityClass } from './policy.ts';
import { describeRole, describeRoleBinding } from './rbac.ts';
import { describeCsiNode, describePersistentVolume, describePersistentVolumeClaim, describeStorageClass, describeVolumeAttributesClass, podsForClaim } from './storage.ts';
import { LEVEL_0, tabbedString } from './writer.ts';
import { countPods, deploymentReplicaSets, describeDaemonSet, describeDeployment, describeReplicaSet, describeReplicationController, describeStatefulSet, type PodCounts } from './workloads.ts';
import { obj, str, strMap, type Obj } from './values.ts';

/** Describes one object by namespace and name; throws what the server answered. */
export type Describer = (ctx: DescribeContext, namespace: string, name: string) => Promise<string>;

const PODS = gvr('', 'v1', 'pods');

/** Fetches at the first version that answers (v1, then an older one); the last failure otherwise. */
async function getFirst(ctx: DescribeContext, versions: Gvr[], namespace: string, name: string): Promise<Obj> {
  let error: unknown;
  for (const r of versions) {
    try {
      return await getObject(ctx, r, namespace, name);
    } catch (e) {
      error = e;
    }
  }
  throw error;
}

/** A describer of an object plus its events, formatted by `format`. */
function withEvents(versions: Gvr[], kind: string, format: (o: Obj, events: Obj[] | undefined, now: Date) => string): Describer {
  return async (ctx, namespace, name) => {
    const o = await getFirst(ctx, versions, namespace, name);
    return format(o, await eventsFor(ctx, eventTargetOf(o, kind)), ctx.now);
  };
}

/** Pods selected by a controller and counted by phase; listing errors propagate. */
async function controllerPods(ctx: DescribeContext, namespace: string, selector: string, uid: string): Promise<PodCounts> {
  return countPods(await listAll(ctx, PODS, namespace, { labelSelector: selector }), uid);
}

function labelSelectorOf(o: Obj): string {
  const s = selectorString(obj(o.spec).selector);
  if (s === undefined) throw new Error('invalid label selector');
  return s;
}

const describePodObject: Describer = async (ctx, namespace, name) => {
  let pod: Obj;
  try {
    pod = await getObject(ctx, PODS, namespace, name);
  } catch (e) {
    // a deleted pod may still have events worth showing
    if (ctx.settings.showEvents) {
      const events = await searchEvents(ctx, { name, namespace });
      if (events.length > 0) {
        return tabbedString((w) => {
          w.write(LEVEL_0, `Pod '${name}': error '${errorText(e)}', but found events.\n`);
          describeEvents(events, w, ctx.now);
        });
      }
    }
    throw e;
  }
  const m = obj(pod.metadata);
  // events of a mirror pod are recorded against its static pod's uid
  const uid = strMap(m.annotations)['kubernetes.io/config.mirror'] ?? str(m.uid);
  const events = await eventsFor(ctx, { name: str(m.name), namespace: str(m.namespace), uid: uid || undefined });
  return describePod(pod, events, ctx.now);
};

const describeRcObject: Describer = async (ctx, namespace, name) => {
  const rc = await getObject(ctx, gvr('', 'v1', 'replicationcontrollers'), namespace, name);
  const pods = await controllerPods(ctx, namespace, setSelectorString(obj(rc.spec).selector), str(obj(rc.metadata).uid));
  const events = await eventsFor(ctx, eventTargetOf(rc, 'ReplicationController'));
  return describeReplicationController(rc, { pods, events }, ctx.now);
};

const describeRsObject: Describer = async (ctx, namespace, name) => {
  const rs = await getObject(ctx, gvr('apps', 'v1', 'replicasets'), namespace, name);
  const selector = labelSelectorOf(rs);
  let pods: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  let podsError: string | undefined;
  try {
    pods = await controllerPods(ctx, namespace, selector, str(obj(rs.metadata).uid));
  } catch (e) {
    podsError = errorText(e);
  }
  const events = await eventsFor(ctx, eventTargetOf(rs, 'ReplicaSet'));
  return describeReplicaSet(rs, { pods, podsError, events }, ctx.now);
};

function podController(resource: string, kind: string, format: typeof describeStatefulSet): Describer {
  return async (ctx, namespace, name) => {
    const o = await getObject(ctx, gvr('apps', 'v1', resource), namespace, name);
    const pods = await controllerPods(ctx, namespace, labelSelectorOf(o), str(obj(o.metadata).uid));
    const events = await eventsFor(ctx, eventTargetOf(o, kind));
    return format(o, { pods, events }, ctx.now);
  };
}

const describeDeploymentObject: Describer = async (ctx, namespace, name) => {
  const d = await getObject(ctx, gvr('apps', 'v1', 'deployments'), namespace, name);
  const events = await eventsFor(ctx, eventTargetOf(d, 'Deployment'));
  let replicaSets = { oldReplicaSets: [] as Obj[], newReplicaSets: [] as Obj[] };
  try {
    const all = await listAll(ctx, gvr('apps', 'v1', 'replicasets'), namespace, { labelSelector: labelSelectorOf(d) });
    replicaSets = deploymentReplicaSets(d, all);
  } catch {
    // upstream shows no ReplicaSets when they cannot be listed
  }
  return describeDeployment(d, { ...replicaSets, events }, ctx.now);
};

const describeServiceObject: Describer = async (ctx, namespace, name) => {
  const svc = await getObject(ctx, gvr('', 'v1', 'services'), namespace, name);
  const slices = await endpointSlicesOf(ctx, namespace, name).catch(() => []);
  const events = await eventsFor(ctx, eventTargetOf(svc, 'Service'));
  return describeService(svc, slices, events, ctx.now);
};

/** A Service's EndpointSlices (one unchunked list, as upstream). */
function endpointSlicesOf(ctx: DescribeContext, namespace: string, service: string): Promise<Obj[]> {
  return listAll({ ...ctx, settings: { ...ctx.settings, chunkSize: 0 } }, gvr('discovery.k8s.io', 'v1', 'endpointslices'), namespace, {
    labelSelector: `kubernetes.io/service-name=${service}`,
  });
}

const describeIngressObject: Describer = async (ctx, namespace, name) => {
  const ing = await getObject(ctx, gvr('networking.k8s.io', 'v1', 'ingresses'), namespace, name);
  const events = await eventsFor(ctx, eventTargetOf(ing, 'Ingress'));
  const services = new Map<string, BackendService>();
  for (const svc of ingressServiceNames(ing)) {
    try {
      const endpointSlices = await endpointSlicesOf(ctx, namespace, svc);
      services.set(svc, { endpointSlices, service: await getObject(ctx, gvr('', 'v1', 'services'), namespace, svc) });
    } catch (e) {
      services.set(svc, { endpointSlices: [], error: errorText(e) });
    }
  }
  return describeIngress(ing, services, events, ctx.now);
};

const describeServiceAccountObject: Describer = async (ctx, namespace, name) => {
  const sa = await getObject(ctx, gvr('', 'v1', 'serviceaccounts'), namespace, name);
  // secrets that cannot be listed are simply not shown
  const secrets = await listAll(ctx, gvr('', 'v1', 'secrets'), namespace).catch(() => undefined);
  const events = await eventsFor(ctx, eventTargetOf(sa, 'ServiceAccount'));
  return describeServiceAccount(sa, { ...serviceAccountSecrets(sa, secrets), events }, ctx.now);
};

const describeNodeObject: Describer = async (ctx, _namespace, name) => {
  const node = await getObject(ctx, gvr('', 'v1', 'nodes'), '', name);
  let pods: Obj[] | undefined;
  try {
    pods = await listAll(ctx, PODS, '', { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` });
  } catch (e) {
    if (errorReason(e) !== 'Forbidden') throw e;
  }
  let events: Obj[] | undefined;
  if (ctx.settings.showEvents) {
    // controllers record node events against its uid, kubelets against its name
    const target = eventTargetOf(node, 'Node');
    events = [...(await searchEvents(ctx, target)), ...(await searchEvents(ctx, { ...target, uid: target.name }))];
  }
  let lease: { lease: Obj } | { error: string };
  try {
    lease = { lease: await getObject(ctx, gvr('coordination.k8s.io', 'v1', 'leases'), 'kube-node-lease', name) };
  } catch (e) {
    lease = { error: errorText(e) };
  }
  return describeNode(node, { pods, lease, events }, ctx.now);
};

const describeClaimObject: Describer = async (ctx, namespace, name) => {
  const pvc = await getObject(ctx, gvr('', 'v1', 'persistentvolumeclaims'), namespace, name);
  const pods = podsForClaim(pvc, await listAll(ctx, PODS, namespace));
  const events = await eventsFor(ctx, eventTargetOf(pvc, 'PersistentVolumeClaim'));
  return describePersistentVolumeClaim(pvc, pods, events, ctx.now);
};

/** A namespace's quotas or limit ranges; undefined when the server does not serve them. */
async function listOrAbsent(ctx: DescribeContext, r: Gvr, namespace: string): Promise<Obj[] | undefined> {
  try {
    return await listAll(ctx, r, namespace);
  } catch (e) {
    if (errorReason(e) === 'NotFound') return undefined;
    throw e;
  }
}

const describeNamespaceObject: Describer = async (ctx, _namespace, name) => {
  const ns = await getObject(ctx, gvr('', 'v1', 'namespaces'), '', name);
  const quotas = await listOrAbsent(ctx, gvr('', 'v1', 'resourcequotas'), name);
  const limitRanges = await listOrAbsent(ctx, gvr('', 'v1', 'limitranges'), name);
  return describeNamespace(ns, { quotas, limitRanges });
};

const describeConfigMapObject: Describer = async (ctx, namespace, name) => {
  const cm = await getObject(ctx, gvr('', 'v1', 'configmaps'), namespace, name);
  // unlike the others, a failed event search fails the describe
  const events = ctx.settings.showEvents ? await listAll(ctx, gvr('', 'v1', 'events'), namespace, { fieldSelector: eventFieldSelector(eventTargetOf(cm, 'ConfigMap')) }) : undefined;
  return describeConfigMap(cm, events, ctx.now);
};

/** Without events or related objects. */
const plain =
  (r: Gvr, format: (o: Obj) => string): Describer =>
  async (ctx, namespace, name) =>
    format(await getObject(ctx, r, namespace, name));

const describeCsrObject: Describer = async (ctx, _namespace, name) => {
  const csr = await getFirst(ctx, [gvr('certificates.k8s.io', 'v1', 'certificatesigningrequests'), gvr('certificates.k8s.io', 'v1beta1', 'certificatesigningrequests')], '', name);
  const events = await eventsFor(ctx, eventTargetOf(csr, 'CertificateSigningRequest'));
  try {
    return describeCertificateSigningRequest(csr, events, ctx.now);
  } catch (e) {
    throw new Error(`Error parsing CSR: ${errorText(e)}`);
  }
};

const v = (group: string, version: string, resource: string) => [gvr(group, version, resource)];

/** kubectl's describerMap, by "Kind.group" ("Kind" for core). */
const DESCRIBERS: Record<string, Describer> = {
  Pod: describePodObject,
  ReplicationController: describeRcObject,
  Secret: plain(gvr('', 'v1', 'secrets'), describeSecret),
  Service: describeServiceObject,
  ServiceAccount: describeServiceAccountObject,
  Node: describeNodeObject,
  LimitRange: plain(gvr('', 'v1', 'limitranges'), describeLimitRange),
  ResourceQuota: plain(gvr('', 'v1', 'resourcequotas'), describeResourceQuota),
  PersistentVolume: withEvents(v('', 'v1', 'persistentvolumes'), 'PersistentVolume', describePersistentVolume),
  PersistentVolumeClaim: describeClaimObject,
  Namespace: describeNamespaceObject,
  Endpoints: withEvents(v('', 'v1', 'endpoints'), 'Endpoints', describeEndpoints),
  ConfigMap: describeConfigMapObject,
  'EndpointSlice.discovery.k8s.io': async (ctx, namespace, name) => {
    try {
      return await withEvents(v('discovery.k8s.io', 'v1', 'endpointslices'), 'EndpointSlice', describeEndpointSlice)(ctx, namespace, name);
    } catch {
      return withEvents(v('discovery.k8s.io', 'v1beta1', 'endpointslices'), 'EndpointSlice', (o, e, now) => describeEndpointSlice(o, e, now, true))(ctx, namespace, name);
    }
  },
  'HorizontalPodAutoscaler.autoscaling': async (ctx, namespace, name) => {
    // v1 carries less than v2, so it is only the fallback
    let v2: Obj;
    try {
      v2 = await getObject(ctx, gvr('autoscaling', 'v2', 'horizontalpodautoscalers'), namespace, name);
    } catch {
      return withEvents(v('autoscaling', 'v1', 'horizontalpodautoscalers'), 'HorizontalPodAutoscaler', describeHorizontalPodAutoscalerV1)(ctx, namespace, name);
    }
    return describeHorizontalPodAutoscaler(v2, await eventsFor(ctx, eventTargetOf(v2, 'HorizontalPodAutoscaler')), ctx.now);
  },
  'Ingress.networking.k8s.io': describeIngressObject,
  'Ingress.extensions': describeIngressObject,
  'IngressClass.networking.k8s.io': withEvents([gvr('networking.k8s.io', 'v1', 'ingressclasses'), gvr('networking.k8s.io', 'v1beta1', 'ingressclasses')], 'IngressClass', describeIngressClass),
  // kubectl 1.32 reads these two at v1beta1 only
  'ServiceCIDR.networking.k8s.io': withEvents(v('networking.k8s.io', 'v1beta1', 'servicecidrs'), 'ServiceCIDR', describeServiceCidr),
  'IPAddress.networking.k8s.io': withEvents(v('networking.k8s.io', 'v1beta1', 'ipaddresses'), 'IPAddress', describeIpAddress),
  'Job.batch': withEvents(v('batch', 'v1', 'jobs'), 'Job', describeJob),
  'CronJob.batch': withEvents(v('batch', 'v1', 'cronjobs'), 'CronJob', describeCronJob),
  'StatefulSet.apps': podController('statefulsets', 'StatefulSet', describeStatefulSet),
  'Deployment.apps': describeDeploymentObject,
  'DaemonSet.apps': podController('daemonsets', 'DaemonSet', describeDaemonSet),
  'ReplicaSet.apps': describeRsObject,
  'CertificateSigningRequest.certificates.k8s.io': describeCsrObject,
  'StorageClass.storage.k8s.io': withEvents(v('storage.k8s.io', 'v1', 'storageclasses'), 'StorageClass', describeStorageClass),
  'CSINode.storage.k8s.io': withEvents(v('storage.k8s.io', 'v1', 'csinodes'), 'CSINode', describeCsiNode),
  'VolumeAttributesClass.storage.k8s.io': withEvents(v('storage.k8s.io', 'v1beta1', 'volumeattributesclasses'), 'VolumeAttributesClass', describeVolumeAttributesClass),
  'PodDisruptionBudget.policy': withEvents([gvr('policy', 'v1', 'poddisruptionbudgets'), gvr('policy', 'v1beta1', 'poddisruptionbudgets')], 'PodDisruptionBudget', describePodDisruptionBudget),
  'Role.rbac.authorization.k8s.io': plain(gvr('rbac.authorization.k8s.io', 'v1', 'roles'), describeRole),
  'ClusterRole.rbac.authorization.k8s.io': plain(gvr('rbac.authorization.k8s.io', 'v1', 'clusterroles'), describeRole),
  'RoleBinding.rbac.authorization.k8s.io': plain(gvr('rbac.authorization.k8s.io', 'v1', 'rolebindings'), describeRoleBinding),
  'ClusterRoleBinding.rbac.authorization.k8s.io': plain(gvr('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings'), describeRoleBinding),
  'NetworkPolicy.networking.k8s.io': plain(gvr('networking.k8s.io', 'v1', 'networkpolicies'), describeNetworkPolicy),
  'PriorityClass.scheduling.k8s.io': withEvents(v('scheduling.k8s.io', 'v1', 'priorityclasses'), 'PriorityClass', describePriorityClass),
};

/** The describer of a kind; the generic one reads the resource at the version discovery chose. */
export function describerFor(resource: { group: string; version: string; resource: string; kind: string }): Describer {
  const own = DESCRIBERS[resource.group ? `${resource.kind}.${resource.group}` : resource.kind];
  if (own) return own;
  return async (ctx, namespace, name) => {
    const o = await getObject(ctx, gvr(resource.group, resource.version, resource.resource), namespace, name);
    return describeGeneric(o, await eventsFor(ctx, eventTargetOf(o, str(o.kind) || resource.kind)), ctx.now);
  };
}
