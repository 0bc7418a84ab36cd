import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/object.ts';
import { NOW, DAY, ago, cells, columnNames } from '../helpers.ts';
import { toTable } from '../../../../src/server/tables/index.ts';

const G = 'networking.k8s.io';
const ingress = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: `${G}/v1`, kind: 'Ingress', metadata: { name: 'web', namespace: 'default', creationTimestamp: ago(DAY) }, spec, status,
});
const rule = (host?: string) => ({ ...(host ? { host } : {}), http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } });

test('ingresses: CLASS, HOSTS, ADDRESS, PORTS', () => {
  assert.deepEqual(columnNames(G, 'ingresses'), ['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age']);
  const i = ingress(
    { ingressClassName: 'nginx', rules: [rule('a.example.com'), rule('b.example.com')], tls: [{ hosts: ['a.example.com'], secretName: 'tls' }] },
    { loadBalancer: { ingress: [{ ip: '192.168.49.2' }] } },
  );
  assert.deepEqual(cells(G, 'ingresses', i), ['web', 'nginx', 'a.example.com,b.example.com', '192.168.49.2', '80, 443', '24h']);
  assert.deepEqual(cells(G, 'ingresses', ingress({ rules: [rule()] })).slice(1, 5), ['<none>', '*', '', '80']);
  assert.equal(cells(G, 'ingresses', ingress({ defaultBackend: { service: { name: 'web', port: { number: 80 } } } }))[2], '*');
});

test('ingress HOSTS: three hosts, then a count of the remaining rules', () => {
  const hosts = (...names: (string | undefined)[]) => cells(G, 'ingresses', ingress({ rules: names.map(rule) }))[2];
  assert.equal(hosts('a', undefined, 'b'), 'a,b');
  assert.equal(hosts('a', 'b', undefined, 'c', 'd'), 'a,b,c + 2 more...');
  assert.equal(hosts('a', 'b', 'c', undefined), 'a,b,c + 1 more...');
});

test('ingress classes: PARAMETERS kind.group/name', () => {
  assert.deepEqual(columnNames(G, 'ingressclasses'), ['Name', 'Controller', 'Parameters', 'Age']);
  const ic = (parameters?: Record<string, unknown>): KubeObject => ({
    apiVersion: `${G}/v1`, kind: 'IngressClass', metadata: { name: 'nginx', creationTimestamp: ago(DAY) },
    spec: { controller: 'k8s.io/ingress-nginx', ...(parameters ? { parameters } : {}) },
  });
  assert.deepEqual(cells(G, 'ingressclasses', ic()), ['nginx', 'k8s.io/ingress-nginx', '<none>', '24h']);
  assert.equal(cells(G, 'ingressclasses', ic({ apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' }))[2], 'IngressParameters.k8s.example.com/external-lb');
  assert.equal(cells(G, 'ingressclasses', ic({ kind: 'ConfigMap', name: 'cfg', scope: 'Namespace', namespace: 'x' }))[2], 'ConfigMap/cfg');
});

test('network policies: POD-SELECTOR, <none> for all pods', () => {
  assert.deepEqual(columnNames(G, 'networkpolicies'), ['Name', 'Pod-Selector', 'Age']);
  const np = (podSelector: unknown): KubeObject => ({ apiVersion: `${G}/v1`, kind: 'NetworkPolicy', metadata: { name: 'deny', creationTimestamp: ago(DAY) }, spec: { podSelector } });
  assert.deepEqual(cells(G, 'networkpolicies', np({})), ['deny', '<none>', '24h']);
  assert.equal(cells(G, 'networkpolicies', np({ matchLabels: { role: 'db' } }))[1], 'role=db');
});

test('service CIDRs and IP addresses', () => {
  const cidr: KubeObject = { apiVersion: `${G}/v1`, kind: 'ServiceCIDR', metadata: { name: 'kubernetes', creationTimestamp: ago(DAY) }, spec: { cidrs: ['10.96.0.0/12', 'fd00:10:96::/112'] } };
  assert.deepEqual(cells(G, 'servicecidrs', cidr), ['kubernetes', '10.96.0.0/12,fd00:10:96::/112', '24h']);
  const ip = (parentRef?: Record<string, unknown>): KubeObject => ({
    apiVersion: `${G}/v1`, kind: 'IPAddress', metadata: { name: '10.96.0.1', creationTimestamp: ago(DAY) }, spec: parentRef ? { parentRef } : {},
  });
  // upstream declares two columns and sends three cells; kubectl prints the two
  assert.deepEqual(columnNames(G, 'ipaddresses'), ['Name', 'ParentRef']);
  assert.deepEqual(cells(G, 'ipaddresses', ip({ group: '', resource: 'services', namespace: 'default', name: 'kubernetes' })), ['10.96.0.1', 'services/default/kubernetes', '24h']);
  assert.equal(cells(G, 'ipaddresses', ip({ group: 'Gateway.Example.com', resource: 'Gateways', name: 'gw' }))[1], 'gateways.gateway.example.com/gw');
  assert.equal(toTable(G, 'ipaddresses', [ip()], { now: NOW }).rows![0]!.cells[1], '<none>');
});
