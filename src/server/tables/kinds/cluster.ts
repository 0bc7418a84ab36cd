// Cluster plumbing: leases, lease candidates, priority classes, runtime classes (printers.go), and
// API services (kube-aggregator's own convertor).
import { AGE, NAME, boolean, integer, text } from '../columns.ts';
import { age, has, int, items, name, obj, spec, status, str } from '../fields.ts';
import type { TableEntry } from '../types.ts';

export const leases: TableEntry = {
  columns: [NAME, text('Holder', 'Who holds the lease.'), AGE],
  row: (o, now) => [name(o), str(spec(o).holderIdentity), age(o, now)],
};

export const leaseCandidates: TableEntry = {
  columns: [
    NAME,
    text('LeaseName', 'The lease the candidate runs for.'),
    text('BinaryVersion', 'The candidate\'s binary version.'),
    text('EmulationVersion', 'The version the candidate emulates.'),
    AGE,
  ],
  row(o, now) {
    const sp = spec(o);
    return [name(o), str(sp.leaseName), str(sp.binaryVersion), str(sp.emulationVersion), age(o, now)];
  },
};

export const priorityClasses: TableEntry = {
  columns: [
    NAME,
    integer('Value', 'The priority of pods of the class.'),
    boolean('Global-Default', 'Whether pods without a class get this one.'),
    AGE,
    text('PreemptionPolicy', 'Whether pods of the class preempt others.'),
  ],
  row: (o, now) => [name(o), int(o.value), o.globalDefault === true, age(o, now), str(o.preemptionPolicy)],
};

export const runtimeClasses: TableEntry = {
  columns: [NAME, text('Handler', 'The CRI handler the class selects.'), AGE],
  row: (o, now) => [name(o), str(o.handler), age(o, now)],
};

/** The Available condition: "True", "False (Reason)", or "Unknown" without one. */
function available(conditions: unknown): string {
  const c = items(conditions).find((x) => x.type === 'Available');
  if (!c) return 'Unknown';
  if (c.status === 'True' || str(c.reason) === '') return str(c.status);
  return `${str(c.status)} (${str(c.reason)})`;
}

export const apiServices: TableEntry = {
  columns: [
    NAME,
    text('Service', 'The service serving the API, or Local.'),
    text('Available', 'Whether the API is reachable.'),
    AGE,
  ],
  row(o, now) {
    const service = spec(o).service;
    return [
      name(o), has(service) ? `${str(obj(service).namespace)}/${str(obj(service).name)}` : 'Local', available(status(o).conditions), age(o, now),
    ];
  },
  // kube-aggregator's convertor does not look at noHeaders
  ignoresNoHeaders: true,
};
