// Positional resource arguments and kubectl's usage errors for them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseResourceArgs } from '../../../src/cli/resource/args.ts';

test('types, names and type/name pairs', () => {
  assert.deepEqual(parseResourceArgs([], 'kubectl'), { form: 'none' });
  assert.deepEqual(parseResourceArgs(['pods,svc', 'a', 'b'], 'kubectl'), { form: 'types', types: ['pods', 'svc'], names: ['a', 'b'] });
  assert.deepEqual(parseResourceArgs(['pod/a', 'svc/b'], 'kubectl'), {
    form: 'pairs',
    pairs: [
      { type: 'pod', name: 'a' },
      { type: 'svc', name: 'b' },
    ],
  });
});

test('kubectl texts for malformed arguments', () => {
  assert.throws(() => parseResourceArgs(['pods', 'pod/a'], 'kubectl'), {
    message:
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
  });
  assert.throws(() => parseResourceArgs(['pods/a/b'], 'kubectl'), { message: 'arguments in resource/name form may not have more than one slash' });
  assert.throws(() => parseResourceArgs(['pod/'], 'kubectl'), { message: 'arguments in resource/name form must have a single resource and name' });
  assert.throws(() => parseResourceArgs(['/a'], 'kubectl'), { message: 'arguments in resource/name form must have a single resource and name' });
});
