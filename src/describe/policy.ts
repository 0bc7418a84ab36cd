// PodDisruptionBudgets, PriorityClasses and HorizontalPodAutoscalers.
import { describeEvents } from './events.ts';
import { formatLabelSelector, formatLabels } from '../api/labels/format.ts';
import { printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './format.ts';
import { formatQuantityPtr } from '../api/quantity.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type PrefixWriter } from './writer.ts';
import { goQuote, has, int, intOrString, obj, objs, str, type Obj } from './values.ts';

export function describePodDisruptionBudget(pdb: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(pdb.metadata);
    const s = obj(pdb.spec);
    const st = obj(pdb.status);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    if (has(s.minAvailable)) w.write(LEVEL_0, `Min available:\t${intOrString(s.minAvailable)}\n`);
    else if (has(s.maxUnavailable)) w.write(LEVEL_0, `Max unavailable:\t${intOrString(s.maxUnavailable)}\n`);
    w.write(LEVEL_0, `Selector:\t${has(s.selector) ? formatLabelSelector(s.selector) : '<unset>'}\n`);
    w.write(LEVEL_0, 'Status:\n');
    w.write(LEVEL_2, `Allowed disruptions:\t${int(st.disruptionsAllowed)}\n`);
    w.write(LEVEL_2, `Current:\t${int(st.currentHealthy)}\n`);
    w.write(LEVEL_2, `Desired:\t${int(st.desiredHealthy)}\n`);
    w.write(LEVEL_2, `Total:\t${int(st.expectedPods)}\n`);
    if (events) describeEvents(events, w, now);
  });
}

export function describePriorityClass(pc: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(pc.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Value:\t${int(pc.value)}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault === true}\n`);
    w.write(LEVEL_0, `PreemptionPolicy:\t${str(pc.preemptionPolicy)}\n`);
    w.write(LEVEL_0, `Description:\t${str(pc.description)}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(m.annotations)}\n`);
    if (events) describeEvents(events, w, now);
  });
}

/** The current metric at the same index, when the status has one of that kind. */
const current = (hpa: Obj, i: number, kind: string): Obj | undefined => {
  const c = objs(obj(hpa.status).currentMetrics)[i];
  return c && has(c[kind]) ? obj(c[kind]) : undefined;
};

/** autoscaling/v2 HorizontalPodAutoscalers. */
export function describeHorizontalPodAutoscaler(hpa: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(hpa.metadata);
    const s = obj(hpa.spec);
    const st = obj(hpa.status);
    const target = obj(s.scaleTargetRef);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${str(target.kind)}/${str(target.name)}\n`);
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    objs(s.metrics).forEach((metric, i) => describeMetric(hpa, metric, i, w));
    w.write(LEVEL_0, `Min replicas:\t${has(s.minReplicas) ? int(s.minReplicas) : '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${int(s.maxReplicas)}\n`);
    if (has(s.behavior)) {
      w.write(LEVEL_0, 'Behavior:\n');
      printBehavior(w, 'Scale Up', obj(s.behavior).scaleUp);
      printBehavior(w, 'Scale Down', obj(s.behavior).scaleDown);
    }
    w.write(LEVEL_0, `${str(target.kind)} pods:\t`);
    w.write(LEVEL_0, `${int(st.currentReplicas)} current / ${int(st.desiredReplicas)} desired\n`);
    const conditions = objs(st.conditions);
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const c of conditions) w.write(LEVEL_1, `${str(c.type)}\t${str(c.status)}\t${str(c.reason)}\t${str(c.message)}\n`);
    }
    if (events) describeEvents(events, w, now);
  });
}

function describeMetric(hpa: Obj, metric: Obj, i: number, w: PrefixWriter): void {
  // the targets and current values are *Quantity: `<nil>` when unset
  const q = (v: unknown) => formatQuantityPtr(v);
  switch (metric.type) {
    case 'External': {
      const e = obj(metric.external);
      const t = obj(e.target);
      const c = current(hpa, i, 'external');
      if (has(t.averageValue)) {
        const cur = c && has(obj(c.current).averageValue) ? q(obj(c.current).averageValue) : '<unknown>';
        w.write(LEVEL_1, `${goQuote(str(obj(e.metric).name))} (target average value):\t${cur} / ${q(t.averageValue)}\n`);
      } else {
        const cur = c ? q(obj(c.current).value) : '<unknown>';
        w.write(LEVEL_1, `${goQuote(str(obj(e.metric).name))} (target value):\t${cur} / ${q(t.value)}\n`);
      }
      break;
    }
    case 'Pods': {
      const p = obj(metric.pods);
      const c = current(hpa, i, 'pods');
      w.write(LEVEL_1, `${goQuote(str(obj(p.metric).name))} on pods:\t${c ? q(obj(c.current).averageValue) : '<unknown>'} / ${q(obj(p.target).averageValue)}\n`);
      break;
    }
    case 'Object': {
      const o = obj(metric.object);
      const d = obj(o.describedObject);
      const t = obj(o.target);
      const c = current(hpa, i, 'object');
      w.write(LEVEL_1, `"${str(obj(o.metric).name)}" on ${str(d.kind)}/${str(d.name)} `);
      if (t.type === 'AverageValue') w.write(LEVEL_0, `(target average value):\t${c ? q(obj(c.current).averageValue) : '<unknown>'} / ${q(t.averageValue)}\n`);
      else w.write(LEVEL_0, `(target value):\t${c ? q(obj(c.current).value) : '<unknown>'} / ${q(t.value)}\n`);
      break;
    }
    case 'Resource':
    case 'ContainerResource': {
      const container = metric.type === 'ContainerResource';
      const r = obj(container ? metric.containerResource : metric.resource);
      const t = obj(r.target);
      const c = current(hpa, i, container ? 'containerResource' : 'resource');
      w.write(LEVEL_1, container ? `resource ${str(r.name)} of container "${str(r.container)}" on pods` : `resource ${str(r.name)} on pods`);
      if (has(t.averageValue)) {
        w.write(LEVEL_0, `:\t${c ? q(obj(c.current).averageValue) : '<unknown>'} / ${q(t.averageValue)}\n`);
      } else {
        const cur = c && has(obj(c.current).averageUtilization) ? `${int(obj(c.current).averageUtilization)}% (${q(obj(c.current).averageValue)})` : '<unknown>';
        const tgt = has(t.averageUtilization) ? `${int(t.averageUtilization)}%` : '<auto>';
        w.write(LEVEL_1, `(as a percentage of request):\t${cur} / ${tgt}\n`);
      }
      break;
    }
    default:
      w.write(LEVEL_1, `<unknown metric type ${goQuote(str(metric.type))}>\n`);
  }
}

function printBehavior(w: PrefixWriter, direction: string, rules: unknown): void {
  if (!has(rules)) return;
  const r = obj(rules);
  w.write(LEVEL_1, `${direction}:\n`);
  if (has(r.stabilizationWindowSeconds)) w.write(LEVEL_2, `Stabilization Window: ${int(r.stabilizationWindowSeconds)} seconds\n`);
  const policies = objs(r.policies);
  if (policies.length > 0) {
    w.write(LEVEL_2, `Select Policy: ${has(r.selectPolicy) ? str(r.selectPolicy) : 'Max'}\n`);
    w.write(LEVEL_2, 'Policies:\n');
    for (const p of policies) w.write(LEVEL_3, `- Type: ${str(p.type)}\tValue: ${int(p.value)}\tPeriod: ${int(p.periodSeconds)} seconds\n`);
  }
}


/** autoscaling/v1 HorizontalPodAutoscalers, for servers without autoscaling/v2. */
export function describeHorizontalPodAutoscalerV1(hpa: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(hpa.metadata);
    const s = obj(hpa.spec);
    const st = obj(hpa.status);
    const target = obj(s.scaleTargetRef);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${str(target.kind)}/${str(target.name)}\n`);
    if (has(s.targetCPUUtilizationPercentage)) {
      w.write(LEVEL_0, `Target CPU utilization:\t${int(s.targetCPUUtilizationPercentage)}%\n`);
      w.write(LEVEL_0, `Current CPU utilization:\t${has(st.currentCPUUtilizationPercentage) ? int(st.currentCPUUtilizationPercentage) : '<unknown>'}%\n`);
    }
    w.write(LEVEL_0, `Min replicas:\t${has(s.minReplicas) ? int(s.minReplicas) : '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${int(s.maxReplicas)}\n`);
    w.write(LEVEL_0, `${str(target.kind)} pods:\t`);
    w.write(LEVEL_0, `${int(st.currentReplicas)} current / ${int(st.desiredReplicas)} desired\n`);
    if (events) describeEvents(events, w, now);
  });
}
