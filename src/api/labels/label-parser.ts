// The string form of a label selector, parsed the way k8s.io/apimachinery pkg/labels (v0.33) does:
// same tokens, same look-ahead, same error texts, so a bad ?labelSelector= gets upstream's words.
//
//   selector    := requirement ("," requirement)*
//   requirement := ["!"] KEY [ ("in" | "notin") "(" values ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
import { SelectorError } from './errors.ts';
import { NIL_PATH, goCompare } from './go-text.ts';
import { BINARY_OPERATORS, labelKeyError, newRequirement, selectorOf } from './labels.ts';
import type { Selector, Operator, Requirement } from './labels.ts';

type Token =
  | 'error' | 'end' | ')' | ',' | '!' | '==' | '=' | '>' | 'identifier' | 'in' | '<' | '!=' | 'notin' | '(';

const KEYWORDS: Record<string, Token> = {
  ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', in: 'in', '<': '<', '!=': '!=', notin: 'notin', '(': '(',
};
const keyword = (s: string): Token | undefined => (Object.prototype.hasOwnProperty.call(KEYWORDS, s) ? KEYWORDS[s] : undefined);

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecial = (ch: string) => '=!(),><'.includes(ch) && ch !== '';
// Go's lexer reads bytes and treats 0 as "no more input", so an embedded NUL also stops a token.
const END = '\0';

interface Item {
  tok: Token;
  lit: string;
}

function lex(s: string): Item[] {
  let pos = 0;
  const read = () => (pos < s.length ? s[pos++]! : END);
  const unread = () => void pos--;

  function identifierOrKeyword(): Item {
    let buf = '';
    for (;;) {
      const ch = read();
      if (ch === END) break;
      if (isSpecial(ch) || isWhitespace(ch)) {
        unread();
        break;
      }
      buf += ch;
    }
    return { tok: keyword(buf) ?? 'identifier', lit: buf };
  }

  // The longest run of special characters that is still an operator: "!=" but "=" then "(".
  function special(): Item {
    let buf = '';
    let last: Item | undefined;
    for (;;) {
      const ch = read();
      if (ch === END) break;
      if (!isSpecial(ch)) {
        unread();
        break;
      }
      buf += ch;
      const tok = keyword(buf);
      if (tok) last = { tok, lit: buf };
      else if (last) {
        unread();
        break;
      }
    }
    return last ?? { tok: 'error', lit: `error expected: keyword found '${buf}'` };
  }

  const items: Item[] = [];
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    let item: Item;
    if (ch === END) item = { tok: 'end', lit: '' };
    else {
      unread();
      item = isSpecial(ch) ? special() : identifierOrKeyword();
    }
    items.push(item);
    if (item.tok === 'end') return items;
  }
}

const fail = (message: string): never => {
  throw new SelectorError(message);
};

class Parser {
  #pos = 0;
  constructor(readonly items: Item[]) {}

  // In value position "in" and "notin" are plain identifiers: `x in (in)`, `notin=in`.
  #asValue(item: Item): Item {
    return item.tok === 'in' || item.tok === 'notin' ? { tok: 'identifier', lit: item.lit } : item;
  }
  lookahead(values = true): Item {
    const item = this.items[this.#pos]!;
    return values ? this.#asValue(item) : item;
  }
  consume(values = true): Item {
    const item = this.items[this.#pos++]!;
    return values ? this.#asValue(item) : item;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead();
      if (tok === 'end') return reqs;
      if (tok !== 'identifier' && tok !== '!') fail(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        reqs.push(this.requirement());
      } catch (err) {
        if (err instanceof SelectorError) fail(`unable to parse requirement: ${err.message}`);
        throw err;
      }
      const next = this.consume();
      if (next.tok === 'end') return reqs;
      if (next.tok !== ',') fail(`found '${next.lit}', expected: ',' or 'end of string'`);
      const after = this.lookahead();
      if (after.tok !== 'identifier' && after.tok !== '!') fail(`found '${after.lit}', expected: identifier after ','`);
    }
  }

  requirement(): Requirement {
    const { key, operator } = this.keyAndInferredOperator();
    if (operator) return newRequirement(key, operator, []);
    const op = this.operator();
    const values = op === 'in' || op === 'notin' ? this.setValues() : this.exactValue();
    return newRequirement(key, op, values);
  }

  keyAndInferredOperator(): { key: string; operator?: Operator } {
    let item = this.consume();
    const negated = item.tok === '!';
    if (negated) item = this.consume();
    if (item.tok !== 'identifier') fail(`found '${item.lit}', expected: identifier`);
    const keyErr = labelKeyError(item.lit, NIL_PATH);
    if (keyErr) fail(keyErr);
    const next = this.lookahead().tok;
    if (negated) return { key: item.lit, operator: '!' };
    return next === 'end' || next === ',' ? { key: item.lit, operator: 'exists' } : { key: item.lit };
  }

  operator(): Operator {
    const { tok, lit } = this.consume(false);
    const ops: Partial<Record<Token, Operator>> = { in: 'in', '=': '=', '==': '==', '>': 'gt', '<': 'lt', notin: 'notin', '!=': '!=' };
    return ops[tok] ?? fail(`found '${lit}', expected: ${BINARY_OPERATORS.join(', ')}`);
  }

  setValues(): string[] {
    const open = this.consume();
    if (open.tok !== '(') fail(`found '${open.lit}' expected: '('`);
    const first = this.lookahead();
    if (first.tok === ')') {
      this.consume();
      return [''];  // "()" is the set holding the empty value
    }
    if (first.tok !== 'identifier' && first.tok !== ',') fail(`found '${first.lit}', expected: ',', ')' or identifier`);
    const values = this.identifiers();
    // upstream reports the literal it looked at before the list here
    if (this.consume().tok !== ')') fail(`found '${first.lit}', expected: ')'`);
    return values;
  }

  // A possibly empty, comma separated list of possibly empty values; returned sorted and unique.
  identifiers(): string[] {
    const set = new Set<string>();
    for (;;) {
      const item = this.consume();
      if (item.tok === 'identifier') {
        set.add(item.lit);
        const next = this.lookahead();
        if (next.tok === ',') continue;
        if (next.tok === ')') break;
        fail(`found '${next.lit}', expected: ',' or ')'`);
      } else if (item.tok === ',') {
        if (set.size === 0) set.add('');  // "(,"
        const next = this.lookahead().tok;
        if (next === ')') {
          set.add('');  // ",)"
          break;
        }
        if (next === ',') {
          // v0.33 swallows the second comma, so "(a,,)" fails; later releases accept it
          this.consume();
          set.add('');
        }
      } else {
        fail(`found '${item.lit}', expected: ',', or identifier`);
      }
    }
    return [...set].sort(goCompare);
  }

  exactValue(): string[] {
    const next = this.lookahead().tok;
    if (next === 'end' || next === ',') return [''];
    const item = this.consume();
    if (item.tok !== 'identifier') fail(`found '${item.lit}', expected: identifier`);
    return [item.lit];
  }
}

/** labels.ParseToRequirements: the requirements in order of key. Throws SelectorError. */
export function parseRequirements(selector: string): Requirement[] {
  return [...selectorOf(new Parser(lex(selector)).parse()).requirements()!];
}

/** labels.Parse. Throws SelectorError whose message is upstream's text, e.g.
 *  `unable to parse requirement: <nil>: Invalid value: "a b": …` or `found 'b', expected: …`. */
export function parseLabelSelector(selector: string): Selector {
  return selectorOf(new Parser(lex(selector)).parse());
}
