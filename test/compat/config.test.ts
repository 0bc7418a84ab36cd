// Differential tests of `config *`: real kubectl 1.32 and ktl (the built bundle, installed under
// the name `kubectl`) run on identical kubeconfig layouts (one file, `a:b:c` chains with a missing
// file, --kubeconfig, ~/.kube/config), each in the same directory in turn, and must agree on
// stdout, stderr, exit code and every resulting file's bytes and mode. No server is involved.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { KTL_BIN, ensureBuilt } from '../helpers/ktl-process.ts';
import { KUBECTL, SKIP } from './harness.ts';

// ---- fixtures ----

const SINGLE = `apiVersion: v1
kind: Config
clusters:
- name: c1
  cluster:
    server: https://c1.example:6443
    certificate-authority-data: aGVsbG8=
- name: c2
  cluster: {server: https://c2.example, insecure-skip-tls-verify: true, tls-server-name: api.c2}
contexts:
- name: ctx1
  context: {cluster: c1, user: u1, namespace: ns1}
- name: ctx2
  context: {cluster: c2, user: u2}
- name: ctx3
  context: {cluster: c1, user: u3}
current-context: ctx1
users:
- name: u1
  user: {token: secret-token, client-certificate-data: Y2VydA==, client-key-data: a2V5}
- name: u2
  user: {username: bob, password: hunter2}
- name: u3
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./bin/plugin
      args: [token]
      env: [{name: A, value: "1"}]
      interactiveMode: Never
- name: u4
  user:
    auth-provider: {name: oidc, config: {client-id: ktl}}
`;

// Three files of a KUBECONFIG chain: a.kc, sub/b.kc (relative references), a missing one, c.kc.
const A = `apiVersion: v1
kind: Config
clusters:
- name: ca
  cluster: {server: https://a.example:6443, certificate-authority: certs/ca.crt}
contexts:
- name: ctx-a
  context: {cluster: ca, user: ua, namespace: team-a}
users:
- name: ua
  user: {token: tok-a, client-certificate: certs/client.crt, client-key: certs/client.key}
`;
const B = `current-context: ctx-b
clusters:
- name: cb
  cluster: {server: https://b.example, insecure-skip-tls-verify: true}
- name: ca
  cluster: {server: https://shadowed}
contexts:
- name: ctx-b
  context: {cluster: cb, user: ub}
- name: ctx-shared
  context: {cluster: ca, user: ua}
users:
- name: ub
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./plugin
      args: [get-token]
      env: [{name: A, value: "1"}]
      interactiveMode: Never
`;
const C = `current-context: ctx-c
preferences: {colors: true}
contexts:
- name: ctx-c
  context: {cluster: cc, user: uc}
clusters:
- name: cc
  cluster: {server: "http://c.example"}
users:
- name: uc
  user: {username: carol, password: pw}
`;
const CERTS = { 'certs/ca.crt': 'CA CERT\n', 'certs/client.crt': 'CLIENT CERT\n', 'certs/client.key': 'CLIENT KEY\n' };
const DANGLING = `current-context: x
contexts:
- name: x
  context: {cluster: nocluster, user: nouser}
- name: y
  context: {cluster: c, user: nouser}
- name: z
  context: {cluster: c}
clusters:
- name: c
  cluster: {server: https://c, certificate-authority: nofile.crt}
users:
- name: both
  user: {client-certificate: a.crt, client-certificate-data: aGVsbG8=}
`;

type Files = Record<string, string>;
const single: Files = { config: SINGLE, ...CERTS };
const chain: Files = { 'a.kc': A, 'sub/b.kc': B, 'c.kc': C, ...CERTS };
const CHAIN = 'a.kc:sub/b.kc:missing.kc:c.kc';

interface Case {
  args: string[];
  files: Files;
  /** KUBECONFIG, relative to the working directory; unset when undefined. */
  kubeconfig?: string;
  /** Files created with this mode (default: the umask's). */
  modes?: Record<string, number>;
  /** The command prints its help (ktl's own words) on stdout: compare everything else. */
  help?: boolean;
  /** Go prints these lines in random map order. */
  sortStdout?: boolean;
}

// ---- running ----

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  files: string;
}

function spawnIn(bin: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Omit<Outcome, 'files'>> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Every file and directory under dir: path, mode and (files) content. */
function snapshot(dir: string, rel = ''): string {
  let out = '';
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const path = join(rel, name);
    const st = statSync(join(dir, path));
    const mode = (st.mode & 0o777).toString(8);
    if (st.isDirectory()) out += `[dir ${path} ${mode}]\n${snapshot(dir, path)}`;
    else out += `[file ${path} ${mode}]\n${readFileSync(join(dir, path), 'utf8')}`;
  }
  return out;
}

function setUp(dir: string, c: Case): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'home'), { recursive: true });
  for (const [name, text] of Object.entries(c.files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
    if (c.modes?.[name] !== undefined) chmodSync(join(dir, name), c.modes[name]!);
  }
}

const root = SKIP ? '' : mkdtempSync(join(tmpdir(), 'ktl-config-compat-'));
after(() => root && rmSync(root, { recursive: true, force: true }));
let counter = 0;

/** Runs kubectl, then ktl, in the same freshly set-up directory (absolute paths then agree). */
async function both(c: Case): Promise<{ kubectl: Outcome; ktl: Outcome }> {
  const dir = join(root, `case-${++counter}`);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: join(dir, 'home') };
  if (c.kubeconfig !== undefined) env.KUBECONFIG = c.kubeconfig;
  setUp(dir, c);
  const k = await spawnIn(KUBECTL!, c.args, dir, env);
  const kubectl = { ...k, files: snapshot(dir) };
  setUp(dir, c);
  // ktl under the name kubectl, so that messages name the same program.
  const t = await spawnIn(process.execPath, [join(root, 'bin', 'kubectl'), ...c.args], dir, env);
  const ktl = { ...t, files: snapshot(dir) };
  return { kubectl, ktl };
}

// Go prints pointers in some errors; their values are the only part that can differ.
const normalize = (s: string) => s.replace(/0x[0-9a-f]+/g, '0xADDR');
const sortLines = (s: string) => s.split('\n').sort().join('\n');

async function same(c: Case): Promise<void> {
  const { kubectl, ktl } = await both(c);
  const label = `kubectl ${c.args.join(' ')}`;
  if (c.help) {
    assert.match(ktl.stdout, new RegExp(`Usage:\\n  kubectl ${c.args.slice(0, 2).join(' ')}`), `${label}: help expected`);
  } else {
    const out = c.sortStdout ? sortLines : (s: string) => s;
    assert.equal(out(ktl.stdout), out(kubectl.stdout), `${label}: stdout differs`);
  }
  assert.equal(normalize(ktl.stderr), normalize(kubectl.stderr), `${label}: stderr differs`);
  assert.equal(ktl.code, kubectl.code, `${label}: exit code differs`);
  assert.equal(ktl.files, kubectl.files, `${label}: files differ`);
}

// ---- cases ----

const cases: Array<[string, Case]> = [
  // view
  ['view redacts secrets and shortens data', { args: ['config', 'view'], files: single, kubeconfig: 'config' }],
  ['view --raw', { args: ['config', 'view', '--raw'], files: single, kubeconfig: 'config' }],
  ['view -o json keeps struct order', { args: ['config', 'view', '-o', 'json'], files: single, kubeconfig: 'config' }],
  ['view --minify', { args: ['config', 'view', '--minify'], files: single, kubeconfig: 'config' }],
  ['view --minify --context', { args: ['config', 'view', '--minify', '--context=ctx2', '--raw'], files: single, kubeconfig: 'config' }],
  ['view merged chain', { args: ['config', 'view'], files: chain, kubeconfig: CHAIN }],
  ['view --flatten inlines files relative to their kubeconfig', { args: ['config', 'view', '--flatten'], files: chain, kubeconfig: CHAIN }],
  ['view --minify --flatten', { args: ['config', 'view', '--minify', '--flatten', '--context=ctx-a'], files: chain, kubeconfig: CHAIN }],
  ['view --kubeconfig reads one file', { args: ['config', 'view', '--kubeconfig=c.kc'], files: chain, kubeconfig: CHAIN }],
  ['view --merge=false without a file', { args: ['config', 'view', '--merge=false'], files: chain, kubeconfig: CHAIN }],
  ['view --merge=false on a missing file', { args: ['config', 'view', '--merge=false', '--kubeconfig=nope.kc'], files: chain }],
  ['view of missing files only', { args: ['config', 'view'], files: {}, kubeconfig: 'm1:m2' }],
  ['view with no kubeconfig at all', { args: ['config', 'view'], files: {} }],
  ['view ~/.kube/config', { args: ['config', 'view', '-o', 'json'], files: { 'home/.kube/config': C } }],
  ['view unexpected argument', { args: ['config', 'view', 'extra'], files: single, kubeconfig: 'config' }],
  ['view -o jsonpath', { args: ['config', 'view', '-o', 'jsonpath={.users[*].name}'], files: single, kubeconfig: 'config' }],
  ['view -o jsonpath-as-json', { args: ['config', 'view', '--raw', '-o', 'jsonpath-as-json={.users[0].user}'], files: single, kubeconfig: 'config' }],
  ['view --template with -o jsonpath', { args: ['config', 'view', '--template={.current-context}', '-o', 'jsonpath'], files: single, kubeconfig: 'config' }],
  ['view -o jsonpath missing key, strict', { args: ['config', 'view', '--allow-missing-template-keys=false', '-o', 'jsonpath={.nope}'], files: single, kubeconfig: 'config' }],
  ['view -o jsonpath parse error', { args: ['config', 'view', '-o', 'jsonpath={.x'], files: single, kubeconfig: 'config' }],
  ['view -o jsonpath without template', { args: ['config', 'view', '-o', 'jsonpath'], files: single, kubeconfig: 'config' }],
  ['view -o jsonpath-file missing', { args: ['config', 'view', '-o', 'jsonpath-file=nope.txt'], files: single, kubeconfig: 'config' }],
  ['view -o go-template', { args: ['config', 'view', '-o', 'go-template={{range .contexts}}{{.name}}={{.context.cluster}} {{end}}'], files: single, kubeconfig: 'config' }],
  ['view --template alone means go-template', { args: ['config', 'view', '--raw', '--template={{index .users 0 "user" "token"}}'], files: single, kubeconfig: 'config' }],
  ['view -o go-template parse error', { args: ['config', 'view', '-o', 'go-template={{.x}'], files: single, kubeconfig: 'config' }],
  ['view -o templatefile missing', { args: ['config', 'view', '-o', 'templatefile=nope.tmpl'], files: single, kubeconfig: 'config' }],
  ['view -o name', { args: ['config', 'view', '-o', 'name'], files: single, kubeconfig: 'config' }],
  ['view -o wide is refused', { args: ['config', 'view', '-o', 'wide'], files: single, kubeconfig: 'config' }],
  ['view --minify without current context', { args: ['config', 'view', '--minify'], files: { e: 'clusters: []\n' }, kubeconfig: 'e' }],
  ['view --minify dangling cluster', { args: ['config', 'view', '--minify'], files: { d: DANGLING }, kubeconfig: 'd' }],
  ['view --minify dangling user', { args: ['config', 'view', '--minify', '--context=y'], files: { d: DANGLING }, kubeconfig: 'd' }],
  ['view --minify context without user', { args: ['config', 'view', '--minify', '--context=z', '--raw'], files: { d: DANGLING }, kubeconfig: 'd' }],
  ['view --minify unknown context', { args: ['config', 'view', '--minify', '--context=nope'], files: single, kubeconfig: 'config' }],
  ['view --flatten path and data together', { args: ['config', 'view', '--flatten'], files: { d: DANGLING }, kubeconfig: 'd' }],
  ['view --flatten missing file', { args: ['config', 'view', '--flatten', '--minify', '--context=z'], files: { d: DANGLING }, kubeconfig: 'd' }],
  // loading errors
  ['a directory as kubeconfig', { args: ['config', 'view'], files: { 'd/x': '' }, kubeconfig: 'd' }],
  ['wrong field type', { args: ['config', 'get-contexts'], files: { bad: 'clusters: 5\n' }, kubeconfig: 'bad' }],
  ['two broken files aggregate', { args: ['config', 'current-context'], files: { bad: 'users: {}\n', bad2: 'clusters: 5\n' }, kubeconfig: 'bad:bad2' }],
  ['unknown apiVersion', { args: ['config', 'view'], files: { v2: 'apiVersion: v2\nkind: Config\n' }, kubeconfig: 'v2' }],
  ['duplicate names', { args: ['config', 'view'], files: { dup: 'clusters:\n- name: a\n  cluster: {server: x}\n- name: a\n  cluster: {server: y}\n' }, kubeconfig: 'dup' }],
  ['empty file', { args: ['config', 'view'], files: { empty: '' }, kubeconfig: 'empty' }],
  ['broken file, --merge=false', { args: ['config', 'view', '--merge=false', '--kubeconfig=bad'], files: { bad: 'clusters: 5\n' } }],
  // get-*, current-context
  ['get-contexts', { args: ['config', 'get-contexts'], files: single, kubeconfig: 'config' }],
  ['get-contexts of a chain', { args: ['config', 'get-contexts'], files: chain, kubeconfig: CHAIN }],
  ['get-contexts by name, one unknown', { args: ['config', 'get-contexts', 'ctx2', 'nope'], files: single, kubeconfig: 'config' }],
  ['get-contexts, two unknown', { args: ['config', 'get-contexts', 'nope', 'nope2'], files: single, kubeconfig: 'config' }],
  ['get-contexts -o name', { args: ['config', 'get-contexts', '-o', 'name'], files: single, kubeconfig: 'config' }],
  ['get-contexts --no-headers', { args: ['config', 'get-contexts', '--no-headers'], files: single, kubeconfig: 'config' }],
  ['get-contexts -o wide', { args: ['config', 'get-contexts', '-o', 'wide'], files: single, kubeconfig: 'config' }],
  ['get-contexts of nothing', { args: ['config', 'get-contexts'], files: {}, kubeconfig: 'missing' }],
  ['get-clusters', { args: ['config', 'get-clusters'], files: chain, kubeconfig: CHAIN, sortStdout: true }],
  ['get-users', { args: ['config', 'get-users'], files: chain, kubeconfig: CHAIN }],
  ['current-context from the first file that sets it', { args: ['config', 'current-context'], files: chain, kubeconfig: CHAIN }],
  ['current-context unset', { args: ['config', 'current-context'], files: {}, kubeconfig: 'missing' }],
  // use-context
  ['use-context writes the first file of a chain', { args: ['config', 'use-context', 'ctx-c'], files: chain, kubeconfig: CHAIN }],
  ['use alias', { args: ['config', 'use', 'ctx2'], files: single, kubeconfig: 'config', modes: { config: 0o640 } }],
  ['use-context unknown', { args: ['config', 'use-context', 'nope'], files: single, kubeconfig: 'config' }],
  ['use-context empty name', { args: ['config', 'use-context', ''], files: single, kubeconfig: 'config' }],
  ['use-context without a name', { args: ['config', 'use-context'], files: single, kubeconfig: 'config', help: true }],
  ['use-context --kubeconfig', { args: ['config', 'use-context', 'ctx-c', '--kubeconfig=c.kc'], files: chain, kubeconfig: CHAIN }],
  // set-context
  ['set-context creates in the first existing file', { args: ['config', 'set-context', 'new', '--cluster=cb', '--user=ua', '--namespace=n1'], files: chain, kubeconfig: CHAIN }],
  ['set-context modifies in the defining file', { args: ['config', 'set-context', 'ctx-b', '--namespace=x'], files: chain, kubeconfig: CHAIN }],
  ['set-context --current', { args: ['config', 'set-context', '--current', '--namespace=y', '--user='], files: single, kubeconfig: 'config' }],
  ['set-context without name', { args: ['config', 'set-context'], files: single, kubeconfig: 'config' }],
  ['set-context name and --current', { args: ['config', 'set-context', 'a', '--current'], files: single, kubeconfig: 'config' }],
  ['set-context --current without one', { args: ['config', 'set-context', '--current'], files: { e: 'contexts: []\n' }, kubeconfig: 'e' }],
  ['set-context two names', { args: ['config', 'set-context', 'a', 'b'], files: single, kubeconfig: 'config', help: true }],
  ['set-context new file under --kubeconfig', { args: ['config', 'set-context', 'x', '--kubeconfig=new/dir/k.kc', '--cluster=c'], files: {} }],
  ['set-context names needing YAML quotes', { args: ['config', 'set-context', 'yes', '--namespace=true', '--cluster=#c', '--user=a: b'], files: single, kubeconfig: 'config' }],
  // set-cluster
  ['set-cluster --server clears tls-server-name and insecure', { args: ['config', 'set-cluster', 'c2', '--server=https://new'], files: single, kubeconfig: 'config' }],
  ['set-cluster --certificate-authority is made relative to its file', { args: ['config', 'set-cluster', 'cb', '--certificate-authority=certs/ca.crt'], files: chain, kubeconfig: CHAIN }],
  ['set-cluster --embed-certs', { args: ['config', 'set-cluster', 'cnew', '--certificate-authority=certs/ca.crt', '--embed-certs'], files: chain, kubeconfig: CHAIN }],
  ['set-cluster --insecure-skip-tls-verify drops the CA', { args: ['config', 'set-cluster', 'c1', '--insecure-skip-tls-verify', '--proxy-url=socks5://p:1080'], files: single, kubeconfig: 'config' }],
  ['set-cluster --tls-server-name', { args: ['config', 'set-cluster', 'c1', '--tls-server-name=alt'], files: single, kubeconfig: 'config' }],
  ['set-cluster CA and insecure together', { args: ['config', 'set-cluster', 'c', '--insecure-skip-tls-verify', '--certificate-authority=x'], files: single, kubeconfig: 'config' }],
  ['set-cluster --embed-certs without CA', { args: ['config', 'set-cluster', 'c', '--embed-certs'], files: single, kubeconfig: 'config' }],
  ['set-cluster --embed-certs missing CA file', { args: ['config', 'set-cluster', 'c', '--embed-certs', '--certificate-authority=nope.crt'], files: single, kubeconfig: 'config' }],
  ['set-cluster empty name', { args: ['config', 'set-cluster', '', '--server=x'], files: single, kubeconfig: 'config' }],
  ['set-cluster in ~/.kube/config (created 0600)', { args: ['config', 'set-cluster', 'home', '--server=https://h'], files: {} }],
  ['set-cluster new file at the end of an all-missing chain', { args: ['config', 'set-cluster', 'x', '--server=https://x'], files: {}, kubeconfig: 'm1:dir/m2' }],
  // set-credentials
  ['set-credentials basic auth clears the token', { args: ['config', 'set-credentials', 'u1', '--username=u', '--password=p'], files: single, kubeconfig: 'config' }],
  ['set-credentials token clears basic auth', { args: ['config', 'set-credentials', 'uc', '--token=t'], files: chain, kubeconfig: CHAIN }],
  ['set-credentials client certificate paths', { args: ['config', 'set-credentials', 'ua', '--client-certificate=certs/client.crt', '--client-key=/etc/hostname'], files: chain, kubeconfig: CHAIN }],
  ['set-credentials path outside its file stays absolute', { args: ['config', 'set-credentials', 'ub', '--client-certificate=certs/client.crt', '--client-key=sub/k.key'], files: chain, kubeconfig: 'a.kc:sub/b.kc' }],
  ['set-credentials --embed-certs', { args: ['config', 'set-credentials', 'new', '--client-certificate=certs/client.crt', '--client-key=certs/client.key', '--embed-certs'], files: chain, kubeconfig: CHAIN }],
  ['set-credentials exec command resets args', { args: ['config', 'set-credentials', 'ub', '--exec-command=/bin/new'], files: chain, kubeconfig: CHAIN }],
  ['set-credentials exec env and args', { args: ['config', 'set-credentials', 'ub', '--exec-env=A-', '--exec-env=B=2', '--exec-arg=x,y'], files: chain, kubeconfig: CHAIN }],
  ['set-credentials exec details', { args: ['config', 'set-credentials', 'u3', '--exec-api-version=client.authentication.k8s.io/v1beta1', '--exec-interactive-mode=IfAvailable', '--exec-provide-cluster-info', '--exec-env=A=9'], files: single, kubeconfig: 'config' }],
  ['set-credentials new exec user', { args: ['config', 'set-credentials', 'x', '--exec-command=./rel/plugin', '--exec-arg=a'], files: single, kubeconfig: 'config' }],
  ['set-credentials auth provider args', { args: ['config', 'set-credentials', 'u4', '--auth-provider-arg=client-id-', '--auth-provider-arg=a=b,c=d'], files: single, kubeconfig: 'config' }],
  ['set-credentials other provider replaces config', { args: ['config', 'set-credentials', 'u4', '--auth-provider=gcp'], files: single, kubeconfig: 'config' }],
  ['set-credentials token and basic auth together', { args: ['config', 'set-credentials', 'u', '--token=t', '--username=x'], files: single, kubeconfig: 'config' }],
  ['set-credentials --embed-certs without files', { args: ['config', 'set-credentials', 'u', '--embed-certs'], files: single, kubeconfig: 'config' }],
  ['set-credentials --embed-certs missing key', { args: ['config', 'set-credentials', 'u', '--embed-certs', '--client-key=nope.key'], files: single, kubeconfig: 'config' }],
  ['set-credentials bad interactive mode', { args: ['config', 'set-credentials', 'u', '--exec-interactive-mode=Sometimes'], files: single, kubeconfig: 'config' }],
  ['set-credentials bad provider arg', { args: ['config', 'set-credentials', 'u', '--auth-provider-arg=bad'], files: single, kubeconfig: 'config', help: true }],
  ['set-credentials without name', { args: ['config', 'set-credentials'], files: single, kubeconfig: 'config', help: true }],
  // set / unset
  ['set a cluster server', { args: ['config', 'set', 'clusters.ca.server', 'https://x'], files: chain, kubeconfig: CHAIN }],
  ['set creates a cluster with a dotted name', { args: ['config', 'set', 'clusters.a.b.server', 'https://x'], files: chain, kubeconfig: CHAIN }],
  ['set bytes from base64', { args: ['config', 'set', 'users.u1.client-key-data', 'bmV3LWtleQ=='], files: single, kubeconfig: 'config' }],
  ['set bytes --set-raw-bytes', { args: ['config', 'set', 'users.new.client-key-data', 'raw key', '--set-raw-bytes'], files: single, kubeconfig: 'config' }],
  ['set bad base64', { args: ['config', 'set', 'users.u1.client-key-data', 'not*b64'], files: single, kubeconfig: 'config' }],
  ['set a bool', { args: ['config', 'set', 'clusters.c2.insecure-skip-tls-verify', 'false'], files: single, kubeconfig: 'config' }],
  ['set a bad bool', { args: ['config', 'set', 'clusters.c2.insecure-skip-tls-verify', 'maybe'], files: single, kubeconfig: 'config' }],
  ['set current-context', { args: ['config', 'set', 'current-context', 'ctx-a'], files: chain, kubeconfig: CHAIN }],
  ['set preferences.colors', { args: ['config', 'set', 'preferences.colors', 'false'], files: chain, kubeconfig: CHAIN }],
  ['set internal field name act-as', { args: ['config', 'set', 'users.u2.act-as', 'admin'], files: single, kubeconfig: 'config' }],
  ['set unknown field', { args: ['config', 'set', 'foo', 'bar'], files: single, kubeconfig: 'config' }],
  ['set unknown entry field', { args: ['config', 'set', 'preferences.x', 'bar'], files: single, kubeconfig: 'config' }],
  ['set a map', { args: ['config', 'set', 'clusters.c1', 'x'], files: single, kubeconfig: 'config' }],
  ['set a struct', { args: ['config', 'set', 'preferences', 'x'], files: single, kubeconfig: 'config' }],
  ['set a string list', { args: ['config', 'set', 'users.u1.act-as-groups', 'x'], files: single, kubeconfig: 'config' }],
  ['set inside exec', { args: ['config', 'set', 'users.u3.exec.command', 'x'], files: single, kubeconfig: 'config' }],
  ['set empty value', { args: ['config', 'set', 'users.u1.token', ''], files: single, kubeconfig: 'config' }],
  ['set without value', { args: ['config', 'set', 'users.u1.token'], files: single, kubeconfig: 'config', help: true }],
  ['unset current-context clears the first file that sets it', { args: ['config', 'unset', 'current-context'], files: chain, kubeconfig: CHAIN }],
  ['unset an entry', { args: ['config', 'unset', 'clusters.ca'], files: chain, kubeconfig: CHAIN }],
  ['unset an absent entry', { args: ['config', 'unset', 'clusters.nope'], files: single, kubeconfig: 'config' }],
  ['unset under an absent entry', { args: ['config', 'unset', 'clusters.nope.server'], files: single, kubeconfig: 'config' }],
  ['unset exec', { args: ['config', 'unset', 'users.u3.exec'], files: single, kubeconfig: 'config' }],
  ['unset preferences rewrites the first file', { args: ['config', 'unset', 'preferences'], files: chain, kubeconfig: CHAIN }],
  ['unset all contexts', { args: ['config', 'unset', 'contexts'], files: chain, kubeconfig: CHAIN }],
  ['unset nothing that is set', { args: ['config', 'unset', 'users.u2.token'], files: single, kubeconfig: 'config' }],
  ['unset empty property', { args: ['config', 'unset', ''], files: single, kubeconfig: 'config' }],
  // delete-*, rename-context
  ['delete-context names the default file', { args: ['config', 'delete-context', 'ctx-shared'], files: chain, kubeconfig: CHAIN }],
  ['delete-context of the current one warns', { args: ['config', 'delete-context', 'ctx1'], files: single, kubeconfig: 'config' }],
  ['delete-context unknown', { args: ['config', 'delete-context', 'nope'], files: chain, kubeconfig: CHAIN }],
  ['delete-context without name shows help', { args: ['config', 'delete-context'], files: single, kubeconfig: 'config', help: true }],
  ['delete-cluster', { args: ['config', 'delete-cluster', 'cb'], files: chain, kubeconfig: CHAIN }],
  ['delete-cluster unknown, --kubeconfig', { args: ['config', 'delete-cluster', 'nope', '--kubeconfig=c.kc'], files: chain }],
  ['delete-user', { args: ['config', 'delete-user', 'uc'], files: chain, kubeconfig: CHAIN }],
  ['delete-user unknown', { args: ['config', 'delete-user', 'nope'], files: single, kubeconfig: 'config' }],
  ['delete-user without name', { args: ['config', 'delete-user'], files: single, kubeconfig: 'config' }],
  ['rename-context follows current-context', { args: ['config', 'rename-context', 'ctx-b', 'renamed'], files: chain, kubeconfig: CHAIN }],
  ['rename-context onto an existing name', { args: ['config', 'rename-context', 'ctx1', 'ctx2'], files: single, kubeconfig: 'config' }],
  ['rename-context unknown', { args: ['config', 'rename-context', 'nope', 'x'], files: single, kubeconfig: 'config' }],
  ['rename-context to empty', { args: ['config', 'rename-context', 'ctx1', ''], files: single, kubeconfig: 'config' }],
  ['KUBECONFIG with an empty entry and a repeat', { args: ['config', 'set-context', 'x', '--cluster=y'], files: chain, kubeconfig: 'a.kc::c.kc:a.kc' }],
  ['--kubeconfig wins over KUBECONFIG for writes', { args: ['config', 'set-context', 'ctx-c', '--namespace=n', '--kubeconfig=sub/b.kc'], files: chain, kubeconfig: CHAIN }],
  // locking and command errors
  ['a held lock file', { args: ['config', 'use-context', 'ctx2'], files: { ...single, 'config.lock': '' }, kubeconfig: 'config' }],
  ['unknown subcommand', { args: ['config', 'bogus'], files: single, kubeconfig: 'config' }],
  ['unknown flag', { args: ['config', 'view', '--bogus'], files: single, kubeconfig: 'config' }],
];

describe('config: kubectl 1.32 and ktl agree', { skip: SKIP, concurrency: 8 }, () => {
  if (!SKIP) {
    ensureBuilt();
    mkdirSync(join(root, 'bin'));
    // ktl installed under the name kubectl, as in the harness.
    symlinkSync(KTL_BIN, join(root, 'bin', 'kubectl'));
  }
  for (const [name, c] of cases) test(name, () => same(c));
});
