// `plugin list`: what is listed, in which order, and every warning kubectl gives.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CommandDef } from '../../../src/cli/command.ts';
import { createCtx } from '../../../src/cli/ctx.ts';
import { exitCodeOf, report } from '../../../src/cli/errors.ts';
import { FlagSet, Flags } from '../../../src/cli/flags.ts';
import { GLOBAL_FLAGS, globalOptions } from '../../../src/cli/global-flags.ts';
import { command, findPluginFiles } from '../../../src/cli/plugin.ts';

const list = command.subcommands!.find((c) => c.name === 'list') as CommandDef;

/** Runs `plugin list ARGS` as main would: errors printed by report(). */
async function pluginList(args: string[], PATH: string, program = 'ktl') {
  let stdout = '';
  let stderr = '';
  const io = { out: { write: (s: string) => (stdout += s) }, err: { write: (s: string) => (stderr += s) } };
  const parsed = new FlagSet([...GLOBAL_FLAGS, ...(list.flags ?? [])]).parse(args);
  const flags = new Flags(parsed);
  const env = { PATH, HOME: tmpdir() };
  const ctx = createCtx(io, env, program, (home) => globalOptions(flags, env, home));
  let code = 0;
  try {
    await list.run!(ctx, { args: parsed.args, flags, argsLenAtDash: -1, path: ['plugin', 'list'] });
  } catch (err) {
    code = exitCodeOf(err);
    report(err, io, program);
  }
  return { code, stdout, stderr };
}

function dir(files: Record<string, string | { mode?: number; link?: string; dir?: true }>): string {
  const d = mkdtempSync(join(tmpdir(), 'ktl-plugin-list-'));
  for (const [name, spec] of Object.entries(files)) {
    const path = join(d, name);
    if (typeof spec === 'string') {
      writeFileSync(path, `#!/bin/sh\n${spec}\n`);
      chmodSync(path, 0o755);
    } else if (spec.link) symlinkSync(spec.link, path);
    else if (spec.dir) mkdirSync(path);
    else {
      writeFileSync(path, 'data');
      chmodSync(path, spec.mode ?? 0o644);
    }
  }
  return d;
}

test('no plugins: kubectl’s error, exit 1', async () => {
  const empty = dir({});
  assert.deepEqual(await pluginList([], empty, 'kubectl'), { code: 1, stdout: '', stderr: 'error: unable to find any kubectl plugins in your PATH\n' });
  assert.deepEqual(await pluginList([], empty), { code: 1, stdout: '', stderr: 'error: unable to find any ktl plugins in your PATH\n' });
});

test('lists by PATH order and file name; --name-only prints file names', async () => {
  const a = dir({ 'kubectl-b': 'true', 'kubectl-a': 'true', 'other-x': 'true', kubectl_complete: 'true', 'kubectl-sub': { dir: true } });
  const b = dir({ 'kubectl-c': 'true' });
  const r = await pluginList([], `${b}:${a}::${b}`, 'kubectl');
  assert.deepEqual(r, {
    code: 0,
    stdout: `The following compatible plugins are available:\n\n${b}/kubectl-c\n${a}/kubectl-a\n${a}/kubectl-b\n`,
    stderr: '',
  });
  const names = await pluginList(['--name-only'], `${b}:${a}`, 'kubectl');
  assert.equal(names.stdout, 'The following compatible plugins are available:\n\nkubectl-c\nkubectl-a\nkubectl-b\n');
});

test('warnings: not executable, shadowed, overwriting a command, unreadable PATH entries', async () => {
  const a = dir({
    'kubectl-foo': 'true',
    'kubectl-noexec': { mode: 0o644 },
    'kubectl-broken': { link: '/nonexistent/target' },
    'kubectl-up': 'true',
    'kubectl-': 'true',
    'kubectl-server-x': 'true',
  });
  const b = dir({ 'kubectl-foo': 'true', 'kubectl-dirlink': { link: tmpdir() } });
  const r = await pluginList([], `${a}:/nonexistent-dir:${b}`, 'kubectl');
  assert.equal(r.code, 1);
  assert.equal(r.stdout, `The following compatible plugins are available:\n\n${[`${a}/kubectl-`, `${a}/kubectl-broken`, `${a}/kubectl-foo`, `${a}/kubectl-noexec`, `${a}/kubectl-server-x`, `${a}/kubectl-up`, `${b}/kubectl-dirlink`, `${b}/kubectl-foo`].join('\n')}\n`);
  assert.equal(
    r.stderr,
    [
      'Unable to read directory "/nonexistent-dir" from your PATH: open /nonexistent-dir: no such file or directory. Skipping...',
      '  - warning: kubectl- overwrites existing command: "kubectl"',
      `  - error: unable to identify ${a}/kubectl-broken as an executable file: stat ${a}/kubectl-broken: no such file or directory`,
      `  - warning: ${a}/kubectl-noexec identified as a kubectl plugin, but it is not executable`,
      '  - warning: kubectl-server-x overwrites existing command: "kubectl server"',
      '  - warning: kubectl-up overwrites existing command: "kubectl up"',
      `  - warning: ${b}/kubectl-dirlink identified as a kubectl plugin, but it is not executable`,
      `  - warning: ${b}/kubectl-foo is overshadowed by a similarly named plugin: ${a}/kubectl-foo`,
      'error: 7 plugin warnings were found',
      '',
    ].join('\n'),
  );
  const one = await pluginList([], dir({ 'kubectl-x': { mode: 0o600 } }), 'kubectl');
  assert.match(one.stderr, /\nerror: one plugin warning was found\n$/);
  const file = join(dir({ 'kubectl-y': 'true' }), 'kubectl-y');
  assert.match((await pluginList([], `${file}:/usr/bin`, 'kubectl')).stderr, new RegExp(`^Unable to read directory "${file}" from your PATH: readdirent ${file}: not a directory\\. Skipping\\.\\.\\.\n`));
});

test('ktl finds ktl- plugins before kubectl- ones and says which one is shadowed', async () => {
  const a = dir({ 'kubectl-foo': 'true', 'kubectl-bar': 'true' });
  const b = dir({ 'ktl-foo': 'true' });
  const r = await pluginList([], `${a}:${b}`);
  assert.equal(r.stdout, `The following compatible plugins are available:\n\n${b}/ktl-foo\n${a}/kubectl-bar\n${a}/kubectl-foo\n`);
  assert.equal(r.stderr, `  - warning: ${a}/kubectl-foo is overshadowed by a similarly named plugin: ${b}/ktl-foo\nerror: one plugin warning was found\n`);
  // Invoked as kubectl, ktl- files are not plugins.
  assert.deepEqual(findPluginFiles({ PATH: `${a}:${b}` }, 'kubectl').map((p) => p.name), ['bar', 'foo']);
});
