// Unit tests of cluster-info's service lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinSchemeNamePort, serviceLine } from '../../src/cli/cluster-info.ts';

const host = 'https://h:6443';

test('joinSchemeNamePort', () => {
  assert.equal(joinSchemeNamePort('', 'svc', ''), 'svc');
  assert.equal(joinSchemeNamePort('', 'svc', 'dns'), 'svc:dns');
  assert.equal(joinSchemeNamePort('https', 'svc', ''), 'https:svc:');
});

test('proxy URLs: first port, https guessed from the name or 443', () => {
  const svc = (ports: { name?: string; port?: number }[], labels?: Record<string, string>) => ({ metadata: { name: 's', namespace: 'kube-system', labels }, spec: { ports } });
  assert.equal(serviceLine(host, svc([])), 's is running at https://h:6443/api/v1/namespaces/kube-system/services/s/proxy\n');
  assert.equal(serviceLine(host, svc([{ name: 'dns', port: 53 }, { name: 'x', port: 1 }])), 's is running at https://h:6443/api/v1/namespaces/kube-system/services/s:dns/proxy\n');
  assert.equal(serviceLine(host, svc([{ port: 443 }])), 's is running at https://h:6443/api/v1/namespaces/kube-system/services/https:s:/proxy\n');
  assert.equal(serviceLine(host, svc([{ name: 'https', port: 8443 }], { 'kubernetes.io/name': 'Pretty' })), 'Pretty is running at https://h:6443/api/v1/namespaces/kube-system/services/https:s:https/proxy\n');
});

test('load balancers: every port of the first ingress, each followed by a space', () => {
  const svc = { metadata: { name: 'lb', namespace: 'kube-system' }, spec: { ports: [{ port: 80 }, { port: 8080 }] }, status: { loadBalancer: { ingress: [{ hostname: 'a.example' }, { ip: '1.2.3.4' }] } } };
  assert.equal(serviceLine(host, svc), 'lb is running at http://a.example:80 http://a.example:8080 \n');
});
