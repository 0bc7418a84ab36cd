// Namespaces (pkg/registry/core/namespace): Active on creation, the "kubernetes" finalizer, and the
// immutable kubernetes.io/metadata.name label.
import type { Strategy } from '../strategy.ts';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export const namespaces: Strategy = {
  nameRule: 'label',
  prepareForCreate(ns) {
    ns.status = { phase: 'Active' };
    const spec = (ns.spec ??= {}) as { finalizers?: string[] };
    if (!spec.finalizers?.includes('kubernetes')) spec.finalizers = [...(spec.finalizers ?? []), 'kubernetes'];
  },
  applyDefaults(ns) {
    ns.metadata.labels = { ...ns.metadata.labels, [NAMESPACE_NAME_LABEL]: ns.metadata.name! };
  },
  prepareForUpdate(ns, old) {
    // spec.finalizers changes only through /finalize; status only through /status.
    ns.spec = structuredClone(old.spec);
  },
  finalize: {
    prepareForUpdate(ns, old) {
      const finalizers = (ns.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
      const { spec: _s, metadata: _m, ...rest } = ns;
      for (const k of Object.keys(rest)) delete ns[k];
      Object.assign(ns, structuredClone({ ...old, metadata: ns.metadata }));
      ns.spec = { ...(old.spec as object), finalizers };
      if (finalizers.length === 0) delete (ns.spec as { finalizers?: string[] }).finalizers;
    },
  },
  deletionPending: (ns) => ((ns.spec as { finalizers?: string[] } | undefined)?.finalizers?.length ?? 0) > 0,
  prepareForDeletion(ns) {
    ns.status = { ...(ns.status as object), phase: 'Terminating' };
  },
};
