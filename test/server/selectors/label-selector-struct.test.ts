import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  labelSelectorHasInvalidLabelValue,
  parseToLabelSelector,
  validateLabelSelector,
} from '../../../src/server/selectors/label-selector-struct.ts';
import { fieldErrorBody } from '../../../src/server/status.ts';

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

test('ParseToLabelSelector: back to the structured form, with its error texts', () => {
  assert.deepEqual(parseToLabelSelector('app=web,tier in (b,a),!canary,zone'), {
    matchLabels: { app: 'web' },
    matchExpressions: [
      { key: 'canary', operator: 'DoesNotExist', values: [] },
      { key: 'tier', operator: 'In', values: ['a', 'b'] },
      { key: 'zone', operator: 'Exists', values: [] },
    ],
  });
  assert.throws(() => parseToLabelSelector('app: nginx'), {
    message: `couldn't parse the selector string "app: nginx": unable to parse requirement: <nil>: Invalid value: "app:": ${NAME_PART}`,
  });
  assert.throws(() => parseToLabelSelector('x>1'), { message: `"gt" isn't supported in label selectors` });
  assert.throws(() => parseToLabelSelector('x!=1'), { message: '"!=" is not a valid label selector operator' });
});

test('ValidateLabelSelector: field errors with upstream paths and details', () => {
  const errs = validateLabelSelector(
    {
      matchLabels: { 'a b': 'ok', good: '-bad' },
      matchExpressions: [
        { key: 'k', operator: 'In' },
        { key: 'k', operator: 'Exists', values: ['x'] },
        { key: 'k', operator: 'Gt', values: ['1'] },
        { key: '', operator: 'NotIn', values: ['-x'] },
      ],
    },
    {},
    'spec.selector',
  );
  assert.deepEqual(
    errs.map((e) => `${e.field}: ${fieldErrorBody(e)}`),
    [
      `spec.selector.matchLabels: Invalid value: "a b": ${NAME_PART}`,
      'spec.selector.matchLabels: Invalid value: "-bad": a valid label must be an empty string or consist of alphanumeric characters, ' +
        "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', " +
        "regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector.matchExpressions[2].operator: Invalid value: "Gt": not a valid selector operator',
      'spec.selector.matchExpressions[3].key: Invalid value: "": name part must be non-empty',
      `spec.selector.matchExpressions[3].key: Invalid value: "": ${NAME_PART}`,
      'spec.selector.matchExpressions[3].values[0]: Invalid value: "-x": a valid label must be an empty string or consist of alphanumeric characters, ' +
        "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', " +
        "regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ],
  );
  assert.deepEqual(validateLabelSelector(undefined, {}, 'spec.selector'), []);
  const lenient = validateLabelSelector(
    { matchExpressions: [{ key: 'k', operator: 'Weird', values: ['-x'] }] },
    { allowUnknownOperatorInRequirement: true, allowInvalidLabelValueInSelector: true },
    'spec.selector',
  );
  assert.deepEqual(lenient, []);
  assert.equal(labelSelectorHasInvalidLabelValue({ matchExpressions: [{ key: 'k', operator: 'In', values: ['-x'] }] }), true);
  assert.equal(labelSelectorHasInvalidLabelValue({ matchExpressions: [{ key: 'k', operator: 'In', values: ['x'] }] }), false);
});
