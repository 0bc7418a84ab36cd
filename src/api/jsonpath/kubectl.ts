// How kubectl's commands use JSONPath around the engine: the relaxed paths of custom-columns,
// --sort-by and wait, the -o jsonpath printer's error texts, custom-columns cells and the
// `wait --for=jsonpath` condition.
import { formatGoSyntax, formatGoValue, goQuote } from './go-format.ts';
import { kindOf } from './go-values.ts';
import { JsonPathError } from './parser.ts';
import { parseJsonPath } from './jsonpath.ts';
import type { JsonPath } from './jsonpath.ts';

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;
export const RELAXED_PATH_ERROR =
  "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";

/** kubectl's RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}`. */
export function relaxedJsonPathExpression(path: string): string {
  if (path === '') return path;
  const m = RELAXED.exec(path);
  if (!m) throw new JsonPathError(RELAXED_PATH_ERROR);
  return `{.${m[1] || m[2]}}`;
}

/** cli-runtime's message when `-o jsonpath=<template>` does not parse (kubectl adds `error: `). */
export function jsonPathParseErrorMessage(template: string, err: Error): string {
  return `error parsing jsonpath ${template}, ${err.message}`;
}

/**
 * cli-runtime's JSONPathPrinter message when executing fails: the template and the object,
 * printed with Go's %#v. kubectl writes it after `error: `, trailing blank lines included.
 */
export function jsonPathExecuteErrorMessage(template: string, err: Error, obj: unknown): string {
  return (
    `error executing jsonpath ${goQuote(template)}: Error executing template: ${err.message}. ` +
    'Printing more information for debugging the template:\n' +
    `\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${formatGoSyntax(obj)}\n\n\n`
  );
}

/** cli-runtime's EscapeTerminal: no escape sequences or carriage returns reach the terminal. */
export function escapeTerminal(s: string): string {
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

/**
 * One custom-columns cell: every result with fmt's %v, joined by commas, `<none>` when the first
 * list is empty. `path` comes from parseJsonPath(relaxedJsonPathExpression(spec)); missing keys
 * are allowed, other evaluation errors throw.
 */
export function customColumnCell(path: JsonPath, obj: unknown): string {
  const values = path.findResults(obj, { allowMissingKeys: true });
  const cells: string[] = [];
  if (values.length === 0 || values[0]!.length === 0) cells.push('<none>');
  for (const list of values) for (const v of list) cells.push(escapeTerminal(formatGoValue(v)));
  return cells.join(',');
}

/**
 * kubectl wait's reading of `--for=jsonpath=<expr>[=<value>]` (given the part after `jsonpath=`):
 * the relaxed expression, parsed, and the expected value with its quotes trimmed.
 */
export function parseWaitJsonPath(input: string): { path: JsonPath; value?: string } {
  const parts = splitOnSingleEquals(input);
  if (parts.length < 1 || parts.length > 2)
    throw new JsonPathError(
      "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
    );
  const expression = relaxedJsonPathExpression(parts[0]!);
  let value: string | undefined;
  if (parts.length === 2) {
    value = parts[1]!.replace(/^['"]+|['"]+$/g, '');
    if (value === '')
      throw new JsonPathError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  }
  if (expression === '') throw new JsonPathError('jsonpath expression cannot be empty');
  return value === undefined ? { path: parseJsonPath(expression) } : { path: parseJsonPath(expression), value };
}

// `==` stays inside a part: "a==b=c" → ["a==b", "c"]
function splitOnSingleEquals(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        cur += '==';
        i++;
        continue;
      }
      out.push(cur);
      cur = '';
      continue;
    }
    cur += input[i];
  }
  out.push(cur);
  return out;
}

/**
 * kubectl wait's JSONPath condition on one object: false while nothing matches, an error when more
 * than one value or a nested value matches, else `%v` of the value against `value` (both trimmed);
 * no `value` means any match will do.
 */
export function jsonPathConditionMet(path: JsonPath, obj: unknown, value?: string): boolean {
  const results = path.findResults(obj, { allowMissingKeys: true });
  if (results.length === 0 || results[0]!.length === 0) return false;
  if (results.length > 1) throw new JsonPathError('given jsonpath expression matches more than one list');
  if (results[0]!.length > 1) throw new JsonPathError('given jsonpath expression matches more than one value');
  if (value === undefined) return true;
  const v = results[0]![0];
  if (kindOf(v) === 'map' || kindOf(v) === 'slice')
    throw new JsonPathError('jsonpath leads to a nested object or list which is not supported');
  return formatGoValue(v).trim() === value.trim();
}
