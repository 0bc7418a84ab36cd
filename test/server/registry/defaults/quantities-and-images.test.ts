// SetDefaults_ResourceList's rounding and the image tag parse behind imagePullPolicy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultPullPolicy, imageTag } from '../../../../src/server/registry/defaults/image.ts';
import { roundUpQuantity, roundUpResourceList } from '../../../../src/server/registry/defaults/resource-list.ts';

test('quantities round up to milli units and print canonically', () => {
  const cases: [unknown, unknown][] = [
    ['100m', '100m'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1024Mi', '1Gi'],
    ['0.0001', '1m'],
    ['1500u', '2m'],
    ['1n', '1m'],
    [2, '2'],
    ['1e3', '1e3'],
    ['bogus', 'bogus'],
  ];
  for (const [input, expected] of cases) assert.equal(roundUpQuantity(input), expected, String(input));
  const list = { requests: { cpu: '0.25', memory: '128974848' } };
  roundUpResourceList(list, 'requests');
  assert.deepEqual(list.requests, { cpu: '250m', memory: '128974848' });
});

test('image tags as the docker reference grammar reads them', () => {
  assert.equal(imageTag('nginx'), 'latest');
  assert.equal(imageTag('library/nginx:1.25-alpine'), '1.25-alpine');
  assert.equal(imageTag('localhost:5000/team/app'), 'latest');
  assert.equal(imageTag('registry.example.com:443/a/b:v2'), 'v2');
  assert.equal(imageTag(`nginx@sha256:${'0'.repeat(64)}`), '');
  assert.equal(imageTag(`nginx:latest@sha256:${'0'.repeat(64)}`), 'latest');
  // not a valid reference: no tag, so IfNotPresent
  assert.equal(imageTag('NGINX'), '');
  assert.equal(imageTag(`nginx@sha256:${'0'.repeat(10)}`), '');
  assert.equal(defaultPullPolicy(undefined), 'IfNotPresent');
  assert.equal(defaultPullPolicy('busybox'), 'Always');
});
