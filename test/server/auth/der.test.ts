import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as der from '../../../src/server/auth/der.ts';

const hex = (b: Buffer) => b.toString('hex');

test('integer: minimal two\'s complement, positive', () => {
  assert.equal(hex(der.integer(0)), '020100');
  assert.equal(hex(der.integer(127)), '02017f');
  assert.equal(hex(der.integer(128)), '02020080');
  assert.equal(hex(der.integer(256)), '02020100');
  assert.equal(hex(der.integer(Buffer.from([0, 0, 0x01]))), '020101');
  assert.equal(hex(der.integer(Buffer.from([0xff, 0x01]))), '020300ff01');
});

test('lengths above 127 use the long form', () => {
  assert.equal(hex(der.octetString(Buffer.alloc(127)).subarray(0, 2)), '047f');
  assert.equal(hex(der.octetString(Buffer.alloc(128)).subarray(0, 3)), '048180');
  assert.equal(hex(der.octetString(Buffer.alloc(300)).subarray(0, 4)), '0482012c');
});

test('oid', () => {
  assert.equal(hex(der.oid('1.2.840.10045.4.3.2')), '06082a8648ce3d040302');
  assert.equal(hex(der.oid('2.5.29.17')), '0603551d11');
});

test('named bits drop trailing zero bits', () => {
  assert.equal(hex(der.namedBits([0])), '03020780');  // digitalSignature
  assert.equal(hex(der.namedBits([0, 5, 6])), '03020186');  // + keyCertSign, cRLSign
  assert.equal(hex(der.namedBits([8])), '0303070080');
});

test('time: UTCTime before 2050, GeneralizedTime from 2050', () => {
  assert.equal(der.time(new Date('2030-01-02T03:04:05.678Z')).toString('latin1').slice(2), '300102030405Z');
  assert.equal(der.time(new Date('2030-01-02T03:04:05Z'))[0], 0x17);
  assert.equal(der.time(new Date('2050-01-02T03:04:05Z')).toString('latin1').slice(2), '20500102030405Z');
  assert.equal(der.time(new Date('2050-01-02T03:04:05Z'))[0], 0x18);
});

test('set sorts members by encoding', () => {
  assert.equal(hex(der.set(der.integer(2), der.integer(1))), '3106020101020102');
});
