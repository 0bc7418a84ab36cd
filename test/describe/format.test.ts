import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  goTimeString,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTaintsMultiline,
  printTolerationsMultiline,
  rfc1123z,
} from '../../src/describe/format.ts';
import { goFloat, goQuote, goValue } from '../../src/describe/values.ts';
import { tabbedString } from '../../src/describe/writer.ts';
import { zoneAbbreviation } from '../../src/describe/zone.ts';

test('RFC1123Z in the local zone; an unset time is Go zero time in UTC', () => {
  const tz = process.env.TZ;
  try {
    process.env.TZ = 'America/New_York';
    assert.equal(rfc1123z('2026-01-22T09:00:00Z'), 'Thu, 22 Jan 2026 04:00:00 -0500');
    assert.equal(rfc1123z(undefined), 'Mon, 01 Jan 0001 00:00:00 +0000');
    assert.equal(goTimeString('2026-07-04T12:00:00Z'), '2026-07-04 08:00:00 -0400 EDT');
    process.env.TZ = 'UTC';
    assert.equal(goTimeString('2026-07-04T12:00:00Z'), '2026-07-04 12:00:00 +0000 UTC');
  } finally {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
});

test('zone abbreviations come from the zoneinfo files, numeric where there is none', () => {
  assert.equal(zoneAbbreviation(Date.parse('2026-01-15T00:00:00Z'), 3600, { TZ: 'Europe/Berlin' }), 'CET');
  assert.equal(zoneAbbreviation(Date.parse('2026-07-15T00:00:00Z'), 7200, { TZ: 'Europe/Berlin' }), 'CEST');
  assert.equal(zoneAbbreviation(0, 0, { TZ: '' }), 'UTC');
  assert.equal(zoneAbbreviation(0, 19800, { TZ: 'No/Such_Zone' }), '+0530');
});

test('multi-line labels, annotations (long, multi-line, last-applied skipped), taints, tolerations', () => {
  const out = tabbedString((w) => {
    printLabelsMultiline(w, 'Labels', { b: '2', a: '1' });
    printAnnotationsMultiline(w, 'Annotations', {
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      multi: 'a\nb\n',
      long: 'x'.repeat(150),
      short: 'v',
    });
    printTaintsMultiline(w, 'Taints', [
      { key: 'k', effect: 'NoSchedule' },
      { key: 'd', value: 'v', effect: 'NoExecute' },
    ]);
    printTolerationsMultiline(w, 'Tolerations', [{ operator: 'Exists' }, { key: 'a', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }, { key: 'b', value: 'c', effect: 'NoSchedule' }]);
  });
  const expected = [
    'Labels:       a=1',
    '              b=2',
    'Annotations:  long:',
    `                ${'x'.repeat(138)}...`,
    '              multi:',
    '                a',
    '                b',
    '              short: v',
    'Taints:       d=v:NoExecute',
    '              k:NoSchedule',
    'Tolerations:  op=Exists',
    '              a:NoExecute op=Exists for 30s',
    '              b=c:NoSchedule',
    '',
  ].join('\n');
  assert.equal(out, expected);
});

test("values as Go's fmt prints them", () => {
  assert.equal(goFloat(1.2345675e6), '1.2345675e+06');
  assert.equal(goFloat(0.5), '0.5');
  assert.equal(goFloat(0.00001), '1e-05');
  assert.equal(goFloat(123456.5), '123456.5');
  assert.equal(goValue(1000000), '1000000');
  assert.equal(goValue(null), '<nil>');
  assert.equal(goValue([1, 'a', [true]]), '[1 a [true]]');
  assert.equal(goValue({ b: 1, a: 'x' }), 'map[a:x b:1]');
  assert.equal(goQuote('a "b"\n\x01'), '"a \\"b\\"\\n\\x01"');
});
