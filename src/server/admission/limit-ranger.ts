// The LimitRanger admission plugin (plugin/pkg/admission/limitranger): a namespace's LimitRanges
// give new pods' containers default requests and limits (noted in the kubernetes.io/limit-ranger
// annotation), and reject pods and claims outside their min/max/ratio bounds.
import { aggregateText } from '../status.ts';
import { roundUpQuantity } from '../registry/defaults/resource-list.ts';
import { child, ensureChild, isObject, items, type Json } from '../registry/defaults/walk.ts';
import { admissionForbidden, isResource, namespaceOf, type AdmissionPlugin, type Attributes } from './attributes.ts';
import { addQuantity, cmpQuantity, quantitySign, quantityString, readQuantity, type Quantity } from '../../api/quantity.ts';
import { exceedsRatio, ratioString } from './limit-ratio.ts';

const ANNOTATION = 'kubernetes.io/limit-ranger';

type ResourceList = Record<string, unknown>;

async function limitRanges(a: Attributes): Promise<Json[]> {
  const list = (await a.ctx.cluster?.list('', 'limitranges', namespaceOf(a))) ?? [];
  return list.map((lr) => lr as Json);
}

/** Pods on create (the containers are immutable afterwards), claims on create and update. */
function applies(a: Attributes): 'pod' | 'claim' | undefined {
  // objects being deleted are left alone
  if (a.old?.metadata.deletionTimestamp) return undefined;
  if (isResource(a, '', 'pods')) return a.operation === 'create' ? 'pod' : undefined;
  if (isResource(a, '', 'persistentvolumeclaims')) return 'claim';
  return undefined;
}

const containerItems = (lr: Json) => items(child(lr, 'spec'), 'limits').filter((l) => l.type === 'Container');

export const limitRangerAdmission: AdmissionPlugin = {
  async admit(a) {
    if (applies(a) !== 'pod') return;
    for (const lr of await limitRanges(a)) {
      const defaults = { limits: {} as ResourceList, requests: {} as ResourceList };
      for (const item of containerItems(lr)) {
        Object.assign(defaults.requests, child(item, 'defaultRequest') ?? {});
        Object.assign(defaults.limits, child(item, 'default') ?? {});
      }
      mergePodResources(a.obj as Json, defaults);
    }
  },
  async validate(a) {
    const kind = applies(a);
    if (!kind) return;
    for (const lr of await limitRanges(a)) {
      const errors = kind === 'pod' ? validatePod(lr, a.obj as Json) : validateClaim(lr, a.obj as Json);
      if (errors.length) throw admissionForbidden(a, aggregateText(errors));
    }
  },
};

/** mergePodResourceRequirements: fill what the containers leave out, and say so in the annotation. */
function mergePodResources(pod: Json, defaults: { limits: ResourceList; requests: ResourceList }): void {
  const notes: string[] = [];
  const spec = ensureChild(pod, 'spec');
  for (const [label, key] of [
    ['container', 'containers'],
    ['init container', 'initContainers'],
  ] as const) {
    for (const c of items(spec, key)) {
      const setRequests: string[] = [];
      const setLimits: string[] = [];
      for (const [name, value] of Object.entries(defaults.limits)) {
        const limits = child(child(c, 'resources'), 'limits');
        if (limits && name in limits) continue;
        ensureChild(ensureChild(c, 'resources'), 'limits')[name] = roundUpQuantity(value);
        setLimits.push(name);
      }
      for (const [name, value] of Object.entries(defaults.requests)) {
        const requests = child(child(c, 'resources'), 'requests');
        if (requests && name in requests) continue;
        ensureChild(ensureChild(c, 'resources'), 'requests')[name] = roundUpQuantity(value);
        setRequests.push(name);
      }
      if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${label} ${String(c.name ?? '')}`);
      if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${label} ${String(c.name ?? '')}`);
    }
  }
  if (notes.length) {
    const meta = ensureChild(pod, 'metadata');
    meta.annotations = { ...(child(meta, 'annotations') ?? {}), [ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
  }
}

function amounts(list: unknown): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  if (isObject(list))
    for (const [name, value] of Object.entries(list)) {
      const q = readQuantity(value);
      if (q) out.set(name, q);
    }
  return out;
}

function minConstraint(type: string, name: string, enforced: Quantity, requests: Map<string, Quantity>, limits: Map<string, Quantity>): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const e = quantityString(enforced);
  if (!req) return `minimum ${name} usage per ${type} is ${e}.  No request is specified`;
  if (cmpQuantity(enforced, req) > 0) return `minimum ${name} usage per ${type} is ${e}, but request is ${quantityString(req)}`;
  if (lim && cmpQuantity(enforced, lim) > 0) return `minimum ${name} usage per ${type} is ${e}, but limit is ${quantityString(lim)}`;
  return undefined;
}

function maxConstraint(type: string, name: string, enforced: Quantity, requests: Map<string, Quantity>, limits: Map<string, Quantity>): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const e = quantityString(enforced);
  if (!lim) return `maximum ${name} usage per ${type} is ${e}.  No limit is specified`;
  if (cmpQuantity(lim, enforced) > 0) return `maximum ${name} usage per ${type} is ${e}, but limit is ${quantityString(lim)}`;
  if (req && cmpQuantity(req, enforced) > 0) return `maximum ${name} usage per ${type} is ${e}, but request is ${quantityString(req)}`;
  return undefined;
}

/** maxRequestConstraint: for claims, whose limits are not user input. */
function maxRequestConstraint(type: string, name: string, enforced: Quantity, requests: Map<string, Quantity>): string | undefined {
  const req = requests.get(name);
  const e = quantityString(enforced);
  if (!req) return `maximum ${name} usage per ${type} is ${e}.  No request is specified`;
  if (cmpQuantity(req, enforced) > 0) return `maximum ${name} usage per ${type} is ${e}, but request is ${quantityString(req)}`;
  return undefined;
}

function ratioConstraint(type: string, name: string, enforced: Quantity, requests: Map<string, Quantity>, limits: Map<string, Quantity>): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const e = quantityString(enforced);
  if (!req || quantitySign(req) === 0) return `${name} max limit to request ratio per ${type} is ${e}, but no request is specified or request is 0`;
  if (!lim || quantitySign(lim) === 0) return `${name} max limit to request ratio per ${type} is ${e}, but no limit is specified or limit is 0`;
  if (exceedsRatio(lim, req, enforced)) return `${name} max limit to request ratio per ${type} is ${e}, but provided ratio is ${ratioString(lim, req)}`;
  return undefined;
}

function check(item: Json, type: string, requests: Map<string, Quantity>, limits: Map<string, Quantity>, errors: string[]): void {
  for (const [name, q] of amounts(item.min)) push(errors, minConstraint(type, name, q, requests, limits));
  for (const [name, q] of amounts(item.max)) push(errors, maxConstraint(type, name, q, requests, limits));
  for (const [name, q] of amounts(item.maxLimitRequestRatio)) push(errors, ratioConstraint(type, name, q, requests, limits));
}

const push = (errors: string[], e: string | undefined) => void (e && errors.push(e));

function validatePod(lr: Json, pod: Json): string[] {
  const errors: string[] = [];
  const spec = child(pod, 'spec');
  for (const item of items(child(lr, 'spec'), 'limits')) {
    if (item.type === 'Container') {
      for (const c of [...items(spec, 'containers'), ...items(spec, 'initContainers')]) {
        const resources = child(c, 'resources');
        check(item, 'Container', amounts(resources?.requests), amounts(resources?.limits), errors);
      }
    }
    if (item.type === 'Pod') check(item, 'Pod', podTotals(spec, 'requests'), podTotals(spec, 'limits'), errors);
  }
  return errors;
}

/** podRequests/podLimits: containers and sidecars add up; plain init containers count at their peak. */
function podTotals(spec: Json | undefined, which: 'requests' | 'limits'): Map<string, Quantity> {
  const total = new Map<string, Quantity>();
  for (const c of items(spec, 'containers')) addAll(total, amounts(child(c, 'resources')?.[which]));
  const sidecars = new Map<string, Quantity>();
  const initPeak = new Map<string, Quantity>();
  for (const c of items(spec, 'initContainers')) {
    const own = amounts(child(c, 'resources')?.[which]);
    let effective: Map<string, Quantity>;
    if (c.restartPolicy === 'Always') {
      addAll(total, own);
      addAll(sidecars, own);
      effective = sidecars;
    } else {
      effective = new Map();
      addAll(effective, own);
      addAll(effective, sidecars);
    }
    maxAll(initPeak, effective);
  }
  maxAll(total, initPeak);
  return total;
}

function addAll(into: Map<string, Quantity>, from: Map<string, Quantity>): void {
  for (const [name, q] of from) {
    const current = into.get(name);
    into.set(name, current ? addQuantity(current, q) : { ...q });
  }
}

function maxAll(into: Map<string, Quantity>, from: Map<string, Quantity>): void {
  for (const [name, q] of from) {
    const current = into.get(name);
    if (!current || cmpQuantity(q, current) > 0) into.set(name, { ...q });
  }
}

/** PersistentVolumeClaimValidateLimitFunc: bounds apply to spec.resources.requests. */
function validateClaim(lr: Json, pvc: Json): string[] {
  const errors: string[] = [];
  const requests = amounts(child(child(pvc, 'spec'), 'resources')?.requests);
  for (const item of items(child(lr, 'spec'), 'limits')) {
    if (item.type !== 'PersistentVolumeClaim') continue;
    for (const [name, q] of amounts(item.min)) push(errors, minConstraint('PersistentVolumeClaim', name, q, requests, new Map()));
    for (const [name, q] of amounts(item.max)) push(errors, maxRequestConstraint('PersistentVolumeClaim', name, q, requests));
  }
  return errors;
}
