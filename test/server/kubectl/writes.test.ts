// Real kubectl 1.27, 1.30, 1.32 and 1.33 write to the bundled server every way they can: typed
// create generators (protobuf bodies on 1.32+), tokens and reviews, every patch type, label,
// annotate, scale, replace, edit, client- and server-side apply, diff, cascading deletes and the
// deletion of a populated namespace. Skips where kubectl is not installed.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createCa, issueCert } from '../../../src/server/auth/pki.ts';
import { kubectlBinary, run, startServer, type TestServer } from '../../helpers/server.ts';

const VERSIONS = ['1.27', '1.30', '1.32', '1.33'];

const DEPLOYMENT_V1 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        env:
        - {name: MODE, value: fast}
        - {name: DEBUG, value: "1"}
`;
// The same with DEBUG removed and another image: the second client-side apply deletes the field.
const DEPLOYMENT_V2 = DEPLOYMENT_V1.replace('nginx:1.25', 'nginx:1.26').replace('        - {name: DEBUG, value: "1"}\n', '');

for (const version of VERSIONS) {
  const binary = kubectlBinary(version);
  describe(`kubectl ${version} writes`, { skip: binary ? false : `kubectl.${version} is not installed` }, () => {
    let srv: TestServer;
    let env: NodeJS.ProcessEnv;
    let dir: string;
    const cleanups: (() => unknown)[] = [];
    const k = (...args: string[]) => run(binary!, args, env);
    const ok = async (...args: string[]) => {
      const r = await k(...args);
      assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed:\n${r.stderr}`);
      return r.stdout;
    };
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const jsonOf = async (...args: string[]) => JSON.parse(await ok('get', ...args, '-o', 'json'));

    before(async () => {
      srv = await startServer({ after: (fn) => cleanups.push(fn) });
      dir = mkdtempSync(join(tmpdir(), 'ktl-writes-'));
      env = { KUBECONFIG: srv.kubeconfig, HOME: dir };
    });
    after(async () => {
      for (const fn of cleanups.reverse()) await fn();
    });

    test('create generators', async () => {
      const ca = createCa('test-ca');
      const cert = issueCert(ca, { commonName: 'example.com', dnsNames: ['example.com'], usage: 'server' });
      const crt = file('tls.crt', cert.certPem);
      const key = file('tls.key', cert.keyPem);
      const expectations: [string[], string][] = [
        [['create', 'configmap', 'cfg', '--from-literal=a=1', '--from-literal=b=2'], 'configmap/cfg created'],
        [['create', 'secret', 'generic', 'gen', '--from-literal=user=admin'], 'secret/gen created'],
        [['create', 'secret', 'tls', 'tls', `--cert=${crt}`, `--key=${key}`], 'secret/tls created'],
        [['create', 'deployment', 'dep', '--image=nginx:1.25', '--replicas=2'], 'deployment.apps/dep created'],
        [['create', 'service', 'clusterip', 'svc', '--tcp=80:8080'], 'service/svc created'],
        [['create', 'namespace', 'other'], 'namespace/other created'],
        [['create', 'serviceaccount', 'robot'], 'serviceaccount/robot created'],
        [['create', 'job', 'once', '--image=busybox', '--', 'echo', 'hi'], 'job.batch/once created'],
        [['create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/5 * * * *', '--', 'date'], 'cronjob.batch/tick created'],
        [['create', 'role', 'reader', '--verb=get,list', '--resource=pods'], 'role.rbac.authorization.k8s.io/reader created'],
        [['create', 'rolebinding', 'reader-binding', '--role=reader', '--serviceaccount=default:robot'], 'rolebinding.rbac.authorization.k8s.io/reader-binding created'],
        [['create', 'quota', 'small', '--hard=pods=10,cpu=2'], 'resourcequota/small created'],
        [['create', 'priorityclass', 'high', '--value=1000', '--description=important'], 'priorityclass.scheduling.k8s.io/high created'],
        [['create', 'poddisruptionbudget', 'pdb', '--selector=app=dep', '--min-available=1'], 'poddisruptionbudget.policy/pdb created'],
        [['create', 'ingress', 'ing', '--rule=example.com/=svc:80'], 'ingress.networking.k8s.io/ing created'],
      ];
      for (const [args, expected] of expectations) assert.equal((await ok(...args)).trim(), expected);
      const svc = await jsonOf('service', 'svc');
      assert.match(svc.spec.clusterIP, /^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/, 'a cluster IP from the service range');
      const dep = await jsonOf('deployment', 'dep');
      assert.equal(dep.spec.strategy.rollingUpdate.maxSurge, '25%', 'deployment defaults');
      assert.equal(dep.spec.template.spec.containers[0].imagePullPolicy, 'IfNotPresent');
      const secret = await jsonOf('secret', 'tls');
      assert.equal(secret.type, 'kubernetes.io/tls');
    });

    test('tokens and reviews', async () => {
      const token = (await ok('create', 'token', 'robot')).trim();
      assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
      assert.equal((await ok('auth', 'can-i', 'create', 'pods')).trim(), 'yes');
      const whoami = await ok('auth', 'whoami', '-o', 'json');
      assert.equal(JSON.parse(whoami).status.userInfo.username, 'admin');
      // The token alone (no client certificate, which would win) authenticates as the service account.
      const ca = Buffer.from(srv.server.pki.ca.certPem).toString('base64');
      const tokenConfig = file(
        'token.kubeconfig',
        `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "${srv.url}", certificate-authority-data: ${ca}}\nusers:\n- name: u\n  user: {token: "${token}"}\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\n`,
      );
      const asRobot = await run(binary!, ['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'], { ...env, KUBECONFIG: tokenConfig });
      assert.deepEqual([asRobot.code, asRobot.stdout], [0, 'system:serviceaccount:default:robot'], asRobot.stderr);
    });

    test('patch (json, merge, strategic), label, annotate, scale, replace', async () => {
      await ok('patch', 'deployment', 'dep', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":3}]');
      await ok('patch', 'deployment', 'dep', '--type=merge', '-p', '{"metadata":{"labels":{"patched":"merge"}}}');
      await ok('patch', 'deployment', 'dep', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}');
      assert.equal((await ok('label', 'deployment', 'dep', 'tier=web')).trim(), 'deployment.apps/dep labeled');
      // kubectl 1.27 says "annotate", later ones "annotated".
      assert.match((await ok('annotate', 'deployment', 'dep', 'owner=team')).trim(), /^deployment\.apps\/dep annotated?$/);
      assert.equal((await ok('scale', 'deployment', 'dep', '--replicas=4')).trim(), 'deployment.apps/dep scaled');
      const dep = await jsonOf('deployment', 'dep');
      assert.equal(dep.spec.replicas, 4);
      assert.equal(dep.metadata.labels.patched, 'merge');
      assert.equal(dep.metadata.labels.tier, 'web');
      assert.equal(dep.metadata.annotations.owner, 'team');
      assert.equal(dep.spec.template.spec.containers[0].image, 'nginx:1.27');
      dep.spec.replicas = 1;
      const replaced = file('replace.json', JSON.stringify(dep));
      assert.equal((await ok('replace', '-f', replaced)).trim(), 'deployment.apps/dep replaced');
      assert.equal((await jsonOf('deployment', 'dep')).spec.replicas, 1);
      const stale = await k('replace', '-f', replaced);
      assert.equal(stale.code, 1);
      assert.match(stale.stderr, /Operation cannot be fulfilled on deployments\.apps "dep": the object has been modified/);
    });

    test('edit with EDITOR set to a script', async () => {
      const editor = file('editor.sh', '#!/bin/sh\nsed -i \'s/^  a: "1"$/  a: "edited"/\' "$1"\n');
      chmodSync(editor, 0o755);
      const r = await run(binary!, ['edit', 'configmap', 'cfg'], { ...env, EDITOR: editor, KUBE_EDITOR: editor });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.trim(), 'configmap/cfg edited');
      assert.equal((await jsonOf('configmap', 'cfg')).data.a, 'edited');
    });

    test('client-side apply twice removes a dropped field; diff shows pending changes', async () => {
      const v1 = file('web-v1.yaml', DEPLOYMENT_V1);
      const v2 = file('web-v2.yaml', DEPLOYMENT_V2);
      assert.equal((await ok('apply', '-f', v1)).trim(), 'deployment.apps/web created');
      const diff = await k('diff', '-f', v2);
      assert.equal(diff.code, 1, `diff exits 1 when there are differences: ${diff.stderr}`);
      assert.match(diff.stdout, /^-\s+image: nginx:1\.25$/m);
      assert.match(diff.stdout, /^\+\s+image: nginx:1\.26$/m);
      assert.equal((await ok('apply', '-f', v2)).trim(), 'deployment.apps/web configured');
      const env2 = (await jsonOf('deployment', 'web')).spec.template.spec.containers[0].env;
      assert.deepEqual(env2, [{ name: 'MODE', value: 'fast' }]);
      assert.equal((await ok('apply', '-f', v2)).trim(), 'deployment.apps/web unchanged');
      assert.equal((await k('diff', '-f', v2)).code, 0);
    });

    test('server-side apply: a conflict, then --force-conflicts', async () => {
      const ssa = file('web-ssa.yaml', DEPLOYMENT_V1.replace('replicas: 2', 'replicas: 5').replace('name: web\n', 'name: web-ssa\n'));
      assert.equal((await ok('apply', '--server-side', '-f', ssa)).trim(), 'deployment.apps/web-ssa serverside-applied');
      await ok('scale', 'deployment', 'web-ssa', '--replicas=2');
      const conflict = await k('apply', '--server-side', '-f', ssa);
      assert.equal(conflict.code, 1);
      // kubectl scale has no field manager of its own: the server names it after the User-Agent.
      assert.match(conflict.stderr, /Apply failed with 1 conflict: conflict with "kubectl[^"]*" with subresource "scale" using apps\/v1: \.spec\.replicas/);
      assert.equal((await ok('apply', '--server-side', '--force-conflicts', '-f', ssa)).trim(), 'deployment.apps/web-ssa serverside-applied');
      assert.equal((await jsonOf('deployment', 'web-ssa')).spec.replicas, 5);
    });

    test('delete with each --cascade', async () => {
      for (const cascade of ['background', 'foreground', 'orphan']) {
        const name = `del-${cascade}`;
        await ok('create', 'deployment', name, '--image=nginx');
        const uid = (await jsonOf('deployment', name)).metadata.uid;
        // A dependent as a ReplicaSet controller would make it.
        const rs = file(`${name}-rs.json`, JSON.stringify({
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: { name: `${name}-rs`, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid, controller: true, blockOwnerDeletion: true }] },
          spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
        }));
        await ok('create', '-f', rs);
        assert.equal((await ok('delete', 'deployment', name, `--cascade=${cascade}`)).trim(), `deployment.apps "${name}" deleted`);
        const left = await k('get', 'replicaset', `${name}-rs`, '-o', 'json');
        if (cascade === 'orphan') {
          assert.equal(left.code, 0, 'orphaned dependents stay');
          assert.equal(JSON.parse(left.stdout).metadata.ownerReferences, undefined);
        } else {
          for (let i = 0; i < 100 && (await k('get', 'replicaset', `${name}-rs`)).code === 0; i++) await new Promise((r) => setTimeout(r, 50));
          assert.equal((await k('get', 'replicaset', `${name}-rs`)).code, 1, `${cascade} deletion removes dependents`);
        }
      }
    });

    test('delete a populated namespace', async () => {
      await ok('create', 'configmap', 'inside', '-n', 'other', '--from-literal=x=y');
      await ok('create', 'deployment', 'inside', '-n', 'other', '--image=nginx');
      assert.equal((await ok('delete', 'namespace', 'other')).trim(), 'namespace "other" deleted');
      const gone = await k('get', 'namespace', 'other');
      assert.equal(gone.code, 1);
      assert.equal(gone.stderr.trim(), 'Error from server (NotFound): namespaces "other" not found');
    });
  });
}
