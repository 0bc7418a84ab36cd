// The checks kubectl's create generators make that the server has no counterpart for: the strict
// IsEnvVarName of env files, and strconv.Atoi. The shared ones (IsConfigMapKey, IsDNS1123Subdomain,
// port names and numbers) are in src/api/validation/names.ts.
import { chDirPrefix, regexError } from '../../api/validation/names.ts';

/** IsEnvVarName (the strict form kubectl applies to env files). */
export function isEnvVarName(v: string): string[] {
  const errs: string[] = [];
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(v))
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        '[-._a-zA-Z][-._a-zA-Z0-9]*',
        'my.env-name', 'MY_ENV.NAME', 'MyEnvName1',
      ),
    );
  return [...errs, ...chDirPrefix(v)];
}

/** strconv.Atoi: a decimal int64 with an optional sign; the error text otherwise. */
export function atoi(s: string): { value: number } | { error: string } {
  if (!/^[+-]?\d+$/.test(s)) return { error: `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax` };
  const n = BigInt(s);
  if (n > 2n ** 63n - 1n || n < -(2n ** 63n)) return { error: `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range` };
  return { value: Number(n) };
}
