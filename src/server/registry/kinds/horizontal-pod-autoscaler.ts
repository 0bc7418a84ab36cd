// HorizontalPodAutoscalers are stored as autoscaling/v2 and served as v1 too
// (pkg/apis/autoscaling/v1/conversion.go): v1 knows only the CPU utilization target.
import type { KubeObject } from '../../../api/object.ts';
import type { VersionConverter } from './index.ts';

interface MetricSpec {
  type?: string;
  resource?: { name?: string; target?: { type?: string; averageUtilization?: number } };
}
interface MetricStatus {
  type?: string;
  resource?: { name?: string; current?: { averageUtilization?: number } };
}

const isCpuUtilization = (m: MetricSpec) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource.target?.type === 'Utilization';

export const horizontalPodAutoscalerConversion: VersionConverter = {
  toVersion(obj, version) {
    if (version !== 'v1') return obj;
    const { spec = {}, status, ...rest } = obj as KubeObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };
    const { metrics, behavior: _behavior, ...specRest } = spec as { metrics?: MetricSpec[]; behavior?: unknown };
    const cpu = metrics?.find(isCpuUtilization);
    const v1Spec: Record<string, unknown> = { ...specRest };
    if (cpu?.resource?.target?.averageUtilization !== undefined) v1Spec.targetCPUUtilizationPercentage = cpu.resource.target.averageUtilization;
    const out: KubeObject = { ...rest, apiVersion: 'autoscaling/v1', spec: v1Spec };
    if (status) {
      const { currentMetrics, conditions: _c, ...statusRest } = status as { currentMetrics?: MetricStatus[]; conditions?: unknown };
      const current = currentMetrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu');
      const v1Status: Record<string, unknown> = { ...statusRest };
      if (current?.resource?.current?.averageUtilization !== undefined) v1Status.currentCPUUtilizationPercentage = current.resource.current.averageUtilization;
      out.status = v1Status;
    }
    return out;
  },
  fromVersion(obj, version) {
    if (version !== 'v1') return obj;
    const { spec = {}, status, ...rest } = obj as KubeObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };
    const { targetCPUUtilizationPercentage, ...specRest } = spec as { targetCPUUtilizationPercentage?: number };
    const v2Spec: Record<string, unknown> = { ...specRest };
    if (targetCPUUtilizationPercentage !== undefined)
      v2Spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: targetCPUUtilizationPercentage } } }];
    const out: KubeObject = { ...rest, apiVersion: 'autoscaling/v2', spec: v2Spec };
    if (status) {
      const { currentCPUUtilizationPercentage, ...statusRest } = status as { currentCPUUtilizationPercentage?: number };
      const v2Status: Record<string, unknown> = { ...statusRest };
      if (currentCPUUtilizationPercentage !== undefined)
        v2Status.currentMetrics = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: currentCPUUtilizationPercentage } } }];
      out.status = v2Status;
    }
    return out;
  },
};
