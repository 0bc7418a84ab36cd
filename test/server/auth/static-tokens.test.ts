import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createStaticTokenAuthenticator, loadTokenFile, parseCsv, parseTokenFile } from '../../../src/server/auth/static-tokens.ts';

test('parseCsv: quotes, doubled quotes, CRLF, blank lines', () => {
  assert.deepEqual(parseCsv('a,b,c\r\n\n"x,y","say ""hi""",\n'), [
    ['a', 'b', 'c'],
    ['x,y', 'say "hi"', ''],
  ]);
  assert.deepEqual(parseCsv('last,line'), [['last', 'line']]);
});

test('parseTokenFile: token,user,uid[,groups]; short records are an error; empty tokens skipped', () => {
  const tokens = parseTokenFile('t1,alice,1001,"dev,ops"\nt2,bob,\n,nobody,3\nt1,carol,7\n', '/etc/tokens.csv');
  assert.deepEqual([...tokens.keys()], ['t1', 't2']);
  assert.deepEqual(tokens.get('t1'), { name: 'carol', uid: '7', groups: [] }, 'a later duplicate wins');
  assert.deepEqual(tokens.get('t2'), { name: 'bob', groups: [] });
  assert.deepEqual(parseTokenFile('t,alice,1,"a,b"', 'f').get('t'), { name: 'alice', uid: '1', groups: ['a', 'b'] });
  assert.throws(() => parseTokenFile('t,alice\n', '/etc/tokens.csv'), {
    message: "token file '/etc/tokens.csv' must have at least 3 columns (token, user name, user uid), found 2",
  });
});

test('loadTokenFile reads the file', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-tokens-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'tokens.csv'), 'secret,alice,42,admins\n');
  assert.deepEqual((await loadTokenFile(join(dir, 'tokens.csv'))).get('secret'), { name: 'alice', uid: '42', groups: ['admins'] });
});

test('static tokens answer only for the API audiences', async () => {
  const auth = createStaticTokenAuthenticator(new Map([['s3cret', { name: 'alice', groups: ['dev'] }]]), ['https://api']);
  assert.deepEqual(await auth.authenticateToken('s3cret'), { ok: true, user: { name: 'alice', groups: ['dev'] }, audiences: ['https://api'] });
  assert.deepEqual(await auth.authenticateToken('s3cret', ['vault', 'https://api']), { ok: true, user: { name: 'alice', groups: ['dev'] }, audiences: ['https://api'] });
  assert.deepEqual(await auth.authenticateToken('s3cret', ['vault']), { ok: false });
  assert.deepEqual(await auth.authenticateToken('nope'), { ok: false });
});
