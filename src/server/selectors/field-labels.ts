// Which field selectors each resource accepts and what values its objects offer to them, as
// kube-apiserver 1.33 serves them. Two upstream halves, one table entry per kind:
//  - conversion: the field label conversion func registered per group/version/kind (pkg/apis/<group>/
//    <version>/conversion.go); it decides which labels a request may use and the 400 text for others.
//    Kinds without one get runtime.DefaultMetaV1FieldSelectorConversion.
//  - fields: the registry's GetAttrs/ToSelectableFields, read from the stored object. A label that
//    converts but is not offered (pods' status.podIPs) reads as "", and ReplicaSet offers
//    status.replicas that no request can reach (kubernetes/kubernetes#135136).
import type { KubeObject } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import { SelectorError } from '../../api/labels/errors.ts';
import { goQuote } from '../../api/labels/go-text.ts';
import type { Selector } from './fields.ts';

export interface FieldTarget extends Pick<ResourceInfo, 'group' | 'version' | 'resource' | 'namespaced'> {
  /** Set for a custom resource; `selectableFields` are the served version's JSON paths (".spec.color"). */
  customResource?: { selectableFields?: readonly string[] };
}

interface Conversion {
  versions: readonly string[];
  labels: readonly string[];
  /** Legacy labels the func rewrites. */
  aliases?: Readonly<Record<string, string>>;
  unsupported(label: string, version: string): string;
}

interface KindFields {
  conversion?: Conversion;
  /** ToSelectableFields beyond metadata.name/metadata.namespace. */
  fields?(obj: Obj): Record<string, string>;
}

type Obj = Record<string, unknown>;

const notSupported = (label: string) => `field label not supported: ${label}`;

const rec = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
// strconv.Itoa(int(x)) of an int32 status counter; absent is 0.
const itoa = (v: unknown): string => String(typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);
// fmt.Sprint / strconv.FormatBool of a bool that defaults to false.
const bool = (v: unknown): string => String(v === true);

const EVENT_LABELS = [
  'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion',
  'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type',
  'metadata.namespace', 'metadata.name',
];

// events.k8s.io/v1 labels name its own fields; they convert to the core names the store matches on
// (pkg/apis/events/v1 AddFieldLabelConversionsForEvent). `source` has no events.k8s.io field but stays.
const EVENTS_V1_ALIASES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'].map((f) => [`regarding.${f}`, `involvedObject.${f}`])),
  reportingController: 'reportingComponent',
};

// Both APIs' events are stored as core/v1 (registry.ts SHARED_STORES).
function eventFields(e: Obj): Record<string, string> {
  const ref = rec(e.involvedObject);
  const reporting = str(e.reportingComponent);
  // events written through events.k8s.io have no source: the reporting controller stands in
  const source = str(rec(e.source).component) || reporting;
  return {
    'involvedObject.kind': str(ref.kind),
    'involvedObject.namespace': str(ref.namespace),
    'involvedObject.name': str(ref.name),
    'involvedObject.uid': str(ref.uid),
    'involvedObject.apiVersion': str(ref.apiVersion),
    'involvedObject.resourceVersion': str(ref.resourceVersion),
    'involvedObject.fieldPath': str(ref.fieldPath),
    reason: str(e.reason),
    reportingComponent: reporting,
    source,
    type: str(e.type),
  };
}

function podFields(pod: Obj): Record<string, string> {
  const spec = rec(pod.spec), status = rec(pod.status);
  const podIPs = Array.isArray(status.podIPs) ? status.podIPs : [];
  return {
    'spec.nodeName': str(spec.nodeName),
    'spec.restartPolicy': str(spec.restartPolicy),
    'spec.schedulerName': str(spec.schedulerName),
    // the deprecated serviceAccount stands in when serviceAccountName is empty (v1 → internal)
    'spec.serviceAccountName': str(spec.serviceAccountName) || str(spec.serviceAccount),
    'spec.hostNetwork': bool(spec.hostNetwork),
    'status.phase': str(status.phase),
    // the internal pod keeps only podIPs; v1's podIP wins when both are set
    'status.podIP': str(status.podIP) || str(rec(podIPs[0]).ip),
    'status.nominatedNodeName': str(status.nominatedNodeName),
  };
}

const signerName = (o: Obj) => ({ 'spec.signerName': str(rec(o.spec).signerName) });
const replicas = (o: Obj) => ({ 'status.replicas': itoa(rec(o.status).replicas) });

const CORE_V1 = ['v1'];

/** Keyed by "group/resource" ("" group for core). */
const KINDS: Readonly<Record<string, KindFields>> = {
  '/pods': {
    conversion: {
      versions: CORE_V1,
      labels: [
        'metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName',
        'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName',
      ],
      aliases: { 'spec.host': 'spec.nodeName' },  // old v1 clients
      unsupported: notSupported,
    },
    fields: podFields,
  },
  '/nodes': {
    conversion: { versions: CORE_V1, labels: ['metadata.name', 'spec.unschedulable'], unsupported: notSupported },
    fields: (n) => ({ 'spec.unschedulable': bool(rec(n.spec).unschedulable) }),
  },
  '/replicationcontrollers': {
    conversion: { versions: CORE_V1, labels: ['metadata.name', 'metadata.namespace', 'status.replicas'], unsupported: notSupported },
    fields: replicas,
  },
  '/events': {
    conversion: { versions: CORE_V1, labels: EVENT_LABELS, unsupported: notSupported },
    fields: eventFields,
  },
  '/namespaces': {
    conversion: { versions: CORE_V1, labels: ['status.phase', 'metadata.name'], unsupported: notSupported },
    fields: (ns) => ({ 'status.phase': str(rec(ns.status).phase) }),
  },
  '/secrets': {
    conversion: { versions: CORE_V1, labels: ['type', 'metadata.namespace', 'metadata.name'], unsupported: notSupported },
    fields: (s) => ({ type: str(s.type) }),
  },
  '/services': {
    conversion: { versions: CORE_V1, labels: ['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'], unsupported: notSupported },
    fields: (s) => ({ 'spec.clusterIP': str(rec(s.spec).clusterIP), 'spec.type': str(rec(s.spec).type) }),
  },
  'events.k8s.io/events': {
    conversion: { versions: ['v1'], labels: ['reason', 'source', 'type', 'metadata.namespace', 'metadata.name'], aliases: EVENTS_V1_ALIASES, unsupported: notSupported },
    fields: eventFields,
  },
  'apps/replicasets': { fields: replicas },
  'batch/jobs': {
    conversion: {
      versions: ['v1'],
      labels: ['metadata.name', 'metadata.namespace', 'status.successful'],
      unsupported: (label) => `field label ${goQuote(label)} not supported for batchv1.Job`,
    },
    fields: (j) => ({ 'status.successful': itoa(rec(j.status).succeeded) }),
  },
  'certificates.k8s.io/certificatesigningrequests': {
    conversion: { versions: ['v1'], labels: ['metadata.name', 'spec.signerName'], unsupported: notSupported },
    fields: signerName,
  },
  'certificates.k8s.io/clustertrustbundles': {
    conversion: { versions: ['v1alpha1', 'v1beta1'], labels: ['metadata.name', 'spec.signerName'], unsupported: notSupported },
    fields: signerName,
  },
  'resource.k8s.io/resourceslices': {
    conversion: {
      versions: ['v1alpha3', 'v1beta1', 'v1beta2'],
      labels: ['metadata.name', 'spec.nodeName', 'spec.driver'],
      // the message names the GroupVersionKind as Go prints it
      unsupported: (label, version) => `field label not supported for resource.k8s.io/${version}, Kind=ResourceSlice: ${label}`,
    },
    fields: (s) => ({ 'spec.nodeName': str(rec(s.spec).nodeName), 'spec.driver': str(rec(s.spec).driver) }),
  },
};

const kindOf = (t: FieldTarget): KindFields | undefined =>
  t.customResource ? undefined : KINDS[`${t.group}/${t.resource}`];

// A CRD selectable field is named by its JSON path without the leading dot.
const crdFieldName = (jsonPath: string) => (jsonPath.startsWith('.') ? jsonPath.slice(1) : jsonPath);

/**
 * scheme.ConvertFieldLabel for one term: the label to match on, or SelectorError with the text
 * kube-apiserver puts in its 400 (`field label not supported: spec.foo`,
 * `"spec.foo" is not a known field selector: only "metadata.name", "metadata.namespace"`, …).
 */
export function convertFieldLabel(target: FieldTarget, label: string, value: string): [string, string] {
  if (target.customResource) {
    const accepted =
      label === 'metadata.name' ||
      (target.namespaced && label === 'metadata.namespace') ||
      (target.customResource.selectableFields ?? []).some((p) => crdFieldName(p) === label);
    if (!accepted) throw new SelectorError(notSupported(label));
    return [label, value];
  }
  const conv = kindOf(target)?.conversion;
  if (!conv || !conv.versions.includes(target.version)) {
    if (label === 'metadata.name' || label === 'metadata.namespace') return [label, value];
    throw new SelectorError(`${goQuote(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`);
  }
  if (conv.labels.includes(label)) return [label, value];
  const alias = conv.aliases && Object.prototype.hasOwnProperty.call(conv.aliases, label) ? conv.aliases[label] : undefined;
  if (alias) return [alias, value];
  throw new SelectorError(conv.unsupported(label, target.version));
}

/** What the list handler does to a parsed ?fieldSelector: convert every term, first error wins. */
export function convertFieldSelector(target: FieldTarget, selector: Selector): Selector {
  return selector.transform((label, value) => convertFieldLabel(target, label, value));
}

// The simple paths CRDs allow: .a.b or .a['b.c'].
function crdFieldValue(obj: unknown, jsonPath: string): string {
  const segments = [...jsonPath.matchAll(/\.([^.[\]]+)|\[['"]([^'"]*)['"]\]/g)].map((m) => m[1] ?? m[2]!);
  let cur: unknown = obj;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, s)) return '';
    cur = (cur as Obj)[s];
  }
  // fmt.Sprint of a string, int64 or bool; nothing (or null) is ""
  return cur === null || cur === undefined || typeof cur === 'object' ? '' : String(cur);
}

/**
 * GetAttrs' field set for an object of `target`: metadata.name, metadata.namespace (namespaced
 * kinds only) and the kind's own fields, all as strings.
 */
export function selectableFields(target: FieldTarget, obj: KubeObject): Record<string, string> {
  const meta: Record<string, string> = { 'metadata.name': obj.metadata?.name ?? '' };
  if (target.namespaced) meta['metadata.namespace'] = obj.metadata?.namespace ?? '';
  if (target.customResource) {
    const own: Record<string, string> = {};
    for (const p of target.customResource.selectableFields ?? []) own[crdFieldName(p)] = crdFieldValue(obj, p);
    return { ...own, ...meta };
  }
  const own = kindOf(target)?.fields?.(obj as Obj) ?? {};
  return { ...own, ...meta };
}
