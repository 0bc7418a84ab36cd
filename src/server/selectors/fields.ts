// Field selectors as k8s.io/apimachinery pkg/fields (v0.33) has them: `f=v`, `f==v`, `f!=v` terms
// ANDed by commas, `\` escaping `\`, `,` and `=` in values, no whitespace trimming, terms sorted
// as written. Which fields a resource offers is field-labels.ts's business.
import { SelectorError } from '../../api/labels/errors.ts';
import { goCompare } from '../../api/labels/go-text.ts';

export type Fields = Readonly<Record<string, string>>;

/** fields.Requirement; `=` and `==` both read back as `=`. */
export interface Requirement {
  readonly field: string;
  readonly operator: '=' | '!=';
  readonly value: string;
}

/** Rewrites one term (field label conversion); returning field and value both empty drops it. */
export type TransformFunc = (field: string, value: string) => [field: string, value: string];

export interface Selector {
  /** A missing field reads as "": `f=` matches objects without it, `f!=x` too. */
  matches(fields: Fields | undefined | null): boolean;
  empty(): boolean;
  /** Terms in order, values escaped: what upstream prints. */
  toString(): string;
  requirements(): readonly Requirement[];
  /** The value an `f=v` term demands, if any (used to narrow a list to one name). */
  requiresExactMatch(field: string): string | undefined;
  /** fields.Selector.Transform: the function may throw SelectorError; empty results are dropped. */
  transform(fn: TransformFunc): Selector;
}

const get = (fields: Fields, f: string) => (Object.prototype.hasOwnProperty.call(fields, f) ? fields[f]! : '');

class TermsSelector implements Selector {
  constructor(readonly terms: readonly Requirement[]) {}
  matches(fields: Fields | undefined | null) {
    const f = fields ?? {};
    return this.terms.every((t) => (get(f, t.field) === t.value) === (t.operator === '='));
  }
  empty() {
    return this.terms.length === 0;
  }
  toString() {
    return this.terms.map((t) => `${t.field}${t.operator}${escapeValue(t.value)}`).join(',');
  }
  requirements() {
    return this.terms;
  }
  requiresExactMatch(field: string) {
    return this.terms.find((t) => t.operator === '=' && t.field === field)?.value;
  }
  transform(fn: TransformFunc): Selector {
    const next: Requirement[] = [];
    for (const t of this.terms) {
      const [field, value] = fn(t.field, t.value);
      if (field !== '' || value !== '') next.push({ field, operator: t.operator, value });
    }
    return new TermsSelector(next);
  }
}

const NOTHING: Selector = Object.freeze({
  matches: () => false,
  empty: () => false,
  toString: () => '',
  requirements: () => [],
  requiresExactMatch: () => undefined,
  transform: () => NOTHING,
});

export const everything = (): Selector => new TermsSelector([]);
export const nothing = (): Selector => NOTHING;
export const oneTermEqualSelector = (field: string, value: string): Selector => new TermsSelector([{ field, operator: '=', value }]);
export const oneTermNotEqualSelector = (field: string, value: string): Selector => new TermsSelector([{ field, operator: '!=', value }]);

/** fields.SelectorFromSet: `f=v` for every pair, in the set's own order. */
export const selectorFromSet = (set: Fields | undefined | null): Selector =>
  new TermsSelector(Object.entries(set ?? {}).map(([field, value]) => ({ field, operator: '=' as const, value })));

/** fields.AndSelectors. */
export const andSelectors = (...selectors: Selector[]): Selector =>
  selectors.some((s) => s === NOTHING) ? NOTHING : new TermsSelector(selectors.flatMap((s) => s.requirements()));

/** fields.EscapeValue. */
export const escapeValue = (s: string) => s.replace(/[\\,=]/g, (c) => `\\${c}`);

/** fields.UnescapeValue; its errors are upstream's texts (an unescaped rune prints as its number). */
export function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') throw new SelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      inSlash = false;
    } else if (c === '\\') {
      inSlash = true;
    } else if (c === ',' || c === '=') {
      throw new SelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (inSlash) throw new SelectorError('invalid field selector: invalid escape sequence: \\');
  return out;
}

// Commas split terms unless escaped; a backslash escapes whatever follows it.
function splitTerms(selector: string): string[] {
  if (selector === '') return [];
  const terms: string[] = [];
  let start = 0, inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

// The first position where "!=", "==" or "=" starts, in that preference.
function splitTerm(term: string): [string, '!=' | '==' | '=', string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '='] as const) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

/**
 * fields.ParseSelector. Throws SelectorError with upstream's text, e.g.
 * `invalid selector: 'a'; can't understand 'a'` or `invalid field selector: invalid escape sequence: \x`.
 */
export function parseFieldSelector(selector: string): Selector {
  const terms: Requirement[] = [];
  for (const part of splitTerms(selector).sort(goCompare)) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (!split) throw new SelectorError(`invalid selector: '${selector}'; can't understand '${part}'`);
    const [field, op, raw] = split;
    terms.push({ field, operator: op === '!=' ? '!=' : '=', value: unescapeValue(raw) });
  }
  // ParseSelector's identity transform still drops terms with neither field nor value ("=").
  return new TermsSelector(terms).transform((f, v) => [f, v]);
}
