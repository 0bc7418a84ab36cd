// Pod controllers: replication controllers, replica sets, deployments, stateful sets, daemon sets,
// their controller revisions, and pod disruption budgets (printers.go).
import type { KubeObject } from '../../../api/object.ts';
import { formatLabelSelector, formatLabels, selectorString } from '../../../api/labels/format.ts';
import { AGE, CONTAINERS, IMAGES, NAME, SELECTOR, integer, text } from '../columns.ts';
import { age, containerCells, has, int, items, meta, name, obj, spec, status, str } from '../fields.ts';
import type { TableEntry } from '../types.ts';

const podSpec = (o: KubeObject) => obj(obj(spec(o).template).spec);

export const replicationControllers: TableEntry = {
  columns: [
    NAME,
    integer('Desired', 'Replicas asked for.'),
    integer('Current', 'Replicas that exist.'),
    integer('Ready', 'Replicas that are ready.'),
    AGE, CONTAINERS, IMAGES, SELECTOR,
  ],
  row(o, now) {
    const [names, images] = containerCells(podSpec(o).containers);
    return [
      name(o), int(spec(o).replicas), int(status(o).replicas), int(status(o).readyReplicas), age(o, now),
      names, images, formatLabels(spec(o).selector),
    ];
  },
};

export const replicaSets: TableEntry = {
  columns: [
    NAME,
    integer('Desired', 'Replicas asked for.'),
    integer('Current', 'Replicas that exist.'),
    integer('Ready', 'Replicas that are ready.'),
    AGE, CONTAINERS, IMAGES, SELECTOR,
  ],
  row(o, now) {
    const [names, images] = containerCells(podSpec(o).containers);
    return [
      name(o), int(spec(o).replicas), int(status(o).replicas), int(status(o).readyReplicas), age(o, now),
      names, images, formatLabelSelector(spec(o).selector),
    ];
  },
};

export const deployments: TableEntry = {
  columns: [
    NAME,
    text('Ready', 'Ready replicas out of those asked for.'),
    text('Up-to-date', 'Replicas running the current template.'),
    text('Available', 'Replicas available to serve.'),
    AGE, CONTAINERS, IMAGES, SELECTOR,
  ],
  row(o, now) {
    const [names, images] = containerCells(podSpec(o).containers);
    // the selector's String(), without FormatLabelSelector's <none>
    const selector = selectorString(spec(o).selector) ?? '<invalid>';
    return [
      name(o), `${int(status(o).readyReplicas)}/${int(spec(o).replicas)}`, int(status(o).updatedReplicas),
      int(status(o).availableReplicas), age(o, now), names, images, selector,
    ];
  },
};

export const statefulSets: TableEntry = {
  columns: [NAME, text('Ready', 'Ready replicas out of those asked for.'), AGE, CONTAINERS, IMAGES],
  row(o, now) {
    const [names, images] = containerCells(podSpec(o).containers);
    return [name(o), `${int(status(o).readyReplicas)}/${int(spec(o).replicas)}`, age(o, now), names, images];
  },
};

export const daemonSets: TableEntry = {
  columns: [
    NAME,
    integer('Desired', 'Nodes that should run the daemon pod.'),
    integer('Current', 'Nodes running at least one daemon pod.'),
    integer('Ready', 'Nodes with a ready daemon pod.'),
    integer('Up-to-date', 'Nodes running the current template.'),
    integer('Available', 'Nodes with an available daemon pod.'),
    text('Node Selector', 'Node labels the pods require.'),
    AGE, CONTAINERS, IMAGES, SELECTOR,
  ],
  row(o, now) {
    const st = status(o);
    const [names, images] = containerCells(podSpec(o).containers);
    return [
      name(o), int(st.desiredNumberScheduled), int(st.currentNumberScheduled), int(st.numberReady),
      int(st.updatedNumberScheduled), int(st.numberAvailable), formatLabels(podSpec(o).nodeSelector), age(o, now),
      names, images, formatLabelSelector(spec(o).selector),
    ];
  },
};

/** schema.ParseGroupVersion's group; upstream fails the whole request on a malformed apiVersion. */
function groupOf(apiVersion: string): string {
  const parts = apiVersion.split('/');
  if (apiVersion === '' || parts.length === 1) return '';
  if (parts.length === 2) return parts[0]!;
  throw new Error(`unexpected GroupVersion string: ${apiVersion}`);
}

export const controllerRevisions: TableEntry = {
  columns: [
    NAME,
    text('Controller', 'The object that owns the revision.'),
    text('Revision', 'Revision number.'),
    AGE,
  ],
  row(o, now) {
    // metav1.GetControllerOf: the first owner marked controller
    const ref = items(meta(o).ownerReferences).find((r) => r.controller === true);
    let controller = '<none>';
    if (ref) {
      const group = groupOf(str(ref.apiVersion));
      const kind = str(ref.kind);
      // formatResourceName: lower-cased GroupKind, "daemonset.apps/name"
      controller = group === '' && kind === '' ? str(ref.name) : `${(group ? `${kind}.${group}` : kind).toLowerCase()}/${str(ref.name)}`;
    }
    return [name(o), controller, int(o.revision), age(o, now)];
  },
};

/** intstr.IntOrString.String(). */
const intOrString = (v: unknown) => (typeof v === 'number' ? String(Math.trunc(v)) : str(v));

export const podDisruptionBudgets: TableEntry = {
  columns: [
    NAME,
    text('Min Available', 'Pods that must stay available.'),
    text('Max Unavailable', 'Pods that may be unavailable.'),
    integer('Allowed Disruptions', 'Pods that may be disrupted now.'),
    AGE,
  ],
  row(o, now) {
    const sp = spec(o);
    return [
      name(o), has(sp.minAvailable) ? intOrString(sp.minAvailable) : 'N/A', has(sp.maxUnavailable) ? intOrString(sp.maxUnavailable) : 'N/A',
      int(status(o).disruptionsAllowed), age(o, now),
    ];
  },
};
