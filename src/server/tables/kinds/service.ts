// Services, endpoints and endpoint slices (printers.go printService, printEndpoints,
// printEndpointSlice).
import { formatLabels } from '../../../api/labels/format.ts';
import { AGE, NAME, text, wide } from '../columns.ts';
import { age, has, int, items, listWithMore, name, obj, sortedSet, spec, status, str, strings } from '../fields.ts';
import type { Json } from '../fields.ts';
import type { TableEntry } from '../types.ts';

/**
 * loadBalancerStatusStringer: IPs (else hostnames), sorted and de-duplicated. The server always
 * prints wide, so the 16-character clipping of narrow output never applies.
 */
export function loadBalancerIngress(lb: unknown): string {
  const values = items(obj(lb).ingress)
    .map((i) => (str(i.ip) !== '' ? str(i.ip) : str(i.hostname)))
    .filter((v) => v !== '');
  return sortedSet(values).join(',');
}

function externalIP(svc: Json, st: Json): string {
  const externalIPs = strings(svc.externalIPs);
  switch (svc.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(st.loadBalancer);
      if (externalIPs.length > 0) return [...(lb === '' ? [] : lb.split(',')), ...externalIPs].join(',');
      return lb === '' ? '<pending>' : lb;
    }
    case 'ExternalName':
      return str(svc.externalName);
    default:
      return '<unknown>';
  }
}

/** makePortString: "80/TCP", "80:30080/TCP", comma-joined. */
function ports(list: unknown): string {
  return items(list)
    .map((p) => (int(p.nodePort) > 0 ? `${int(p.port)}:${int(p.nodePort)}/${str(p.protocol)}` : `${int(p.port)}/${str(p.protocol)}`))
    .join(',');
}

export const services: TableEntry = {
  columns: [
    NAME,
    text('Type', 'How the service is exposed.'),
    text('Cluster-IP', 'The service\'s cluster IP.'),
    text('External-IP', 'Addresses the service is reachable at from outside.'),
    text('Port(s)', 'Service ports, with node ports.'),
    AGE,
    wide('Selector', 'Labels of the pods the service routes to.'),
  ],
  row(o, now) {
    const sp = spec(o);
    // the internal type's clusterIPs[0]: the legacy clusterIP field wins in v1 conversion
    const clusterIP = str(sp.clusterIP) || str(strings(sp.clusterIPs)[0]);
    return [
      name(o), str(sp.type), clusterIP === '' ? '<none>' : clusterIP, externalIP(sp, status(o)),
      ports(sp.ports) || '<none>', age(o, now), formatLabels(sp.selector),
    ];
  },
};

/** net.JoinHostPort: brackets around IPv6 hosts. */
const hostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** formatEndpoints: up to three ip:port pairs, then " + N more...". */
function formatEndpoints(subsets: unknown): string {
  const list = items(subsets);
  if (list.length === 0) return '<none>';
  const out: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of list) {
    const addresses = items(ss.addresses);
    const subsetPorts = items(ss.ports);
    // headless services may have no ports: addresses alone
    const perPort: (number | undefined)[] = subsetPorts.length === 0 ? [undefined] : subsetPorts.map((p) => int(p.port));
    for (const port of perPort) {
      count += addresses.length;
      for (const a of addresses) {
        if (out.length === max) {
          more = true;
          break;
        }
        out.push(port === undefined ? str(a.ip) : hostPort(str(a.ip), port));
      }
    }
  }
  const joined = out.join(',');
  return more ? `${joined} + ${count - max} more...` : joined;
}

export const endpoints: TableEntry = {
  columns: [NAME, text('Endpoints', 'Addresses and ports of the endpoints.'), AGE],
  row: (o, now) => [name(o), formatEndpoints(o.subsets), age(o, now)],
};

/** formatDiscoveryPorts: port numbers (else names, else "*"). */
function discoveryPorts(list: unknown): string {
  const all = items(list);
  const shown = all.slice(0, 3).map((p) => (has(p.port) ? String(int(p.port)) : has(p.name) ? str(p.name) : '*'));
  return listWithMore(shown, all.length > 3, all.length, 3);
}

/** formatDiscoveryEndpoints: the addresses of all endpoints. */
function discoveryEndpoints(list: unknown): string {
  const addresses = items(list).flatMap((e) => strings(e.addresses));
  return listWithMore(addresses.slice(0, 3), addresses.length > 3, addresses.length, 3);
}

export const endpointSlices: TableEntry = {
  columns: [
    NAME,
    text('AddressType', 'The kind of addresses the slice holds.'),
    text('Ports', 'Ports of the endpoints.'),
    text('Endpoints', 'Addresses of the endpoints.'),
    AGE,
  ],
  row: (o, now) => [name(o), str(o.addressType), discoveryPorts(o.ports), discoveryEndpoints(o.endpoints), age(o, now)],
};
