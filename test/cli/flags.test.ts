// pflag semantics: every spelling kubectl users type, and pflag's error texts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flag, FlagSet, parseDuration } from '../../src/cli/flags.ts';

const set = new FlagSet([
  flag.string('namespace', '', { shorthand: 'n' }),
  flag.string('output', '', { shorthand: 'o' }),
  flag.bool('all-namespaces', '', { shorthand: 'A' }),
  flag.bool('no-headers', ''),
  flag.bool('stdin', '', { shorthand: 'i' }),
  flag.bool('tty', '', { shorthand: 't' }),
  flag.int('chunk-size', '', { default: 500 }),
  flag.stringArray('from-literal', ''),
  flag.stringSlice('label-columns', '', { shorthand: 'L' }),
  flag.string('dry-run', '', { default: 'none', noOptDefVal: 'unchanged' }),
  flag.duration('timeout', ''),
]);

test('value spellings: -n x, -nx, -n=x, --namespace x, --namespace=x', () => {
  for (const argv of [['-n', 'x'], ['-nx'], ['-n=x'], ['--namespace', 'x'], ['--namespace=x']]) {
    const r = set.parse(argv);
    assert.equal(r.values.get('namespace'), 'x', argv.join(' '));
    assert.ok(r.changed.has('namespace'));
  }
  assert.equal(set.parse(['-ojson']).values.get('output'), 'json');
});

test('booleans: bare, =true/false and the other strconv spellings; bundled shorthands', () => {
  assert.equal(set.parse(['--no-headers']).values.get('no-headers'), true);
  assert.equal(set.parse(['--no-headers=false']).values.get('no-headers'), false);
  assert.equal(set.parse(['--no-headers=T']).values.get('no-headers'), true);
  assert.equal(set.parse(['-A=false']).values.get('all-namespaces'), false);
  const it = set.parse(['-it']);
  assert.deepEqual([it.values.get('stdin'), it.values.get('tty')], [true, true]);
  // A bool never takes the next word as its value.
  assert.deepEqual(set.parse(['--no-headers', 'false']).args, ['false']);
});

test('flags among arguments, and -- ending them', () => {
  const r = set.parse(['get', 'pods', '-n', 'x', 'web', '--', '-n', 'y']);
  assert.deepEqual(r.args, ['get', 'pods', 'web', '-n', 'y']);
  assert.equal(r.argsLenAtDash, 3);
  assert.equal(r.values.get('namespace'), 'x');
});

test('repeated and comma-separated values; optional values; durations and ints', () => {
  assert.deepEqual(set.parse(['--from-literal', 'a=1,2', '--from-literal=b=2']).values.get('from-literal'), ['a=1,2', 'b=2']);
  assert.deepEqual(set.parse(['-L', 'app,tier', '-Lzone']).values.get('label-columns'), ['app', 'tier', 'zone']);
  assert.equal(set.parse(['--dry-run']).values.get('dry-run'), 'unchanged');
  assert.equal(set.parse(['--dry-run=server']).values.get('dry-run'), 'server');
  assert.deepEqual(set.parse(['--dry-run', 'server']).args, ['server'], 'an optional value needs =');
  assert.equal(set.parse(['--chunk-size=0x10']).values.get('chunk-size'), 16);
  assert.equal(set.parse(['--timeout=1m30s']).values.get('timeout'), 90_000);
  assert.equal(parseDuration('1.5h'), 5_400_000);
  assert.equal(parseDuration('10'), undefined);
});

test('pflag error texts', () => {
  assert.throws(() => set.parse(['--bogus']), { message: 'unknown flag: --bogus' });
  assert.throws(() => set.parse(['-z']), { message: "unknown shorthand flag: 'z' in -z" });
  assert.throws(() => set.parse(['-Az']), { message: "unknown shorthand flag: 'z' in -Az" });
  assert.throws(() => set.parse(['--namespace']), { message: 'flag needs an argument: --namespace' });
  assert.throws(() => set.parse(['-n']), { message: "flag needs an argument: 'n' in -n" });
  assert.throws(() => set.parse(['--no-headers=maybe']), {
    message: 'invalid argument "maybe" for "--no-headers" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
  });
  assert.throws(() => set.parse(['-A=x']), { message: 'invalid argument "x" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "x": invalid syntax' });
  assert.throws(() => set.parse(['--chunk-size=ten']), { message: 'invalid argument "ten" for "--chunk-size" flag: strconv.ParseInt: parsing "ten": invalid syntax' });
  assert.throws(() => set.parse(['--timeout=5']), { message: 'invalid argument "5" for "--timeout" flag: time: invalid duration "5"' });
});
