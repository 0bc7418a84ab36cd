// CustomResourceDefinitions end to end on a real server: acceptance of names, discovery and
// OpenAPI at once, validation errors, name conflicts, deletion that removes the custom resources
// first, and serving again after a restart.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startServer } from '../../helpers/server.ts';
import { CRDS, CRONTABS, condition, cronTab, cronTabCrd, deleteCrd, establish, waitFor, watchFor } from './crd-helpers.ts';

test('a new CRD: stored with its defaults, then names accepted and Established', async (t) => {
  const srv = await startServer(t);
  const r = await srv.request('POST', CRDS, { body: cronTabCrd() });
  assert.equal(r.status, 201);
  const created = r.json();
  assert.equal(created.metadata.generation, 1);
  assert.equal(created.spec.names.listKind, 'CronTabList');
  assert.deepEqual(created.spec.conversion, { strategy: 'None' });
  assert.deepEqual(created.status.storedVersions, ['v1']);
  assert.equal(created.metadata.finalizers, undefined, 'the cleanup finalizer only comes with deletion');

  const crd = await waitFor(srv, CRDS, 'crontabs.stable.example.com', (_t, o) => condition(o, 'Established')?.status === 'True');
  assert.deepEqual(crd.status.acceptedNames, { plural: 'crontabs', singular: 'crontab', shortNames: ['ct'], kind: 'CronTab', listKind: 'CronTabList', categories: ['all'] });
  const { lastTransitionTime: t1, ...names } = condition(crd, 'NamesAccepted');
  assert.deepEqual(names, { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' });
  assert.match(t1, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const { lastTransitionTime: _t2, ...established } = condition(crd, 'Established');
  assert.deepEqual(established, { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' });
  assert.equal(crd.metadata.generation, 1, 'status writes do not count');
});

test('an Established CRD is in discovery (legacy and aggregated) and OpenAPI', async (t) => {
  const srv = await startServer(t);
  await establish(srv, cronTabCrd());
  const group = (await srv.request('GET', '/apis/stable.example.com')).json();
  assert.deepEqual(group.versions, [
    { groupVersion: 'stable.example.com/v1', version: 'v1' },
    { groupVersion: 'stable.example.com/v1beta1', version: 'v1beta1' },
  ]);
  assert.deepEqual(group.preferredVersion, { groupVersion: 'stable.example.com/v1', version: 'v1' });
  const list = (await srv.request('GET', '/apis/stable.example.com/v1')).json();
  assert.deepEqual(
    list.resources.map((r: any) => [r.name, r.kind, r.verbs.join(',')]),
    [
      ['crontabs', 'CronTab', 'delete,deletecollection,get,list,patch,create,update,watch'],
      ['crontabs/status', 'CronTab', 'get,patch,update'],
      ['crontabs/scale', 'Scale', 'get,patch,update'],
    ],
  );
  assert.deepEqual(list.resources[0].shortNames, ['ct']);
  assert.deepEqual(list.resources[0].categories, ['all']);
  const beta = (await srv.request('GET', '/apis/stable.example.com/v1beta1')).json();
  assert.deepEqual(beta.resources.map((r: any) => r.name), ['crontabs'], 'v1beta1 declares no subresources');
  const agg = (await srv.request('GET', '/apis', { headers: { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList' } })).json();
  const item = agg.items.find((i: any) => i.metadata.name === 'stable.example.com');
  assert.deepEqual(item.versions.map((v: any) => v.version), ['v1', 'v1beta1']);
  assert.equal(item.versions[0].resources[0].responseKind.kind, 'CronTab');

  const index = (await srv.request('GET', '/openapi/v3')).json();
  assert.ok(index.paths['apis/stable.example.com/v1'], 'OpenAPI v3 index lists the group version');
  const doc = (await srv.request('GET', '/openapi/v3/apis/stable.example.com/v1')).json();
  const schema = doc.components.schemas['com.example.stable.v1.CronTab'];
  assert.deepEqual(schema['x-kubernetes-group-version-kind'], [{ group: 'stable.example.com', kind: 'CronTab', version: 'v1' }]);
  assert.deepEqual(Object.keys(schema.properties.spec.properties).sort(), ['cronSpec', 'extra', 'image', 'labels', 'policy', 'replicas']);
  assert.ok(doc.paths['/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}/scale']);
  const v2 = (await srv.request('GET', '/openapi/v2')).json();
  assert.ok(v2.definitions['com.example.stable.v1.CronTab']);
});

test('an invalid CRD is 422 with upstream field paths', async (t) => {
  const srv = await startServer(t);
  const crd = cronTabCrd();
  crd.spec.versions = [crd.spec.versions[0]];
  delete crd.spec.versions[0].schema.openAPIV3Schema.properties.spec.type;
  crd.spec.names.listKind = 'CronTab';
  const r = await srv.request('POST', CRDS, { body: crd });
  assert.equal(r.status, 422);
  const status = r.json();
  assert.equal(
    status.message,
    'CustomResourceDefinition.apiextensions.k8s.io "crontabs.stable.example.com" is invalid: [spec.names.listKind: Invalid value: "CronTab": kind and listKind may not be the same, spec.validation.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields]',
  );
  assert.deepEqual(status.details.causes, [
    { reason: 'FieldValueInvalid', message: 'Invalid value: "CronTab": kind and listKind may not be the same', field: 'spec.names.listKind' },
    { reason: 'FieldValueRequired', message: 'Required value: must not be empty for specified object fields', field: 'spec.validation.openAPIV3Schema.properties[spec].type' },
  ]);
});

test('CRD updates: generation counts spec changes, status only changes through /status, plural is immutable', async (t) => {
  const srv = await startServer(t);
  const crd = await establish(srv, cronTabCrd());
  crd.spec.versions[1].served = false;
  crd.status.acceptedNames.kind = 'Hacked';
  const r = await srv.request('PUT', `${CRDS}/${crd.metadata.name}`, { body: crd });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json().metadata.generation, 2);
  assert.equal(r.json().status.acceptedNames.kind, 'CronTab', 'status is kept on the main resource');
  const gone = await srv.request('GET', '/apis/stable.example.com/v1beta1');
  assert.equal(gone.status, 404, 'an unserved version leaves discovery');
  const renamed = r.json();
  renamed.spec.names.plural = 'crontabz';
  const bad = await srv.request('PUT', `${CRDS}/${crd.metadata.name}`, { body: renamed });
  assert.equal(bad.status, 422);
  assert.match(bad.json().message, /spec\.names\.plural: Invalid value: "crontabz": field is immutable/);
});

test('a name another CRD of the group uses is not accepted until it is free', async (t) => {
  const srv = await startServer(t);
  await establish(srv, cronTabCrd());
  const other = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'crontasks.stable.example.com' },
    spec: {
      group: 'stable.example.com',
      scope: 'Namespaced',
      names: { plural: 'crontasks', kind: 'CronTask', shortNames: ['ct'] },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
    },
  };
  assert.equal((await srv.request('POST', CRDS, { body: other })).status, 201);
  const refused = await waitFor(srv, CRDS, 'crontasks.stable.example.com', (_t, o) => !!condition(o, 'NamesAccepted'));
  const { lastTransitionTime: _a, ...names } = condition(refused, 'NamesAccepted');
  assert.deepEqual(names, { type: 'NamesAccepted', status: 'False', reason: 'ShortNamesConflict', message: '"ct" is already in use' });
  const { lastTransitionTime: _b, ...est } = condition(refused, 'Established');
  assert.deepEqual(est, { type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted' });
  assert.equal((await srv.request('GET', '/apis/stable.example.com/v1/namespaces/default/crontasks')).status, 404, 'not served');

  await deleteCrd(srv, 'crontabs.stable.example.com');
  const accepted = await waitFor(srv, CRDS, 'crontasks.stable.example.com', (_t, o) => condition(o, 'Established')?.status === 'True');
  assert.deepEqual(accepted.status.acceptedNames.shortNames, ['ct']);
  assert.equal((await srv.request('GET', '/apis/stable.example.com/v1/namespaces/default/crontasks')).status, 200);
});

test('deleting a CRD deletes its custom resources, then the CRD; creates are refused meanwhile', async (t) => {
  const srv = await startServer(t);
  await establish(srv, cronTabCrd());
  await srv.request('POST', '/api/v1/namespaces', { body: { metadata: { name: 'other' } } });
  assert.equal((await srv.request('POST', CRONTABS, { body: cronTab('a') })).status, 201);
  assert.equal((await srv.request('POST', '/apis/stable.example.com/v1/namespaces/other/crontabs', { body: cronTab('b') })).status, 201);
  // one custom resource holds a finalizer, so the CRD stays Terminating until it is released
  const held = cronTab('held');
  held.metadata.finalizers = ['example.com/hold'];
  assert.equal((await srv.request('POST', CRONTABS, { body: held })).status, 201);

  const aGone = await watchFor(srv, CRONTABS, 'a', (type) => type === 'DELETED');
  const terminating = await watchFor(srv, CRDS, 'crontabs.stable.example.com', (_t, o) => condition(o, 'Terminating')?.reason === 'InstanceDeletionInProgress');
  const del = await srv.request('DELETE', `${CRDS}/crontabs.stable.example.com`);
  assert.ok(del.status === 200 || del.status === 202, del.text);
  const marked = del.json();
  assert.ok(marked.metadata.deletionTimestamp);
  assert.deepEqual(marked.metadata.finalizers, ['customresourcecleanup.apiextensions.k8s.io']);
  const { lastTransitionTime: _x, ...pending } = condition(marked, 'Terminating');
  assert.deepEqual(pending, {
    type: 'Terminating',
    status: 'True',
    reason: 'InstanceDeletionPending',
    message: 'CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon',
  });
  const inProgress = await terminating();
  assert.equal(condition(inProgress, 'Terminating').message, 'CustomResource deletion is in progress');
  await aGone();
  assert.equal((await srv.request('GET', '/apis/stable.example.com/v1/namespaces/other/crontabs/b')).status, 404);
  const h = (await srv.request('GET', `${CRONTABS}/held`)).json();
  assert.ok(h.metadata.deletionTimestamp, 'the held one is being deleted');

  const refused = await srv.request('POST', CRONTABS, { body: cronTab('late') });
  assert.equal(refused.status, 403);
  assert.equal(refused.json().message, 'crontabs.stable.example.com "late" is forbidden: create not allowed while custom resource definition is terminating');

  const crdGone = await watchFor(srv, CRDS, 'crontabs.stable.example.com', (type) => type === 'DELETED');
  const released = await srv.request('PUT', `${CRONTABS}/held`, { body: { ...h, metadata: { ...h.metadata, finalizers: [] } } });
  assert.equal(released.status, 200, released.text);
  const last = await crdGone();
  const { lastTransitionTime: _y, ...completed } = condition(last, 'Terminating');
  assert.deepEqual(completed, { type: 'Terminating', status: 'False', reason: 'InstanceDeletionCompleted', message: 'removed all instances' });
  assert.equal((await srv.request('GET', '/apis/stable.example.com/v1')).status, 404);
  assert.equal((await srv.request('GET', CRONTABS)).status, 404);
  const index = (await srv.request('GET', '/openapi/v3')).json();
  assert.equal(index.paths['apis/stable.example.com/v1'], undefined);
});

test('a restarted server serves the stored CRDs and their custom resources at once', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ktl-crd-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const cleanups: (() => unknown)[] = [];
  const first = await startServer({ after: (fn) => cleanups.push(fn) }, { storage: 'sqlite', dataDir });
  await establish(first, cronTabCrd());
  assert.equal((await first.request('POST', CRONTABS, { body: cronTab('kept') })).status, 201);
  for (const fn of cleanups.reverse()) await fn();
  const second = await startServer(t, { storage: 'sqlite', dataDir });
  const got = await second.request('GET', `${CRONTABS}/kept`);
  assert.equal(got.status, 200, got.text);
  assert.equal(got.json().spec.replicas, 1);
  const table = await second.request('GET', CRONTABS, { headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' } });
  assert.deepEqual(table.json().columnDefinitions.map((c: any) => c.name), ['Name', 'Spec', 'Replicas', 'Image', 'Age']);
});
