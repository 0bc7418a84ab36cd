import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { DAY, ago, cells, columnNames } from '../helpers.ts';

const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', creationTimestamp: ago(3 * DAY) }, spec, status,
});

test('service columns', () => {
  assert.deepEqual(columnNames('', 'services'), ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector']);
});

test('ClusterIP and NodePort services: ports with node ports, <none> external IP', () => {
  const kubernetes = svc({ type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] });
  assert.deepEqual(cells('', 'services', kubernetes), ['web', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '3d', '<none>']);
  const nodePort = svc({
    type: 'NodePort', clusterIP: '10.96.12.7', clusterIPs: ['10.96.12.7'], selector: { app: 'web' },
    ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 53, nodePort: 30053, protocol: 'UDP' }],
  });
  assert.deepEqual(cells('', 'services', nodePort), ['web', 'NodePort', '10.96.12.7', '<none>', '80:30080/TCP,53:30053/UDP', '3d', 'app=web']);
  const withExternal = svc({ type: 'ClusterIP', clusterIP: '10.96.0.9', externalIPs: ['203.0.113.5', '203.0.113.6'], ports: [{ port: 80, protocol: 'TCP' }] });
  assert.equal(cells('', 'services', withExternal)[3], '203.0.113.5,203.0.113.6');
});

test('LoadBalancer EXTERNAL-IP: <pending>, ingress IPs and hostnames sorted, external IPs appended', () => {
  const spec = { type: 'LoadBalancer', clusterIP: '10.96.1.1', ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] };
  assert.deepEqual(cells('', 'services', svc(spec)).slice(1, 5), ['LoadBalancer', '10.96.1.1', '<pending>', '80:31000/TCP']);
  const lb = { loadBalancer: { ingress: [{ ip: '198.51.100.9' }, { hostname: 'a1b2.elb.example.com' }, { ip: '198.51.100.2' }, { ip: '198.51.100.9' }] } };
  // the server prints wide: no 16-character clipping
  assert.equal(cells('', 'services', svc(spec, lb))[3], '198.51.100.2,198.51.100.9,a1b2.elb.example.com');
  assert.equal(cells('', 'services', svc({ ...spec, externalIPs: ['203.0.113.5'] }, lb))[3], '198.51.100.2,198.51.100.9,a1b2.elb.example.com,203.0.113.5');
  assert.equal(cells('', 'services', svc({ ...spec, externalIPs: ['203.0.113.5'] }))[3], '203.0.113.5');
});

test('ExternalName and headless services', () => {
  assert.deepEqual(cells('', 'services', svc({ type: 'ExternalName', externalName: 'db.example.com' })).slice(1, 5), ['ExternalName', '<none>', 'db.example.com', '<none>']);
  const headless = svc({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'db' }, ports: [{ port: 5432, protocol: 'TCP' }] });
  assert.deepEqual(cells('', 'services', headless).slice(1, 5), ['ClusterIP', 'None', '<none>', '5432/TCP']);
  // the legacy clusterIP field wins over clusterIPs, as v1 conversion makes it
  assert.equal(cells('', 'services', svc({ type: 'ClusterIP', clusterIPs: ['fd00::1', '10.96.0.3'] }))[2], 'fd00::1');
});

const endpoints = (subsets: unknown[] | undefined): KubeObject => ({
  apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', creationTimestamp: ago(3 * DAY) }, ...(subsets ? { subsets } : {}),
});

test('endpoints: ip:port pairs, three at most then "+ N more..."', () => {
  assert.deepEqual(columnNames('', 'endpoints'), ['Name', 'Endpoints', 'Age']);
  const addresses = (...ips: string[]) => ips.map((ip) => ({ ip }));
  assert.deepEqual(cells('', 'endpoints', endpoints([{ addresses: addresses('10.0.0.1', '10.0.0.2'), ports: [{ port: 8080, protocol: 'TCP' }] }])), ['web', '10.0.0.1:8080,10.0.0.2:8080', '3d']);
  assert.equal(
    cells('', 'endpoints', endpoints([{ addresses: addresses('10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'), ports: [{ port: 80 }] }]))[1],
    '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...',
  );
  // every address counts once per port
  assert.equal(
    cells('', 'endpoints', endpoints([{ addresses: addresses('10.0.0.1', '10.0.0.2'), ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] }]))[1],
    '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...',
  );
  assert.equal(cells('', 'endpoints', endpoints([{ addresses: addresses('fd00::1'), ports: [{ port: 8080 }] }]))[1], '[fd00::1]:8080');
  assert.equal(cells('', 'endpoints', endpoints([{ addresses: addresses('10.0.0.1') }]))[1], '10.0.0.1');
  assert.equal(cells('', 'endpoints', endpoints(undefined))[1], '<none>');
  // only not-ready addresses: a subset, but nothing to list
  assert.equal(cells('', 'endpoints', endpoints([{ notReadyAddresses: addresses('10.0.0.1'), ports: [{ port: 80 }] }]))[1], '');
});

test('endpoint slices: ports and addresses, <unset> when none', () => {
  assert.deepEqual(columnNames('discovery.k8s.io', 'endpointslices'), ['Name', 'AddressType', 'Ports', 'Endpoints', 'Age']);
  const slice = (ports: unknown[], eps: unknown[]): KubeObject => ({
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-abc12', creationTimestamp: ago(3 * DAY) },
    addressType: 'IPv4', ports, endpoints: eps,
  });
  const s = slice([{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'https', port: 443 }], [
    { addresses: ['10.0.0.1'], conditions: { ready: true } }, { addresses: ['10.0.0.2'] },
  ]);
  assert.deepEqual(cells('discovery.k8s.io', 'endpointslices', s), ['web-abc12', 'IPv4', '80,443', '10.0.0.1,10.0.0.2', '3d']);
  assert.deepEqual(cells('discovery.k8s.io', 'endpointslices', slice([], [])).slice(2, 4), ['<unset>', '<unset>']);
  const many = slice([{ name: 'metrics' }, {}, { port: 1 }, { port: 2 }], [{ addresses: ['a', 'b'] }, { addresses: ['c', 'd', 'e'] }]);
  assert.deepEqual(cells('discovery.k8s.io', 'endpointslices', many).slice(2, 4), ['metrics,*,1 + 1 more...', 'a,b,c + 2 more...']);
});
