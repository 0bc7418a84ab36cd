// The shell scripts of `completion SHELL`: they parse in their shells, name their functions after
// the program, match the committed copies, and turn `__complete` answers into completions —
// checked by calling the completion functions as the shells do, with a stand-in program that
// gives canned answers, with ktl itself, and in a real interactive bash on a pseudo-terminal.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { completionScript, SCRIPT_FILES, SHELLS } from '../../../src/cli/completion/script.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const work = mkdtempSync(join(tmpdir(), 'ktl-scripts-'));

function scriptFile(shell: (typeof SHELLS)[number], program = 'ktl'): string {
  const path = join(work, `${program}.${shell}`);
  writeFileSync(path, completionScript(shell, program));
  return path;
}

/** A program that answers every `__complete` with $FAKE_ANSWER and records its arguments. */
function fakeProgram(): string {
  const bin = join(work, 'fake-bin');
  mkdirSync(bin, { recursive: true });
  const path = join(bin, 'fakectl');
  writeFileSync(path, '#!/bin/sh\nfor a in "$@"; do printf "%s|" "$a"; done >"$FAKE_LOG"\nprintf "%b" "$FAKE_ANSWER"\n');
  chmodSync(path, 0o755);
  return path;
}

/** ktl from the sources, as a command a shell can run. */
function ktlProgram(): string {
  const bin = join(work, 'ktl-bin');
  mkdirSync(bin, { recursive: true });
  const runner = join(bin, 'run.mjs');
  writeFileSync(runner, `const { main } = await import(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))});\nawait main(process.argv.slice(2), undefined, undefined, 'ktl');\n`);
  const path = join(bin, 'ktl');
  const tsx = join(ROOT, 'node_modules/tsx/dist/esm/index.mjs');
  writeFileSync(path, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} --import ${JSON.stringify(tsx)} ${JSON.stringify(runner)} "$@"\n`);
  chmodSync(path, 0o755);
  return path;
}

test('every shell and program name: the functions and the registration follow the program', () => {
  for (const program of ['ktl', 'kubectl']) {
    const bash = completionScript('bash', program);
    assert.match(bash, new RegExp(`^__start_${program}\\(\\) \\{$`, 'm'));
    assert.match(bash, new RegExp(`^complete -o default -F __start_${program} ${program}$`, 'm'));
    assert.doesNotMatch(bash, program === 'ktl' ? /kubectl/ : /\bktl\b/);
    const zsh = completionScript('zsh', program);
    assert.match(zsh, new RegExp(`^#compdef ${program}\n`));
    assert.match(zsh, new RegExp(`^    compdef _${program} ${program}$`, 'm'));
    const fish = completionScript('fish', program);
    assert.match(fish, new RegExp(`^complete -c ${program} -n '__${program}_prepare; and not __${program}_keep_order' -f -a '\\$__${program}_results'$`, 'm'));
    const ps = completionScript('powershell', program);
    assert.match(ps, new RegExp(`^Register-ArgumentCompleter -CommandName '${program}' -ScriptBlock \\$\\{__${program}CompleterBlock\\} -Native$`, 'm'));
    for (const shell of SHELLS) assert.match(completionScript(shell, program), new RegExp(`${program} __complete`));
  }
  // A name that is no identifier still makes valid function names.
  assert.match(completionScript('bash', 'my-ktl'), /^__start_my_ktl\(\) \{$/m);
});

test('completions/ holds the current scripts (regenerate: node --import tsx scripts/gen-completions.ts)', () => {
  for (const shell of SHELLS) assert.equal(readFileSync(join(ROOT, 'completions', SCRIPT_FILES[shell]), 'utf8'), completionScript(shell, 'ktl'), SCRIPT_FILES[shell]);
});

test('the scripts parse: bash -n, zsh -n, fish -n', (t) => {
  execFileSync('bash', ['-n', scriptFile('bash')]);
  execFileSync('bash', ['-n', scriptFile('bash', 'kubectl')]);
  if (has('zsh')) execFileSync('zsh', ['-n', scriptFile('zsh')]);
  else t.diagnostic('zsh not installed');
  if (has('fish')) execFileSync('fish', ['-n', scriptFile('fish')]);
  else t.diagnostic('fish not installed');
  // PowerShell is rarely installed: at least the braces and parentheses balance.
  const ps = completionScript('powershell', 'ktl');
  for (const [open, close] of [['{', '}'], ['(', ')']]) assert.equal(ps.split(open).length, ps.split(close).length, `${open}${close} balance`);
});

interface BashCall {
  /** COMP_LINE up to the cursor. */
  line: string;
  /** COMP_WORDS as bash splits the line (COMP_WORDBREAKS characters are words of their own). */
  words: string[];
  /** The word readline replaces ($2). */
  cur: string;
  env?: NodeJS.ProcessEnv;
  setup?: string;
  fn?: string;
}

/** Calls the bash completion function as bash does and returns COMPREPLY. */
function bashComplete(script: string, c: BashCall): string[] {
  const body = `source "$0"; ${c.setup ?? ''}
line=$1; cur=$2; shift 2
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE=$line; COMP_POINT=\${#line}
${c.fn ?? '__start_ktl'} "$COMP_WORDS" "$cur" "\${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const out = execFileSync('bash', ['-c', body, script, c.line, c.cur, ...c.words], { env: { ...process.env, COLUMNS: '60', ...c.env }, encoding: 'utf8' });
  return out.split('\n').slice(0, -1).filter((l, i, all) => !(all.length === 1 && l === ''));
}

test('bash: the request sent, and each directive applied', () => {
  const script = scriptFile('bash');
  const fake = fakeProgram();
  const log = join(work, 'fake.log');
  const call = (answer: string, c: Omit<BashCall, 'env'>) => bashComplete(script, { ...c, env: { FAKE_ANSWER: answer, FAKE_LOG: log } });
  const sent = () => readFileSync(log, 'utf8');

  // Words are passed unquoted; the current word is passed even when empty.
  assert.deepEqual(call('get\\tShow\\n:4\\n', { line: `${fake} --context 'my ctx' `, words: [fake, '--context', "'my ctx'", ''], cur: '' }), ['get']);
  assert.equal(sent(), '__complete|--context|my ctx||');
  // "-n=dev" arrives whole although bash split it; the answer replaces only what follows "=".
  assert.deepEqual(call('dev\\ndefault\\n:4\\n', { line: `${fake} -n=de`, words: [fake, '-n', '=', 'de'], cur: 'de' }), ['dev', 'default']);
  assert.equal(sent(), '__complete|-n=de|');
  assert.deepEqual(call('dev\\n:4\\n', { line: `${fake} -n=`, words: [fake, '-n', '='], cur: '' }), ['dev']);
  assert.equal(sent(), '__complete|-n=|');
  // A candidate that repeats the word before a break character loses that part.
  assert.deepEqual(call('app:web\\napp:db\\n:4\\n', { line: `${fake} x app:w`, words: [fake, 'x', 'app', ':', 'w'], cur: 'w' }), ['web']);
  // Candidates that do not match the word are dropped; one left is inserted without its description.
  assert.deepEqual(call('pods\\tP\\nsecrets\\tS\\n:4\\n', { line: `${fake} s`, words: [fake, 's'], cur: 's' }), ['secrets']);
  // Several candidates with descriptions: one per line, described, cut to the width.
  const described = call('pods\\tThe pods\\npodtemplates\\tTemplates of pods, with a long description that is cut\\n:4\\n', { line: `${fake} po`, words: [fake, 'po'], cur: 'po' });
  assert.deepEqual(described.map((l) => l.trimEnd()), ['pods          (The pods)', 'podtemplates  (Templates of pods, with a long descripti...)']);
  assert.ok(described.every((l) => l.length === 59));
  // Shell-special characters are escaped when inserted.
  assert.deepEqual(call('a b\\n:4\\n', { line: `${fake} a`, words: [fake, 'a'], cur: 'a' }), ['a\\ b']);
  // Error: nothing.
  assert.deepEqual(call('x\\n:1\\n', { line: `${fake} `, words: [fake, ''], cur: '' }), []);
  // Descriptions off on request.
  bashComplete(script, { line: `${fake} `, words: [fake, ''], cur: '', env: { FAKE_ANSWER: ':4\\n', FAKE_LOG: log, KTL_COMPLETION_DESCRIPTIONS: '0' } });
  assert.equal(sent(), '__completeNoDesc||');

  // 8: the candidates are extensions; 16: directories only.
  const files = mkdtempSync(join(tmpdir(), 'ktl-files-'));
  for (const f of ['a.json', 'b.yaml', 'c.txt']) writeFileSync(join(files, f), '');
  mkdirSync(join(files, 'sub'));
  mkdirSync(join(files, 'sub', 'inner'));
  const filtered = call('json\\nyaml\\nyml\\n:8\\n', { line: `${fake} -f ${files}/`, words: [fake, '-f', `${files}/`], cur: `${files}/` });
  assert.deepEqual(filtered.sort(), [`${files}/a.json`, `${files}/b.yaml`, `${files}/sub`]);
  assert.deepEqual(call(':16\\n', { line: `${fake} ${files}/`, words: [fake, `${files}/`], cur: `${files}/` }), [`${files}/sub`]);
  assert.deepEqual(call(`${files}/sub\\n:16\\n`, { line: `${fake} i`, words: [fake, 'i'], cur: 'i' }), ['inner']);
});

test('bash: an alias completes through the same function', () => {
  const script = scriptFile('bash');
  const fake = fakeProgram();
  const log = join(work, 'alias.log');
  const reply = bashComplete(script, {
    line: 'k g',
    words: ['k', 'g'],
    cur: 'g',
    setup: `shopt -s expand_aliases; alias k=${fake}; complete -o default -F __start_ktl k`,
    env: { FAKE_ANSWER: 'get\\n:4\\n', FAKE_LOG: log },
  });
  assert.deepEqual(reply, ['get']);
  assert.equal(readFileSync(log, 'utf8'), '__complete|g|');
});

test('bash with ktl itself', () => {
  const script = scriptFile('bash');
  const ktl = ktlProgram();
  assert.deepEqual(bashComplete(script, { line: `${ktl} completion b`, words: [ktl, 'completion', 'b'], cur: 'b' }), ['bash']);
  const kubeconfig = join(work, 'kubeconfig');
  writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\ncontexts:\n- name: dev\n  context: {cluster: c, user: u}\n- name: prod\n  context: {cluster: c, user: u}\n');
  const reply = bashComplete(script, { line: `${ktl} --context=p`, words: [ktl, '--context', '=', 'p'], cur: 'p', env: { KUBECONFIG: kubeconfig } });
  assert.deepEqual(reply, ['prod']);
});

test('bash in a real interactive shell: TAB completes the line', (t) => {
  if (!has('python3')) return t.skip('python3 (for a pseudo-terminal) is not installed');
  const script = scriptFile('bash');
  const ktl = ktlProgram();
  const rc = join(work, 'rc.bash');
  writeFileSync(rc, `PS1='$ '\nalias ktl=${ktl}\nsource ${script}\nbind -x '"\\eq": printf "\\nLINE=[%s]\\n" "$READLINE_LINE"'\n`);
  const driver = `
import os, pty, sys, time, select
pid, fd = pty.fork()
if pid == 0:
    os.execvp('bash', ['bash', '--norc', '--noprofile', '-i'])
out = b''
def pump(t):
    global out
    end = time.time() + t
    while time.time() < end:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                out += os.read(fd, 65536)
            except OSError:
                return
def wait_for(marker, t=20):
    end = time.time() + t
    while marker not in out and time.time() < end:
        pump(0.1)
for keys, marker in [('source ${rc}\\n', b'$ '), ('ktl completion ba\\t', None), ('\\x1bq', b'LINE=['), ('\\x15exit\\n', None)]:
    os.write(fd, keys.encode())
    if marker: wait_for(marker)
    else: pump(3)
sys.stdout.write(out.decode('utf8', 'replace'))
`;
  const out = execFileSync('python3', ['-c', driver], { encoding: 'utf8', timeout: 60_000 });
  assert.match(out, /LINE=\[ktl completion bash \]/);
});

test('zsh: candidates with descriptions, a flag value after "=", files when nothing is offered', (t) => {
  if (!has('zsh')) return t.skip('zsh is not installed');
  const script = scriptFile('zsh');
  const fake = fakeProgram();
  const log = join(work, 'zsh.log');
  const harness = `compdef() { :; }
_describe() { print -r -- "describe $*"; local arr=\${@[\${@[(i)values]} + 1]}; print -rl -- "\${(@P)arr}"; }
_files() { print -r -- "files $*"; }
source "$1"; shift
words=("$@"); CURRENT=$#; PREFIX=\${words[-1]}; IPREFIX=
_ktl
print -r -- "IPREFIX=$IPREFIX PREFIX=$PREFIX"`;
  const call = (answer: string, words: string[]) =>
    execFileSync('zsh', ['-c', harness, 'zsh', script, ...words], { env: { ...process.env, FAKE_ANSWER: answer, FAKE_LOG: log }, encoding: 'utf8' });
  assert.equal(call('get\\tShow: objects\\nco:x\\n:4\\n', [fake, 'g']), 'describe -t ktl-values values described\nget:Show: objects\nco\\:x\nIPREFIX= PREFIX=g\n');
  assert.equal(readFileSync(log, 'utf8'), '__complete|g|');
  assert.equal(call('dev\\n:6\\n', [fake, "'a b'", '-n=d']), "describe -t ktl-values values described -S \ndev\nIPREFIX=-n= PREFIX=d\n");
  assert.equal(readFileSync(log, 'utf8'), '__complete|a b|-n=d|');
  assert.equal(call(':0\\n', [fake, '']), 'files \nIPREFIX= PREFIX=\n');
  assert.equal(call(':4\\n', [fake, '']), 'IPREFIX= PREFIX=\n');
  assert.equal(call('json\\nyaml\\n:8\\n', [fake, '-f', '']), 'files -g *.(json|yaml)\nIPREFIX= PREFIX=\n');
  assert.equal(call('b\\na\\n:36\\n', [fake, '']), 'describe -V -t ktl-values values described\nb\na\nIPREFIX= PREFIX=\n');
});

test('fish: complete -C through the script, with ktl itself and with canned answers', (t) => {
  if (!has('fish')) return t.skip('fish is not installed');
  const script = scriptFile('fish');
  const fake = fakeProgram();
  const log = join(work, 'fish.log');
  const bin = join(work, 'fish-bin');
  mkdirSync(bin, { recursive: true });
  // fish completes the command by its name: run the stand-in as "ktl".
  writeFileSync(join(bin, 'ktl'), `#!/bin/sh\nexec ${fake} "$@"\n`);
  chmodSync(join(bin, 'ktl'), 0o755);
  const fish = (line: string, answer: string) =>
    execFileSync('fish', ['-c', `source ${script}; complete -C${JSON.stringify(line)}`], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, FAKE_ANSWER: answer, FAKE_LOG: log },
      encoding: 'utf8',
    });
  assert.equal(fish('ktl g', 'get\\tShow objects\\n:4\\n'), 'get\tShow objects\n');
  assert.equal(readFileSync(log, 'utf8'), '__complete|g|');
  assert.equal(fish('ktl --context=p', 'prod\\n:4\\n'), '--context=prod\n');
  assert.equal(fish('ktl x ', ':4\\n'), '');
  const files = mkdtempSync(join(tmpdir(), 'ktl-fish-files-'));
  for (const f of ['a.json', 'c.txt']) writeFileSync(join(files, f), '');
  assert.equal(fish(`ktl -f ${files}/`, 'json\\nyaml\\n:8\\n'), `${files}/a.json\n`);

  const real = ktlProgram();
  writeFileSync(join(bin, 'ktl'), `#!/bin/sh\nexec ${real} "$@"\n`);
  assert.equal(fish('ktl completion ', ''), 'bash\nfish\npowershell\nzsh\n');
});
