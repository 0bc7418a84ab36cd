// `config` subcommands in-process, on temp directories: what they print and what they write.
// (test/compat/config.test.ts compares all of this with real kubectl.)
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import { createCtx } from '../../../src/cli/ctx.ts';
import { exitCodeOf, report } from '../../../src/cli/errors.ts';
import { FlagSet, Flags } from '../../../src/cli/flags.ts';
import { GLOBAL_FLAGS, globalOptions } from '../../../src/cli/global-flags.ts';
import { command as config } from '../../../src/cli/config/index.ts';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** `kubectl config <sub> args…` in dir, with HOME=dir/home and the given KUBECONFIG. */
async function run(dir: string, argv: string[], kubeconfig?: string): Promise<Result> {
  const [name, ...rest] = argv;
  const sub = config.subcommands!.find((s) => s.name === name || s.aliases?.includes(name!));
  assert.ok(sub, `no subcommand ${name}`);
  let stdout = '', stderr = '';
  const io = { out: { write: (s: string) => (stdout += s) }, err: { write: (s: string) => (stderr += s) } };
  const env: NodeJS.ProcessEnv = { HOME: join(dir, 'home'), ...(kubeconfig ? { KUBECONFIG: kubeconfig } : {}) };
  try {
    const parsed = new FlagSet([...GLOBAL_FLAGS, ...(sub.flags ?? [])]).parse(rest);
    const flags = new Flags(parsed);
    const ctx = createCtx(io, env, 'kubectl', (home) => globalOptions(flags, env, home));
    ctx.cwd = dir;
    await sub.run!(ctx, { args: parsed.args, flags, argsLenAtDash: parsed.argsLenAtDash, path: ['config', sub.name] });
    return { code: 0, stdout, stderr };
  } catch (err) {
    report(err, io, 'kubectl');
    return { code: exitCodeOf(err), stdout, stderr };
  }
}

function workspace(t: TestContext, files: Record<string, string>): { dir: string; read(name: string): string; mode(name: string): number } {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-config-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text, { mode: 0o644 });
  }
  return { dir, read: (name) => readFileSync(join(dir, name), 'utf8'), mode: (name) => statSync(join(dir, name)).mode & 0o777 };
}

const A = `clusters:
- name: ca
  cluster: {server: https://a}
contexts:
- name: ctx-a
  context: {cluster: ca, user: ua}
users:
- name: ua
  user: {token: tok}
`;
const B = `current-context: ctx-b
contexts:
- name: ctx-b
  context: {cluster: cb, user: ub, namespace: nb}
clusters:
- name: cb
  cluster: {server: https://b, insecure-skip-tls-verify: true, tls-server-name: b.internal}
users:
- name: ub
  user: {username: bob, password: pw}
`;

test('use-context writes current-context to the first file of the chain only', async (t) => {
  const w = workspace(t, { 'a.kc': A, 'b.kc': B });
  const r = await run(w.dir, ['use', 'ctx-a'], 'a.kc:b.kc');
  assert.deepEqual(r, { code: 0, stdout: 'Switched to context "ctx-a".\n', stderr: '' });
  assert.match(w.read('a.kc'), /^current-context: ctx-a$/m);
  assert.equal(w.read('b.kc'), B, 'b.kc untouched');
  assert.equal(w.mode('a.kc'), 0o644, 'an existing file keeps its mode');
  assert.equal(existsSync(join(w.dir, 'a.kc.lock')), false, 'locks released');
  assert.deepEqual(await run(w.dir, ['use-context', 'nope'], 'a.kc:b.kc'), { code: 1, stdout: '', stderr: 'error: no context exists with the name: "nope"\n' });
});

test('set-context modifies an entry in the file that defines it, creates new ones in the default file', async (t) => {
  const w = workspace(t, { 'a.kc': A, 'b.kc': B });
  assert.equal((await run(w.dir, ['set-context', '--current', '--namespace=x'], 'a.kc:b.kc')).stdout, 'Context "ctx-b" modified.\n');
  assert.match(w.read('b.kc'), /namespace: x\n/);
  assert.equal((await run(w.dir, ['set-context', 'new', '--cluster=cb'], 'a.kc:b.kc')).stdout, 'Context "new" created.\n');
  assert.match(w.read('a.kc'), /- context:\n    cluster: cb\n    user: ""\n  name: new\n/);
  const r = await run(w.dir, ['set-context', 'a', '--current'], 'a.kc:b.kc');
  assert.deepEqual(r, { code: 1, stdout: '', stderr: 'error: you cannot specify both a context name and --current\n' });
});

test('set-cluster: --server drops tls-server-name, and an absent --insecure-skip-tls-verify turns it off', async (t) => {
  const w = workspace(t, { 'b.kc': B, 'certs/ca.crt': 'CA' });
  assert.equal((await run(w.dir, ['set-cluster', 'cb', '--server=https://new'], 'b.kc')).stdout, 'Cluster "cb" set.\n');
  assert.match(w.read('b.kc'), /- cluster:\n    server: https:\/\/new\n  name: cb\n/);
  await run(w.dir, ['set-cluster', 'cb', '--certificate-authority=certs/ca.crt'], 'b.kc');
  assert.match(w.read('b.kc'), /certificate-authority: certs\/ca.crt\n/, 'stored relative to the kubeconfig');
  await run(w.dir, ['set-cluster', 'cb', '--certificate-authority=certs/ca.crt', '--embed-certs'], 'b.kc');
  assert.match(w.read('b.kc'), /certificate-authority-data: Q0E=\n/);
  const r = await run(w.dir, ['set-cluster', 'cb', '--embed-certs', '--certificate-authority=nope'], 'b.kc');
  assert.equal(r.stderr, 'error: could not stat certificate-authority file nope: stat nope: no such file or directory\n');
});

test('set-credentials: a token clears basic auth; exec flags build the plugin stanza', async (t) => {
  const w = workspace(t, { 'b.kc': B });
  assert.equal((await run(w.dir, ['set-credentials', 'ub', '--token=t'], 'b.kc')).stdout, 'User "ub" set.\n');
  assert.match(w.read('b.kc'), /- name: ub\n  user:\n    token: t\n/);
  await run(w.dir, ['set-credentials', 'ub', '--exec-command=plugin', '--exec-arg=a,b', '--exec-env=K=V', '--exec-api-version=client.authentication.k8s.io/v1', '--exec-interactive-mode=Never'], 'b.kc');
  assert.match(
    w.read('b.kc'),
    /    exec:\n      apiVersion: client.authentication.k8s.io\/v1\n      args:\n      - a\n      - b\n      command: plugin\n      env:\n      - name: K\n        value: V\n      interactiveMode: Never\n      provideClusterInfo: false\n    token: t\n/,
  );
  const r = await run(w.dir, ['set-credentials', 'u', '--token=t', '--password=p'], 'b.kc');
  assert.equal(r.stderr, 'error: you cannot specify more than one authentication method at the same time: --token, --username/--password\n');
});

test('set and unset by dotted path; unset current-context clears the first file that sets it', async (t) => {
  const w = workspace(t, { 'a.kc': A, 'b.kc': B });
  assert.equal((await run(w.dir, ['set', 'clusters.x.y.server', 'https://xy'], 'a.kc:b.kc')).stdout, 'Property "clusters.x.y.server" set.\n');
  assert.match(w.read('a.kc'), /- cluster:\n    server: https:\/\/xy\n  name: x.y\n/);
  assert.equal((await run(w.dir, ['unset', 'current-context'], 'a.kc:b.kc')).stdout, 'Property "current-context" unset.\n');
  assert.match(w.read('b.kc'), /^current-context: ""$/m);
  const r = await run(w.dir, ['set', 'users.ua.token', ''], 'a.kc:b.kc');
  assert.deepEqual(r, { code: 1, stdout: '', stderr: 'error: you cannot use set to unset a property\n' });
});

test('delete-context names the default file and warns about the current one', async (t) => {
  const w = workspace(t, { 'a.kc': A, 'b.kc': B });
  const r = await run(w.dir, ['delete-context', 'ctx-b'], 'a.kc:b.kc');
  assert.deepEqual(r, {
    code: 0,
    stdout: 'deleted context ctx-b from a.kc\n',
    stderr: 'warning: this removed your active context, use "kubectl config use-context" to select a different one\n',
  });
  assert.doesNotMatch(w.read('b.kc'), /name: ctx-b/);
  assert.match(w.read('b.kc'), /^current-context: ctx-b$/m, 'current-context is left dangling');
  assert.equal((await run(w.dir, ['delete-cluster', 'nope'], 'a.kc:b.kc')).stderr, 'error: cannot delete cluster nope, not in a.kc\n');
  const u = await run(w.dir, ['delete-user'], 'a.kc:b.kc');
  assert.equal(u.stderr, "error: user to delete is required\nSee 'kubectl config delete-user -h' for help and examples\n");
});

test('rename-context moves current-context along', async (t) => {
  const w = workspace(t, { 'b.kc': B });
  assert.equal((await run(w.dir, ['rename-context', 'ctx-b', 'renamed'], 'b.kc')).stdout, 'Context "ctx-b" renamed to "renamed".\n');
  assert.match(w.read('b.kc'), /  name: renamed\ncurrent-context: renamed\n/);
});

test('get-contexts: table, names, unknown names', async (t) => {
  const w = workspace(t, { 'a.kc': A, 'b.kc': B });
  assert.equal(
    (await run(w.dir, ['get-contexts'], 'a.kc:b.kc')).stdout,
    'CURRENT   NAME    CLUSTER   AUTHINFO   NAMESPACE\n          ctx-a   ca        ua         \n*         ctx-b   cb        ub         nb\n',
  );
  assert.equal((await run(w.dir, ['get-contexts', '-o', 'name'], 'a.kc:b.kc')).stdout, 'ctx-a\nctx-b\n');
  const r = await run(w.dir, ['get-contexts', 'x', 'y'], 'a.kc:b.kc');
  assert.deepEqual(r, { code: 1, stdout: 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n', stderr: 'context x not found\ncontext y not found\n' });
});

test('view: redacted by default, --raw, --minify and jsonpath', async (t) => {
  const w = workspace(t, { 'a.kc': A, 'b.kc': B });
  const v = await run(w.dir, ['view', '--minify'], 'a.kc:b.kc');
  assert.equal(
    v.stdout,
    'apiVersion: v1\nclusters:\n- cluster:\n    insecure-skip-tls-verify: true\n    server: https://b\n    tls-server-name: b.internal\n  name: cb\n' +
      'contexts:\n- context:\n    cluster: cb\n    namespace: nb\n    user: ub\n  name: ctx-b\ncurrent-context: ctx-b\nkind: Config\npreferences: {}\n' +
      'users:\n- name: ub\n  user:\n    password: REDACTED\n    username: bob\n',
  );
  assert.equal((await run(w.dir, ['view', '--raw', '-o', 'jsonpath={.users[*].user.token}'], 'a.kc:b.kc')).stdout, 'tok');
  assert.equal((await run(w.dir, ['view', '-o', 'jsonpath={.users[*].user.token}'], 'a.kc:b.kc')).stdout, 'REDACTED');
  const r = await run(w.dir, ['view', '--merge=false'], 'a.kc:b.kc');
  assert.deepEqual(r, { code: 1, stdout: '', stderr: 'error: if merge==false a precise file must be specified\n' });
});

test('a new file is created 0600 with its directories', async (t) => {
  const w = workspace(t, {});
  await run(w.dir, ['set-cluster', 'x', '--server=https://x', `--kubeconfig=${join(w.dir, 'new', 'dir', 'kc')}`]);
  assert.equal(w.mode('new/dir/kc'), 0o600);
  assert.equal(w.mode('new/dir'), 0o755);
  await run(w.dir, ['set-cluster', 'home', '--server=https://h']);
  assert.match(w.read('home/.kube/config'), /name: home/);
});
