// Pods and pod templates (printers.go printPod, printPodTemplate).
import type { KubeObject } from '../../../api/object.ts';
import { humanDuration, parseTime } from '../../../api/duration.ts';
import { formatLabels } from '../../../api/labels/format.ts';
import { AGE, NAME, text, wide } from '../columns.ts';
import {
  age, conditionTrue, containerCells, deleting, has, int, items, name, obj, orNone, spec, status, str,
} from '../fields.ts';
import type { Json } from '../fields.ts';
import type { Cell, TableEntry, TableRowCondition } from '../types.ts';

/** An init container with restartPolicy Always (a sidecar) counts among the pod's containers. */
const isRestartable = (c: Json | undefined) => c?.restartPolicy === 'Always';

/** The later of two instants; metav1.Time.Before on possibly-zero times. */
const later = (current: number | undefined, candidate: number | undefined) =>
  candidate !== undefined && (current === undefined || current < candidate) ? candidate : current;

const lastTerminated = (c: Json) => obj(obj(c.lastState).terminated);
const hasLastTerminated = (c: Json) => has(obj(c.lastState).terminated);

/** What printPod computes before it lays out cells. */
export function podStatus(pod: KubeObject): { ready: number; total: number; reason: string; restarts: number; lastRestart?: number } {
  const sp = spec(pod);
  const st = status(pod);
  const phase = str(st.phase);
  let reason = str(st.reason) || phase;
  const conditions = items(st.conditions);
  for (const c of conditions) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  let total = items(sp.containers).length;
  let ready = 0;
  const initSpecs = items(sp.initContainers);
  const inits = new Map<string, Json>();
  for (const c of initSpecs) {
    inits.set(str(c.name), c);
    if (isRestartable(c)) total++;
  }

  let restarts = 0;
  let restartableRestarts = 0;
  let lastRestart: number | undefined;
  let lastRestartableRestart: number | undefined;
  let initializing = false;
  const initStatuses = items(st.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    restarts += int(c.restartCount);
    const finished = hasLastTerminated(c) ? parseTime(lastTerminated(c).finishedAt) : undefined;
    lastRestart = later(lastRestart, finished);
    const restartable = isRestartable(inits.get(str(c.name)));
    if (restartable) {
      restartableRestarts += int(c.restartCount);
      lastRestartableRestart = later(lastRestartableRestart, finished);
    }
    const state = obj(c.state);
    const terminated = has(state.terminated) ? obj(state.terminated) : undefined;
    const waiting = has(state.waiting) ? obj(state.waiting) : undefined;
    if (terminated && int(terminated.exitCode) === 0) continue;
    if (restartable && c.started === true) {
      if (c.ready === true) ready++;
      continue;
    }
    if (terminated) {
      // the init container failed
      if (str(terminated.reason) === '') {
        reason = int(terminated.signal) !== 0 ? `Init:Signal:${int(terminated.signal)}` : `Init:ExitCode:${int(terminated.exitCode)}`;
      } else {
        reason = `Init:${str(terminated.reason)}`;
      }
    } else if (waiting && str(waiting.reason) !== '' && waiting.reason !== 'PodInitializing') {
      reason = `Init:${str(waiting.reason)}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(conditions, 'Initialized')) {
    // once initialised, only sidecar restarts count alongside the main containers'
    restarts = restartableRestarts;
    lastRestart = lastRestartableRestart;
    let hasRunning = false;
    const statuses = items(st.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += int(c.restartCount);
      if (hasLastTerminated(c)) lastRestart = later(lastRestart, parseTime(lastTerminated(c).finishedAt));
      const state = obj(c.state);
      const terminated = has(state.terminated) ? obj(state.terminated) : undefined;
      const waiting = has(state.waiting) ? obj(state.waiting) : undefined;
      if (waiting && str(waiting.reason) !== '') {
        reason = str(waiting.reason);
      } else if (terminated && str(terminated.reason) !== '') {
        reason = str(terminated.reason);
      } else if (terminated) {
        reason = int(terminated.signal) !== 0 ? `Signal:${int(terminated.signal)}` : `ExitCode:${int(terminated.exitCode)}`;
      } else if (c.ready === true && has(state.running)) {
        hasRunning = true;
        ready++;
      }
    }
    // a pod whose last container completed but another still runs is not Completed
    if (reason === 'Completed' && hasRunning) {
      reason = conditions.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }

  if (deleting(pod) && st.reason === 'NodeLost') reason = 'Unknown';
  else if (deleting(pod) && phase !== 'Failed' && phase !== 'Succeeded') reason = 'Terminating';

  return { ready, total, reason, restarts, ...(lastRestart === undefined ? {} : { lastRestart }) };
}

/** The first pod IP as the internal type holds it: podIP wins over podIPs (v1 conversion). */
function podIP(st: Json): string {
  const ip = str(st.podIP);
  return ip !== '' ? ip : str(items(st.podIPs)[0]?.ip);
}

function readinessGates(pod: KubeObject): string {
  const gates = items(spec(pod).readinessGates);
  if (gates.length === 0) return '<none>';
  const conditions = items(status(pod).conditions);
  const met = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${met}/${gates.length}`;
}

function podRow(pod: KubeObject, now: Date): Cell[] {
  const s = podStatus(pod);
  // RESTARTS is a string: "3", or "3 (2m ago)" once a restart has a finish time
  const restarts = s.restarts !== 0 && s.lastRestart !== undefined
    ? `${s.restarts} (${humanDuration(now.getTime() - s.lastRestart)} ago)`
    : String(s.restarts);
  const st = status(pod);
  return [
    name(pod), `${s.ready}/${s.total}`, s.reason, restarts, age(pod, now),
    orNone(podIP(st)), orNone(str(spec(pod).nodeName)), orNone(str(st.nominatedNodeName)), readinessGates(pod),
  ];
}

const SUCCEEDED: TableRowCondition[] = [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
const FAILED: TableRowCondition[] = [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];

export const pods: TableEntry = {
  columns: [
    NAME,
    text('Ready', 'Ready containers out of all containers.'),
    text('Status', 'Summary of the pod phase and its containers\' states.'),
    text('Restarts', 'Container restarts, and how long ago the last one ended.'),
    AGE,
    wide('IP', 'The pod\'s first IP address.'),
    wide('Node', 'The node the pod is bound to.'),
    wide('Nominated Node', 'The node preemption nominated for the pod.'),
    wide('Readiness Gates', 'Readiness gates met out of all.'),
  ],
  row: podRow,
  conditions(pod) {
    const phase = status(pod).phase;
    return phase === 'Succeeded' ? SUCCEEDED : phase === 'Failed' ? FAILED : undefined;
  },
};

export const podTemplates: TableEntry = {
  columns: [
    NAME,
    text('Containers', 'Container names of the template.'),
    text('Images', 'Container images of the template.'),
    text('Pod Labels', 'Labels of the template.'),
  ],
  row(o) {
    const template = obj(o.template);
    const [names, images] = containerCells(obj(template.spec).containers);
    return [name(o), names, images, formatLabels(obj(template.metadata).labels)];
  },
};
