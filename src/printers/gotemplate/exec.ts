// Execution of a parsed template set (text/template exec.go, Go 1.23): walks the tree writing
// text and printed values, evaluates pipelines, fields, variables and function calls with
// reflect's rules, and fails with upstream's texts: `template: output:1:7: executing "output" at
// <.list.x>: can't evaluate field x in type interface {}`.
import { goQuote } from '../../api/jsonpath/go-format.ts';
import { sortedKeys } from '../../api/jsonpath/go-values.ts';
import { formatValue } from './fmt.ts';
import { FuncError } from './funcs.ts';
import type { GoFunc, ParamType } from './funcs.ts';
import { nodeString } from './nodes.ts';
import type { BranchNode, ChainNode, CommandNode, FieldNode, IdentifierNode, Node, NumberNode, PipeNode, TemplateNode, VariableNode } from './nodes.ts';
import type { Tree } from './parse.ts';
import { GoValue, IFACE_TYPE, bool, element, fromJson, indirect, indirectInterface, isTrue, kindOf, str, toInterface } from './value.ts';
import type { RV } from './value.ts';

export class TemplateExecError extends Error {
  override name = 'TemplateExecError';
}

export interface ExecEnv {
  /** The template's source: error positions are computed from it. */
  text: string;
  /** The name parse errors and positions use (the top-level template's). */
  parseName: string;
  trees: Map<string, Tree>;
  funcs: Record<string, GoFunc>;
  /** missingkey=error: a missing map key fails instead of yielding no value. */
  missingKeyError: boolean;
  write(s: string): void;
}

const MAX_EXEC_DEPTH = 100000;
/** The pipeline value of a command that has no previous command (missingVal). */
const MISSING = new GoValue('template.missingValType', null);
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

interface Variable {
  name: string;
  value: RV;
}

/** ErrorContext: `name:line:byteColumn` of a node. */
function location(env: ExecEnv, n: Node): string {
  const before = env.text.slice(0, n.pos);
  const nl = before.lastIndexOf('\n');
  const col = Buffer.byteLength(nl === -1 ? before : before.slice(nl + 1));
  const line = 1 + (before.match(/\n/g)?.length ?? 0);
  return `${env.parseName}:${line}:${col}`;
}

export class State {
  private node: Node | undefined;
  private vars: Variable[];

  constructor(
    private readonly env: ExecEnv,
    private readonly name: string,
    dot: RV,
    private readonly depth = 0,
  ) {
    this.vars = [{ name: '$', value: dot }];
  }

  /** Runs template `name` of the set on data decoded from JSON. */
  static execute(env: ExecEnv, name: string, data: unknown): void {
    const tree = env.trees.get(name);
    const dot = fromJson(data) ?? undefined;
    const s = new State(env, name, dot);
    if (!tree) return s.errorf(`${goQuote(name)} is an incomplete or empty template`);
    s.walk(dot, tree.root);
  }

  private at(n: Node): void {
    this.node = n;
  }

  errorf(message: string): never {
    if (!this.node) throw new TemplateExecError(`template: ${this.name}: ${message}`);
    const context = nodeString(this.node);
    throw new TemplateExecError(`template: ${location(this.env, this.node)}: executing ${goQuote(this.name)} at <${context}>: ${message}`);
  }

  // --- variables

  private mark = () => this.vars.length;
  private pop(mark: number) {
    this.vars.length = mark;
  }
  private setVar(name: string, value: RV): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }
  private setTopVar(n: number, value: RV): void {
    this.vars[this.vars.length - n]!.value = value;
  }
  private varValue(name: string): RV {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value;
    this.errorf(`undefined variable: ${name}`);
  }

  // --- walking

  walk(dot: RV, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        // variables declared here stay until the enclosing end; a declaration prints nothing
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'comment':
        return;
      case 'if':
      case 'with':
        return this.walkIfOrWith(node, dot);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node);
      case 'text':
        this.env.write(node.text);
        return;
    }
    this.errorf(`unknown node: ${nodeString(node)}`);
  }

  private walkIfOrWith(node: BranchNode, dot: RV): void {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(indirectInterface(val))) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: RV, r: BranchNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const [val] = indirect(this.evalPipeline(dot, r.pipe));
      const mark = this.mark();
      const decl = r.pipe.decl;
      const oneIteration = (index: RV, elem: RV) => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1]!.ident[0]!, elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.pop(mark);
        }
      };
      switch (kindOf(val)) {
        case 'slice': {
          const items = val!.v as unknown[];
          if (items.length === 0) break;
          items.forEach((item, i) => oneIteration(new GoValue('int', BigInt(i)), element(item)));
          return;
        }
        case 'map': {
          const m = val!.v as Record<string, unknown>;
          const keys = sortedKeys(m);
          if (keys.length === 0) break;
          for (const k of keys) oneIteration(str(k), element(m[k]));
          return;
        }
        case 'invalid':
          break; // like an empty map
        default:
          this.errorf(`range can't iterate over ${formatValue(toInterface(val))}`);
      }
      if (r.elseList) this.walk(dot, r.elseList);
    } catch (e) {
      if (e !== BREAK) throw e;
    } finally {
      this.pop(outer);
    }
  }

  private walkTemplate(dot: RV, t: TemplateNode): void {
    this.at(t);
    const tree = this.env.trees.get(t.name);
    if (!tree) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth === MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    dot = this.evalPipeline(dot, t.pipe);
    // no dynamic scoping: the invoked template sees only $ (its dot)
    const inner = new State(this.env, t.name, dot, this.depth + 1);
    try {
      inner.walk(dot, tree.root);
    } catch (e) {
      // upstream gives up at depth 100000; this stack gives out sooner
      if (e instanceof RangeError) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
      throw e;
    }
  }

  // --- evaluation

  private evalPipeline(dot: RV, pipe: PipeNode | undefined): RV {
    if (!pipe) return undefined;
    this.at(pipe);
    let value: RV = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // an interface {} result is looked through (a nil one becomes no value)
      if (value?.type === IFACE_TYPE) value = indirectInterface(value);
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0]!, value);
      else this.vars.push({ name: v.ident[0]!, value });
    }
    return value;
  }

  private notAFunction(args: Node[] | null, final: RV): void {
    if ((args && args.length > 1) || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args![0]!)}`);
  }

  private evalCommand(dot: RV, cmd: CommandNode, final: RV): RV {
    const args = cmd.args;
    const first = args[0]!;
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, args, final);
      case 'chain':
        return this.evalChainNode(dot, first, args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, args, final);
      case 'pipe':
        this.notAFunction(args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(first, args, final);
    }
    this.at(first);
    this.notAFunction(args, final);
    switch (first.type) {
      case 'bool':
        return bool(first.value);
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return str(first.text);
    }
    this.errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
  }

  /** A literal where nothing says its type: int, float64 or complex128 by its syntax. */
  private idealConstant(c: NumberNode): RV {
    this.at(c);
    if (c.isComplex) return new GoValue('complex128', c.complex);
    const hexInt = c.text.length > 2 && c.text[0] === '0' && 'xX'.includes(c.text[1]!) && !/[pP]/.test(c.text);
    if (c.isFloat && !hexInt && c.text[0] !== "'" && /[.eEpP]/.test(c.text)) return new GoValue('float64', c.float64);
    if (c.isInt) return new GoValue('int', c.int64);
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: RV, field: FieldNode, args: Node[] | null, final: RV): RV {
    this.at(field);
    return this.evalFieldChain(dot, field.ident, args, final);
  }

  private evalChainNode(dot: RV, chain: ChainNode, args: Node[] | null, final: RV): RV {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(pipe, chain.field, args, final);
  }

  private evalVariableNode(v: VariableNode, args: Node[] | null, final: RV): RV {
    this.at(v);
    const value = this.varValue(v.ident[0]!);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(value, v.ident.slice(1), args, final);
  }

  /** .X.Y.Z on `receiver`; only the last field may be given arguments (and then fails: no methods here). */
  private evalFieldChain(receiver: RV, ident: string[], args: Node[] | null, final: RV): RV {
    for (let i = 0; i < ident.length - 1; i++) receiver = this.evalField(ident[i]!, null, MISSING, receiver);
    return this.evalField(ident[ident.length - 1]!, args, final, receiver);
  }

  private evalField(fieldName: string, args: Node[] | null, final: RV, receiver: RV): RV {
    if (receiver === undefined) {
      if (this.env.missingKeyError) this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
      return undefined;
    }
    const typ = receiver.type;
    const [value, isNil] = indirect(receiver);
    if (isNil) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (kindOf(value) === 'map') {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const m = value!.v as Record<string, unknown>;
      if (Object.hasOwn(m, fieldName)) return element(m[fieldName]);
      if (this.env.missingKeyError) this.errorf(`map has no entry for key ${goQuote(fieldName)}`);
      return undefined;
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private evalFunction(dot: RV, node: IdentifierNode, cmd: Node, args: Node[] | null, final: RV): RV {
    this.at(node);
    const fn = this.env.funcs[node.ident];
    if (!fn) this.errorf(`${goQuote(node.ident)} is not a defined function`);
    return this.evalCall(dot, fn, cmd, node.ident, args, final);
  }

  private evalCall(dot: RV, fn: GoFunc, node: Node, name: string, allArgs: Node[] | null, final: RV): RV {
    const args = allArgs ? allArgs.slice(1) : [];
    const hasFinal = final !== MISSING;
    const numIn = args.length + (hasFinal ? 1 : 0);
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = fn.params.length - 1;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${fn.params.length - 1} got ${args.length}`);
    } else if (numIn !== fn.params.length) this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);

    // and/or evaluate their arguments only as far as needed
    if (fn.builtin && (name === 'and' || name === 'or')) {
      let v: RV = undefined;
      for (const arg of args) {
        v = this.evalArg(dot, 'reflect.Value', arg);
        if (isTrue(indirectInterface(v)) === (name === 'or')) return v;
      }
      if (hasFinal) v = final;
      return v;
    }

    const argv: RV[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fn.params[i]!, args[i]!));
    const last = fn.params[fn.params.length - 1]!;
    if (fn.variadic) for (; i < args.length; i++) argv.push(this.evalArg(dot, last, args[i]!));
    if (hasFinal) {
      const t = fn.variadic && numIn - 1 < numFixed ? fn.params[numIn - 1]! : last;
      argv.push(this.validateType(final, t));
    }

    if (fn.builtin && name === 'call') {
      const callee = args.length === 0 ? (final?.type === 'string' ? (final.v as string) : `<${final?.type} Value>`) : nodeString(args[0]!);
      const target = indirectInterface(argv[0]);
      const message = target === undefined ? 'call of nil' : `non-function ${callee} of type ${target.type}`;
      this.at(node);
      this.errorf(`error calling call: ${message}`);
    }

    const params = argv.map((v, k) => {
      const t = k < fn.params.length - 1 || !fn.variadic ? fn.params[k]! : last;
      if (t === 'interface {}') return toInterface(v);
      if (t === 'string') return v!.v as string;
      return v;
    });
    try {
      return fn.call(params);
    } catch (e) {
      if (e instanceof FuncError) {
        this.at(node);
        this.errorf(`error calling ${name}: ${e.message}`);
      }
      throw e;
    }
  }

  /** validateType: the value a parameter of type `typ` receives (nil type: any value). */
  private validateType(value: RV, typ: ParamType | null): RV {
    if (value === undefined) {
      // reflect.Value and interface {} parameters take nil; string does not
      if (typ === null || typ !== 'string') return undefined;
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === 'string' && value.type !== 'string') {
      // a non-nil interface is looked into; the error then names what it holds
      const inner = value.type === IFACE_TYPE && value.v !== null ? (value.v as GoValue) : value;
      if (inner.type === 'string') return inner;
      this.errorf(`wrong type for value; expected string; got ${inner.type}`);
    }
    return value;
  }

  private evalArg(dot: RV, typ: ParamType | null, n: Node): RV {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ !== 'string') return undefined;
        return this.errorf(`cannot assign nil to ${typ}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(n, null, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    if (typ === 'string') {
      if (n.type === 'string') return str(n.text);
      this.errorf(`expected string; found ${nodeString(n)}`);
    }
    return this.evalEmptyInterface(n);
  }

  /** A literal passed where any value goes (interface {} or reflect.Value parameters). */
  private evalEmptyInterface(n: Node): RV {
    this.at(n);
    switch (n.type) {
      case 'bool':
        return bool(n.value);
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return str(n.text);
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  private printValue(n: Node, v: RV): void {
    this.at(n);
    this.env.write(v === undefined ? '<no value>' : formatValue(toInterface(v)));
  }
}
