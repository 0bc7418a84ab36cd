// The `__complete` protocol over a small command table of its own: command lookup, flag names and
// values, `--`, errors, descriptions, kubeconfig names, plugins and their completion executables.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CommandDef, CommandEntry } from '../../../src/cli/command.ts';
import { complete } from '../../../src/cli/completion/complete.ts';
import { clusterName, contextName, fixedValues, userName } from '../../../src/cli/completion/hooks.ts';
import { CliError } from '../../../src/cli/errors.ts';
import { flag } from '../../../src/cli/flags.ts';
import { GLOBAL_FLAGS } from '../../../src/cli/global-flags.ts';

const run = async () => {};

const get: CommandDef = {
  name: 'get',
  short: 'Show objects',
  flags: [
    flag.string('output', 'Output format', { shorthand: 'o' }),
    flag.bool('watch', 'Watch for changes', { shorthand: 'w' }),
    flag.stringArray('label-columns', 'Labels as columns', { shorthand: 'L' }),
    flag.stringSlice('filename', 'Files to read', { shorthand: 'f' }),
    flag.string('sort-by', 'Sort key\nsecond line of help'),
    flag.string('secret', 'not shown', { hidden: true }),
    flag.string('dry-run', 'Dry run', { noOptDefVal: 'client' }),
  ],
  completeFlag: { output: fixedValues(['json', 'yaml', 'wide']) },
  async complete(_ctx, inv, toComplete) {
    return { candidates: [`args=${inv.args.join(',')}`, `word=${toComplete}`, `path=${inv.path.join(' ')}`], directive: 4 };
  },
  run,
};

const config: CommandDef = {
  name: 'config',
  short: 'Edit kubeconfig files',
  flags: [flag.bool('local', 'Only the local file')],
  subcommands: [
    { name: 'view', short: 'Show the merged kubeconfig', run },
    { name: 'use-context', aliases: ['use'], short: 'Switch the current context', run, async complete() {
      return { candidates: ['from-hook\twith a description'], directive: 4 };
    } },
    { name: 'internal', short: 'Not listed', hidden: true, run },
    { name: 'delete-context', short: 'Remove a context', run, complete: contextName },
    { name: 'delete-cluster', short: 'Remove a cluster', run, complete: clusterName },
    { name: 'delete-user', short: 'Remove a user', run, complete: userName },
  ],
};

const entry = (def: CommandDef, extra: Partial<CommandEntry> = {}): CommandEntry => ({ name: def.name, group: 'G', short: def.short, load: async () => ({ command: def }), ...extra });
const TABLE: CommandEntry[] = [entry(get), entry(config), { ...entry({ name: 'options', short: 'Global flags', run }), hidden: true }];

interface Answer {
  code: number;
  stdout: string;
  stderr: string;
}

async function ask(args: string[], opts: { env?: NodeJS.ProcessEnv; desc?: boolean; program?: string } = {}): Promise<Answer> {
  let stdout = '';
  let stderr = '';
  const io = { out: { write: (s: string) => (stdout += s) }, err: { write: (s: string) => (stderr += s) } };
  const env = { PATH: '', KUBECONFIG: join(tmpdir(), 'ktl-no-such-kubeconfig'), HOME: tmpdir(), ...opts.env };
  const code = await complete(args, opts.desc ?? true, io, env, opts.program ?? 'ktl', TABLE);
  return { code, stdout, stderr };
}

/** The candidate lines of an answer, and its directive. */
function parse(a: Answer): { lines: string[]; directive: number } {
  const lines = a.stdout.split('\n').slice(0, -1);
  const last = lines.pop()!;
  assert.match(last, /^:\d+$/);
  return { lines, directive: Number(last.slice(1)) };
}

const globalFlagLines = (only: (f: (typeof GLOBAL_FLAGS)[number]) => boolean = () => true) =>
  [...GLOBAL_FLAGS]
    .filter(only)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((f) => [`--${f.name}\t${f.usage}`, ...(f.shorthand ? [`-${f.shorthand}\t${f.usage}`] : [])]);

test('no arguments: cobra’s argument count error', async () => {
  await assert.rejects(ask([]), (e: unknown) => e instanceof CliError && e.message === 'requires at least 1 arg(s), only received 0');
});

test('root: visible commands, sorted, with descriptions; the directive on stderr', async () => {
  const a = await ask(['']);
  assert.equal(a.code, 0);
  assert.equal(a.stdout, 'config\tEdit kubeconfig files\nget\tShow objects\n:4\n');
  assert.equal(a.stderr, 'Completion ended with directive: ShellCompDirectiveNoFileComp\n');
  assert.equal((await ask(['g'])).stdout, 'get\tShow objects\n:4\n');
  assert.equal((await ask(['x'])).stdout, ':4\n');
});

test('__completeNoDesc drops descriptions; descriptions keep their first line only', async () => {
  assert.equal((await ask([''], { desc: false })).stdout, 'config\nget\n:4\n');
  const lines = parse(await ask(['get', '--so'])).lines;
  assert.deepEqual(lines, ['--sort-by\tSort key']);
});

test('sub-commands: hidden ones left out, aliases found, local flags stop the listing', async () => {
  assert.equal(
    (await ask(['config', ''])).stdout,
    'delete-cluster\tRemove a cluster\ndelete-context\tRemove a context\ndelete-user\tRemove a user\nuse-context\tSwitch the current context\nview\tShow the merged kubeconfig\n:4\n',
  );
  assert.equal((await ask(['config', 'use', ''])).stdout, 'from-hook\twith a description\n:4\n');
  assert.equal((await ask(['config', 'use-context', ''], { desc: false })).stdout, 'from-hook\n:4\n');
  // A global flag between the words does not matter; a local flag of `config` stops sub-command completion.
  assert.equal((await ask(['--context', 'x', 'config', 'u'])).stdout, 'use-context\tSwitch the current context\n:4\n');
  assert.equal((await ask(['config', '--local', ''])).stdout, ':0\n');
  // No sub-command matches but there are some: still no file names.
  assert.equal((await ask(['config', 'zz'])).stdout, ':4\n');
  // An argument to a command that has sub-commands: nothing.
  assert.equal((await ask(['config', 'bogus', ''])).stdout, ':0\n');
});

test('flag names: global ones first, then the command’s with --help; changed ones left out unless repeatable', async () => {
  const local = ['--dry-run\tDry run', '--filename\tFiles to read', '-f\tFiles to read', '--help\thelp for get', '-h\thelp for get', '--label-columns\tLabels as columns', '-L\tLabels as columns', '--output\tOutput format', '-o\tOutput format', '--sort-by\tSort key', '--watch\tWatch for changes', '-w\tWatch for changes'];
  assert.deepEqual(parse(await ask(['get', '-'])), { lines: [...globalFlagLines(), ...local], directive: 4 });
  const after = parse(await ask(['get', '-o', 'json', '-L', 'a', '-f', 'x', '-n', 'ns', '-'])).lines;
  assert.ok(!after.some((l) => l.startsWith('--output') || l.startsWith('-o\t') || l.startsWith('--namespace') || l.startsWith('-n\t')));
  assert.ok(after.includes('--label-columns\tLabels as columns') && after.includes('--filename\tFiles to read'));
  // "--" prefix: long names only.
  assert.ok(parse(await ask(['get', '--'])).lines.every((l) => l.startsWith('--')));
  // The root has the global flags as its own, sorted together with --help.
  const root = parse(await ask(['--h'])).lines;
  assert.deepEqual(root, ['--help\thelp for ktl']);
  assert.deepEqual(parse(await ask(['--h'], { program: 'kubectl' })).lines, ['--help\thelp for kubectl']);
});

test('flag values: by hook, `--flag=`, shorthand, value-less flags, files, no hook', async () => {
  assert.equal((await ask(['get', '-o', ''])).stdout, 'json\nyaml\nwide\n:4\n');
  assert.equal((await ask(['get', '--output', 'y'])).stdout, 'yaml\n:4\n');
  assert.equal((await ask(['get', '--output=w'])).stdout, 'wide\n:4\n');
  assert.equal((await ask(['get', '-o=j'])).stdout, 'json\n:4\n');
  assert.equal((await ask(['get', '-wo', ''])).stdout, 'json\nyaml\nwide\n:4\n');
  const files = await ask(['get', '-f', '']);
  assert.equal(files.stdout, 'json\nyaml\nyml\n:8\n');
  assert.equal(files.stderr, 'Completion ended with directive: ShellCompDirectiveFilterFileExt\n');
  assert.equal((await ask(['get', '--sort-by', ''])).stdout, ':0\n');
  assert.equal((await ask(['--kubeconfig', ''])).stdout, ':0\n');
  // A bool flag or one with a default for its bare form takes no value: the word is an argument.
  assert.equal((await ask(['get', '-w', 'po'], { desc: false })).stdout, 'args=\nword=po\npath=get\n:4\n');
  assert.equal((await ask(['get', '--dry-run', 'po'], { desc: false })).stdout, 'args=\nword=po\npath=get\n:4\n');
});

test('arguments reach the command’s hook without the flags', async () => {
  assert.equal((await ask(['get', 'pods', '-o', 'json', 'a', ''])).stdout, 'args=pods,a\nword=\npath=get\n:4\n');
  // After "--" a word that starts with "-" is an argument too.
  assert.equal((await ask(['get', '--', '-x'])).stdout, 'args=\nword=-x\npath=get\n:4\n');
});

test('--help on the line: nothing more to complete', async () => {
  assert.equal((await ask(['get', '-h', ''])).stdout, ':4\n');
  assert.equal((await ask(['config', '--help', ''])).stdout, ':4\n');
});

test('errors: debug lines on stderr, default directive', async () => {
  const unknown = await ask(['bogus', '']);
  assert.equal(unknown.stdout, ':0\n');
  assert.equal(unknown.stderr, '[Debug] Cleared global flags for plugin completion\n[Debug] [Error] unable to find a command for arguments: [bogus]\nCompletion ended with directive: ShellCompDirectiveDefault\n');
  const afterFlag = await ask(['-n', 'x', 'bogus', '']);
  assert.equal(afterFlag.stderr, '[Debug] [Error] unable to find a command for arguments: [-n x bogus]\nCompletion ended with directive: ShellCompDirectiveDefault\n');
  const badFlag = await ask(['get', 'pods', '-x', '']);
  assert.equal(badFlag.stdout, ':0\n');
  assert.equal(badFlag.stderr, "[Debug] [Error] Error while parsing flags from args [pods -x]: unknown shorthand flag: 'x' in -x\nCompletion ended with directive: ShellCompDirectiveDefault\n");
  const badLong = await ask(['--bogus', '']);
  assert.equal(badLong.stderr, '[Debug] [Error] Error while parsing flags from args [--bogus]: unknown flag: --bogus\nCompletion ended with directive: ShellCompDirectiveDefault\n');
  const unsupported = await ask(['get', '--bogus=']);
  assert.equal(unsupported.stderr, "[Debug] [Error] Subcommand 'get' does not support flag 'bogus'\nCompletion ended with directive: ShellCompDirectiveDefault\n");
});

function kubeconfigFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-comp-'));
  const path = join(dir, 'config');
  writeFileSync(path, `apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: c-one
  cluster: {server: "https://127.0.0.1:1"}
- name: c-two
  cluster: {server: "https://127.0.0.1:2"}
users:
- name: alice
  user: {token: a}
- name: bob
  user: {token: b}
contexts:
- name: dev
  context: {cluster: c-one, user: alice}
- name: prod
  context: {cluster: c-two, user: bob}
- name: dev-2
  context: {cluster: c-two, user: bob}
`);
  return path;
}

test('--context, --cluster, --user: names from the kubeconfig, by prefix', async () => {
  const env = { KUBECONFIG: kubeconfigFile() };
  const sorted = async (args: string[], o = {}) => parse(await ask(args, { env, ...o })).lines.sort();
  assert.deepEqual(await sorted(['--context', '']), ['dev', 'dev-2', 'prod']);
  assert.deepEqual(await sorted(['get', 'pods', '--context', 'd']), ['dev', 'dev-2']);
  assert.deepEqual(await sorted(['get', '--context=p']), ['prod']);
  assert.deepEqual(await sorted(['--cluster', '']), ['c-one', 'c-two']);
  assert.deepEqual(await sorted(['--user', '']), ['alice', 'bob']);
  // The hooks for `config delete-context NAME` and the like: the first argument only.
  assert.deepEqual(await sorted(['config', 'delete-context', '']), ['dev', 'dev-2', 'prod']);
  assert.deepEqual(await sorted(['config', 'delete-cluster', 'c-t']), ['c-two']);
  assert.deepEqual(await sorted(['config', 'delete-user', '']), ['alice', 'bob']);
  assert.equal((await ask(['config', 'delete-context', 'dev', ''], { env })).stdout, ':4\n');
  // --kubeconfig on the line chooses the file.
  assert.deepEqual(parse(await ask(['--kubeconfig', env.KUBECONFIG, '--user', 'a'])).lines, ['alice']);
  // An unreadable kubeconfig completes nothing.
  assert.equal((await ask(['--context', ''], { env: { KUBECONFIG: '/dev/null/x' } })).stdout, ':4\n');
});

function pluginDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-plugins-'));
  mkdirSync(dir, { recursive: true });
  for (const [name, body] of Object.entries(files)) {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

test('plugins: offered at the root, their words nested, their arguments completed by kubectl_complete-…', async () => {
  const dir = pluginDir({
    'kubectl-foo': 'echo foo',
    'kubectl-foo-bar': 'echo bar',
    'kubectl-hello_world': 'echo hello',
    'kubectl-get-extra': 'echo shadowed by get',
    'kubectl_complete-hello_world': 'for a in "$@"; do echo "arg:$a"; done; echo "x\tdescribed"; echo :4',
  });
  const env = { PATH: `${dir}:/usr/bin:/bin` };
  const root = parse(await ask([''], { env }));
  assert.deepEqual(root.lines, [
    'config\tEdit kubeconfig files',
    'foo\tThe command foo is a plugin installed by the user',
    'get\tShow objects',
    'hello-world\tThe command hello-world is a plugin installed by the user',
  ]);
  const foo = await ask(['foo', ''], { env });
  assert.equal(foo.stdout, 'bar\tThe command bar is a plugin installed by the user\n:0\n');
  assert.equal(
    foo.stderr,
    '[Debug] Cleared global flags for plugin completion\n[Debug] About to look for: ktl_complete-foo\n[Debug] About to look for: kubectl_complete-foo\n' +
      '[Debug] Plugin ktl-foo does not provide a matching completion executable\nCompletion ended with directive: ShellCompDirectiveDefault\n',
  );
  // The program named kubectl looks for kubectl_complete-… only.
  const asKubectl = await ask(['foo', 'bar', ''], { env, program: 'kubectl' });
  assert.equal(asKubectl.stderr, '[Debug] Cleared global flags for plugin completion\n[Debug] About to look for: kubectl_complete-foo-bar\n[Debug] Plugin kubectl-foo-bar does not provide a matching completion executable\nCompletion ended with directive: ShellCompDirectiveDefault\n');
  // Flags are the plugin's: passed through, never completed by ktl.
  const hello = await ask(['hello-world', '-n', 'a', ''], { env, program: 'kubectl' });
  assert.equal(hello.stdout, 'arg:-n\narg:a\narg:\nx\tdescribed\n:4\n');
  assert.match(hello.stderr, new RegExp(`About to call: ${dir}/kubectl_complete-hello_world -n a \n`));
  assert.equal((await ask(['hello-world', '--'], { env, desc: false })).stdout, 'arg:--\nx\n:4\n');
  // A plugin under a built-in command's name is not offered; flags before a word rule plugins out.
  assert.equal((await ask(['get', 'extra', ''], { env, desc: false })).stdout, 'args=extra\nword=\npath=get\n:4\n');
  assert.equal((await ask(['-n', 'x', 'foo', ''], { env })).stdout, ':0\n');
});

test('kubeconfig names load no client code; namespaces do', () => {
  const root = join(import.meta.dirname, '..', '..', '..');
  const dir = mkdtempSync(join(tmpdir(), 'ktl-comp-load-'));
  // A module hook that reports each of our source files as it loads.
  const hook = join(dir, 'hook.mjs');
  const resolveHook = "export async function resolve(s, c, n) { const r = await n(s, c); if (r.url.includes('/src/')) process.stderr.write('LOADED ' + r.url.split('/src/')[1] + '\\n'); return r; }";
  writeFileSync(hook, `import { register } from 'node:module';\nregister('data:text/javascript,' + encodeURIComponent(${JSON.stringify(resolveHook)}));\n`);
  const runner = join(dir, 'run.mjs');
  writeFileSync(runner, `const { main } = await import(${JSON.stringify(join(root, 'src/cli/main.ts'))});\nawait main(process.argv.slice(2), undefined, undefined, 'ktl');\n`);
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', join(root, 'node_modules/tsx/dist/esm/index.mjs'), '--import', hook, runner, ...args], {
      env: { PATH: '', HOME: dir, KUBECONFIG: kubeconfigFile() },
      encoding: 'utf8',
    });
    return { stdout: r.stdout, loads: r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')) };
  };
  const contexts = run(['__complete', '--context', '']);
  assert.match(contexts.stdout, /^dev$/m);
  assert.ok(contexts.loads.some((l) => l.includes('kubeconfig/')), 'the kubeconfig was read');
  assert.ok(!contexts.loads.some((l) => l.includes('client/')), `no client module: ${contexts.loads.join(', ')}`);
  const namespaces = run(['__complete', '-n', '']);
  assert.ok(namespaces.loads.some((l) => l.includes('client/index.ts')), 'the client is loaded for namespaces');
});
