// Nodes: conditions, capacity, system info, the lease, and what the pods on the node request.
import { describeEvents } from './events.ts';
import { since } from '../api/duration.ts';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, rfc1123z } from './format.ts';
import { addQuantity, cmpQuantity, isZeroQuantity, quantityMilliValue, quantityOf, quantityString, quantityValue, ZERO, type Quantity } from '../api/quantity.ts';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './writer.ts';
import { byteOrder, has, obj, objs, sortedKeys, str, strs, type Obj } from './values.ts';

export interface NodeRelated {
  /** Non-terminated pods on the node; undefined when listing them is forbidden. */
  pods: Obj[] | undefined;
  /** The node's Lease in kube-node-lease, or why it could not be read. */
  lease: { lease: Obj } | { error: string };
  events: Obj[] | undefined;
}

/** findNodeRoles: node-role.kubernetes.io/<role> labels and the kubernetes.io/role label. */
function nodeRoles(labels: Record<string, unknown>): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role.length > 0) roles.add(role);
    } else if (k === 'kubernetes.io/role' && str(v) !== '') roles.add(str(v));
  }
  return [...roles].sort(byteOrder);
}

export function describeNode(node: Obj, related: NodeRelated, now: Date): string {
  return tabbedString((w) => {
    const m = obj(node.metadata);
    const s = obj(node.spec);
    const st = obj(node.status);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    const roles = nodeRoles(obj(m.labels));
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', s.taints);
    w.write(LEVEL_0, `Unschedulable:\t${s.unschedulable === true}\n`);
    if ('lease' in related.lease) describeLease(related.lease.lease, w);
    else w.write(LEVEL_0, `Lease:\tFailed to get lease: ${related.lease.error}\n`);
    const conditions = objs(st.conditions);
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${str(c.reason)} \t${str(c.message)}\n`);
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of objs(st.addresses)) w.write(LEVEL_1, `${str(a.type)}:\t${str(a.address)}\n`);
    const printList = (list: Obj) => {
      for (const r of sortedKeys(list)) w.write(LEVEL_0, `  ${r}:\t${quantityString(quantityOf(list[r]))}\n`);
    };
    if (Object.keys(obj(st.capacity)).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n');
      printList(obj(st.capacity));
    }
    if (Object.keys(obj(st.allocatable)).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printList(obj(st.allocatable));
    }
    const info = obj(st.nodeInfo);
    w.write(LEVEL_0, 'System Info:\n');
    for (const [title, field] of [
      ['Machine ID', 'machineID'],
      ['System UUID', 'systemUUID'],
      ['Boot ID', 'bootID'],
      ['Kernel Version', 'kernelVersion'],
      ['OS Image', 'osImage'],
      ['Operating System', 'operatingSystem'],
      ['Architecture', 'architecture'],
      ['Container Runtime Version', 'containerRuntimeVersion'],
      ['Kubelet Version', 'kubeletVersion'],
      ['Kube-Proxy Version', 'kubeProxyVersion'],
    ] as const) {
      w.write(LEVEL_0, `  ${title}:\t${str(info[field])}\n`);
    }
    if (str(s.podCIDR) !== '') w.write(LEVEL_0, `PodCIDR:\t${str(s.podCIDR)}\n`);
    if (strs(s.podCIDRs).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${strs(s.podCIDRs).join(',')}\n`);
    if (str(s.providerID) !== '') w.write(LEVEL_0, `ProviderID:\t${str(s.providerID)}\n`);
    if (related.pods) describeNodeResource(related.pods, node, w, now);
    else w.write(LEVEL_0, 'Pods:\tnot authorized\n');
    if (related.events) describeEvents(related.events, w, now);
  });
}

function describeLease(lease: Obj, w: PrefixWriter): void {
  const s = obj(lease.spec);
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${has(s.holderIdentity) ? str(s.holderIdentity) : '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${has(s.acquireTime) ? rfc1123z(s.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${has(s.renewTime) ? rfc1123z(s.renewTime) : '<unset>'}\n`);
}

type ResourceList = Map<string, Quantity>;

const toList = (v: unknown): ResourceList => new Map(Object.entries(obj(v)).map(([k, q]) => [k, quantityOf(q)]));

function addList(into: ResourceList, add: ResourceList): void {
  for (const [name, q] of add) into.set(name, into.has(name) ? addQuantity(into.get(name)!, q) : q);
}

function maxList(into: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) if (!into.has(name) || cmpQuantity(q, into.get(name)!) > 0) into.set(name, q);
}

/** The larger of each resource in two lists (max in the resource helper). */
function maxOf(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, v] of a) out.set(k, b.has(k) && cmpQuantity(v, b.get(k)!) <= 0 ? b.get(k)! : v);
  for (const [k, v] of b) if (!out.has(k)) out.set(k, v);
  return out;
}

const isSidecar = (c: Obj) => c.restartPolicy === 'Always';

/** PodRequestsAndLimits: containers summed, init containers as a maximum, sidecars, overhead. */
export function podRequestsAndLimits(pod: Obj): { requests: ResourceList; limits: ResourceList } {
  const s = obj(pod.spec);
  const st = obj(pod.status);
  const statuses = new Map(objs(st.containerStatuses).map((c) => [str(c.name), c]));
  const requests: ResourceList = new Map();
  for (const c of objs(s.containers)) {
    let reqs = toList(obj(c.resources).requests);
    const cs = statuses.get(str(c.name));
    if (cs && has(cs.resources)) {
      const actual = toList(obj(cs.resources).requests);
      reqs = st.resize === 'Infeasible' ? actual : maxOf(reqs, actual);
    }
    addList(requests, reqs);
  }
  const limits: ResourceList = new Map();
  for (const c of objs(s.containers)) addList(limits, toList(obj(c.resources).limits));

  for (const [field, into] of [
    ['requests', requests],
    ['limits', limits],
  ] as const) {
    const sidecars: ResourceList = new Map();
    const init: ResourceList = new Map();
    for (const c of objs(s.initContainers)) {
      let own = toList(obj(c.resources)[field]);
      if (isSidecar(c)) {
        addList(into, own);
        addList(sidecars, own);
        own = sidecars;
      } else {
        const tmp: ResourceList = new Map();
        addList(tmp, own);
        addList(tmp, sidecars);
        own = tmp;
      }
      maxList(init, own);
    }
    maxList(into, init);
  }
  const overhead = toList(s.overhead);
  if (has(s.overhead)) {
    addList(requests, overhead);
    for (const [name, q] of overhead) if (limits.has(name) && !isZeroQuantity(limits.get(name)!)) limits.set(name, addQuantity(limits.get(name)!, q));
  }
  return { requests, limits };
}

/** int64(f) of a percentage; Go turns NaN and infinities into the smallest int64 on amd64. */
const percent = (part: number, whole: number) => {
  const f = (part / whole) * 100;
  return Number.isFinite(f) ? String(Math.trunc(f)) : '-9223372036854775808';
};

function describeNodeResource(pods: Obj[], node: Obj, w: PrefixWriter, now: Date): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const st = obj(node.status);
  const allocatable = toList(Object.keys(obj(st.allocatable)).length > 0 ? st.allocatable : st.capacity);
  const get = (list: ResourceList, name: string) => list.get(name) ?? ZERO;
  const cpu = quantityMilliValue(get(allocatable, 'cpu'));
  const memory = quantityValue(get(allocatable, 'memory'));
  const storage = quantityValue(get(allocatable, 'ephemeral-storage'));
  const totalRequests: ResourceList = new Map();
  const totalLimits: ResourceList = new Map();
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    addList(totalRequests, requests);
    addList(totalLimits, limits);
    const cr = get(requests, 'cpu');
    const cl = get(limits, 'cpu');
    const mr = get(requests, 'memory');
    const ml = get(limits, 'memory');
    const pm = obj(pod.metadata);
    w.write(
      LEVEL_1,
      `${str(pm.namespace)}\t${str(pm.name)}\t\t${quantityString(cr)} (${percent(quantityMilliValue(cr), cpu)}%)\t${quantityString(cl)} (${percent(quantityMilliValue(cl), cpu)}%)\t${quantityString(mr)} (${percent(quantityValue(mr), memory)}%)\t${quantityString(ml)} (${percent(quantityValue(ml), memory)}%)\t${since(pm.creationTimestamp, now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (name: string, whole: number, value: (q: Quantity) => number) => {
    const r = get(totalRequests, name);
    const l = get(totalLimits, name);
    const fr = whole !== 0 ? percent(value(r), whole) : '0';
    const fl = whole !== 0 ? percent(value(l), whole) : '0';
    w.write(LEVEL_1, `${name}\t${quantityString(r)} (${fr}%)\t${quantityString(l)} (${fl}%)\n`);
  };
  row('cpu', cpu, quantityMilliValue);
  row('memory', memory, quantityValue);
  row('ephemeral-storage', storage, quantityValue);
  const names = [...allocatable.keys()];
  for (const name of names.filter((n) => n.startsWith('hugepages-')).sort(byteOrder)) row(name, quantityValue(get(allocatable, name)), quantityValue);
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !standard.has(n)).sort(byteOrder)) {
    w.write(LEVEL_1, `${name}\t${quantityString(get(totalRequests, name))}\t${quantityString(get(totalLimits, name))}\n`);
  }
}
