import assert from 'node:assert/strict';
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { test } from 'node:test';
import { algorithmFor, base64url, fromBase64url, keyIdFor, parseJwt, signJwt, sortedJson, verifyJwt } from '../../../src/server/auth/jwt.ts';

const ec = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

/** Decodes a JWT segment with node's own base64url decoder, independent of the code under test. */
const segment = (token: string, i: number) => JSON.parse(Buffer.from(token.split('.')[i]!, 'base64url').toString('utf8'));

test('base64url: no padding, URL alphabet, strict decoding', () => {
  assert.equal(base64url(Buffer.from([0xfb, 0xff, 0xfe])), '-__-');
  assert.equal(base64url('a'), 'YQ');
  assert.deepEqual(fromBase64url('-__-'), Buffer.from([0xfb, 0xff, 0xfe]));
  assert.equal(fromBase64url('YQ=='), undefined, 'padding is not RawURLEncoding');
  assert.equal(fromBase64url('a+b/'), undefined, 'standard alphabet is refused');
  assert.equal(fromBase64url('abcde'), undefined, 'impossible length');
});

test('sortedJson sorts keys at every depth and keeps arrays in order', () => {
  assert.equal(sortedJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }), '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
});

test('keyIdFor is base64url(sha256(SPKI DER)), the same from the private or the public key', () => {
  const { privateKey, publicKey } = ec();
  const expected = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url');
  assert.equal(keyIdFor(publicKey), expected);
  assert.equal(keyIdFor(privateKey), expected);
  assert.equal(keyIdFor(publicKey.export({ type: 'spki', format: 'pem' }) as string), expected);
  assert.equal(expected.length, 43);
});

test('algorithmFor: ES256/384/512 by curve, RS256 for RSA, others refused', () => {
  assert.equal(algorithmFor(ec().publicKey), 'ES256');
  assert.equal(algorithmFor(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey), 'ES384');
  assert.equal(algorithmFor(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey), 'RS256');
  assert.throws(() => algorithmFor(generateKeyPairSync('ed25519').publicKey), /unknown private key type/);
});

test('signJwt: ES256 header with kid, sorted claims, a raw r||s signature that node:crypto verifies', () => {
  const { privateKey, publicKey } = ec();
  const token = signJwt({ sub: 's', aud: ['x'], iss: 'i', 'kubernetes.io': { serviceaccount: { uid: 'u', name: 'n' }, namespace: 'ns' } }, privateKey);
  const [h, p, s] = token.split('.');
  assert.equal(Buffer.from(h!, 'base64url').toString(), `{"alg":"ES256","kid":"${keyIdFor(publicKey)}"}`);
  assert.equal(Buffer.from(p!, 'base64url').toString(), '{"aud":["x"],"iss":"i","kubernetes.io":{"namespace":"ns","serviceaccount":{"name":"n","uid":"u"}},"sub":"s"}');
  const sig = Buffer.from(s!, 'base64url');
  assert.equal(sig.length, 64, 'JOSE ECDSA signatures are r||s, 32 bytes each');
  assert.ok(verify('sha256', Buffer.from(`${h}.${p}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, sig));
  assert.equal(segment(token, 1).sub, 's');
});

test('parseJwt and verifyJwt: valid, tampered, wrong key, wrong alg, malformed', () => {
  const { privateKey, publicKey } = ec();
  const token = signJwt({ sub: 'a' }, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  const jwt = parseJwt(token)!;
  assert.deepEqual(jwt.payload, { sub: 'a' });
  assert.ok(verifyJwt(jwt, publicKey));
  assert.ok(verifyJwt(jwt, createPublicKey(privateKey)));

  const [h, , s] = token.split('.');
  const tampered = parseJwt(`${h}.${base64url('{"sub":"b"}')}.${s}`)!;
  assert.equal(verifyJwt(tampered, publicKey), false);
  assert.equal(verifyJwt(jwt, ec().publicKey), false);
  const noneAlg = parseJwt(`${base64url('{"alg":"none"}')}.${token.split('.')[1]}.${s}`)!;
  assert.equal(verifyJwt(noneAlg, publicKey), false);

  for (const bad of ['', 'a.b', 'a.b.c.d', `${h}.not-json.${s}`, `${base64url('[1]')}.${base64url('{}')}.${s}`, `${h}.${base64url('{}')}.bad=`])
    assert.equal(parseJwt(bad), undefined, bad);
});

test('RS256 tokens round-trip too', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const token = signJwt({ a: 1 }, privateKey);
  assert.equal(segment(token, 0).alg, 'RS256');
  assert.ok(verifyJwt(parseJwt(token)!, publicKey));
});
