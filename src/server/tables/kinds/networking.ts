// networking.k8s.io: ingresses, ingress classes, network policies, service CIDRs and IP addresses
// (printers.go).
import { formatLabelSelector } from '../../../api/labels/format.ts';
import { AGE, NAME, text } from '../columns.ts';
import { age, has, items, length, name, obj, spec, status, str, strings } from '../fields.ts';
import type { TableEntry } from '../types.ts';
import { loadBalancerIngress } from './service.ts';

/** formatHosts: the first three hosts; the "more" count is of rules, with or without a host. */
function formatHosts(rules: unknown): string {
  const list = items(rules);
  const hosts: string[] = [];
  const max = 3;
  let more = false;
  for (const rule of list) {
    if (hosts.length === max) more = true;
    if (!more && str(rule.host) !== '') hosts.push(str(rule.host));
  }
  if (hosts.length === 0) return '*';
  return more ? `${hosts.join(',')} + ${list.length - max} more...` : hosts.join(',');
}

export const ingresses: TableEntry = {
  columns: [
    NAME,
    text('Class', 'The ingress class.'),
    text('Hosts', 'Hosts the rules match.'),
    text('Address', 'Addresses of the load balancer.'),
    text('Ports', 'Ports served: 80, and 443 with TLS.'),
    AGE,
  ],
  row(o, now) {
    const sp = spec(o);
    return [
      name(o), has(sp.ingressClassName) ? str(sp.ingressClassName) : '<none>', formatHosts(sp.rules),
      loadBalancerIngress(status(o).loadBalancer), length(sp.tls) > 0 ? '80, 443' : '80', age(o, now),
    ];
  },
};

export const ingressClasses: TableEntry = {
  columns: [
    NAME,
    text('Controller', 'The controller that implements the class.'),
    text('Parameters', 'The resource holding the class\'s parameters.'),
    AGE,
  ],
  row(o, now) {
    const sp = spec(o);
    let parameters = '<none>';
    if (has(sp.parameters)) {
      const p = obj(sp.parameters);
      parameters = `${str(p.kind)}${has(p.apiGroup) ? `.${str(p.apiGroup)}` : ''}/${str(p.name)}`;
    }
    return [name(o), str(sp.controller), parameters, age(o, now)];
  },
};

export const networkPolicies: TableEntry = {
  columns: [NAME, text('Pod-Selector', 'Pods the policy applies to.'), AGE],
  // the pod selector is a struct, not a pointer: absent reads as empty, <none>
  row: (o, now) => [name(o), formatLabelSelector(obj(spec(o).podSelector)), age(o, now)],
};

export const serviceCIDRs: TableEntry = {
  columns: [NAME, text('CIDRs', 'Ranges service IPs are allocated from.'), AGE],
  row: (o, now) => [name(o), strings(spec(o).cidrs).join(','), age(o, now)],
};

export const ipAddresses: TableEntry = {
  // upstream declares no Age column yet sends an age cell, which kubectl drops
  columns: [NAME, text('ParentRef', 'The object the address is allocated to.')],
  row(o, now) {
    let parent = '<none>';
    const sp = spec(o);
    if (has(sp.parentRef)) {
      const ref = obj(sp.parentRef);
      // schema.GroupResource.String(), lower-cased: "services" or "gateways.example.com"
      const group = str(ref.group);
      parent = (group === '' ? str(ref.resource) : `${str(ref.resource)}.${group}`).toLowerCase();
      if (str(ref.namespace) !== '') parent += `/${str(ref.namespace)}`;
      parent += `/${str(ref.name)}`;
    }
    return [name(o), parent, age(o, now)];
  },
};
