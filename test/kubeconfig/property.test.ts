import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKubeconfig, serializeKubeconfig } from '../../src/kubeconfig/index.ts';
import { parsePropertyPath, setProperty } from '../../src/kubeconfig/property.ts';

const CONFIG = await parseKubeconfig(`
current-context: a
clusters:
- name: c1
  cluster: {server: https://c1, insecure-skip-tls-verify: true}
contexts:
- name: a
  context: {cluster: c1, user: u1, namespace: ns}
users:
- name: u1
  user: {token: t, exec: {command: x, apiVersion: client.authentication.k8s.io/v1, interactiveMode: Never}}
`);

const steps = (path: string) => parsePropertyPath(path).map((s) => s.value);

test('a map key runs until the next field name of the entry type', () => {
  assert.deepEqual(steps('clusters.c1.server'), ['clusters', 'c1', 'server']);
  assert.deepEqual(steps('clusters.a.b.server'), ['clusters', 'a.b', 'server']);
  assert.deepEqual(steps('clusters.server.server'), ['clusters', 'server', 'server']);
  // No field name follows: the rest is all key.
  assert.deepEqual(steps('users.u1.as'), ['users', 'u1.as']);
  assert.deepEqual(steps('current-context'), ['current-context']);
});

test('paths are checked against the internal types', () => {
  assert.throws(() => parsePropertyPath('foo'), { message: 'unable to parse foo after [] at api.Config' });
  assert.throws(() => parsePropertyPath('preferences.x'), /^KubeconfigError: unable to parse preferences\.x after \[\{preferences 0x[0-9a-f]+\}\] at api\.Preferences$/);
  // A pointer field cannot be walked into.
  assert.throws(() => parsePropertyPath('users.u1.exec.command'), { message: 'unable to parse one or more field values of users.u1.exec.command' });
});

test('set changes strings, booleans and bytes of existing and new entries', () => {
  let c = setProperty(CONFIG, 'clusters.c1.server', 'https://new');
  assert.equal(c.clusters.c1!.server, 'https://new');
  assert.equal(CONFIG.clusters.c1!.server, 'https://c1', 'the input is not edited');
  c = setProperty(c, 'clusters.c1.insecure-skip-tls-verify', 'false');
  assert.equal(c.clusters.c1!.insecureSkipTlsVerify, undefined);
  c = setProperty(c, 'clusters.new.certificate-authority-data', 'aGVsbG8=');
  assert.deepEqual(c.clusters.new, { server: '', certificateAuthorityData: Buffer.from('hello') });
  c = setProperty(c, 'users.u2.client-key-data', 'raw text', { rawBytes: true });
  assert.equal(c.authInfos.u2!.clientKeyData!.toString(), 'raw text');
  c = setProperty(c, 'contexts.b.namespace', 'x');
  assert.deepEqual(c.contexts.b, { cluster: '', authInfo: '', namespace: 'x' });
  // The internal name of `as`.
  c = setProperty(c, 'users.u1.act-as', 'admin');
  assert.equal(c.authInfos.u1!.impersonate, 'admin');
  assert.match(serializeKubeconfig(c), /\n    as: admin\n/);
});

test('set refuses what kubectl refuses, with its messages', () => {
  assert.throws(() => setProperty(CONFIG, 'users.u1.client-key-data', 'not*base64'), { message: 'error decoding input value: illegal base64 data at input byte 3' });
  assert.throws(() => setProperty(CONFIG, 'clusters.c1.insecure-skip-tls-verify', 'maybe'), { message: 'strconv.ParseBool: parsing "maybe": invalid syntax' });
  assert.throws(() => setProperty(CONFIG, 'clusters.c1', 'x'), /^KubeconfigError: can't set a map to a value: map\[c1:0x[0-9a-f]+\]$/);
  assert.throws(() => setProperty(CONFIG, 'users.u1.act-as-groups', 'x'), { message: 'unrecognized slice type. string' });
  assert.throws(() => setProperty(CONFIG, 'preferences', 'x'), {
    message: 'unable to locate path config.navigationStep{stepValue:"", stepType:reflect.Type(nil)} under {false map[]}',
  });
});

test('unset clears fields, removes entries and zeroes structs', () => {
  let c = setProperty(CONFIG, 'contexts.a.namespace', '', { unset: true });
  assert.equal(c.contexts.a!.namespace, undefined);
  c = setProperty(c, 'users.u1.exec', '', { unset: true });
  assert.equal(c.authInfos.u1!.exec, undefined);
  c = setProperty(c, 'clusters.c1', '', { unset: true });
  assert.deepEqual(c.clusters, {});
  c = setProperty(c, 'current-context', '', { unset: true });
  assert.equal(c.currentContext, '');
  // Removing an absent entry is fine; reaching under one is not.
  assert.doesNotThrow(() => setProperty(CONFIG, 'clusters.nope', '', { unset: true }));
  assert.throws(() => setProperty(CONFIG, 'clusters.nope.server', '', { unset: true }), { message: 'current map key `nope` is invalid' });
  // A cleared map is nil, which kubectl's write-back tells apart from an empty one.
  assert.deepEqual(setProperty(CONFIG, 'preferences', '', { unset: true }).preferences, { extensions: null });
});
