// The small JSONPath subset that additionalPrinterColumns and selectable fields use, behind a tiny
// interface: fields (.a, ['a'], ..a), indexes and slices ([0], [-1], [1:3], [*]), and filters
// ([?(@.type=="Ready")], [?(@.x)]), with missing keys allowed (client-go jsonpath with
// AllowMissingKeys). ktl's full JSONPath library (src/api/jsonpath) can replace compileColumnPath.
import { isPlainObject } from './schema/types.ts';

export interface ColumnPath {
  /** Every value the expression selects, in order. */
  find(obj: unknown): unknown[];
}

type Step =
  | { kind: 'field'; name: string }
  | { kind: 'recursive'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'index'; index: number }
  | { kind: 'slice'; start?: number; end?: number }
  | { kind: 'filter'; path: Step[]; op?: string; literal?: unknown };

class Parser {
  pos = 0;
  constructor(readonly text: string) {}

  fail(why: string): never {
    throw new Error(`unrecognized column definition ${JSON.stringify(this.text)}: ${why}`);
  }

  steps(): Step[] {
    const steps: Step[] = [];
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!;
      if (c === '.') {
        if (this.text[this.pos + 1] === '.') {
          this.pos += 2;
          steps.push({ kind: 'recursive', name: this.name() });
          continue;
        }
        this.pos++;
        if (this.text[this.pos] === '*') {
          this.pos++;
          steps.push({ kind: 'wildcard' });
        } else if (this.pos < this.text.length && this.text[this.pos] !== '[' && this.text[this.pos] !== '.') {
          steps.push({ kind: 'field', name: this.name() });
        }
      } else if (c === '[') {
        steps.push(this.bracket());
      } else if (c === '@' && steps.length === 0) {
        this.pos++;
      } else this.fail(`unexpected ${JSON.stringify(c)}`);
    }
    return steps;
  }

  name(): string {
    const m = /^[^.[\]\s=!<>()]+/.exec(this.text.slice(this.pos));
    if (!m) this.fail('field name expected');
    this.pos += m[0].length;
    return m[0];
  }

  bracket(): Step {
    const close = this.matching(this.pos);
    const inner = this.text.slice(this.pos + 1, close).trim();
    this.pos = close + 1;
    if (inner === '*') return { kind: 'wildcard' };
    const quoted = /^(['"])(.*)\1$/.exec(inner);
    if (quoted) return { kind: 'field', name: quoted[2]! };
    if (/^-?\d+$/.test(inner)) return { kind: 'index', index: Number(inner) };
    const slice = /^(-?\d+)?:(-?\d+)?$/.exec(inner);
    if (slice) return { kind: 'slice', ...(slice[1] ? { start: Number(slice[1]) } : {}), ...(slice[2] ? { end: Number(slice[2]) } : {}) };
    const filter = /^\?\((.*)\)$/s.exec(inner);
    if (filter) return this.filter(filter[1]!.trim());
    return this.fail(`unsupported subscript [${inner}]`);
  }

  matching(open: number): number {
    let depth = 0;
    let quote = '';
    for (let i = open; i < this.text.length; i++) {
      const c = this.text[i]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[') depth++;
      else if (c === ']' && --depth === 0) return i;
    }
    return this.fail('unclosed [');
  }

  filter(expr: string): Step {
    const m = /^(@[^=!<>\s]*)\s*(==|!=|<=|>=|<|>)?\s*(.*)$/s.exec(expr);
    if (!m) this.fail(`unsupported filter ${expr}`);
    const path = new Parser(m[1]!).steps();
    if (!m[2]) return { kind: 'filter', path };
    return { kind: 'filter', path, op: m[2], literal: literal(m[3]!.trim(), this) };
  }
}

function literal(text: string, p: Parser): unknown {
  const q = /^(['"])(.*)\1$/s.exec(text);
  if (q) return q[2];
  if (text === 'true' || text === 'false') return text === 'true';
  if (text !== '' && !Number.isNaN(Number(text))) return Number(text);
  return p.fail(`unsupported literal ${text}`);
}

function compare(a: unknown, op: string, b: unknown): boolean {
  if (op === '==') return a === b;
  if (op === '!=') return a !== b;
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false;
  const x = a as number | string;
  const y = b as number | string;
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isPlainObject(v)) return Object.keys(v).sort().map((k) => v[k]);
  return [];
}

function recurse(v: unknown, name: string, out: unknown[]): void {
  if (isPlainObject(v) && name in v) out.push(v[name]);
  for (const c of children(v)) recurse(c, name, out);
}

function apply(steps: Step[], values: unknown[]): unknown[] {
  let cur = values;
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      switch (step.kind) {
        case 'field':
          if (isPlainObject(v) && step.name in v) next.push(v[step.name]);
          break;
        case 'recursive':
          recurse(v, step.name, next);
          break;
        case 'wildcard':
          next.push(...children(v));
          break;
        case 'index':
          if (Array.isArray(v)) {
            const i = step.index < 0 ? v.length + step.index : step.index;
            if (i >= 0 && i < v.length) next.push(v[i]);
          }
          break;
        case 'slice':
          if (Array.isArray(v)) {
            const norm = (n: number | undefined, d: number) => (n === undefined ? d : n < 0 ? Math.max(v.length + n, 0) : Math.min(n, v.length));
            next.push(...v.slice(norm(step.start, 0), norm(step.end, v.length)));
          }
          break;
        case 'filter':
          for (const item of Array.isArray(v) ? v : []) {
            const found = apply(step.path, [item]);
            if (step.op === undefined ? found.length > 0 : found.some((f) => compare(f, step.op!, step.literal))) next.push(item);
          }
          break;
      }
    }
    cur = next;
  }
  return cur;
}

/** Parses a column's jsonPath (".status.replicas"; braces optional); throws on syntax it lacks. */
export function compileColumnPath(expr: string): ColumnPath {
  const text = expr.trim().replace(/^\{(.*)\}$/s, '$1');
  const steps = new Parser(text).steps();
  return { find: (obj) => apply(steps, [obj]) };
}

/** Go's %v of a float64. */
function goFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** jsonpath PrintResults for one value: text as is, numbers and booleans as Go prints them, the rest as JSON. */
export function printJsonPathValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
