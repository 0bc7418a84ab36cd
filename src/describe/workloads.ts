// Workload controllers: Deployments, ReplicaSets, ReplicationControllers, StatefulSets and
// DaemonSets, with the pods and ReplicaSets they own.
import { describeEvents } from './events.ts';
import { formatLabelSelector, formatLabels, selectorString } from '../api/labels/format.ts';
import { printAnnotationsMultiline, printController, printLabelsMultiline, rfc1123z } from './format.ts';
import { describePodTemplate } from './pod.ts';
import { formatQuantity } from '../api/quantity.ts';
import { claimClass } from './volumes.ts';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './writer.ts';
import { has, int, intOrString, obj, objs, str, strs, type Obj } from './values.ts';

/** Pods of a controller by phase (getPodStatusForController). */
export interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** Counts the pods whose controller is the object with this uid. */
export function countPods(pods: Obj[], uid: string): PodCounts {
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of pods) {
    const ref = objs(obj(pod.metadata).ownerReferences).find((r) => r.controller === true);
    if (!ref || str(ref.uid) !== uid) continue;
    const phase = obj(pod.status).phase;
    if (phase === 'Running') counts.running++;
    else if (phase === 'Pending') counts.waiting++;
    else if (phase === 'Succeeded') counts.succeeded++;
    else if (phase === 'Failed') counts.failed++;
  }
  return counts;
}

const podsStatus = (c: PodCounts) => `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;

/** %s of an unset *IntOrString is `<nil>`. */
const intOrStringPtr = (v: unknown) => (has(v) ? intOrString(v) : '<nil>');

function describeConditions(w: PrefixWriter, conditions: Obj[]): void {
  if (conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)}\t${str(c.reason)}\n`);
}

export interface DeploymentRelated {
  /** Old ReplicaSets still scaled up, and the new one (at most one). */
  oldReplicaSets: Obj[];
  newReplicaSets: Obj[];
  events: Obj[] | undefined;
}

export function describeDeployment(d: Obj, related: DeploymentRelated, now: Date): string {
  return tabbedString((w) => {
    const m = obj(d.metadata);
    const s = obj(d.spec);
    const st = obj(d.status);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(s.selector) ?? ''}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${int(s.replicas)} desired | ${int(st.updatedReplicas)} updated | ${int(st.replicas)} total | ${int(st.availableReplicas)} available | ${int(st.unavailableReplicas)} unavailable\n`,
    );
    const strategy = obj(s.strategy);
    w.write(LEVEL_0, `StrategyType:\t${str(strategy.type)}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${int(s.minReadySeconds)}\n`);
    if (has(strategy.rollingUpdate)) {
      const ru = obj(strategy.rollingUpdate);
      w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrStringPtr(ru.maxUnavailable)} max unavailable, ${intOrStringPtr(ru.maxSurge)} max surge\n`);
    }
    describePodTemplate(obj(s.template), w);
    describeConditions(w, objs(st.conditions));
    if (related.oldReplicaSets.length > 0 || related.newReplicaSets.length > 0) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsList(related.oldReplicaSets)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsList(related.newReplicaSets)}\n`);
    }
    if (related.events) describeEvents(related.events, w, now);
  });
}

function replicaSetsList(list: Obj[]): string {
  const text = list.map((rs) => `${str(obj(rs.metadata).name)} (${int(obj(rs.status).replicas)}/${int(obj(rs.spec).replicas)} replicas created)`).join(', ');
  return text === '' ? '<none>' : text;
}

export interface ControllerRelated {
  pods: PodCounts;
  /** Why the pods could not be listed (ReplicaSets print it instead of the counts). */
  podsError?: string;
  events: Obj[] | undefined;
}

export function describeReplicaSet(rs: Obj, related: ControllerRelated, now: Date): string {
  return tabbedString((w) => {
    const m = obj(rs.metadata);
    const s = obj(rs.spec);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(s.selector)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    const controlledBy = printController(rs);
    if (controlledBy !== '') w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${int(obj(rs.status).replicas)} current / ${int(s.replicas)} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    if (related.podsError !== undefined) w.write(LEVEL_0, `error in fetching pods: ${related.podsError}\n`);
    else w.write(LEVEL_0, `${podsStatus(related.pods)}\n`);
    describePodTemplate(obj(s.template), w);
    describeConditions(w, objs(obj(rs.status).conditions));
    if (related.events) describeEvents(related.events, w, now);
  });
}

export function describeReplicationController(rc: Obj, related: ControllerRelated, now: Date): string {
  return tabbedString((w) => {
    const m = obj(rc.metadata);
    const s = obj(rc.spec);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(s.selector)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Replicas:\t${int(obj(rc.status).replicas)} current / ${int(s.replicas)} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(related.pods)}\n`);
    describePodTemplate(has(s.template) ? obj(s.template) : undefined, w);
    describeConditions(w, objs(obj(rc.status).conditions));
    if (related.events) describeEvents(related.events, w, now);
  });
}

export function describeStatefulSet(ss: Obj, related: ControllerRelated, now: Date): string {
  return tabbedString((w) => {
    const m = obj(ss.metadata);
    const s = obj(ss.spec);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(s.selector) ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Replicas:\t${int(s.replicas)} desired | ${int(obj(ss.status).replicas)} total\n`);
    const strategy = obj(s.updateStrategy);
    w.write(LEVEL_0, `Update Strategy:\t${str(strategy.type)}\n`);
    if (has(strategy.rollingUpdate)) {
      const ru = obj(strategy.rollingUpdate);
      if (has(ru.partition)) {
        w.write(LEVEL_1, `Partition:\t${int(ru.partition)}\n`);
        if (has(ru.maxUnavailable)) w.write(LEVEL_1, `MaxUnavailable:\t${intOrString(ru.maxUnavailable)}\n`);
      }
    }
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(related.pods)}\n`);
    describePodTemplate(obj(s.template), w);
    describeVolumeClaimTemplates(objs(s.volumeClaimTemplates), w);
    if (related.events) describeEvents(related.events, w, now);
  });
}

function describeVolumeClaimTemplates(templates: Obj[], w: PrefixWriter): void {
  if (templates.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    const m = obj(pvc.metadata);
    const s = obj(pvc.spec);
    w.write(LEVEL_1, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_1, `StorageClass:\t${claimClass(pvc)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels, '  ');
    printLabelsMultiline(w, 'Annotations', m.annotations, '  ');
    const requests = obj(obj(s.resources).requests);
    w.write(LEVEL_1, `Capacity:\t${'storage' in requests ? formatQuantity(requests.storage) : '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${strs(s.accessModes).join(' ')}]\n`);
  }
}

export function describeDaemonSet(ds: Obj, related: ControllerRelated, now: Date): string {
  return tabbedString((w) => {
    const m = obj(ds.metadata);
    const s = obj(ds.spec);
    const st = obj(ds.status);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(s.selector) ?? ''}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(obj(obj(s.template).spec).nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${int(st.desiredNumberScheduled)}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${int(st.currentNumberScheduled)}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${int(st.updatedNumberScheduled)}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${int(st.numberAvailable)}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${int(st.numberMisscheduled)}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(related.pods)}\n`);
    describePodTemplate(obj(s.template), w);
    if (related.events) describeEvents(related.events, w, now);
  });
}

/** reflect.DeepEqual on decoded JSON: an absent field differs from an empty one, as nil from {}. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => k in b && deepEqual((a as Obj)[k], (b as Obj)[k]));
}

/** A pod template without the pod-template-hash label the deployment controller adds. */
function withoutHash(template: unknown): Obj {
  const t = structuredClone(obj(template));
  const labels = obj(t.metadata).labels;
  if (labels && typeof labels === 'object') delete (labels as Obj)['pod-template-hash'];
  return t;
}

/**
 * The deployment's ReplicaSets as describe shows them (GetAllReplicaSets): those it controls; the
 * new one is the oldest whose template matches; old ones are all the others, even at zero.
 */
export function deploymentReplicaSets(d: Obj, replicaSets: Obj[]): { oldReplicaSets: Obj[]; newReplicaSets: Obj[] } {
  const uid = str(obj(d.metadata).uid);
  const owned = replicaSets.filter((rs) => objs(obj(rs.metadata).ownerReferences).some((r) => r.controller === true && str(r.uid) === uid));
  const created = (rs: Obj) => Date.parse(str(obj(rs.metadata).creationTimestamp)) || 0;
  owned.sort((a, b) => created(a) - created(b) || (str(obj(a.metadata).name) < str(obj(b.metadata).name) ? -1 : 1));
  const template = withoutHash(obj(d.spec).template);
  const newRs = owned.find((rs) => deepEqual(withoutHash(obj(rs.spec).template), template));
  const old = owned.filter((rs) => rs !== newRs);
  return { oldReplicaSets: old, newReplicaSets: newRs ? [newRs] : [] };
}
