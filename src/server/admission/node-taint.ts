// The TaintNodesByCondition admission plugin (plugin/pkg/admission/nodetaint): a new Node starts
// tainted not-ready, so nothing schedules onto it before its controller sees it Ready.
import { items, type Json } from '../registry/defaults/walk.ts';
import { isResource, type AdmissionPlugin } from './attributes.ts';

const NOT_READY_TAINT = { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' };

export const nodeTaintAdmission: AdmissionPlugin = {
  admit(a) {
    if (!isResource(a, '', 'nodes') || a.operation !== 'create') return;
    const spec = ((a.obj.spec ??= {}) as Json);
    // MatchTaint: same key and effect
    if (items(spec, 'taints').some((t) => t.key === NOT_READY_TAINT.key && t.effect === NOT_READY_TAINT.effect)) return;
    spec.taints = [...items(spec, 'taints'), { ...NOT_READY_TAINT }];
  },
};
