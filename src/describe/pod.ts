// Pods and pod templates.
import { describeContainers, describeResources, envValueRetriever } from './containers.ts';
import { describeEvents } from './events.ts';
import { since } from '../api/duration.ts';
import { formatLabelSelector } from '../api/labels/format.ts';
import { printAnnotationsMultiline, printController, printLabelsMultiline, printTolerationsMultiline, rfc1123z } from './format.ts';
import { addQuantity, cmpQuantity, quantityOf, ZERO, type Quantity } from '../api/quantity.ts';
import { describeVolumes } from './volumes.ts';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './writer.ts';
import { byteOrder, has, int, obj, objs, sortBy, str, type Obj } from './values.ts';

/** describePod: the pod, and its events unless --show-events=false (undefined). */
export function describePod(pod: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(pod.metadata);
    const s = obj(pod.spec);
    const st = obj(pod.status);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    if (has(s.priority)) w.write(LEVEL_0, `Priority:\t${int(s.priority)}\n`);
    if (str(s.priorityClassName) !== '') w.write(LEVEL_0, `Priority Class Name:\t${str(s.priorityClassName)}\n`);
    if (str(s.runtimeClassName) !== '') w.write(LEVEL_0, `Runtime Class Name:\t${str(s.runtimeClassName)}\n`);
    if (str(s.serviceAccountName) !== '') w.write(LEVEL_0, `Service Account:\t${str(s.serviceAccountName)}\n`);
    if (str(s.nodeName) === '') w.write(LEVEL_0, 'Node:\t<none>\n');
    else w.write(LEVEL_0, `Node:\t${str(s.nodeName)}/${str(st.hostIP)}\n`);
    if (has(st.startTime)) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    if (has(m.deletionTimestamp) && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(m.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${int(m.deletionGracePeriodSeconds)}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${str(st.phase)}\n`);
    }
    if (str(st.reason) !== '') w.write(LEVEL_0, `Reason:\t${str(st.reason)}\n`);
    if (str(st.message) !== '') w.write(LEVEL_0, `Message:\t${str(st.message)}\n`);
    const seccomp = obj(s.securityContext).seccompProfile;
    if (has(seccomp)) {
      w.write(LEVEL_0, `SeccompProfile:\t${str(obj(seccomp).type)}\n`);
      if (obj(seccomp).type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${str(obj(seccomp).localhostProfile)}\n`);
    }
    w.write(LEVEL_0, `IP:\t${str(st.podIP)}\n`);
    const ips = objs(st.podIPs);
    if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
    else {
      w.write(LEVEL_0, 'IPs:\n');
      for (const ip of ips) w.write(LEVEL_1, `IP:\t${str(ip.ip)}\n`);
    }
    const controlledBy = printController(pod);
    if (controlledBy !== '') w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (str(st.nominatedNodeName) !== '') w.write(LEVEL_0, `NominatedNodeName:\t${str(st.nominatedNodeName)}\n`);
    if (has(s.resources)) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(obj(s.resources), w, LEVEL_1);
    }
    const resolver = envValueRetriever(pod);
    if (objs(s.initContainers).length > 0) describeContainers('Init Containers', objs(s.initContainers), objs(st.initContainerStatuses), resolver, w, '');
    describeContainers('Containers', objs(s.containers), objs(st.containerStatuses), resolver, w, '');
    if (objs(s.ephemeralContainers).length > 0) describeContainers('Ephemeral Containers', objs(s.ephemeralContainers), objs(st.ephemeralContainerStatuses), resolver, w, '');
    const conditions = objs(st.conditions);
    const gates = objs(s.readinessGates);
    if (gates.length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of gates) {
        const c = conditions.find((c) => c.type === g.conditionType);
        w.write(LEVEL_1, `${str(g.conditionType)} \t${c ? str(c.status) : '<none>'} \n`);
      }
    }
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of conditions) w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)} \n`);
    }
    describeVolumes(objs(s.volumes), w, '');
    w.write(LEVEL_0, `QoS Class:\t${str(st.qosClass) || computePodQos(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', s.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', s.tolerations);
    describeTopologySpreadConstraints(objs(s.topologySpreadConstraints), w, '');
    if (events) describeEvents(events, w, now);
  });
}

/** DescribePodTemplate: as pods, indented, without statuses. */
export function describePodTemplate(template: Obj | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const m = obj(template.metadata);
  const s = obj(template.spec);
  printLabelsMultiline(w, '  Labels', m.labels);
  if (Object.keys(obj(m.annotations)).length > 0) printAnnotationsMultiline(w, '  Annotations', m.annotations);
  if (str(s.serviceAccountName) !== '') w.write(LEVEL_1, `Service Account:\t${str(s.serviceAccountName)}\n`);
  if (objs(s.initContainers).length > 0) describeContainers('Init Containers', objs(s.initContainers), undefined, undefined, w, '  ');
  describeContainers('Containers', objs(s.containers), undefined, undefined, w, '  ');
  describeVolumes(objs(s.volumes), w, '  ');
  describeTopologySpreadConstraints(objs(s.topologySpreadConstraints), w, '  ');
  if (str(s.priorityClassName) !== '') w.write(LEVEL_1, `Priority Class Name:\t${str(s.priorityClassName)}\n`);
  printLabelsMultiline(w, '  Node-Selectors', s.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', s.tolerations);
}

function describeTopologySpreadConstraints(constraints: Obj[], w: PrefixWriter, space: string): void {
  if (constraints.length === 0) return;
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sortBy(constraints, (a, b) => byteOrder(str(a.topologyKey), str(b.topologyKey))).forEach((c, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, '\t');
    }
    let line = `${str(c.topologyKey)}:${str(c.whenUnsatisfiable)} when max skew ${int(c.maxSkew)} is exceeded`;
    if (has(c.labelSelector)) line += ` for selector ${formatLabelSelector(c.labelSelector)}`;
    w.write(LEVEL_0, `${line}\n`);
  });
}

/** qos.ComputePodQOS, for pods whose status does not carry the class. */
export function computePodQos(pod: Obj): string {
  const s = obj(pod.spec);
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const positive = (list: unknown) =>
    Object.entries(obj(list))
      .filter(([name]) => name === 'cpu' || name === 'memory')
      .map(([name, v]) => [name, quantityOf(v)] as const)
      .filter(([, q]) => cmpQuantity(q, ZERO) > 0);
  const add = (into: Map<string, Quantity>, list: unknown) => {
    for (const [name, q] of positive(list)) into.set(name, into.has(name) ? addQuantity(q, into.get(name)!) : q);
  };
  const checkLimits = (list: unknown) => {
    const names = new Set(positive(list).map(([n]) => n));
    if (!names.has('cpu') || !names.has('memory')) guaranteed = false;
  };
  if (has(s.resources)) {
    const r = obj(s.resources);
    if (has(r.requests)) add(requests, r.requests);
    if (has(r.limits)) {
      add(limits, r.limits);
      checkLimits(r.limits);
    }
  } else {
    for (const c of [...objs(s.containers), ...objs(s.initContainers)]) {
      const r = obj(c.resources);
      add(requests, r.requests);
      add(limits, r.limits);
      checkLimits(r.limits);
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || cmpQuantity(lim, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
