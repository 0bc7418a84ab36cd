// delete's flag handling without a server: cascade spellings, grace-period rules, validation order
// and the --raw target checks (Go's url.ParseRequestURI).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { command } from '../../../src/cli/delete.ts';
import { complete, parseCascade, rawRequestPath, requestUriProblem, toOptions, validate } from '../../../src/cli/delete/options.ts';
import { FlagSet, Flags } from '../../../src/cli/flags.ts';

const flagsOf = (...argv: string[]) => new Flags(new FlagSet(command.flags!).parse(argv));

function options(...argv: string[]) {
  const lines: string[] = [];
  const f = flagsOf(...argv);
  const o = complete(toOptions(f, (l) => lines.push(l)), f, (l) => lines.push(l));
  return { o, lines };
}

test('cascade: the three policies, deprecated booleans with a warning, anything else refused', () => {
  const warned: string[] = [];
  assert.equal(parseCascade('background', (l) => warned.push(l)), 'Background');
  assert.equal(parseCascade('foreground', (l) => warned.push(l)), 'Foreground');
  assert.equal(parseCascade('orphan', (l) => warned.push(l)), 'Orphan');
  assert.equal(warned.length, 0);
  assert.equal(parseCascade('false', (l) => warned.push(l)), 'Orphan');
  assert.equal(parseCascade('1', (l) => warned.push(l)), 'Background');
  assert.deepEqual(warned, [
    'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
    'warning: --cascade=1 is deprecated (boolean value) and can be replaced with --cascade=background.\n',
  ]);
  assert.throws(() => parseCascade('Orphan', () => {}), { message: 'invalid cascade value (Orphan). Must be "background", "foreground", or "orphan"' });
  // a bare --cascade means background
  assert.equal(options('--cascade').o.cascade, 'Background');
});

test('grace period: default, --now, 0 without --force, --force', () => {
  assert.equal(options().o.gracePeriod, -1);
  assert.equal(options('--now').o.gracePeriod, 1);
  assert.equal(options('--grace-period=0').o.gracePeriod, 1);
  assert.equal(options('--grace-period=0', '--force').o.gracePeriod, 0);
  assert.equal(options('--force').o.gracePeriod, 0);
  assert.equal(options('--grace-period=7').o.gracePeriod, 7);
  assert.throws(() => options('--now', '--grace-period=3'), { message: '--now and --grace-period cannot be specified together' });
});

test('ignore-not-found defaults to true with --all and selectors, unless given', () => {
  assert.equal(options().o.ignoreNotFound, false);
  assert.equal(options('--all').o.ignoreNotFound, true);
  assert.equal(options('-l', 'a=b').o.ignoreNotFound, true);
  assert.equal(options('--field-selector', 'metadata.name=x').o.ignoreNotFound, true);
  assert.equal(options('--all', '--ignore-not-found=false').o.ignoreNotFound, false);
});

test('dry run values', () => {
  assert.equal(options('--dry-run=server').o.dryRun, 'server');
  assert.equal(options('--dry-run=client').o.dryRun, 'client');
  const bare = options('--dry-run');
  assert.equal(bare.o.dryRun, 'client');
  assert.match(bare.lines[0]!, /^W\d{4} .* helpers\.go:702\] --dry-run is deprecated and can be replaced with --dry-run=client\.\n$/);
  assert.throws(() => options('--dry-run=maybe'), { message: 'Invalid dry-run value (maybe). Must be "none", "server", or "client".' });
});

test('validate: output, --force warnings and errors, --raw restrictions in kubectl order', () => {
  const check = (...argv: string[]) => {
    const warnings: string[] = [];
    validate(options(...argv).o, (w) => warnings.push(w));
    return warnings;
  };
  assert.throws(() => check('-o', 'yaml'), { message: "unexpected -o output mode: yaml. We only support '-o name'" });
  assert.deepEqual(check('-o', 'name'), []);
  assert.deepEqual(check('--force'), [
    'Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
  ]);
  assert.throws(() => check('--force', '--grace-period=2'), { message: '--force and --grace-period greater than 0 cannot be specified together' });
  assert.throws(() => check('--raw', '/x', '--all', '-l', 'a=b'), { message: 'cannot set --all and --selector at the same time' });
  assert.throws(() => check('--raw', '/x', '--all', '--field-selector', 'a=b'), { message: 'cannot set --all and --field-selector at the same time' });
  assert.throws(() => check('--raw', '/x', '-i'), { message: '--interactive can not be used with --raw' });
  assert.throws(() => check('--raw', '/x', '-f', 'a', '-f', 'b'), { message: '--raw can only use a single local file or stdin' });
  assert.throws(() => check('--raw', '/x', '-f', 'https://example.com/x'), { message: '--raw cannot read from a url' });
  assert.throws(() => check('--raw', '/x', '-R'), { message: '--raw and --recursive are mutually exclusive' });
  assert.throws(() => check('--raw', '/x', '-o', 'name'), { message: '--raw and --output are mutually exclusive' });
  assert.throws(() => check('--raw', 'x y'), { message: '--raw must be a valid URL path: parse "x y": invalid URI for request' });
});

test('requestUriProblem follows url.ParseRequestURI', () => {
  assert.equal(requestUriProblem('/api/v1/namespaces/a/pods/b'), undefined);
  assert.equal(requestUriProblem('/api?x=%zz'), undefined);  // the query is not unescaped
  assert.equal(requestUriProblem('https://h:1/api'), undefined);
  assert.equal(requestUriProblem('mailto:x'), undefined);  // opaque
  assert.equal(requestUriProblem('*'), undefined);
  assert.equal(requestUriProblem(''), 'empty url');
  assert.equal(requestUriProblem('api/v1'), 'invalid URI for request');
  assert.equal(requestUriProblem('1http://x/'), 'invalid URI for request');
  assert.equal(requestUriProblem(':x'), 'missing protocol scheme');
  assert.equal(requestUriProblem('/a%zz'), 'invalid URL escape "%zz"');
  assert.equal(requestUriProblem('/a%4'), 'invalid URL escape "%4"');
  assert.equal(requestUriProblem('/a\tb'), 'net/url: invalid control character in URL');
});

test('rawRequestPath keeps the path and query of absolute URLs', () => {
  assert.equal(rawRequestPath('/api/v1/x?dryRun=All'), '/api/v1/x?dryRun=All');
  assert.equal(rawRequestPath('https://elsewhere:443/api/v1/x'), '/api/v1/x');
});
