// Nodes, namespaces and component statuses (printers.go printNode, printNamespace,
// printComponentStatus).
import type { KubeObject } from '../../../api/object.ts';
import { AGE, NAME, text, wide } from '../columns.ts';
import { age, items, meta, name, obj, sortedSet, spec, status, str } from '../fields.ts';
import type { TableEntry } from '../types.ts';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

/** findNodeRoles: node-role.kubernetes.io/<role> keys and kubernetes.io/role values, sorted. */
export function nodeRoles(node: KubeObject): string[] {
  const roles: string[] = [];
  for (const [k, v] of Object.entries(obj(meta(node).labels))) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role !== '') roles.push(role);
    } else if (k === ROLE_LABEL && str(v) !== '') {
      roles.push(str(v));
    }
  }
  return sortedSet(roles);
}

function nodeStatus(node: KubeObject): string {
  // the last Ready condition wins, as in upstream's map of conditions by type
  let ready: string | undefined;
  for (const c of items(status(node).conditions)) {
    if (c.type === 'Ready') ready = c.status === 'True' ? 'Ready' : 'NotReady';
  }
  const parts = [ready ?? 'Unknown'];
  if (spec(node).unschedulable === true) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/** getNodeInternalIP / getNodeExternalIP: the first address of the type. */
function address(node: KubeObject, type: string): string {
  const found = items(status(node).addresses).find((a) => a.type === type);
  return found ? str(found.address) : '<none>';
}

const orUnknown = (s: string) => (s === '' ? '<unknown>' : s);

export const nodes: TableEntry = {
  columns: [
    NAME,
    text('Status', 'Whether the node is ready, and schedulable.'),
    text('Roles', 'Roles from the node\'s role labels.'),
    AGE,
    text('Version', 'The kubelet\'s version.'),
    wide('Internal-IP', 'The node\'s first internal IP.'),
    wide('External-IP', 'The node\'s first external IP.'),
    wide('OS-Image', 'The operating system image.'),
    wide('Kernel-Version', 'The kernel version.'),
    wide('Container-Runtime', 'The container runtime and its version.'),
  ],
  row(o, now) {
    const info = obj(status(o).nodeInfo);
    const roles = nodeRoles(o).join(',');
    return [
      name(o), nodeStatus(o), roles === '' ? '<none>' : roles, age(o, now), str(info.kubeletVersion),
      address(o, 'InternalIP'), address(o, 'ExternalIP'), orUnknown(str(info.osImage)), orUnknown(str(info.kernelVersion)),
      orUnknown(str(info.containerRuntimeVersion)),
    ];
  },
};

export const namespaces: TableEntry = {
  columns: [NAME, text('Status', 'The namespace\'s phase.'), AGE],
  row: (o, now) => [name(o), str(status(o).phase), age(o, now)],
};

export const componentStatuses: TableEntry = {
  columns: [
    NAME,
    text('Status', 'Whether the component is healthy.'),
    text('Message', 'What the health check said.'),
    text('Error', 'The health check\'s error.'),
  ],
  row(o) {
    const healthy = items(o.conditions).find((c) => c.type === 'Healthy');
    if (!healthy) return [name(o), 'Unknown', '', ''];
    return [name(o), healthy.status === 'True' ? 'Healthy' : 'Unhealthy', str(healthy.message), str(healthy.error)];
  },
};
