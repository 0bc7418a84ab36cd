import test from 'node:test';
import assert from 'node:assert/strict';
import { atoi, isEnvVarName } from '../../../src/cli/create/validation.ts';

test("kubectl's own checks: the strict IsEnvVarName of env files, strconv.Atoi", () => {
  assert.deepEqual(isEnvVarName('MY_ENV.NAME'), []);
  assert.deepEqual(isEnvVarName('1x'), [
    "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
  ]);
  assert.deepEqual(isEnvVarName('..'), ["must not be '..'"]);
  assert.deepEqual(atoi('42'), { value: 42 });
  assert.deepEqual(atoi('x'), { error: 'strconv.Atoi: parsing "x": invalid syntax' });
  assert.deepEqual(atoi('9223372036854775808'), { error: 'strconv.Atoi: parsing "9223372036854775808": value out of range' });
});
