// Range arithmetic and the free-value search of the service IP and node port allocators.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatIPv4, ipFamilyOf, ipRange, nextFreeIP, nextFreeNodePort, parseIPv4, rangeOffset, SERVICE_CIDR } from '../../../../src/server/registry/allocators/ranges.ts';

test('the service range 10.96.0.0/12 and its static band', () => {
  const r = ipRange(SERVICE_CIDR);
  assert.equal(formatIPv4(r.first), '10.96.0.1');
  assert.equal(formatIPv4(r.last), '10.111.255.254');
  // min(max(16, size/16), 256)
  assert.equal(r.offset, 256);
  assert.equal(rangeOffset(2768, 16, 128, 32), 86);
  assert.equal(rangeOffset(16, 16, 256, 16), 0);
  assert.equal(parseIPv4('010.096.000.010'), parseIPv4('10.96.0.10'));
  assert.equal(parseIPv4('10.96.0'), undefined);
  assert.equal(ipFamilyOf('fd00::1'), 'IPv6');
  assert.equal(ipFamilyOf('nonsense'), undefined);
});

test('dynamic IPs come from above the static band', () => {
  const r = ipRange(SERVICE_CIDR);
  for (let i = 0; i < 200; i++) {
    const ip = nextFreeIP(r, new Set());
    assert.ok(ip !== undefined && ip >= r.base + r.offset && ip <= r.last, formatIPv4(ip!));
  }
});

test('the static band is used once the upper band is full', () => {
  const r = ipRange('10.0.0.0/24');
  // 256 addresses: offset 16, dynamic 10.0.0.16 - 10.0.0.254
  assert.equal(r.offset, 16);
  const used = new Set<number>();
  for (let n = r.base + r.offset; n <= r.last; n++) used.add(n);
  const ip = nextFreeIP(r, used)!;
  assert.ok(ip >= r.first && ip < r.base + r.offset, formatIPv4(ip));
  for (let n = r.first; n < r.base + r.offset; n++) used.add(n);
  assert.equal(nextFreeIP(r, used), undefined);
});

test('node ports: 30086-32767 first, then 30000-30085, never outside', () => {
  for (let i = 0; i < 200; i++) {
    const p = nextFreeNodePort(new Set())!;
    assert.ok(p >= 30086 && p <= 32767, String(p));
  }
  const used = new Set<number>();
  for (let p = 30086; p <= 32767; p++) used.add(p);
  used.add(30000);
  const low = nextFreeNodePort(used)!;
  assert.ok(low > 30000 && low <= 30085, String(low));
  for (let p = 30000; p <= 30085; p++) used.add(p);
  assert.equal(nextFreeNodePort(used), undefined);
});
