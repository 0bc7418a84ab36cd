// Admission plugins that shape how pods are scheduled: Priority (plugin/pkg/admission/priority),
// DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds) and RuntimeClass
// (plugin/pkg/admission/runtimeclass).
import { isDeepStrictEqual } from 'node:util';
import type { KubeObject } from '../../api/object.ts';
import { child, isObject, items, type Json } from '../registry/defaults/walk.ts';
import { admissionForbidden, isResource, type AdmissionPlugin, type Attributes } from './attributes.ts';

const SCHEDULING = 'scheduling.k8s.io';

/** The global default PriorityClass; with several (a race), the lowest value. */
async function defaultPriorityClass(a: Attributes): Promise<KubeObject | undefined> {
  const classes = (await a.ctx.cluster?.list(SCHEDULING, 'priorityclasses')) ?? [];
  let found: KubeObject | undefined;
  for (const pc of classes) if (pc.globalDefault === true && (!found || (found.value as number) > (pc.value as number))) found = pc;
  return found;
}

export const priorityAdmission: AdmissionPlugin = {
  async admit(a) {
    if (!isResource(a, '', 'pods')) return;
    const spec = ((a.obj.spec ??= {}) as Json);
    if (a.operation === 'update') {
      // priority is set on create; an update may leave it out
      const old = child(a.old, 'spec');
      if ((spec.priority === undefined || spec.priority === null) && old?.priority !== undefined) spec.priority = old.priority;
      if ((spec.preemptionPolicy === undefined || spec.preemptionPolicy === null) && old?.preemptionPolicy !== undefined) spec.preemptionPolicy = old.preemptionPolicy;
      return;
    }
    let priority: number;
    let preemptionPolicy: unknown;
    if (!spec.priorityClassName) {
      const pc = await defaultPriorityClass(a);
      if (pc) spec.priorityClassName = pc.metadata.name;
      priority = pc ? Number(pc.value ?? 0) : 0;
      preemptionPolicy = pc ? pc.preemptionPolicy : 'PreemptLowerPriority';
    } else {
      const name = String(spec.priorityClassName);
      const pc = await a.ctx.cluster?.get(SCHEDULING, 'priorityclasses', '', name);
      if (!pc) throw admissionForbidden(a, `no PriorityClass with name ${name} was found`);
      priority = Number(pc.value ?? 0);
      preemptionPolicy = pc.preemptionPolicy;
    }
    if (spec.priority !== undefined && spec.priority !== null && spec.priority !== priority)
      throw admissionForbidden(
        a,
        `the integer value of priority (${String(spec.priority)}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
      );
    spec.priority = priority;
    if (preemptionPolicy !== undefined && preemptionPolicy !== null) {
      if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== null && spec.preemptionPolicy !== preemptionPolicy)
        throw admissionForbidden(
          a,
          `the string value of PreemptionPolicy (${String(spec.preemptionPolicy)}) must not be provided in pod spec; priority admission controller computed ${String(preemptionPolicy)} from the given PriorityClass name`,
        );
      spec.preemptionPolicy = preemptionPolicy;
    }
  },
  async validate(a) {
    // only one PriorityClass may be the global default
    if (!isResource(a, SCHEDULING, 'priorityclasses') || a.obj.globalDefault !== true) return;
    const current = await defaultPriorityClass(a);
    if (current && (a.operation === 'create' || current.metadata.name !== a.obj.metadata.name))
      throw admissionForbidden(a, `PriorityClass ${current.metadata.name ?? ''} is already marked as default. Only one default can exist`);
  },
};

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';
/** --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds. */
const DEFAULT_TOLERATION_SECONDS = 300;

export const defaultTolerationSecondsAdmission: AdmissionPlugin = {
  admit(a) {
    if (!isResource(a, '', 'pods')) return;
    const spec = ((a.obj.spec ??= {}) as Json);
    const tolerations = items(spec, 'tolerations');
    // an empty key or effect tolerates everything
    const tolerates = (key: string) => tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
    const added: Json[] = [];
    for (const key of [NOT_READY, UNREACHABLE])
      if (!tolerates(key)) added.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
    if (added.length) spec.tolerations = [...(Array.isArray(spec.tolerations) ? spec.tolerations : []), ...added];
  },
};

const NODE = 'node.k8s.io';

async function runtimeClassOf(a: Attributes): Promise<KubeObject | undefined> {
  const name = child(a.obj, 'spec')?.runtimeClassName;
  if (typeof name !== 'string' || !name) return undefined;
  const rc = await a.ctx.cluster?.get(NODE, 'runtimeclasses', '', name);
  if (!rc) throw admissionForbidden(a, `pod rejected: RuntimeClass ${JSON.stringify(name)} not found`);
  return rc;
}

const podFixed = (rc: KubeObject | undefined) => child(child(rc, 'overhead'), 'podFixed');

export const runtimeClassAdmission: AdmissionPlugin = {
  async admit(a) {
    if (!isResource(a, '', 'pods') || a.operation !== 'create') return;
    const rc = await runtimeClassOf(a);
    const spec = ((a.obj.spec ??= {}) as Json);
    const overhead = podFixed(rc);
    if (overhead) {
      if (isObject(spec.overhead) && Object.keys(spec.overhead).length > 0 && !isDeepStrictEqual(spec.overhead, overhead))
        throw admissionForbidden(a, "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead");
      spec.overhead = { ...overhead };
    }
    const scheduling = child(rc, 'scheduling');
    if (!scheduling) return;
    const selector = child(scheduling, 'nodeSelector') ?? {};
    if (!isObject(spec.nodeSelector)) {
      if (Object.keys(selector).length > 0) spec.nodeSelector = { ...selector };
    } else {
      for (const [key, value] of Object.entries(selector)) {
        const podValue = spec.nodeSelector[key];
        if (podValue !== undefined && podValue !== value)
          throw admissionForbidden(a, `conflict: runtimeClass.scheduling.nodeSelector[${key}] = ${String(value)}; pod.spec.nodeSelector[${key}] = ${String(podValue)}`);
        spec.nodeSelector[key] = value;
      }
    }
    const merged = mergeTolerations(items(spec, 'tolerations'), items(scheduling, 'tolerations'));
    if (merged.length > 0) spec.tolerations = merged;
  },
  async validate(a) {
    if (!isResource(a, '', 'pods') || a.operation !== 'create') return;
    const overhead = podFixed(await runtimeClassOf(a));
    const podOverhead = child(a.obj, 'spec')?.overhead;
    if (overhead) {
      if (!isDeepStrictEqual(overhead, podOverhead)) throw admissionForbidden(a, "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead");
    } else if (podOverhead !== undefined && podOverhead !== null) {
      throw admissionForbidden(a, 'pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead');
    }
  },
};

/** tolerations.MergeTolerations: the union, without tolerations another one already covers. */
export function mergeTolerations(first: Json[], second: Json[]): Json[] {
  const all = [...first, ...second];
  const merged: Json[] = [];
  all.forEach((t, i) => {
    if (merged.some((m) => isSuperset(m, t))) return;
    if (all.slice(i + 1).some((later) => !isDeepStrictEqual(t, later) && isSuperset(later, t))) return;
    merged.push(t);
  });
  return merged;
}

/** Whether ss tolerates everything t does. */
function isSuperset(ss: Json, t: Json): boolean {
  if (isDeepStrictEqual(ss, t)) return true;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  if (str(t.key) !== str(ss.key) && (str(ss.key) !== '' || ss.operator !== 'Exists')) return false;
  if (str(t.effect) !== str(ss.effect) && str(ss.effect) !== '') return false;
  if (ss.effect === 'NoExecute' && typeof ss.tolerationSeconds === 'number') {
    if (typeof t.tolerationSeconds !== 'number' || t.tolerationSeconds > ss.tolerationSeconds) return false;
  }
  switch (str(ss.operator)) {
    case 'Equal':
    case '':
      return t.operator === 'Equal' && str(t.value) === str(ss.value);
    case 'Exists':
      return true;
    default:
      return false;
  }
}
