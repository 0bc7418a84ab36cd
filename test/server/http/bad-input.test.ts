// Bad requests get a Status with kube-apiserver's reason and code, and never hurt the server.
import assert from 'node:assert/strict';
import { connect } from 'node:tls';
import { test } from 'node:test';
import { startServer } from '../../helpers/server.ts';

test('malformed bodies are 400 BadRequest', async (t) => {
  const srv = await startServer(t);
  for (const body of ['{"metadata":', '[1,2]', '"x"', '']) {
    const r = await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body, headers: { 'Content-Type': 'application/json' } });
    assert.equal(r.status, 400, body);
    assert.equal(r.json().kind, 'Status');
    assert.equal(r.json().reason, 'BadRequest');
  }
  const yaml = await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: 'metadata: [unclosed', headers: { 'Content-Type': 'application/yaml' } });
  assert.equal(yaml.status, 400);
});

test('YAML bodies are read (YAML 1.1)', async (t) => {
  const srv = await startServer(t);
  const r = await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: 'metadata:\n  name: from-yaml\ndata:\n  a: "1"\n', headers: { 'Content-Type': 'application/yaml' } });
  assert.equal(r.status, 201);
  assert.equal(r.json().metadata.name, 'from-yaml');
});

test('a body of the wrong kind or version is refused', async (t) => {
  const srv = await startServer(t);
  const r = await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' } } });
  assert.equal(r.status, 400);
  assert.equal(r.json().message, 'the API version in the data (apps/v1) does not match the expected API version (v1)');
});

test('unsupported media types are 415, oversized bodies 413', async (t) => {
  const srv = await startServer(t);
  const r = await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: 'x', headers: { 'Content-Type': 'text/plain' } });
  assert.equal(r.status, 415);
  assert.equal(r.json().reason, 'UnsupportedMediaType');
  const big = JSON.stringify({ metadata: { name: 'big' }, data: { a: 'x'.repeat(3 * 1024 * 1024) } });
  const tooLarge = await srv.request('POST', '/api/v1/namespaces/default/configmaps', { body: big });
  assert.equal(tooLarge.status, 413);
  assert.equal(tooLarge.json().message, 'Request entity too large: limit is 3145728');
});

test('only-protobuf Accept is 406; unknown paths 404; wrong methods 405', async (t) => {
  const srv = await startServer(t);
  const r = await srv.request('GET', '/api/v1/namespaces/default/configmaps', { headers: { Accept: 'application/vnd.kubernetes.protobuf' } });
  assert.equal(r.status, 406);
  assert.equal(r.json().reason, 'NotAcceptable');
  for (const path of ['/nope', '/api/v2/pods', '/api/v1/widgets', '/apis/apps/v1/namespaces/default/deployments/x/nope']) {
    const nf = await srv.request('GET', path);
    assert.equal(nf.status, 404, path);
    assert.equal(nf.json().message, 'the server could not find the requested resource');
  }
  const put = await srv.request('PUT', '/api/v1/namespaces/default/configmaps', { body: {} });
  assert.equal(put.status, 405);
  assert.equal(put.json().reason, 'MethodNotAllowed');
  const createAll = await srv.request('POST', '/api/v1/configmaps', { body: { metadata: { name: 'x' } } });
  assert.equal(createAll.status, 405);
});

test('anonymous requests are forbidden outside public paths', async (t) => {
  const srv = await startServer(t);
  const r = await srv.request('GET', '/api/v1/namespaces/default/pods', { anonymous: true });
  assert.equal(r.status, 403);
  assert.equal(r.json().message, 'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"');
  const path = await srv.request('GET', '/api', { anonymous: true });
  assert.equal(path.status, 403);
  assert.equal(path.json().message, 'forbidden: User "system:anonymous" cannot get path "/api"');
});

test('a broken connection mid-request does not take the server down', async (t) => {
  const srv = await startServer(t);
  const url = new URL(srv.url);
  await new Promise<void>((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port), ca: srv.server.pki.ca.certPem }, () => {
      socket.write('POST /api/v1/namespaces/default/configmaps HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"metadata":');
      socket.destroy();
      resolve();
    });
  });
  await new Promise<void>((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port), ca: srv.server.pki.ca.certPem }, () => {
      socket.write('GARBAGE\r\n\r\n');
      socket.on('close', () => resolve());
    });
    socket.on('error', () => resolve());
  });
  assert.equal((await srv.request('GET', '/readyz')).status, 200);
});
