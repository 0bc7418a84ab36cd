// kubectl's JSONPath (client-go util/jsonpath): evaluation of a parsed template over decoded
// JSON, and the text kubectl prints for the results. Shared by `-o jsonpath`, custom-columns,
// --sort-by, `kubectl wait --for=jsonpath` and the server's CRD printer columns.
import { ComparisonError, goCompare } from './compare.ts';
import { formatGoFloat, formatGoValue, marshalGoJson } from './go-format.ts';
import { GoNumber, INVALID, goTypeName, kindOf, toPlain, utf8Bytes } from './go-values.ts';
import { JsonPathError, parseTemplate } from './parser.ts';
import type { ListNode, Node, Param } from './parser.ts';

export { JsonPathError } from './parser.ts';

/** Where upstream's Go code panics (reflect on a zero Value); kubectl dies with exit code 2. */
export class JsonPathPanic extends Error {
  override name = 'JsonPathPanic';
}

export interface JsonPathOptions {
  /** A missing field or map key yields nothing instead of `<key> is not found` (kubectl: true). */
  allowMissingKeys?: boolean;
  /** `-o jsonpath-as-json`: each result list printed as an indented JSON array. */
  outputJson?: boolean;
}

/** Parses a template; throws JsonPathError with upstream's message. */
export function parseJsonPath(template: string): JsonPath {
  return new JsonPath(template, parseTemplate(template));
}

/** A parsed template. Evaluations share no state, so one instance serves any number of objects. */
export class JsonPath {
  constructor(
    readonly template: string,
    readonly root: ListNode,
  ) {}

  /**
   * The result lists, one per text or action evaluated (ranges repeat theirs per item). Values are
   * the decoded JSON itself; `undefined` stands for Go's zero Value (a null item in a range).
   */
  findResults(data: unknown, options: JsonPathOptions = {}): unknown[][] {
    return new Evaluation(this.root.nodes, options).findResults(data).map((list) => list.map(toPlain));
  }

  /** The text kubectl writes for this template; throws JsonPathError as upstream's Execute fails. */
  execute(data: unknown, options: JsonPathOptions = {}): string {
    const results = new Evaluation(this.root.nodes, options).findResults(data);
    return results.map((list) => printResults(list, options.outputJson ?? false)).join('');
  }
}

/**
 * PrintResults of one result list (as findResults returns them): maps and lists as JSON, scalars
 * with fmt's %v, `undefined` as `<no value>`, separated by spaces; with `outputJson`, the list as an
 * indented JSON array and a newline.
 */
export function printResults(list: unknown[], outputJson: boolean): string {
  if (outputJson) {
    if (list.some((v) => v === INVALID || v === undefined)) throw new JsonPathPanic('reflect: call of reflect.Value.Interface on zero Value');
    return `${marshalGoJson(list.map(toPlain), '    ')}\n`;
  }
  return list.map((v) => (kindOf(v) === 'map' || kindOf(v) === 'slice' ? marshalGoJson(v) : valueText(v))).join(' ');
}

/** evalToText: fmt.Fprint of a scalar; null became "null" in client-go 1.29 (before: <nil>). */
function valueText(v: unknown): string {
  if (v === INVALID || v === undefined) return '<no value>';
  if (v === null) return 'null';
  if (v instanceof GoNumber && v.goType === 'float64') return formatGoFloat(v.value as number);
  return formatGoValue(toPlain(v));
}

/**
 * An evaluation error with the values upstream's failing step returns beside it: an existence
 * filter `[?(@.x[5])]` counts those, so an out-of-range index still "exists".
 */
class EvalFailure extends JsonPathError {
  constructor(
    message: string,
    readonly partial: unknown[],
  ) {
    super(message);
  }
}

/** Runs a step that upstream abandons with its own input when anything under it fails. */
function orInput<T>(input: unknown[], step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof EvalFailure) throw new EvalFailure(err.message, input);
    throw err;
  }
}

/** Bytes of a Go string are uint8 values. */
function stringBytes(s: string): GoNumber[] {
  return [...utf8Bytes(s)].map((b) => new GoNumber('uint8', b));
}

/** The elements a wildcard or recursive descent steps into. */
function children(v: unknown): unknown[] {
  switch (kindOf(v)) {
    case 'map':
      return Object.values(v as Record<string, unknown>);
    case 'slice':
      return v as unknown[];
    case 'string':
      return stringBytes(v as string);
    default:
      return [];
  }
}

/**
 * One run of FindResults. Upstream keeps the range bookkeeping on the JSONPath and re-slices the
 * parser's root to the nodes after a `range`; here the root is an offset into the top-level nodes.
 */
class Evaluation {
  private rootStart = 0;
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;
  private readonly allowMissingKeys: boolean;

  constructor(
    private readonly base: Node[],
    options: JsonPathOptions,
  ) {
    this.allowMissingKeys = options.allowMissingKeys ?? false;
  }

  findResults(data: unknown): unknown[][] {
    const cur = [data === null || data === undefined ? INVALID : data];
    const start = this.rootStart;
    const length = this.base.length - start;
    const full: unknown[][] = [];
    for (let i = 0; i < length; i++) {
      const results = this.walk(cur, this.base[start + i]!);
      // an `end` closes the current block
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = start + i;
        break;
      }
      // a `range` runs the rest of the template once per result
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) {
            this.rootStart = start + i + 1;
            full.push(...this.findResults(value));
          }
        } else {
          // still walk the body so that its `end` is found
          this.rootStart = start + i + 1;
          this.findResults(null);
        }
        this.inRange--;
        for (let k = i + 1; k < length; k++) {
          if (start + k === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: unknown[], node: Node): unknown[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.value);
      case 'array':
        return this.evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
        return input.map(() => (typeof node.value === 'bigint' ? node.value : new GoNumber('int', node.value)));
      case 'float':
        return input.map(() => new GoNumber('float64', node.value));
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.flatMap((v) => (v === null ? [] : children(v)));
      case 'recursive':
        return this.evalRecursive(input);
      case 'union':
        return orInput(input, () => node.nodes.flatMap((list) => this.evalList(input, list)));
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: unknown[], list: ListNode): unknown[] {
    let cur = input;
    for (const node of list.nodes) cur = this.walk(cur, node);
    return cur;
  }

  private evalIdentifier(input: unknown[], name: string): unknown[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new EvalFailure('not in range, nothing to end', []);
    }
    throw new EvalFailure(`unrecognized identifier ${name}`, input);
  }

  private evalArray(input: unknown[], params: [Param, Param, Param]): unknown[] {
    const result: unknown[] = [];
    for (const value of input) {
      if (value === null) continue;
      if (value === INVALID) throw new JsonPathPanic('reflect: call of reflect.Value.Type on zero Value');
      if (kindOf(value) !== 'slice') throw new EvalFailure(`${goTypeName(value)} is not array or slice`, input);
      const items = value as unknown[];
      const len = items.length;
      let [from, to] = [params[0].known ? params[0].value : 0, params[1].value];
      if (from < 0) from += len;
      if (!params[1].known) to = len;
      if (to < 0 || (to === 0 && params[1].derived)) to += len;
      // asking for zero elements ends the whole evaluation of this node, as upstream returns early
      if (to === from) return result;
      if (from >= len || from < 0) throw new EvalFailure(`array index out of bounds: index ${from}, length ${len}`, input);
      if (to > len || to < 0) throw new EvalFailure(`array index out of bounds: index ${to - 1}, length ${len}`, input);
      if (from > to) throw new EvalFailure(`starting index ${from} is greater than ending index ${to}`, input);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new EvalFailure('step must be > 0', input);
        step = params[2].value;
      }
      for (let i = from; i < to; i += step) result.push(items[i]);
    }
    return result;
  }

  private evalField(input: unknown[], key: string): unknown[] {
    const results: unknown[] = [];
    if (input.length === 0) return results;
    for (const value of input) {
      if (kindOf(value) === 'map' && Object.hasOwn(value as object, key)) results.push((value as Record<string, unknown>)[key]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new EvalFailure(`${key} is not found`, []);
    return results;
  }

  private evalRecursive(input: unknown[]): unknown[] {
    const result: unknown[] = [];
    for (const value of input) {
      if (value === null) continue;
      const inner = children(value);
      if (inner.length > 0) result.push(value, ...this.evalRecursive(inner));
    }
    return result;
  }

  private evalFilter(input: unknown[], node: Extract<Node, { type: 'filter' }>): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (kindOf(value) !== 'slice') throw new EvalFailure(`${formatGoValue(value)} is not array or slice and cannot be filtered`, input);
      for (const item of value as unknown[]) {
        const temp = [item];
        if (node.operator === 'exists') {
          // upstream ignores the error and counts what the failing step returned
          let lefts: unknown[];
          try {
            lefts = this.evalList(temp, node.left);
          } catch (err) {
            if (!(err instanceof EvalFailure)) throw err;
            lefts = err.partial;
          }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const lefts = orInput(input, () => this.evalList(temp, node.left));
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new EvalFailure('can only compare one element at a time', input);
        const rights = orInput(input, () => this.evalList(temp, node.right));
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new EvalFailure('can only compare one element at a time', input);
        let pass: boolean;
        try {
          pass = goCompare(node.operator, lefts[0], rights[0]);
        } catch (err) {
          if (err instanceof ComparisonError) throw new EvalFailure(err.message, results);
          throw err;
        }
        if (pass) results.push(item);
      }
    }
    return results;
  }
}
