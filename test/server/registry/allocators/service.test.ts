// Service ClusterIP / NodePort allocation as kube-apiserver's service REST does it (single-stack
// IPv4, 10.96.0.0/12, ports 30000-32767), reading what is taken from the stored Services.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { allocateService, dropTypeDependentFields } from '../../../../src/server/registry/allocators/service.ts';
import { parseIPv4 } from '../../../../src/server/registry/allocators/ranges.ts';
import { defaultsFor } from '../../../../src/server/registry/defaults/index.ts';
import { invalid } from '../../../../src/server/status.ts';
import { strategyContext } from '../../admission/cluster-reader.ts';

const kubernetes: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'kubernetes', namespace: 'default' },
  spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ port: 443 }] },
};

/** A Service as the store has it after defaulting. */
function service(name: string, spec: Record<string, unknown>): KubeObject {
  const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: structuredClone(spec) };
  defaultsFor('', 'Service')!(svc);
  return svc;
}

const spec = (svc: KubeObject) => svc.spec as any;

test('a ClusterIP service gets a free address from the dynamic band, and single-stack IPv4 fields', async () => {
  const svc = service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] });
  assert.deepEqual(await allocateService(svc, undefined, strategyContext([kubernetes])), []);
  const ip = parseIPv4(spec(svc).clusterIP)!;
  assert.ok(ip >= parseIPv4('10.96.1.0')! && ip <= parseIPv4('10.111.255.254')!, spec(svc).clusterIP);
  assert.deepEqual(spec(svc).clusterIPs, [spec(svc).clusterIP]);
  assert.deepEqual(spec(svc).ipFamilies, ['IPv4']);
  assert.equal(spec(svc).ipFamilyPolicy, 'SingleStack');
  assert.equal(spec(svc).ports[0].nodePort, undefined);
});

test('a requested clusterIP is honoured, or refused with upstream texts', async () => {
  const ctx = strategyContext([kubernetes]);
  const ok = service('a', { clusterIP: '10.96.0.50', ports: [{ port: 80 }] });
  assert.deepEqual(await allocateService(ok, undefined, ctx), []);
  assert.deepEqual(spec(ok).clusterIPs, ['10.96.0.50']);
  const taken = service('b', { clusterIP: '10.96.0.1', ports: [{ port: 80 }] });
  assert.deepEqual(await allocateService(taken, undefined, ctx), [
    { type: 'FieldValueInvalid', field: 'spec.clusterIPs', detail: '[]string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated' },
  ]);
  const outside = service('c', { clusterIPs: ['10.0.0.5'], clusterIP: '10.0.0.5', ports: [{ port: 80 }] });
  assert.deepEqual(await allocateService(outside, undefined, ctx), [
    { type: 'FieldValueInvalid', field: 'spec.clusterIPs', detail: '[]string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided network does not match the current range' },
  ]);
  const broadcast = service('d', { clusterIP: '10.111.255.255', ports: [{ port: 80 }] });
  assert.equal(
    (await allocateService(broadcast, undefined, ctx))[0]!.detail,
    '[]string{"10.111.255.255"}: failed to allocate IP 10.111.255.255: the provided IP (10.111.255.255) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
  );
});

test('headless and ExternalName services get no address', async () => {
  const ctx = strategyContext([]);
  const headless = service('h', { clusterIP: 'None', selector: { app: 'x' }, ports: [{ port: 80 }] });
  assert.deepEqual(await allocateService(headless, undefined, ctx), []);
  assert.deepEqual(spec(headless).clusterIPs, ['None']);
  assert.deepEqual(spec(headless).ipFamilies, ['IPv4']);
  assert.equal(spec(headless).ipFamilyPolicy, 'SingleStack');
  // headless without a selector may carry both families
  const selectorless = service('s', { clusterIP: 'None', ports: [{ port: 80 }] });
  await allocateService(selectorless, undefined, ctx);
  assert.equal(spec(selectorless).ipFamilyPolicy, 'RequireDualStack');
  assert.deepEqual(spec(selectorless).ipFamilies, ['IPv4', 'IPv6']);
  const external = service('e', { type: 'ExternalName', externalName: 'example.com' });
  assert.deepEqual(await allocateService(external, undefined, ctx), []);
  assert.equal(spec(external).clusterIP, undefined);
  assert.equal(spec(external).ipFamilies, undefined);
  assert.equal(spec(external).ipFamilyPolicy, undefined);
});

test('dual-stack demands are refused on this single-stack cluster', async () => {
  const ctx = strategyContext([]);
  const dual = service('d', { ipFamilyPolicy: 'RequireDualStack', ports: [{ port: 80 }] });
  assert.deepEqual(await allocateService(dual, undefined, ctx), [
    { type: 'FieldValueInvalid', field: 'spec.ipFamilyPolicy', value: 'RequireDualStack', detail: 'this cluster is not configured for dual-stack services' },
  ]);
  const v6 = service('v6', { ipFamilies: ['IPv6'], ports: [{ port: 80 }] });
  assert.deepEqual(await allocateService(v6, undefined, ctx), [{ type: 'FieldValueInvalid', field: 'spec.ipFamilies[0]', value: 'IPv6', detail: 'not configured on this cluster' }]);
  const prefer = service('p', { ipFamilyPolicy: 'PreferDualStack', ports: [{ port: 80 }] });
  assert.deepEqual(await allocateService(prefer, undefined, ctx), []);
  assert.deepEqual(spec(prefer).ipFamilies, ['IPv4']);
});

test('NodePort: free ports are allocated; requested ones honoured or refused', async () => {
  const taken = service('taken', { type: 'NodePort', clusterIP: '10.96.0.20', ports: [{ port: 80, nodePort: 30080 }] });
  spec(taken).clusterIPs = ['10.96.0.20'];
  const ctx = strategyContext([kubernetes, taken]);
  const np = service('np', { type: 'NodePort', ports: [{ name: 'http', port: 80 }, { name: 'dns', port: 53, protocol: 'UDP', nodePort: 30053 }] });
  assert.deepEqual(await allocateService(np, undefined, ctx), []);
  const [http, dns] = spec(np).ports;
  assert.ok(http.nodePort >= 30086 && http.nodePort <= 32767, String(http.nodePort));
  assert.equal(dns.nodePort, 30053);
  const clash = service('clash', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] });
  assert.deepEqual(await allocateService(clash, undefined, ctx), [
    { type: 'FieldValueInvalid', field: 'spec.ports[0].nodePort', value: 30080, detail: 'provided port is already allocated' },
  ]);
  const out = service('out', { type: 'NodePort', ports: [{ port: 80 }, { port: 81, nodePort: 8080 }] });
  assert.deepEqual(await allocateService(out, undefined, ctx), [
    { type: 'FieldValueInvalid', field: 'spec.ports[1].nodePort', value: 8080, detail: 'provided port is not in the valid range. The range of valid ports is 30000-32767' },
  ]);
});

test('ports with the same number share one node port (TCP and UDP 53)', async () => {
  const svc = service('dns', { type: 'NodePort', ports: [{ name: 'tcp', port: 53, protocol: 'TCP' }, { name: 'udp', port: 53, protocol: 'UDP' }] });
  await allocateService(svc, undefined, strategyContext([]));
  const [tcp, udp] = spec(svc).ports;
  assert.ok(tcp.nodePort);
  assert.equal(udp.nodePort, tcp.nodePort);
});

test('LoadBalancer: node ports unless opted out, a health check port with Local traffic', async () => {
  const ctx = strategyContext([]);
  const lb = service('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 443 }] });
  await allocateService(lb, undefined, ctx);
  assert.ok(spec(lb).ports[0].nodePort);
  assert.ok(spec(lb).healthCheckNodePort >= 30000 && spec(lb).healthCheckNodePort <= 32767);
  assert.notEqual(spec(lb).healthCheckNodePort, spec(lb).ports[0].nodePort);
  const noPorts = service('np', { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false, ports: [{ port: 443 }] });
  await allocateService(noPorts, undefined, ctx);
  assert.equal(spec(noPorts).ports[0].nodePort, undefined);
  assert.equal(spec(noPorts).healthCheckNodePort, undefined);
});

test('an update keeps allocated values the client left out, and its own ports are not "taken"', async () => {
  const ctx = strategyContext([]);
  const old = service('web', { type: 'NodePort', ports: [{ name: 'http', port: 80 }] });
  await allocateService(old, undefined, ctx);
  // a PUT without clusterIP(s) and nodePort: carried over
  const put = service('web', { type: 'NodePort', ports: [{ name: 'http', port: 80 }] });
  assert.deepEqual(await allocateService(put, old, strategyContext([old])), []);
  assert.equal(spec(put).clusterIP, spec(old).clusterIP);
  assert.deepEqual(spec(put).clusterIPs, spec(old).clusterIPs);
  assert.equal(spec(put).ports[0].nodePort, spec(old).ports[0].nodePort);
  assert.deepEqual(spec(put).ipFamilies, ['IPv4']);
  // re-requesting its own port is fine; a new port is allocated beside it
  const more = service('web', { type: 'NodePort', clusterIP: spec(old).clusterIP, ports: [{ name: 'http', port: 80, nodePort: spec(old).ports[0].nodePort }, { name: 'https', port: 443 }] });
  assert.deepEqual(await allocateService(more, old, strategyContext([old])), []);
  assert.ok(spec(more).ports[1].nodePort && spec(more).ports[1].nodePort !== spec(old).ports[0].nodePort);
});

test('type changes: ExternalName to ClusterIP allocates; NodePort to ClusterIP drops the ports', async () => {
  const ctx = strategyContext([]);
  const external = service('x', { type: 'ExternalName', externalName: 'example.com' });
  const toClusterIP = service('x', { type: 'ClusterIP', ports: [{ port: 80 }] });
  assert.deepEqual(await allocateService(toClusterIP, external, ctx), []);
  assert.ok(spec(toClusterIP).clusterIP);
  const nodePort = service('y', { type: 'NodePort', ports: [{ port: 80 }] });
  await allocateService(nodePort, undefined, ctx);
  // kubectl edit: only the type changes
  const back: KubeObject = structuredClone(nodePort);
  spec(back).type = 'ClusterIP';
  assert.deepEqual(await allocateService(back, nodePort, ctx), []);
  dropTypeDependentFields(spec(back), spec(nodePort), (back.status ??= {}) as Record<string, unknown>);
  assert.equal(spec(back).ports[0].nodePort, undefined);
  assert.equal(spec(back).externalTrafficPolicy, undefined);
  assert.equal(spec(back).clusterIP, spec(nodePort).clusterIP);
  assert.deepEqual(back.status, { loadBalancer: {} });
  // to ExternalName: the address and its families go
  const toExternal: KubeObject = structuredClone(nodePort);
  Object.assign(spec(toExternal), { type: 'ExternalName', externalName: 'example.com' });
  dropTypeDependentFields(spec(toExternal), spec(nodePort));
  assert.equal(spec(toExternal).clusterIP, undefined);
  assert.equal(spec(toExternal).clusterIPs, undefined);
  assert.equal(spec(toExternal).ipFamilies, undefined);
  assert.equal(spec(toExternal).ipFamilyPolicy, undefined);
});

test('a released value is free again: allocation reads what Services hold now', async () => {
  const holder = service('holder', { type: 'NodePort', clusterIP: '10.96.0.99', ports: [{ port: 80, nodePort: 30999 }] });
  spec(holder).clusterIPs = ['10.96.0.99'];
  const again = () => service('again', { type: 'NodePort', clusterIP: '10.96.0.99', ports: [{ port: 80, nodePort: 30999 }] });
  assert.equal((await allocateService(again(), undefined, strategyContext([holder]))).length, 1);
  assert.deepEqual(await allocateService(again(), undefined, strategyContext([])), []);
});

test('refusals read as kube-apiserver writes them', async () => {
  const ctx = strategyContext([kubernetes]);
  const taken = service('b', { clusterIP: '10.96.0.1', ports: [{ port: 80 }] });
  assert.equal(
    invalid({ group: '', kind: 'Service' }, 'b', await allocateService(taken, undefined, ctx)).message,
    'Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated',
  );
  const v6 = service('v6', { clusterIP: 'fd00::10', ports: [{ port: 80 }] });
  assert.equal(
    invalid({ group: '', kind: 'Service' }, 'v6', await allocateService(v6, undefined, ctx)).message,
    'Service "v6" is invalid: spec.clusterIPs[0]: Invalid value: []string{"fd00::10"}: IPv6 is not configured on this cluster',
  );
  const port = service('p', { type: 'NodePort', ports: [{ port: 80, nodePort: 40000 }] });
  assert.equal(
    invalid({ group: '', kind: 'Service' }, 'p', await allocateService(port, undefined, ctx)).message,
    'Service "p" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767',
  );
});
