// core/v1 and events.k8s.io/v1 serve one set of Events (stored as core/v1), converted both ways.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { kubectlBinary, run, startServer } from '../../helpers/server.ts';
import { openSqliteStorage } from '../../../src/server/storage/sqlite.ts';

const CORE = '/api/v1/namespaces/default/events';
const EVENTS = '/apis/events.k8s.io/v1/namespaces/default/events';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString().replace(/\.\d+Z$/, '.000000Z');

function newStyle(name: string, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    eventTime: minutesAgo(20),
    reportingController: 'kubelet',
    reportingInstance: 'node1',
    action: 'Pull',
    reason: 'Pulled',
    regarding: { kind: 'Pod', name: 'p', namespace: 'default', apiVersion: 'v1' },
    note: 'image pulled',
    type: 'Normal',
    ...extra,
  };
}

function oldStyle(name: string) {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    involvedObject: { kind: 'Deployment', name: 'web', namespace: 'default', apiVersion: 'apps/v1' },
    reason: 'ScalingReplicaSet',
    message: 'Scaled up',
    source: { component: 'deployment-controller', host: 'cp1' },
    firstTimestamp: '2024-05-01T10:00:00Z',
    lastTimestamp: '2024-05-01T11:00:00Z',
    count: 3,
    type: 'Normal',
  };
}

test('an event created through events.k8s.io/v1 reads through core/v1, and the other way round', async (t) => {
  const srv = await startServer(t);
  const created = await srv.request('POST', EVENTS, { body: newStyle('new') });
  assert.equal(created.status, 201, created.text);
  const asCore = (await srv.request('GET', `${CORE}/new`)).json();
  assert.equal(asCore.apiVersion, 'v1');
  assert.deepEqual(asCore.involvedObject, { kind: 'Pod', namespace: 'default', name: 'p', apiVersion: 'v1' });
  assert.equal(asCore.message, 'image pulled');
  assert.equal(asCore.reportingComponent, 'kubelet');
  assert.equal(asCore.reportingInstance, 'node1');
  // no defaulting of source from the reporting controller (conversion.go only renames)
  assert.deepEqual(asCore.source, {});
  assert.equal(asCore.metadata.resourceVersion, created.json().metadata.resourceVersion);
  assert.equal(asCore.metadata.uid, created.json().metadata.uid);

  assert.equal((await srv.request('POST', CORE, { body: oldStyle('old') })).status, 201);
  const asV1 = (await srv.request('GET', `${EVENTS}/old`)).json();
  assert.equal(asV1.apiVersion, 'events.k8s.io/v1');
  assert.deepEqual(asV1.regarding, { kind: 'Deployment', namespace: 'default', name: 'web', apiVersion: 'apps/v1' });
  assert.deepEqual(asV1.deprecatedSource, { component: 'deployment-controller', host: 'cp1' });
  assert.equal(asV1.note, 'Scaled up');
  assert.equal(asV1.deprecatedFirstTimestamp, '2024-05-01T10:00:00Z');
  assert.equal(asV1.deprecatedLastTimestamp, '2024-05-01T11:00:00Z');
  assert.equal(asV1.deprecatedCount, 3);
  for (const core of ['involvedObject', 'message', 'source', 'firstTimestamp', 'lastTimestamp', 'count', 'reportingComponent']) assert.equal(core in asV1, false, core);
  // the events.k8s.io field order (its Go struct)
  assert.deepEqual(Object.keys(asV1), ['apiVersion', 'kind', 'metadata', 'reason', 'regarding', 'note', 'type', 'deprecatedSource', 'deprecatedFirstTimestamp', 'deprecatedLastTimestamp', 'deprecatedCount']);

  const coreList = (await srv.request('GET', CORE)).json();
  const v1List = (await srv.request('GET', EVENTS)).json();
  assert.deepEqual(coreList.items.map((e: any) => e.metadata.name), ['new', 'old']);
  assert.deepEqual(v1List.items.map((e: any) => e.metadata.name), ['new', 'old']);
  assert.equal(v1List.kind, 'EventList');
  assert.equal(coreList.metadata.resourceVersion, v1List.metadata.resourceVersion);

  // one object: deleting through either API deletes it for both; errors are core's
  assert.equal((await srv.request('DELETE', `${EVENTS}/old`)).status, 200);
  const gone = await srv.request('GET', `${CORE}/old`);
  assert.equal(gone.status, 404);
  assert.equal(gone.json().message, 'events "old" not found');
  assert.equal((await srv.request('GET', `${EVENTS}/old`)).json().message, 'events "old" not found');
});

test('updates, patches and server-side apply through either API', async (t) => {
  const srv = await startServer(t);
  assert.equal((await srv.request('POST', CORE, { body: oldStyle('e') })).status, 201);
  // core/v1 may rewrite an event (the legacy rules); events.k8s.io/v1 only its series and metadata
  const current = (await srv.request('GET', `${CORE}/e`)).json();
  const put = await srv.request('PUT', `${CORE}/e`, { body: { ...current, count: 4, message: 'again' } });
  assert.equal(put.status, 200, put.text);
  const asV1 = (await srv.request('GET', `${EVENTS}/e`)).json();
  assert.deepEqual([asV1.deprecatedCount, asV1.note], [4, 'again']);
  const merge = { 'Content-Type': 'application/merge-patch+json' };
  const patched = await srv.request('PATCH', `${EVENTS}/e`, { body: { metadata: { labels: { a: 'b' } } }, headers: merge });
  assert.equal(patched.status, 200, patched.text);
  assert.deepEqual(patched.json().metadata.labels, { a: 'b' });
  assert.deepEqual((await srv.request('GET', `${CORE}/e`)).json().metadata.labels, { a: 'b' });
  const refused = await srv.request('PATCH', `${EVENTS}/e`, { body: { deprecatedCount: 5 }, headers: merge });
  assert.equal(refused.json().message, 'Event "e" is invalid: count: Invalid value: 5: field is immutable');
  const strategic = await srv.request('PATCH', `${CORE}/e`, { body: { count: 5 }, headers: { 'Content-Type': 'application/strategic-merge-patch+json' } });
  assert.equal(strategic.status, 200, strategic.text);

  const applied = await srv.request('PATCH', `${EVENTS}/applied?fieldManager=test`, {
    body: JSON.stringify(newStyle('applied')),
    headers: { 'Content-Type': 'application/apply-patch+yaml' },
  });
  assert.equal(applied.status, 201, applied.text);
  assert.equal(applied.json().note, 'image pulled');
  assert.equal((await srv.request('GET', `${CORE}/applied`)).json().message, 'image pulled');
});

test('unknown fields are judged against the version written: core field names are unknown to events.k8s.io', async (t) => {
  const srv = await startServer(t);
  const strict = await srv.request('POST', `${EVENTS}?fieldValidation=Strict`, { body: newStyle('s', { message: 'core name' }) });
  assert.equal(strict.status, 400);
  assert.equal(strict.json().message, 'Event in version "v1" cannot be handled as a Event: strict decoding error: unknown field "message"');
  const warned = await srv.request('POST', EVENTS, { body: newStyle('w', { message: 'core name' }) });
  assert.equal(warned.status, 201);
  assert.deepEqual(warned.headers.warning, '299 - "unknown field \\"message\\""');
  // dropped, not stored
  assert.equal((await srv.request('GET', `${CORE}/w`)).json().message, 'image pulled');
});

test('events.k8s.io/v1 validates strictly; core/v1 keeps the legacy rules and names its own fields', async (t) => {
  const srv = await startServer(t);
  const bare = await srv.request('POST', EVENTS, { body: { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'bare' } } });
  assert.equal(bare.status, 422);
  assert.equal(bare.json().message, 'Event "bare" is invalid: [eventTime: Required value, type: Invalid value: "": has invalid value: ]');
  const noController = await srv.request('POST', EVENTS, { body: newStyle('nc', { reportingController: undefined, deprecatedCount: 2 }) });
  assert.equal(noController.status, 422);
  assert.deepEqual(
    noController.json().details.causes.map((c: any) => c.field),
    ['reportingController', 'reportingController', 'reportingController', 'count'],
  );
  // the same object through core: reportingComponent named, no strict rules
  const { apiVersion: _a, regarding, note, reportingController: _r, ...rest } = newStyle('nc');
  const asCore = await srv.request('POST', CORE, { body: { ...rest, apiVersion: 'v1', involvedObject: regarding, message: note, count: 2 } });
  assert.equal(asCore.status, 422);
  assert.deepEqual(asCore.json().details.causes.map((c: any) => c.field), ['reportingComponent', 'reportingComponent', 'reportingComponent']);
  // legacy: an old-style event's involved object lives in its namespace
  const elsewhere = await srv.request('POST', CORE, { body: { ...oldStyle('x'), involvedObject: { kind: 'Pod', name: 'p', namespace: 'other' } } });
  assert.equal(elsewhere.status, 422);
  assert.equal(elsewhere.json().message, 'Event "x" is invalid: involvedObject.namespace: Invalid value: "other": does not match event.namespace');
  // events.k8s.io updates may not change what happened
  assert.equal((await srv.request('POST', EVENTS, { body: newStyle('u') })).status, 201);
  const current = (await srv.request('GET', `${EVENTS}/u`)).json();
  const changed = await srv.request('PUT', `${EVENTS}/u`, { body: { ...current, note: 'rewritten' } });
  assert.equal(changed.status, 422);
  assert.equal(changed.json().message, 'Event "u" is invalid: message: Invalid value: "rewritten": field is immutable');
  // a series may be added once it counts at least 2
  const series = await srv.request('PUT', `${EVENTS}/u`, { body: { ...current, series: { count: 1, lastObservedTime: minutesAgo(1) } } });
  assert.equal(series.json().message, 'Event "u" is invalid: series.count: Invalid value: "": should be at least 2');
  const ok = await srv.request('PUT', `${EVENTS}/u`, { body: { ...current, series: { count: 2, lastObservedTime: minutesAgo(1) } } });
  assert.equal(ok.status, 200, ok.text);
  assert.equal((await srv.request('GET', `${CORE}/u`)).json().series.count, 2);
});

test('a watch through one API sees writes through the other', async (t) => {
  const srv = await startServer(t);
  const rv = (await srv.request('GET', CORE)).json().metadata.resourceVersion;
  const coreWatch = await srv.stream(`${CORE}?watch=1&resourceVersion=${rv}`);
  const v1Watch = await srv.stream(`${EVENTS}?watch=1&resourceVersion=${rv}`);
  assert.equal((await srv.request('POST', EVENTS, { body: newStyle('a') })).status, 201);
  assert.equal((await srv.request('POST', CORE, { body: oldStyle('b') })).status, 201);
  const c1 = await coreWatch.next();
  const c2 = await coreWatch.next();
  assert.deepEqual([c1.type, c1.object.apiVersion, c1.object.metadata.name, c1.object.message], ['ADDED', 'v1', 'a', 'image pulled']);
  assert.deepEqual([c2.type, c2.object.metadata.name], ['ADDED', 'b']);
  const v1 = await v1Watch.next();
  const v2 = await v1Watch.next();
  assert.deepEqual([v1.type, v1.object.apiVersion, v1.object.metadata.name, v1.object.note], ['ADDED', 'events.k8s.io/v1', 'a', 'image pulled']);
  assert.deepEqual([v2.type, v2.object.metadata.name, v2.object.note, v2.object.deprecatedCount], ['ADDED', 'b', 'Scaled up', 3]);
  assert.equal(v2.object.metadata.resourceVersion, c2.object.metadata.resourceVersion);
  assert.equal((await srv.request('DELETE', `${CORE}/a`)).status, 200);
  const deleted = await v1Watch.next();
  assert.deepEqual([deleted.type, deleted.object.apiVersion, deleted.object.metadata.name], ['DELETED', 'events.k8s.io/v1', 'a']);
});

test('field selectors: each API its own labels, matching the same events', async (t) => {
  const srv = await startServer(t);
  await srv.request('POST', EVENTS, { body: newStyle('a') });
  await srv.request('POST', CORE, { body: oldStyle('b') });
  const names = async (path: string) => {
    const r = await srv.request('GET', path);
    assert.equal(r.status, 200, r.text);
    return r.json().items.map((e: any) => e.metadata.name);
  };
  assert.deepEqual(await names(`${EVENTS}?fieldSelector=regarding.name=p`), ['a']);
  assert.deepEqual(await names(`${EVENTS}?fieldSelector=regarding.kind=Deployment,type=Normal`), ['b']);
  assert.deepEqual(await names(`${EVENTS}?fieldSelector=reportingController=kubelet`), ['a']);
  // source: the component, else the reporting controller (events.k8s.io writes have no source)
  assert.deepEqual(await names(`${EVENTS}?fieldSelector=source=kubelet`), ['a']);
  assert.deepEqual(await names(`${CORE}?fieldSelector=source=deployment-controller`), ['b']);
  assert.deepEqual(await names(`${CORE}?fieldSelector=involvedObject.name=p`), ['a']);
  assert.deepEqual(await names(`${CORE}?fieldSelector=reportingComponent=kubelet`), ['a']);
  const wrong = await srv.request('GET', `${EVENTS}?fieldSelector=involvedObject.name=p`);
  assert.equal(wrong.status, 400);
  assert.equal(wrong.json().message, 'field label not supported: involvedObject.name');
  assert.equal((await srv.request('GET', `${CORE}?fieldSelector=regarding.name=p`)).json().message, 'field label not supported: regarding.name');
});

test('tables: both APIs print with the core event columns', async (t) => {
  const srv = await startServer(t);
  await srv.request('POST', EVENTS, { body: newStyle('a') });
  const headers = { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' };
  const core = (await srv.request('GET', CORE, { headers })).json();
  const v1 = (await srv.request('GET', EVENTS, { headers })).json();
  assert.deepEqual(core.columnDefinitions, v1.columnDefinitions);
  assert.deepEqual(core.rows.map((r: any) => r.cells), v1.rows.map((r: any) => r.cells));
  assert.deepEqual(core.rows[0].cells, ['20m', 'Normal', 'Pulled', 'pod/p', '', 'kubelet, node1', 'image pulled', '20m', 1, 'a']);
  assert.equal(v1.rows[0].object.kind, 'PartialObjectMetadata');
});

test('events stored under the old events.k8s.io key move to the shared store on start', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ktl-events-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const storage = await openSqliteStorage(join(dataDir, 'state.db'));
  const { apiVersion: _a, ...legacy } = newStyle('legacy');
  await storage.create('/registry/events.k8s.io/events/default/legacy', { apiVersion: 'events.k8s.io/v1', ...legacy, metadata: { ...legacy.metadata, uid: 'u-1' } } as never);
  await storage.close();
  const srv = await startServer(t, { dataDir, storage: 'sqlite' });
  const asCore = (await srv.request('GET', `${CORE}/legacy`)).json();
  assert.deepEqual([asCore.message, asCore.reportingComponent, asCore.metadata.uid], ['image pulled', 'kubelet', 'u-1']);
  assert.equal((await srv.request('GET', `${EVENTS}/legacy`)).json().note, 'image pulled');
  assert.equal((await srv.server.registry.storage.list('/registry/events.k8s.io/events/')).items.length, 0);
});

const kubectl = kubectlBinary('1.32');
test('kubectl 1.32 get events shows an event created through events.k8s.io/v1', { skip: kubectl ? false : 'kubectl.1.32 is not installed' }, async (t) => {
  const srv = await startServer(t);
  assert.equal((await srv.request('POST', EVENTS, { body: newStyle('e1') })).status, 201);
  const env = { KUBECONFIG: srv.kubeconfig };
  // kube-apiserver prints both APIs with the core event printer: LAST SEEN from eventTime when there
  // are no timestamps, SOURCE from reportingController and reportingInstance
  const plain = await run(kubectl!, ['get', 'events'], env);
  assert.deepEqual(plain, { code: 0, stdout: 'LAST SEEN   TYPE     REASON   OBJECT   MESSAGE\n20m         Normal   Pulled   pod/p    image pulled\n', stderr: '' });
  const grouped = await run(kubectl!, ['get', 'events.events.k8s.io'], env);
  assert.equal(grouped.stdout, plain.stdout);
  const wide = await run(kubectl!, ['get', 'events', '-o', 'wide', '--no-headers'], env);
  assert.deepEqual(wide.stdout.trim().split(/ {2,}/), ['20m', 'Normal', 'Pulled', 'pod/p', 'kubelet, node1', 'image pulled', '20m', '1', 'e1']);
  const json = JSON.parse((await run(kubectl!, ['get', 'events', 'e1', '-o', 'json'], env)).stdout);
  assert.deepEqual([json.apiVersion, json.message, json.involvedObject.name], ['v1', 'image pulled', 'p']);
  const events = await run(kubectl!, ['events'], env);
  assert.match(events.stdout, /^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n20m\s+Normal\s+Pulled\s+Pod\/p\s+image pulled\n$/);
});
