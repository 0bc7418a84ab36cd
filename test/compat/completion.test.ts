// Differential tests of shell completion and plugins: `__complete` answers (kubeconfig names,
// namespaces, the `completion` and `plugin` commands, flags, errors, plugins and their completion
// executables, an unreachable server; resource types and names once `get` is registered),
// `completion SHELL` errors, and `plugin list` over PATHs of prepared plugin files. Real kubectl
// 1.32 and ktl (installed as `kubectl`) must agree on stdout, stderr and exit code.
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CommandDef, CommandEntry } from '../../src/cli/command.ts';
import { complete } from '../../src/cli/completion/complete.ts';
import { fixedValues, resourceTypeAndName } from '../../src/cli/completion/resources.ts';
import { flag } from '../../src/cli/flags.ts';
import { COMMANDS } from '../../src/cli/main.ts';
import { normalize, SKIP, startCompat, type Compat, type RunOptions } from './harness.ts';

/** Candidates in Go map order (contexts, shells) are compared as sets: sorted, the directive last. */
function sorted(s: string): string {
  const lines = s.split('\n');
  const last = lines.findIndex((l) => /^:\d+$/.test(l));
  if (last < 0) return s;
  return [...lines.slice(0, last).sort(), ...lines.slice(last)].join('\n');
}

/** klog lines carry a time and a process id; completion asks with a shorter timeout than kubectl's 32 s. */
const klog = (s: string) => normalize(s).replace(/^([EWI])\d{4} \d\d:\d\d:\d\d\.\d{6}\s+\d+ /gm, '$1<time> <pid> ').replace(/timeout=\d+s/g, 'timeout=<t>');

/** Whether a command of the table completes its arguments yet (commands arrive one by one). */
async function completes(name: string): Promise<boolean> {
  const entry = COMMANDS.find((c) => c.name === name);
  return !!entry && !!(await entry.load()).command.complete;
}
const GET_COMPLETES = await completes('get');

describe('completion and plugins: ktl matches kubectl', { skip: SKIP }, () => {
  let c: Compat;
  /** A PATH with nothing that looks like a plugin. */
  let bare: string;
  let plugins: string;
  let warned: string;
  let dead: string;

  const same = async (args: string[], opts: RunOptions & { normalize?: (s: string) => string } = {}): Promise<void> => {
    await c.same(args, { ...opts, env: { PATH: bare, ...opts.env } });
  };

  const cleanups: (() => unknown)[] = [];
  after(async () => {
    for (const fn of cleanups) await fn();
  });

  before(async () => {
    c = await startCompat({ after: (fn) => cleanups.push(fn) });
    const k = (...args: string[]) => c.kubectl(args);
    for (const name of ['a1', 'a2', 'b1']) await k('create', 'configmap', name);
    await k('create', 'namespace', 'team-a');
    await k('-n', 'team-a', 'create', 'configmap', 't1');
    await k('run', 'db', '--image=postgres');
    await k('create', 'service', 'clusterip', 'web', '--tcp=80:8080');
    await k('create', 'deployment', 'web', '--image=nginx');

    bare = join(c.dir, 'bare');
    mkdirSync(bare);
    const script = (dir: string, name: string, body = 'echo ran') => {
      writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
      chmodSync(join(dir, name), 0o755);
    };
    // Plugins to complete: nested words, underscores, one with a completion executable.
    const p = join(c.dir, 'plugins');
    mkdirSync(p);
    for (const name of ['kubectl-foo', 'kubectl-foo-bar', 'kubectl-hello_world', 'kubectl-zz_top-x_y']) script(p, name);
    script(p, 'kubectl_complete-hello_world', 'for a in "$@"; do echo "arg:$a"; done; printf "one\\tfirst\\ntwo\\n:4\\n"');
    plugins = `${p}:${bare}`;
    // Plugins that draw every warning `plugin list` has.
    const w1 = join(c.dir, 'w1');
    const w2 = join(c.dir, 'w2');
    mkdirSync(w1);
    mkdirSync(w2);
    for (const name of ['kubectl-foo', 'kubectl-', 'kubectl-completion', 'kubectl-config-view', 'kubectl-plugin-list', 'kubectl-options-x', 'kubectl-a_b']) script(w1, name);
    script(w2, 'kubectl-foo');
    writeFileSync(join(w2, 'kubectl-noexec'), 'data');
    symlinkSync(join(c.dir, 'nowhere'), join(w2, 'kubectl-broken'));
    mkdirSync(join(w2, 'kubectl-subdir'));
    writeFileSync(join(w2, 'not-a-plugin'), '');
    warned = `${w1}:${join(c.dir, 'missing')}:${w2}:${w1}::${bare}`;
    // The same cluster at an address where nothing listens.
    dead = c.file('dead.kubeconfig', readFileSync(c.srv.kubeconfig, 'utf8').replace(/server: https:\/\/[^\s]+/, 'server: https://127.0.0.1:1'));
  });

  describe('kubeconfig names: no server involved', () => {
    test('--context', () => same(['__complete', '--context', '']));
    test('--context=k', () => same(['__complete', '--context=k']));
    test('--context=zz: nothing', () => same(['__complete', '--context=zz']));
    test('--cluster', () => same(['__complete', '--cluster', '']));
    test('--user', () => same(['__complete', '--user', '']));
    test('--user after a command', () => same(['__complete', 'completion', '--user', 'k']));
    test('__completeNoDesc --context', () => same(['__completeNoDesc', '--context', '']));
    test('several contexts from a KUBECONFIG chain, as a set', async () => {
      const extra = c.file('extra.kubeconfig', 'apiVersion: v1\nkind: Config\ncontexts:\n- name: dev\n  context: {cluster: ktl, user: ktl}\n- name: prod\n  context: {cluster: ktl, user: ktl}\nclusters:\n- name: other\n  cluster: {server: "https://x"}\n');
      const env = { KUBECONFIG: `${c.srv.kubeconfig}:${extra}` };
      await same(['__complete', '--context', ''], { env, normalize: sorted });
      await same(['__complete', '--cluster', ''], { env, normalize: sorted });
    });
    test('--context with the server unreachable', () => same(['__complete', '--context', ''], { env: { KUBECONFIG: dead } }));
  });

  describe('namespaces from the server', () => {
    test('-n', () => same(['__complete', '-n', '']));
    test('-n kube-', () => same(['__complete', '-n', 'kube-']));
    test('--namespace=kube-s', () => same(['__complete', '--namespace=kube-s']));
    test('-n after a command', () => same(['__complete', 'completion', '-n', 't']));
    test('-n with the server unreachable: kubectl’s discovery lines', () => same(['__complete', '-n', ''], { env: { KUBECONFIG: dead }, normalize: klog }));
  });

  describe('flags without a completion', () => {
    test('--kubeconfig: files', () => same(['__complete', '--kubeconfig', '']));
    test('-v', () => same(['__complete', '-v', '']));
    test('--request-timeout=', () => same(['__complete', '--request-timeout=']));
    test('--cache-dir after a command', () => same(['__complete', 'plugin', 'list', '--cache-dir', '']));
  });

  describe('the completion command', () => {
    test('the shells, as a set', () => same(['__complete', 'completion', ''], { normalize: sorted }));
    test('by prefix', () => same(['__complete', 'completion', 'b']));
    test('nothing after the shell', () => same(['__complete', 'completion', 'bash', '']));
    test('after --', () => same(['__complete', 'completion', '--', ''], { normalize: sorted }));
    test('-h', () => same(['__complete', 'completion', '-h', '']));
    test('--help', () => same(['__complete', 'completion', '--help', '']));
    test('no --no-descriptions flag', () => same(['__complete', 'completion', '--no-descriptions', '']));
    test('error: no shell', () => same(['completion']));
    test('error: unknown shell', () => same(['completion', 'tcsh']));
    test('error: two shells', () => same(['completion', 'bash', 'zsh']));
  });

  describe('the plugin command', () => {
    test('its sub-command', () => same(['__completeNoDesc', 'plugin', '']));
    test('list: nothing more', () => same(['__complete', 'plugin', 'list', '']));
    test('list --name-only', () => same(['__complete', 'plugin', 'list', '--name-only', '']));
    test('list --name-only=', () => same(['__complete', 'plugin', 'list', '--name-only=']));
    test('an unknown word', () => same(['__complete', 'plugin', 'bogus', '']));
    test('an unknown flag', () => same(['__complete', 'plugin', '--bogus', '']));
    test('after --, a dash is an argument', () => same(['__complete', 'plugin', 'list', '--', '-']));
  });

  describe('flag names', () => {
    test('all of a command’s', () => same(['__completeNoDesc', 'completion', '-']));
    test('long ones only after --', () => same(['__completeNoDesc', 'completion', '--']));
    test('a set flag is not offered again', () => same(['__completeNoDesc', 'plugin', 'list', '--name-only', '-']));
    test('the root’s, with a global flag set', () => same(['__completeNoDesc', '--context', 'x', '-']));
    test('by prefix', () => same(['__completeNoDesc', '-n', 'kube-system', '--n']));
    test('a repeatable flag is offered again', () => same(['__completeNoDesc', '--as-group', 'a', '--as-g']));
  });

  describe('errors', () => {
    test('__complete without arguments', () => same(['__complete']));
    test('an unknown flag', () => same(['__complete', '--bogus', '']));
    test('an unknown shorthand after a command', () => same(['__complete', 'completion', '-x', '']));
    test('an unknown command', () => same(['__complete', 'bogus', '']));
    test('an unknown command after a flag', () => same(['__complete', '-n', 'x', 'bogus', '']));
    test('a flag the command does not have, with =', () => same(['__complete', 'completion', '--bogus=']));
  });

  describe('plugins in completion', () => {
    test('a plugin name by prefix', () => same(['__complete', 'f'], { env: { PATH: plugins } }));
    test('underscores become dashes', () => same(['__complete', 'hello'], { env: { PATH: plugins } }));
    test('a plugin’s next word, no completion executable', () => same(['__complete', 'foo', ''], { env: { PATH: plugins } }));
    test('the end of a plugin’s words', () => same(['__complete', 'foo', 'bar', ''], { env: { PATH: plugins } }));
    test('the completion executable, with descriptions', () => same(['__complete', 'hello-world', 'a', ''], { env: { PATH: plugins } }));
    test('the completion executable, without descriptions', () => same(['__completeNoDesc', 'hello-world', 'a', ''], { env: { PATH: plugins } }));
    test('flags go to the completion executable', () => same(['__complete', 'hello-world', '-n', ''], { env: { PATH: plugins } }));
    test('a flag name after a plugin', () => same(['__complete', 'foo', '-'], { env: { PATH: plugins } }));
    test('nested plugin words with underscores', () => same(['__complete', 'zz-top', ''], { env: { PATH: plugins } }));
  });

  describe('plugin list', () => {
    test('none on PATH', () => same(['plugin', 'list']));
    test('none on PATH, --name-only', () => same(['plugin', 'list', '--name-only']));
    test('plugins', () => same(['plugin', 'list'], { env: { PATH: plugins } }));
    test('plugins, --name-only', () => same(['plugin', 'list', '--name-only'], { env: { PATH: plugins } }));
    test('every warning', () => same(['plugin', 'list'], { env: { PATH: warned } }));
    test('every warning, --name-only', () => same(['plugin', 'list', '--name-only'], { env: { PATH: warned } }));
    test('extra arguments are ignored', () => same(['plugin', 'list', 'extra'], { env: { PATH: plugins } }));
  });

  describe('resource types and names: the helpers behind a stand-in get, in-process, against kubectl get', () => {
    // get as kubectl wires its completion; the flags it needs for these cases.
    const standIn: CommandDef = {
      name: 'get',
      short: 'stand-in',
      flags: [flag.string('output', 'format', { shorthand: 'o' }), flag.stringSlice('filename', 'files', { shorthand: 'f' })],
      complete: resourceTypeAndName(),
      completeFlag: { output: fixedValues(['json', 'yaml', 'name', 'go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'custom-columns', 'custom-columns-file', 'wide']) },
      async run() {},
    };
    const table: CommandEntry[] = [{ name: 'get', group: 'G', short: 'stand-in', load: async () => ({ command: standIn }) }];
    async function helperSame(args: string[], opts: { env?: NodeJS.ProcessEnv; normalize?: (s: string) => string } = {}) {
      const env = { ...c.env, PATH: bare, ...opts.env };
      const expected = await c.kubectl(['__complete', 'get', ...args], { env });
      let stdout = '';
      let stderr = '';
      const io = { out: { write: (x: string) => (stdout += x) }, err: { write: (x: string) => (stderr += x) } };
      const code = await complete(['get', ...args], true, io, env, 'kubectl', table);
      const n = opts.normalize ?? normalize;
      assert.equal(n(stdout), n(expected.stdout), `get ${args.join(' ')}: stdout`);
      assert.equal(n(stderr), n(expected.stderr), `get ${args.join(' ')}: stderr`);
      assert.equal(code, expected.code);
    }
    test('resource types', () => helperSame(['']));
    test('resource types by prefix', () => helperSame(['dep']));
    test('the last of a comma list', () => helperSame(['pods,c']));
    test('names of a type', () => helperSame(['configmaps', '']));
    test('by short name and prefix', () => helperSame(['cm', 'a']));
    test('names already typed are left out', () => helperSame(['cm', 'a1', '']));
    test('type/name', () => helperSame(['pod/']));
    test('type/ after a type/name word: no space', () => helperSame(['cm/a1', 'configm']));
    test('type/name minus those typed', () => helperSame(['cm/a1', 'cm/']));
    test('several types', () => helperSame(['cm,svc', '']));
    test('in the namespace of -n', () => helperSame(['configmaps', '-n', 'team-a', '']));
    test('a category', () => helperSame(['all', '']));
    test('an unknown type', () => helperSame(['nosuch', '']));
    test('an unknown type after /', () => helperSame(['nosuch/']));
    test('-o values', () => helperSame(['pods', '-o', '']));
    test('-f: manifest extensions', () => helperSame(['-f', '']));
    test('types, server unreachable', () => helperSame([''], { env: { KUBECONFIG: dead }, normalize: klog }));
    test('names, server unreachable', () => helperSame(['pods', ''], { env: { KUBECONFIG: dead }, normalize: klog }));
  });

  describe('resource types and names (the get command)', () => {
    const get = (args: string[], opts: RunOptions & { normalize?: (s: string) => string } = {}) => same(['__complete', 'get', ...args], opts);
    const t = (name: string, fn: () => Promise<void>) =>
      test(name, GET_COMPLETES ? {} : { skip: 'the get command has no complete() hook yet' }, fn);
    t('resource types', () => get(['']));
    t('resource types by prefix', () => get(['dep']));
    t('the last of a comma list', () => get(['pods,c']));
    t('names of a type', () => get(['configmaps', '']));
    t('by short name and prefix', () => get(['cm', 'a']));
    t('names already typed are left out', () => get(['cm', 'a1', '']));
    t('type/name', () => get(['pod/']));
    t('type/ after a type/name word: no space', () => get(['cm/a1', 'configm']));
    t('type/name minus those typed', () => get(['cm/a1', 'cm/']));
    t('several types', () => get(['cm,svc', '']));
    t('in the namespace of -n', () => get(['configmaps', '-n', 'team-a', '']));
    t('a category', () => get(['all', '']));
    t('an unknown type', () => get(['nosuch', '']));
    t('-o values', () => get(['pods', '-o', '']));
    t('-o=j', () => get(['pods', '-o=j']));
    t('-f: manifest extensions', () => get(['-f', '']));
    t('types, server unreachable', () => get([''], { env: { KUBECONFIG: dead }, normalize: klog }));
    t('names, server unreachable', () => get(['pods', ''], { env: { KUBECONFIG: dead }, normalize: klog }));
  });
});
