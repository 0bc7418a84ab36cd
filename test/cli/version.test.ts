// Unit tests of version's pure parts: ktl's version.Info, semver parsing, the skew warning, output.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientVersionInfo, formatVersions, parseSemantic, skewWarning, toVersionInfo } from '../../src/cli/version.ts';

const info = (gitVersion: string) => toVersionInfo({ gitVersion });

test('the client version is semver on the kubectl 1.32 line', () => {
  const v = clientVersionInfo();
  assert.equal(v.major, '1');
  assert.equal(v.minor, '32');
  assert.match(v.gitVersion, /^v1\.32\.\d+\+ktl\.[0-9A-Za-z.-]+$/);
  assert.deepEqual(parseSemantic(v.gitVersion), { major: 1n, minor: 32n });
});

test('parseSemantic accepts what apimachinery accepts and words errors alike', () => {
  assert.deepEqual(parseSemantic('v1.33.0+ktl'), { major: 1n, minor: 33n });
  assert.deepEqual(parseSemantic(' 1.29.3-rc.1+abc '), { major: 1n, minor: 29n });
  assert.throws(() => parseSemantic('garbage'), { message: 'could not parse "garbage" as version' });
  assert.throws(() => parseSemantic('v1.2'), { message: 'illegal version string "v1.2"' });
  assert.throws(() => parseSemantic('v1.02.3'), { message: 'illegal zero-prefixed version component "02" in "v1.02.3"' });
  assert.throws(() => parseSemantic('v1.2.3_x'), { message: 'could not parse pre-release/metadata (_x) in version "v1.2.3_x"' });
  assert.throws(() => parseSemantic('v1.2.3-01'), { message: 'illegal zero-prefixed version component "01" in "v1.2.3-01"' });
});

test('skew: more than one minor apart, or another major', () => {
  const client = info('v1.32.0');
  assert.equal(skewWarning(client, info('v1.33.0')), undefined);
  assert.equal(skewWarning(client, info('v1.31.9')), undefined);
  assert.equal(
    skewWarning(client, info('v1.29.3')),
    'WARNING: version difference between client (1.32) and server (1.29) exceeds the supported minor version skew of +/-1\n',
  );
  assert.match(skewWarning(client, info('v2.32.0')) ?? '', /server \(2\.32\)/);
});

test('toVersionInfo keeps the nine fields, in struct order', () => {
  const v = toVersionInfo({ platform: 'p', emulationMajor: '1', major: '1', gitVersion: 'v1.33.0', minor: 7 });
  assert.deepEqual(Object.keys(v), ['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform']);
  assert.equal(v.minor, '');
});

test('formats', async () => {
  const clientVersion = info('v1.32.0');
  const v = { clientVersion, kustomizeVersion: 'v5.5.0' };
  assert.equal(await formatVersions(v, ''), 'Client Version: v1.32.0\nKustomize Version: v5.5.0\n');
  assert.equal(await formatVersions({ ...v, serverVersion: info('v1.33.0') }, ''), 'Client Version: v1.32.0\nKustomize Version: v5.5.0\nServer Version: v1.33.0\n');
  const json = await formatVersions(v, 'json');
  assert.ok(json.startsWith('{\n  "clientVersion": {\n    "major": "",\n'));
  assert.ok(json.endsWith('  "kustomizeVersion": "v5.5.0"\n}\n'));
  const yaml = await formatVersions(v, 'yaml');
  assert.ok(yaml.startsWith('clientVersion:\n  buildDate: ""\n'));
  assert.ok(yaml.endsWith('kustomizeVersion: v5.5.0\n\n'));
});
