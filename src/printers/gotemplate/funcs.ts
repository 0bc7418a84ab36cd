// text/template's builtin functions (funcs.go, Go 1.23) and kubectl's two extras (`exists`,
// `base64decode`), each with the Go signature execution checks arguments against. A function
// returns a value or throws FuncError (Go's error result: `error calling <name>: <message>`).
import { compareGoStrings } from '../../api/jsonpath/go-values.ts';
import { sprint, sprintf, sprintln } from './fmt.ts';
import type { Operand } from './fmt.ts';
import { GoValue, bool, element, indirect, indirectInterface, int, isTrue, kindOf, lengthOf, str } from './value.ts';
import type { Complex, RV } from './value.ts';

export class FuncError extends Error {}

/** Parameter types: reflect.Value takes any Value as is; interface {} a concrete value or nil. */
export type ParamType = 'reflect.Value' | 'interface {}' | 'string';

export interface GoFunc {
  params: ParamType[];
  /** The last parameter is variadic (...T). */
  variadic: boolean;
  builtin: boolean;
  /** Arguments arrive as Values for reflect.Value, concrete values for interface {}, strings for string. */
  call(args: unknown[]): RV;
}

const fn = (params: ParamType[], variadic: boolean, call: (args: any[]) => RV, builtin = true): GoFunc => ({ params, variadic, builtin, call });

/** printableValue for evalArgs: a nil operand prints as <no value>. */
function evalArgs(args: Operand[]): string {
  if (args.length === 1 && args[0] !== null && args[0].type === 'string') return args[0].v as string;
  return sprint(args.map((a) => a ?? str('<no value>')));
}

const HTML_ESCAPES: Record<string, string> = { '\0': '\ufffd', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x80) out += /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch) ? ch : `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    else if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '"') out += '\\"';
    else if (ch === '<') out += '\\u003C';
    else if (ch === '>') out += '\\u003E';
    else if (ch === '&') out += '\\u0026';
    else if (ch === '=') out += '\\u003D';
    else if (cp < 0x20) out += `\\u00${cp.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

/** url.QueryEscape. */
function queryEscape(s: string): string {
  let out = '';
  for (const b of Buffer.from(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** indexArg: an integer index within [0, cap]. */
function indexArg(index: RV, cap: number): number {
  const k = kindOf(index);
  if (k === 'invalid') throw new FuncError('cannot index slice/array with nil');
  if (k !== 'int' && k !== 'uint') throw new FuncError(`cannot index slice/array with type ${index!.type}`);
  const x = index!.v as bigint;
  if (x < 0n || x > BigInt(cap)) throw new FuncError(`index out of range: ${x}`);
  return Number(x);
}

function index(item: RV, ...indexes: RV[]): RV {
  item = indirectInterface(item);
  if (item === undefined) throw new FuncError('index of untyped nil');
  for (let idx of indexes) {
    idx = indirectInterface(idx);
    const [v, isNil] = indirect(item);
    if (isNil) throw new FuncError('index of nil pointer');
    item = v!;
    switch (kindOf(item)) {
      case 'slice':
      case 'string': {
        const len = lengthOf(item);
        const x = indexArg(idx, len);
        // reflect panics one past the end; the panic becomes the error
        if (x === len) throw new FuncError(`reflect: ${item.type === 'string' ? 'string' : 'slice'} index out of range`);
        item = item.type === 'string' ? new GoValue('uint8', BigInt(Buffer.from(item.v as string)[x]!)) : element((item.v as unknown[])[x]);
        break;
      }
      case 'map': {
        if (idx === undefined) throw new FuncError('value is nil; should be of type string');
        if (idx.type !== 'string') throw new FuncError(`value has type ${idx.type}; should be string`);
        const m = item.v as Record<string, unknown>;
        const key = idx.v as string;
        item = Object.hasOwn(m, key) ? element(m[key]) : new GoValue('interface {}', null);
        break;
      }
      default:
        throw new FuncError(`can't index item of type ${item.type}`);
    }
  }
  return item;
}

function slice(item: RV, ...indexes: RV[]): RV {
  item = indirectInterface(item);
  if (item === undefined) throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  const k = kindOf(item);
  if (k === 'string' && indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
  if (k !== 'string' && k !== 'slice') throw new FuncError(`can't slice item of type ${item.type}`);
  const len = lengthOf(item);
  const idx = [0, len, len];
  indexes.forEach((i, n) => (idx[n] = indexArg(i, len)));
  if (idx[0]! > idx[1]!) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!) throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (k === 'string') return str(Buffer.from(item.v as string).subarray(idx[0], idx[1]).toString('utf8'));
  return new GoValue(item.type, (item.v as unknown[]).slice(idx[0], idx[1]));
}

function length(item: RV): RV {
  const [v, isNil] = indirect(item);
  if (isNil) throw new FuncError('len of nil pointer');
  if (v === undefined) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  const k = kindOf(v);
  if (k === 'map' || k === 'slice' || k === 'string') return int(lengthOf(v));
  throw new FuncError(`len of type ${v.type}`);
}

type BasicKind = 'bool' | 'complex' | 'int' | 'float' | 'string' | 'uint' | 'invalid';
function basicKind(v: RV): BasicKind {
  const k = kindOf(v);
  return k === 'bool' || k === 'complex' || k === 'int' || k === 'float' || k === 'string' || k === 'uint' ? k : 'invalid';
}

const BAD_TYPE = 'invalid type for comparison';
const INCOMPATIBLE = 'incompatible types for comparison';

function eq(arg1: RV, ...arg2: RV[]): RV {
  arg1 = indirectInterface(arg1);
  if (arg2.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (let arg of arg2) {
    arg = indirectInterface(arg);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') truth = (arg1!.v as bigint) >= 0n && arg1!.v === arg!.v;
      else if (k1 === 'uint' && k2 === 'int') truth = (arg!.v as bigint) >= 0n && arg1!.v === arg!.v;
      else if (arg1 !== undefined && arg !== undefined) throw new FuncError(INCOMPATIBLE);
    } else if (k1 === 'complex') {
      const [a, b] = [arg1!.v as Complex, arg!.v as Complex];
      truth = a.re === b.re && a.im === b.im;
    } else if (k1 !== 'invalid') truth = arg1!.v === arg!.v;
    else {
      // maps, slices and nil: only nil compares
      const nil1 = arg1 === undefined;
      const nil2 = arg === undefined;
      if (!nil1 && !nil2 && kindOf(arg1) !== kindOf(arg)) {
        throw new FuncError(`non-comparable types ${sprintf('%s', [arg1!])}: ${arg1!.type}, ${arg!.type}: ${sprintf('%v', [arg!])}`);
      }
      if (nil1 || nil2) truth = nil1 === nil2;
      else throw new FuncError(`non-comparable type ${sprintf('%s', [arg!])}: ${arg!.type}`);
    }
    if (truth) return bool(true);
  }
  return bool(false);
}

function lt(arg1: RV, arg2: RV): boolean {
  arg1 = indirectInterface(arg1);
  const k1 = basicKind(arg1);
  if (k1 === 'invalid') throw new FuncError(BAD_TYPE);
  arg2 = indirectInterface(arg2);
  const k2 = basicKind(arg2);
  if (k2 === 'invalid') throw new FuncError(BAD_TYPE);
  const [a, b] = [arg1!.v, arg2!.v];
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return (a as bigint) < 0n || (a as bigint) < (b as bigint);
    if (k1 === 'uint' && k2 === 'int') return (b as bigint) >= 0n && (a as bigint) < (b as bigint);
    throw new FuncError(INCOMPATIBLE);
  }
  if (k1 === 'bool' || k1 === 'complex') throw new FuncError(BAD_TYPE);
  if (k1 === 'string') return compareGoStrings(a as string, b as string) < 0;
  return (a as number | bigint) < (b as number | bigint);
}

const le = (a: RV, b: RV) => lt(a, b) || (eq(a, b)!.v as boolean);

/** cli-runtime's exists: whether item[i][j]... is there and not nil. */
function exists(item: Operand, ...indices: Operand[]): RV {
  let v: RV = item ?? undefined;
  for (const i of indices) {
    const [inner, isNil] = indirect(v);
    if (isNil) return bool(false);
    v = inner;
    switch (kindOf(v)) {
      case 'slice':
      case 'string': {
        const k = kindOf(i ?? undefined);
        if (k !== 'int' && k !== 'uint') return bool(false);
        const x = i!.v as bigint;
        if (x < 0n || x >= BigInt(lengthOf(v!))) return bool(false);
        v = v!.type === 'string' ? new GoValue('uint8', BigInt(Buffer.from(v!.v as string)[Number(x)]!)) : element((v!.v as unknown[])[Number(x)]);
        break;
      }
      case 'map': {
        const key = i === null ? '' : i.type === 'string' ? (i.v as string) : undefined;
        if (key === undefined) return bool(false);
        const m = v!.v as Record<string, unknown>;
        v = Object.hasOwn(m, key) ? element(m[key]) : new GoValue('interface {}', null);
        break;
      }
      default:
        return bool(false);
    }
  }
  return bool(!indirect(v)[1]);
}

/** encoding/base64 StdEncoding.DecodeString, with its error offsets. */
export function base64Decode(s: string): Buffer {
  const bytes = Buffer.from(s, 'latin1');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const out: number[] = [];
  const bad = (at: number) => new FuncError(`base64 decode failed: illegal base64 data at input byte ${at}`);
  const isNl = (c: number | undefined) => c === 10 || c === 13;
  let si = 0;
  while (si < bytes.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let j = 0;
    for (; j < 4; j++) {
      if (si === bytes.length) {
        if (j === 0) return Buffer.from(out);
        throw bad(si - j);
      }
      const c = bytes[si++]!;
      const d = alphabet.indexOf(String.fromCharCode(c));
      if (d >= 0) {
        dbuf[j] = d;
        continue;
      }
      if (isNl(c)) {
        j--;
        continue;
      }
      if (c !== 61) throw bad(si - 1);
      // padding: '=' ends the data
      if (j < 2) throw bad(si - 1);
      if (j === 2) {
        while (si < bytes.length && isNl(bytes[si])) si++;
        if (si === bytes.length) throw bad(bytes.length);
        if (bytes[si] !== 61) throw bad(si - 1);
        si++;
      }
      while (si < bytes.length && isNl(bytes[si])) si++;
      if (si < bytes.length) throw bad(si);
      dlen = j;
      break;
    }
    const val = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
    const triple = [(val >> 16) & 255, (val >> 8) & 255, val & 255];
    out.push(...triple.slice(0, dlen - 1));
    if (dlen < 4) break;
  }
  return Buffer.from(out);
}

/** The functions of a kubectl go-template: text/template's builtins plus exists and base64decode. */
export const KUBECTL_FUNCS: Record<string, GoFunc> = {
  and: fn(['reflect.Value', 'reflect.Value'], true, () => undefined),
  or: fn(['reflect.Value', 'reflect.Value'], true, () => undefined),
  call: fn(['reflect.Value', 'reflect.Value'], true, () => undefined),
  html: fn(['interface {}'], true, (a: Operand[]) => str(evalArgs(a).replace(/[\0"'&<>]/g, (c) => HTML_ESCAPES[c]!))),
  index: fn(['reflect.Value', 'reflect.Value'], true, (a: RV[]) => index(a[0], ...a.slice(1))),
  slice: fn(['reflect.Value', 'reflect.Value'], true, (a: RV[]) => slice(a[0], ...a.slice(1))),
  js: fn(['interface {}'], true, (a: Operand[]) => str(jsEscape(evalArgs(a)))),
  len: fn(['reflect.Value'], false, (a: RV[]) => length(a[0])),
  not: fn(['reflect.Value'], false, (a: RV[]) => bool(!isTrue(indirectInterface(a[0])))),
  print: fn(['interface {}'], true, (a: Operand[]) => str(sprint(a))),
  printf: fn(['string', 'interface {}'], true, (a) => str(sprintf(a[0] as string, a.slice(1) as Operand[]))),
  println: fn(['interface {}'], true, (a: Operand[]) => str(sprintln(a))),
  urlquery: fn(['interface {}'], true, (a: Operand[]) => str(queryEscape(evalArgs(a)))),
  eq: fn(['reflect.Value', 'reflect.Value'], true, (a: RV[]) => eq(a[0], ...a.slice(1))),
  ge: fn(['reflect.Value', 'reflect.Value'], false, (a: RV[]) => bool(!lt(a[0], a[1]))),
  gt: fn(['reflect.Value', 'reflect.Value'], false, (a: RV[]) => bool(!le(a[0], a[1]))),
  le: fn(['reflect.Value', 'reflect.Value'], false, (a: RV[]) => bool(le(a[0], a[1]))),
  lt: fn(['reflect.Value', 'reflect.Value'], false, (a: RV[]) => bool(lt(a[0], a[1]))),
  ne: fn(['reflect.Value', 'reflect.Value'], false, (a: RV[]) => bool(!(eq(a[0], a[1])!.v as boolean))),
  exists: fn(['interface {}', 'interface {}'], true, (a: Operand[]) => exists(a[0]!, ...a.slice(1)), false),
  base64decode: fn(['string'], false, (a: string[]) => str(base64Decode(a[0]!).toString('utf8')), false),
};
