// Go's fmt over the template value model: Sprint, Sprintln and Sprintf with verbs, flags, width,
// precision and explicit argument indexes, and fmt's texts for misuse (`%!d(string=x)`,
// `%!s(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`). Operands are what a func taking ...interface {}
// receives: a concrete value, or null for nil.
import { goQuote, isGoPrint } from '../../api/jsonpath/go-format.ts';
import { sortedKeys } from '../../api/jsonpath/go-values.ts';
import { formatFloat } from './go-float.ts';
import { GoValue, IFACE_TYPE, element, kindOf } from './value.ts';
import type { Complex } from './value.ts';

export type Operand = GoValue | null;

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number;
  widPresent: boolean;
  prec: number;
  precPresent: boolean;
}

const clearFlags = (): Flags => ({
  plus: false, minus: false, sharp: false, space: false, zero: false, plusV: false, sharpV: false,
  wid: 0, widPresent: false, prec: 0, precPresent: false,
});

const runeCount = (s: string) => Array.from(s).length;
const LOWER = '0123456789abcdefx';
const UPPER = '0123456789ABCDEFX';

/** reflect.Type.String() of an operand, as %T and the misuse texts show it. */
export const typeString = (v: Operand) => (v === null ? '<nil>' : v.type);

class Printer {
  buf = '';
  f: Flags = clearFlags();
  goodArgNum = true;
  reordered = false;

  private pad(s: string): void {
    const f = this.f;
    if (!f.widPresent || f.wid === 0) {
      this.buf += s;
      return;
    }
    const width = f.wid - runeCount(s);
    if (width <= 0) this.buf += s;
    else if (f.minus) this.buf += s + ' '.repeat(width);
    else this.buf += (f.zero ? '0' : ' ').repeat(width) + s;
  }

  private padding(n: number): void {
    if (n > 0) this.buf += (this.f.zero ? '0' : ' ').repeat(n);
  }

  private fmtS(s: string): void {
    if (this.f.precPresent) s = Array.from(s).slice(0, this.f.prec).join('');
    this.pad(s);
  }

  private fmtQ(s: string): void {
    if (this.f.precPresent) s = Array.from(s).slice(0, this.f.prec).join('');
    if (this.f.sharp && !/[`\u0000-\u0008\u000a-\u001f\u007f\ufeff]/.test(s)) this.pad(`\`${s}\``);
    else if (this.f.plus) this.pad(goQuote(s).replace(/[^\x00-\x7f]/gu, (c) => asciiEscape(c.codePointAt(0)!)));
    else this.pad(goQuote(s));
  }

  private fmtSx(s: string, digits: string): void {
    let bytes = [...Buffer.from(s)];
    if (this.f.precPresent) bytes = bytes.slice(0, this.f.prec);
    let out = '';
    bytes.forEach((b, i) => {
      if (this.f.space && i > 0) out += ' ';
      if (this.f.sharp && (this.f.space || i === 0)) out += digits === UPPER ? '0X' : '0x';
      out += digits[b >> 4]! + digits[b & 15]!;
    });
    this.pad(out);
  }

  private fmtInteger(value: bigint, base: number, signed: boolean, verb: string, digits: string): void {
    const f = this.f;
    const negative = signed && value < 0n;
    let u = negative ? -value : value;
    let prec = 0;
    if (f.precPresent) {
      prec = f.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = f.zero;
        f.zero = false;
        this.padding(f.wid);
        f.zero = oldZero;
        return;
      }
    } else if (f.zero && f.widPresent) {
      prec = f.wid;
      if (negative || f.plus || f.space) prec--;
    }
    let s = u === 0n ? '0' : '';
    while (u > 0n) {
      s = digits[Number(u % BigInt(base))]! + s;
      u /= BigInt(base);
    }
    if (s.length < prec) s = '0'.repeat(prec - s.length) + s;
    if (f.sharp) {
      if (base === 2) s = '0b' + s;
      else if (base === 8 && s[0] !== '0') s = '0' + s;
      else if (base === 16) s = (digits === UPPER ? '0X' : '0x') + s;
    }
    if (verb === 'O') s = '0o' + s;
    if (negative) s = '-' + s;
    else if (f.plus) s = '+' + s;
    else if (f.space) s = ' ' + s;
    const oldZero = f.zero;
    f.zero = false;
    this.pad(s);
    f.zero = oldZero;
  }

  private fmtFloat(v: number, verb: string, prec: number): void {
    const f = this.f;
    if (f.precPresent) prec = f.prec;
    let num = formatFloat(v, verb as 'e', prec);
    num = num[0] === '-' || num[0] === '+' ? num : '+' + num;
    if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = f.zero;
      f.zero = false;
      if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1);
      this.pad(num);
      f.zero = oldZero;
      return;
    }
    if (f.sharp && !num.slice(1).includes('.') && !/[eE]/.test(num)) num += '.';
    if (f.plus || num[0] !== '+') {
      if (f.zero && f.widPresent && f.wid > num.length) {
        this.buf += num[0];
        this.padding(f.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  private badVerb(verb: string, value: Operand): void {
    this.buf += `%!${verb}(`;
    if (value !== null) {
      this.buf += `${value.type}=`;
      this.printArg(value, 'v');
    } else this.buf += '<nil>';
    this.buf += ')';
  }

  printArg(arg: Operand, verb: string): void {
    if (arg === null) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, null);
      return;
    }
    if (verb === 'T') {
      this.fmtS(arg.type);
      return;
    }
    this.printValue(arg, verb, 0);
  }

  private printValue(v: GoValue, verb: string, depth: number): void {
    const f = this.f;
    switch (kindOf(v)) {
      case 'bool':
        if (verb === 't' || verb === 'v') this.pad(String(v.v));
        else this.badVerb(verb, v);
        return;
      case 'int':
      case 'uint': {
        const n = v.v as bigint;
        const signed = kindOf(v) === 'int';
        switch (verb) {
          case 'v':
            if (f.sharpV && !signed) {
              // %#v of an unsigned integer is Go syntax: 0x61
              const sharp = f.sharp;
              f.sharp = true;
              this.fmtInteger(n, 16, signed, verb, LOWER);
              f.sharp = sharp;
            } else this.fmtInteger(n, 10, signed, verb, LOWER);
            return;
          case 'd':
            return this.fmtInteger(n, 10, signed, verb, LOWER);
          case 'b':
            return this.fmtInteger(n, 2, signed, verb, LOWER);
          case 'o':
          case 'O':
            return this.fmtInteger(n, 8, signed, verb, LOWER);
          case 'x':
            return this.fmtInteger(n, 16, signed, verb, LOWER);
          case 'X':
            return this.fmtInteger(n, 16, signed, verb, UPPER);
          case 'c':
            return this.pad(runeOf(n));
          case 'q':
            return this.pad(quoteRune(n, f.plus));
          case 'U':
            return this.fmtUnicode(n);
        }
        return this.badVerb(verb, v);
      }
      case 'float': {
        const x = v.v as number;
        if (verb === 'v') return this.fmtFloat(x, 'g', -1);
        if ('bgGxX'.includes(verb)) return this.fmtFloat(x, verb, -1);
        if ('feEF'.includes(verb)) return this.fmtFloat(x, verb, 6);
        return this.badVerb(verb, v);
      }
      case 'complex': {
        const c = v.v as Complex;
        if (!'vbgGxXfFeE'.includes(verb)) return this.badVerb(verb, v);
        const oldPlus = f.plus;
        this.buf += '(';
        this.printValue(new GoValue('float64', c.re), verb, depth + 1);
        f.plus = true;
        this.printValue(new GoValue('float64', c.im), verb, depth + 1);
        this.buf += 'i)';
        f.plus = oldPlus;
        return;
      }
      case 'string': {
        const s = v.v as string;
        switch (verb) {
          case 'v':
            return f.sharpV ? this.fmtQ(s) : this.fmtS(s);
          case 's':
            return this.fmtS(s);
          case 'x':
            return this.fmtSx(s, LOWER);
          case 'X':
            return this.fmtSx(s, UPPER);
          case 'q':
            return this.fmtQ(s);
        }
        return this.badVerb(verb, v);
      }
      case 'interface': {
        const inner = v.v as GoValue | null;
        if (inner === null) this.buf += f.sharpV ? `${IFACE_TYPE}(nil)` : '<nil>';
        else this.printValue(inner, verb, depth + 1);
        return;
      }
      case 'map': {
        const m = v.v as Record<string, unknown>;
        this.buf += f.sharpV ? `${v.type}{` : 'map[';
        sortedKeys(m).forEach((k, i) => {
          if (i > 0) this.buf += f.sharpV ? ', ' : ' ';
          this.printValue(new GoValue('string', k), verb, depth + 1);
          this.buf += ':';
          this.printValue(element(m[k]), verb, depth + 1);
        });
        this.buf += f.sharpV ? '}' : ']';
        return;
      }
      case 'slice': {
        const a = v.v as unknown[];
        this.buf += f.sharpV ? `${v.type}{` : '[';
        a.forEach((x, i) => {
          if (i > 0) this.buf += f.sharpV ? ', ' : ' ';
          this.printValue(element(x), verb, depth + 1);
        });
        this.buf += f.sharpV ? '}' : ']';
        return;
      }
    }
  }

  private fmtUnicode(n: bigint): void {
    let s = 'U+' + n.toString(16).toUpperCase().padStart(4, '0');
    if (this.f.sharp && n <= 0x10ffffn && isGoPrint(Number(n))) s += ` '${String.fromCodePoint(Number(n))}'`;
    this.pad(s);
  }
}

function runeOf(n: bigint): string {
  const cp = Number(n);
  return n < 0n || n > 0x10ffffn || (cp >= 0xd800 && cp <= 0xdfff) ? '\ufffd' : String.fromCodePoint(cp);
}

function asciiEscape(cp: number): string {
  return cp < 0x10000 ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
}

/** strconv.QuoteRune (%q of an integer). */
function quoteRune(n: bigint, ascii: boolean): string {
  const r = runeOf(n);
  if (r === "'") return "'\\''";
  if (r === '"') return `'"'`;
  const q = goQuote(r).slice(1, -1);
  return `'${ascii ? q.replace(/[^\x00-\x7f]/gu, (c) => asciiEscape(c.codePointAt(0)!)) : q}'`;
}

/** fmt.Sprint: operands separated by a space unless either side is a string. */
export function sprint(args: Operand[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = arg !== null && arg.type === 'string';
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: always a space between operands, and a newline. */
export function sprintln(args: Operand[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' ';
    p.printArg(arg, 'v');
  });
  return p.buf + '\n';
}

/** fmt.Sprint of one operand with verb v: the text a template action prints. */
export const formatValue = (v: Operand) => sprint([v]);

function parseNum(s: string, start: number, end: number): [number, boolean, number] {
  if (start >= end) return [0, false, end];
  let num = 0;
  let i = start;
  let found = false;
  for (; i < end && s[i]! >= '0' && s[i]! <= '9'; i++) {
    if (num > 1e6) return [0, false, end]; // tooLarge: overflow
    num = num * 10 + (s.charCodeAt(i) - 48);
    found = true;
  }
  return [num, found, i];
}

function intFromArg(args: Operand[], argNum: number): [number, boolean, number] {
  let num = 0;
  let ok = false;
  if (argNum < args.length) {
    const a = args[argNum]!;
    if (a !== null && (kindOf(a) === 'int' || kindOf(a) === 'uint')) {
      const n = a.v as bigint;
      if (n >= -(2n ** 63n) && n < 2n ** 63n) {
        num = Number(n);
        ok = true;
      }
    }
    if (num > 1e6 || num < -1e6) {
      num = 0;
      ok = false;
    }
    argNum++;
  }
  return [num, ok, argNum];
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: Operand[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;

  const argNumber = (i: number): [number, number, boolean] => {
    if (i >= end || format[i] !== '[') return [argNum, i, false];
    p.reordered = true;
    const close = format.indexOf(']', i + 1);
    if (end - i < 3 || close < 0) {
      p.goodArgNum = false;
      return [argNum, i + 1, false];
    }
    const [width, ok, newi] = parseNum(format, i + 1, close);
    if (!ok || newi !== close) {
      p.goodArgNum = false;
      return [argNum, close + 1, false];
    }
    const index = width - 1;
    if (index >= 0 && index < args.length) return [index, close + 1, true];
    p.goodArgNum = false;
    return [argNum, close + 1, true];
  };

  let i = 0;
  formatLoop: while (i < end) {
    p.goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) p.buf += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.f = clearFlags();
    const f = p.f;
    simple: for (; i < end; i++) {
      const c = format[i]!;
      switch (c) {
        case '#':
          f.sharp = true;
          break;
        case '0':
          f.zero = !f.minus;
          break;
        case '+':
          f.plus = true;
          break;
        case '-':
          f.minus = true;
          f.zero = false;
          break;
        case ' ':
          f.space = true;
          break;
        default:
          if (c >= 'a' && c <= 'z' && argNum < args.length) {
            if (c === 'v') {
              f.sharpV = f.sharp;
              f.sharp = false;
              f.plusV = f.plus;
              f.plus = false;
            }
            p.printArg(args[argNum]!, c);
            argNum++;
            i++;
            continue formatLoop;
          }
          break simple;
      }
    }
    [argNum, i, afterIndex] = argNumber(i);
    if (i < end && format[i] === '*') {
      i++;
      [f.wid, f.widPresent, argNum] = intFromArg(args, argNum);
      if (!f.widPresent) p.buf += '%!(BADWIDTH)';
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      [f.wid, f.widPresent, i] = parseNum(format, i, end);
      if (afterIndex && f.widPresent) p.goodArgNum = false;
    }
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) p.goodArgNum = false;
      [argNum, i, afterIndex] = argNumber(i);
      if (i < end && format[i] === '*') {
        i++;
        [f.prec, f.precPresent, argNum] = intFromArg(args, argNum);
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!f.precPresent) p.buf += '%!(BADPREC)';
        afterIndex = false;
      } else {
        [f.prec, f.precPresent, i] = parseNum(format, i, end);
        if (!f.precPresent) {
          f.prec = 0;
          f.precPresent = true;
        }
      }
    }
    if (!afterIndex) [argNum, i, afterIndex] = argNumber(i);
    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') p.buf += '%';
    else if (!p.goodArgNum) p.buf += `%!${verb}(BADINDEX)`;
    else if (argNum >= args.length) p.buf += `%!${verb}(MISSING)`;
    else {
      if (verb === 'v') {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      p.printArg(args[argNum]!, verb);
      argNum++;
    }
  }
  if (!p.reordered && argNum < args.length) {
    p.f = clearFlags();
    p.buf += '%!(EXTRA ';
    args.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.buf += ', ';
      if (arg === null) p.buf += '<nil>';
      else {
        p.buf += `${arg.type}=`;
        p.printArg(arg, 'v');
      }
    });
    p.buf += ')';
  }
  return p.buf;
}
