// Custom resources end to end: CRUD, list and watch in both served versions, pruning and schema
// defaults, validation errors, fieldValidation for pruned fields, the status and scale
// subresources, metadata.generation, printer columns, and namespace deletion.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type TestServer } from '../../helpers/server.ts';
import { CRONTABS, cronTab, cronTabCrd, establish } from './crd-helpers.ts';

const TABLE = { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' };

describe('custom resources', () => {
  let srv: TestServer;
  const cleanups: (() => unknown)[] = [];
  before(async () => {
    srv = await startServer({ after: (fn) => cleanups.push(fn) });
    await establish(srv, cronTabCrd());
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });
  const post = (body: unknown, query = '') => srv.request('POST', `${CRONTABS}${query}`, { body });

  test('create: server metadata, schema defaults, unknown fields pruned, status dropped', async () => {
    const r = await post(cronTab('c1', { cronSpec: '* * * * */5', image: 'cron:1', bogus: true, extra: { free: { form: 1 } } }, { status: { replicas: 9 }, junk: 1 }), '?fieldValidation=Ignore');
    assert.equal(r.status, 201, r.text);
    const obj = r.json();
    assert.deepEqual(Object.keys(obj), ['apiVersion', 'kind', 'metadata', 'spec']);
    assert.equal(obj.metadata.generation, 1);
    assert.match(obj.metadata.uid, /^[0-9a-f-]{36}$/);
    assert.ok(obj.metadata.creationTimestamp);
    assert.deepEqual(obj.spec, { cronSpec: '* * * * */5', extra: { free: { form: 1 } }, image: 'cron:1', policy: 'Allow', replicas: 1 });
    const got = (await srv.request('GET', `${CRONTABS}/c1`)).json();
    assert.deepEqual(got, obj);
  });

  test('list and get in both served versions; the v1beta1 view only changes apiVersion', async () => {
    await post(cronTab('c2'));
    const list = (await srv.request('GET', CRONTABS)).json();
    assert.equal(list.kind, 'CronTabList');
    assert.equal(list.apiVersion, 'stable.example.com/v1');
    assert.ok(list.items.some((i: any) => i.metadata.name === 'c2'));
    const beta = (await srv.request('GET', '/apis/stable.example.com/v1beta1/namespaces/default/crontabs/c2')).json();
    assert.equal(beta.apiVersion, 'stable.example.com/v1beta1');
    assert.equal(beta.spec.cronSpec, '* * * * */5');
    const all = (await srv.request('GET', '/apis/stable.example.com/v1/crontabs')).json();
    assert.ok(all.items.length >= 1, 'list across namespaces');
    const created = await srv.request('POST', '/apis/stable.example.com/v1beta1/namespaces/default/crontabs', { body: { ...cronTab('c3'), apiVersion: 'stable.example.com/v1beta1' } });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json().apiVersion, 'stable.example.com/v1beta1');
    assert.equal((await srv.request('GET', `${CRONTABS}/c3`)).json().apiVersion, 'stable.example.com/v1');
  });

  test('watch: ADDED, MODIFIED, DELETED', async () => {
    const w = await srv.stream(`${CRONTABS}?watch=true&fieldSelector=metadata.name%3Dw1&resourceVersion=0`);
    const created = (await post(cronTab('w1'))).json();
    assert.deepEqual([(await w.next()).type], ['ADDED']);
    await srv.request('PUT', `${CRONTABS}/w1`, { body: { ...created, spec: { ...created.spec, image: 'cron:2' } } });
    const modified = await w.next();
    assert.equal(modified.type, 'MODIFIED');
    assert.equal(modified.object.spec.image, 'cron:2');
    assert.equal(modified.object.metadata.generation, 2);
    await srv.request('DELETE', `${CRONTABS}/w1`);
    assert.equal((await w.next()).type, 'DELETED');
    w.close();
  });

  test('schema violations are 422 Invalid with a cause per field', async () => {
    const r = await post(cronTab('bad', { cronSpec: 'nope', replicas: 11, policy: 'Sometimes' }));
    assert.equal(r.status, 422);
    const s = r.json();
    assert.deepEqual(s.details, {
      name: 'bad',
      group: 'stable.example.com',
      kind: 'CronTab',
      causes: [
        { reason: 'FieldValueInvalid', message: "Invalid value: \"nope\": spec.cronSpec in body should match '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$'", field: 'spec.cronSpec' },
        { reason: 'FieldValueInvalid', message: 'Invalid value: 11: spec.replicas in body should be less than or equal to 10', field: 'spec.replicas' },
        { reason: 'FieldValueNotSupported', message: 'Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"', field: 'spec.policy' },
      ],
    });
    assert.match(s.message, /^CronTab\.stable\.example\.com "bad" is invalid: \[spec\.cronSpec: Invalid value: "nope": /);
    const missing = await post(cronTab('bad2', { image: 'x' }));
    assert.equal(missing.status, 422);
    assert.equal(missing.json().message, 'CronTab.stable.example.com "bad2" is invalid: spec.cronSpec: Required value');
    const typed = await post(cronTab('bad3', { cronSpec: '* * * * *', replicas: 'two' }));
    assert.equal(typed.json().details.causes[0].message, 'Invalid value: "string": spec.replicas in body must be of type integer: "string"');
  });

  test('fieldValidation=Strict refuses pruned fields, Warn warns', async () => {
    const strict = await post(cronTab('s1', { cronSpec: '* * * * *', bogus: 1 }, { metadata: { name: 's1', nope: 1 } }), '?fieldValidation=Strict');
    assert.equal(strict.status, 400);
    assert.equal(strict.json().message, 'CronTab in version "v1" cannot be handled as a CronTab: strict decoding error: unknown field "metadata.nope", unknown field "spec.bogus"');
    const warn = await post(cronTab('s2', { cronSpec: '* * * * *', bogus: 1 }), '?fieldValidation=Warn');
    assert.equal(warn.status, 201);
    assert.equal(warn.headers.warning, '299 - "unknown field \\"spec.bogus\\""');
  });

  test('status subresource: the main resource ignores status, /status ignores the rest', async () => {
    const obj = (await post(cronTab('st'))).json();
    const onlyStatus = await srv.request('PUT', `${CRONTABS}/st`, { body: { ...obj, status: { replicas: 2 } } });
    assert.equal(onlyStatus.status, 200);
    assert.equal(onlyStatus.json().status, undefined);
    assert.equal(onlyStatus.json().metadata.generation, 1);
    const viaStatus = await srv.request('PUT', `${CRONTABS}/st/status`, { body: { ...obj, spec: { ...obj.spec, image: 'ignored' }, status: { replicas: 2, labelSelector: 'app=st' } } });
    assert.equal(viaStatus.status, 200, viaStatus.text);
    assert.deepEqual(viaStatus.json().status, { labelSelector: 'app=st', replicas: 2 });
    assert.equal(viaStatus.json().spec.image, 'cron:1');
    assert.equal(viaStatus.json().metadata.generation, 1, 'status changes do not count');
    const bad = await srv.request('PUT', `${CRONTABS}/st/status`, { body: { ...viaStatus.json<any>(), status: { replicas: 'many' } } });
    assert.equal(bad.status, 422);
    assert.deepEqual(
      bad.json().details.causes.map((c: any) => [c.field, c.message]),
      [
        ['status.replicas', 'Invalid value: "string": replicas in body must be of type integer: "string"'],
        ['.status.replicas', 'Invalid value: 0: .status.replicas accessor error: many is of the type string, expected int64'],
      ],
    );
    const spec = await srv.request('PUT', `${CRONTABS}/st`, { body: { ...viaStatus.json<any>(), spec: { ...obj.spec, replicas: 4 } } });
    assert.equal(spec.json().metadata.generation, 2);
    assert.equal(spec.json().status.replicas, 2);
  });

  test('scale subresource: a Scale view of the CRD paths; writing it sets spec replicas', async () => {
    const obj = (await post(cronTab('sc'))).json();
    await srv.request('PUT', `${CRONTABS}/sc/status`, { body: { ...obj, status: { replicas: 1, labelSelector: 'app=sc' } } });
    const scale = await srv.request('GET', `${CRONTABS}/sc/scale`);
    assert.equal(scale.status, 200, scale.text);
    const s = scale.json();
    assert.equal(s.kind, 'Scale');
    assert.equal(s.apiVersion, 'autoscaling/v1');
    assert.deepEqual([s.spec, s.status], [{ replicas: 1 }, { replicas: 1, selector: 'app=sc' }]);
    const put = await srv.request('PUT', `${CRONTABS}/sc/scale`, { body: { ...s, spec: { replicas: 5 } } });
    assert.equal(put.status, 200, put.text);
    assert.equal(put.json().spec.replicas, 5);
    const after = (await srv.request('GET', `${CRONTABS}/sc`)).json();
    assert.equal(after.spec.replicas, 5);
    assert.equal(after.metadata.generation, 2);
    const tooMany = await srv.request('PUT', `${CRONTABS}/sc/scale`, { body: { ...s, metadata: { name: 'sc' }, spec: { replicas: 50 } } });
    assert.equal(tooMany.status, 422, 'the schema still applies');
  });

  test('tables: printer columns with typed cells; wide ones have priority 1', async () => {
    await post(cronTab('tb', { cronSpec: '*/2 * * * *', image: 'cron:3', replicas: 2 }));
    const r = await srv.request('GET', `${CRONTABS}/tb`, { headers: TABLE });
    const table = r.json();
    assert.deepEqual(
      table.columnDefinitions.map((c: any) => [c.name, c.type, c.priority, c.description]),
      [
        ['Name', 'string', 0, 'Name of the object, unique within its namespace.'],
        ['Spec', 'string', 0, 'When the job runs'],
        ['Replicas', 'integer', 0, 'Custom resource definition column (in JSONPath format): .spec.replicas'],
        ['Image', 'string', 1, 'Custom resource definition column (in JSONPath format): .spec.image'],
        ['Age', 'date', 0, 'Custom resource definition column (in JSONPath format): .metadata.creationTimestamp'],
      ],
    );
    assert.deepEqual(table.rows[0].cells.slice(0, 4), ['tb', '*/2 * * * *', 2, 'cron:3']);
    assert.match(table.rows[0].cells[4], /^\d+s$/);
    const list = (await srv.request('GET', CRONTABS, { headers: TABLE })).json();
    assert.ok(list.rows.length >= 1);
  });

  test('deleting a namespace deletes its custom resources', async () => {
    await srv.request('POST', '/api/v1/namespaces', { body: { metadata: { name: 'doomed' } } });
    const path = '/apis/stable.example.com/v1/namespaces/doomed/crontabs';
    assert.equal((await srv.request('POST', path, { body: cronTab('x') })).status, 201);
    const w = await srv.stream(`${path}?watch=true`);
    assert.equal((await w.next()).type, 'ADDED');
    await srv.request('DELETE', '/api/v1/namespaces/doomed');
    assert.equal((await w.next()).type, 'DELETED');
    w.close();
  });
});
