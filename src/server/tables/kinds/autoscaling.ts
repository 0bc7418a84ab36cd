// Horizontal pod autoscalers and the scale subresource (printers.go printHorizontalPodAutoscaler,
// formatHPAMetrics, printScale). Upstream prints the internal type, which is the autoscaling/v2
// shape; autoscaling/v1 objects are converted to it first (autoscaling/v1 conversion.go).
import type { KubeObject } from '../../../api/object.ts';
import { AGE, NAME, column, integer, text } from '../columns.ts';
import { age, annotations, has, int, isObject, items, name, obj, spec, status, str } from '../fields.ts';
import type { Json } from '../fields.ts';
import { formatQuantity, formatQuantityPtr } from '../../../api/quantity.ts';
import type { TableEntry } from '../types.ts';

const METRICS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
const CURRENT_METRICS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics';
/** The implicit CPU target of a v1 autoscaler without one. */
const DEFAULT_CPU_UTILIZATION = 80;

/** A v1 non-pointer Quantity becomes a v2 pointer: present, "0" when it was absent. */
const orZero = (v: unknown) => (has(v) ? v : '0');

function v1MetricSpec(m: Json): Json {
  const type = str(m.type);
  const object = obj(m.object);
  const pods = obj(m.pods);
  const resource = obj(m.resource);
  const containerResource = obj(m.containerResource);
  const external = obj(m.external);
  switch (type) {
    case 'Object':
      return { type, object: { target: { value: orZero(object.targetValue), averageValue: object.averageValue } } };
    case 'Pods':
      return { type, pods: { target: { averageValue: orZero(pods.targetAverageValue) } } };
    case 'Resource':
      return { type, resource: { name: resource.name, target: { averageUtilization: resource.targetAverageUtilization, averageValue: resource.targetAverageValue } } };
    case 'ContainerResource':
      return {
        type,
        containerResource: {
          name: containerResource.name,
          target: { averageUtilization: containerResource.targetAverageUtilization, averageValue: containerResource.targetAverageValue },
        },
      };
    case 'External':
      return { type, external: { target: { value: external.targetValue, averageValue: external.targetAverageValue } } };
    default:
      return { type };
  }
}

function v1MetricStatus(m: Json): Json {
  const type = str(m.type);
  const object = obj(m.object);
  const pods = obj(m.pods);
  const resource = obj(m.resource);
  const containerResource = obj(m.containerResource);
  const external = obj(m.external);
  switch (type) {
    case 'Object':
      return { type, object: { current: { value: orZero(object.currentValue), averageValue: object.averageValue } } };
    case 'Pods':
      return { type, pods: { current: { averageValue: orZero(pods.currentAverageValue) } } };
    case 'Resource':
      return { type, resource: { name: resource.name, current: { averageValue: orZero(resource.currentAverageValue), averageUtilization: resource.currentAverageUtilization } } };
    case 'ContainerResource':
      return {
        type,
        containerResource: {
          name: containerResource.name,
          current: { averageValue: orZero(containerResource.currentAverageValue), averageUtilization: containerResource.currentAverageUtilization },
        },
      };
    case 'External':
      return { type, external: { current: { value: orZero(external.currentValue), averageValue: external.currentAverageValue } } };
    default:
      return { type };
  }
}

/** A JSON list in an annotation; upstream fails the conversion on bad JSON, here it reads as absent. */
function annotationList(o: KubeObject, key: string): Json[] | undefined {
  const raw = annotations(o)[key];
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.map(obj) : [];
  } catch {
    return undefined;
  }
}

/** The v2 metrics of an autoscaling/v1 object: annotation metrics, then the CPU target, else 80% CPU. */
export function v1ToV2Metrics(o: KubeObject): { metrics: Json[]; currentMetrics: Json[] } {
  const sp = spec(o);
  const st = status(o);
  const cpu = (averageUtilization: unknown) => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization } } });
  const metrics = (annotationList(o, METRICS_ANNOTATION) ?? []).map(v1MetricSpec);
  if (has(sp.targetCPUUtilizationPercentage)) metrics.push(cpu(sp.targetCPUUtilizationPercentage));
  if (metrics.length === 0) metrics.push(cpu(DEFAULT_CPU_UTILIZATION));
  const annotated = annotationList(o, CURRENT_METRICS_ANNOTATION);
  const currentMetrics = annotated
    ? annotated.map(v1MetricStatus)
    : has(st.currentCPUUtilizationPercentage)
      ? [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: st.currentCPUUtilizationPercentage } } }]
      : [];
  return { metrics, currentMetrics };
}

/** Object and External metrics: a value, or an average marked "(avg)". */
function valueMetric(source: Json, current: Json | undefined): string {
  const target = obj(source.target);
  if (has(target.averageValue)) {
    const now = current && has(obj(current.current).averageValue) ? formatQuantity(obj(current.current).averageValue) : '<unknown>';
    return `${now}/${formatQuantity(target.averageValue)} (avg)`;
  }
  const now = current ? formatQuantityPtr(obj(current.current).value) : '<unknown>';
  return `${now}/${formatQuantityPtr(target.value)}`;
}

/** Resource and ContainerResource metrics: "cpu: 50%/80%" or "memory: 100Mi/200Mi". */
function resourceMetric(source: Json, current: Json | undefined): string {
  const target = obj(source.target);
  const metricName = str(source.name);
  if (has(target.averageValue)) {
    const now = current ? formatQuantityPtr(obj(current.current).averageValue) : '<unknown>';
    return `${metricName}: ${now}/${formatQuantity(target.averageValue)}`;
  }
  const utilization = current ? obj(current.current).averageUtilization : undefined;
  const now = has(utilization) ? `${int(utilization)}%` : '<unknown>';
  const want = has(target.averageUtilization) ? `${int(target.averageUtilization)}%` : '<auto>';
  return `${metricName}: ${now}/${want}`;
}

/** formatHPAMetrics: each metric against its target, two at most then " + N more...". */
export function formatHPAMetrics(specs: Json[], statuses: Json[]): string {
  if (specs.length === 0) return '<none>';
  // a spec's status is the one at the same index, if it has the same source
  const at = (i: number, key: string) => {
    const s = statuses[i];
    return s && isObject(s[key]) ? (s[key] as Json) : undefined;
  };
  const list = specs.map((m, i) => {
    switch (m.type) {
      case 'External':
        return valueMetric(obj(m.external), at(i, 'external'));
      case 'Pods': {
        const current = at(i, 'pods');
        return `${current ? formatQuantityPtr(obj(current.current).averageValue) : '<unknown>'}/${formatQuantityPtr(obj(obj(m.pods).target).averageValue)}`;
      }
      case 'Object':
        return valueMetric(obj(m.object), at(i, 'object'));
      case 'Resource':
        return resourceMetric(obj(m.resource), at(i, 'resource'));
      case 'ContainerResource':
        return resourceMetric(obj(m.containerResource), at(i, 'containerResource'));
      default:
        return '<unknown type>';
    }
  });
  const max = 2;
  return list.length > max ? `${list.slice(0, max).join(', ')} + ${list.length - max} more...` : list.join(', ');
}

export const horizontalPodAutoscalers: TableEntry = {
  columns: [
    NAME,
    text('Reference', 'The scaled object, kind/name.'),
    text('Targets', 'Metrics now, against their targets.'),
    text('MinPods', 'Fewest replicas allowed.'),
    text('MaxPods', 'Most replicas allowed.'),
    text('Replicas', 'Replicas now.'),
    AGE,
  ],
  row(o, now) {
    const sp = spec(o);
    const { metrics, currentMetrics } = str(o.apiVersion) === 'autoscaling/v1'
      ? v1ToV2Metrics(o)
      : { metrics: items(sp.metrics), currentMetrics: items(status(o).currentMetrics) };
    const ref = obj(sp.scaleTargetRef);
    return [
      name(o), `${str(ref.kind)}/${str(ref.name)}`, formatHPAMetrics(metrics, currentMetrics),
      has(sp.minReplicas) ? String(int(sp.minReplicas)) : '<unset>', int(sp.maxReplicas), int(status(o).currentReplicas), age(o, now),
    ];
  },
};

/** The scale subresource's table (printScale); its Name column is not marked as the name. */
export const scales: TableEntry = {
  columns: [
    column('Name', 'string', 'Name of the scaled object.'),
    integer('Desired', 'Replicas asked for.'),
    integer('Available', 'Replicas that exist.'),
    AGE,
  ],
  row: (o, now) => [name(o), int(spec(o).replicas), int(status(o).replicas), age(o, now)],
};
