// Label selectors as k8s.io/apimachinery pkg/labels (v0.33) has them: requirements ANDed together,
// kept sorted by key, printed in upstream's canonical form. Parsing is in label-parser.ts, the
// structured metav1.LabelSelector in label-selector.ts, printing in format.ts.
import { SelectorError } from './errors.ts';
import { aggregateText, goCompare, goQuote, goStringSlice, invalidText } from './go-text.ts';
import { isQualifiedName, isValidLabelValue } from './label-validation.ts';

/** selection.Operator values. */
export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!';

const UNARY: Operator[] = ['exists', '!'];
/** The order upstream lists them in "expected: …" texts. */
export const BINARY_OPERATORS: readonly Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
const ALL_OPERATORS: readonly Operator[] = [...BINARY_OPERATORS, ...UNARY];

export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  /** As given: the parser hands them sorted and unique, a structured selector in its own order. */
  readonly values: readonly string[];
}

export type Labels = Readonly<Record<string, string>>;

const INT64 = /^[+-]?[0-9]+$/;
const INT64_MIN = -(2n ** 63n), INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64), undefined where Go returns an error. */
export function parseInt64(s: string): bigint | undefined {
  if (!INT64.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

/** labels.validateLabelKey: its path is nil while parsing, "key" in NewRequirement. */
export function labelKeyError(key: string, path: string): string | undefined {
  const errs = isQualifiedName(key);
  return errs.length ? invalidText(path, goQuote(key), errs.join('; ')) : undefined;
}

/**
 * labels.NewRequirement: every problem at once, joined as upstream's aggregate.
 * `values` null stands for Go's nil slice, which prints differently in the error text.
 */
export function newRequirement(key: string, operator: Operator, values: readonly string[] | null): Requirement {
  const errs: string[] = [];
  const keyErr = labelKeyError(key, 'key');
  if (keyErr) errs.push(keyErr);
  const vals = values ?? [];
  switch (operator) {
    case 'in':
    case 'notin':
      if (vals.length === 0) errs.push(invalidText('values', goStringSlice(values), "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) errs.push(invalidText('values', goStringSlice(values), 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0) errs.push(invalidText('values', goStringSlice(values), 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1) errs.push(invalidText('values', goStringSlice(values), "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined) errs.push(invalidText(`values[${i}]`, goQuote(v), "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
    default:
      errs.push(`operator: Unsupported value: ${goQuote(operator)}: supported values: ${ALL_OPERATORS.map(goQuote).join(', ')}`);
  }
  vals.forEach((v, i) => {
    const valueErrs = isValidLabelValue(v);
    if (valueErrs.length) errs.push(invalidText(`values[${i}][${key}]`, goQuote(v), valueErrs.join('; ')));
  });
  if (errs.length) throw new SelectorError(aggregateText(errs));
  return { key, operator, values: [...vals] };
}

const has = (labels: Labels, key: string) => Object.prototype.hasOwnProperty.call(labels, key);

/** Requirement.Matches: `!=` and `notin` match objects without the key; gt/lt compare integers. */
export function requirementMatches(r: Requirement, labels: Labels): boolean {
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has(labels, r.key) && r.values.includes(labels[r.key]!);
    case 'notin':
    case '!=':
      return !has(labels, r.key) || !r.values.includes(labels[r.key]!);
    case 'exists':
      return has(labels, r.key);
    case '!':
      return !has(labels, r.key);
    case 'gt':
    case 'lt': {
      if (!has(labels, r.key) || r.values.length !== 1) return false;
      const actual = parseInt64(labels[r.key]!), wanted = parseInt64(r.values[0]!);
      if (actual === undefined || wanted === undefined) return false;
      return r.operator === 'gt' ? actual > wanted : actual < wanted;
    }
  }
}

const OPERATOR_TEXT: Record<Operator, string> = {
  '=': '=', '==': '==', '!=': '!=', in: ' in ', notin: ' notin ', gt: '>', lt: '<', exists: '', '!': '',
};

/** Requirement.String(): `k=v`, `k in (a,b)` (values sorted on output only), `k`, `!k`, `k>1`. */
export function requirementString(r: Requirement): string {
  if (r.operator === 'exists') return r.key;
  if (r.operator === '!') return `!${r.key}`;
  const values = r.values.length === 1 ? r.values[0]! : [...r.values].sort(goCompare).join(',');
  const set = r.operator === 'in' || r.operator === 'notin';
  return `${r.key}${OPERATOR_TEXT[r.operator]}${set ? `(${values})` : values}`;
}

export interface Selector {
  matches(labels: Labels | undefined | null): boolean;
  /** True when it does not restrict anything (Nothing() is not empty). */
  empty(): boolean;
  /** The canonical form upstream prints and echoes, e.g. in a scale's status.selector. */
  toString(): string;
  /** Requirements, sorted by key; null for Nothing(), which selects no object. */
  requirements(): readonly Requirement[] | null;
  /** The value a selector demands for `key` (k=v, k==v or k in (v)), if exactly one. */
  requiresExactMatch(key: string): string | undefined;
  /** A new selector with more requirements (re-sorted by key). */
  add(...reqs: Requirement[]): Selector;
}

class RequirementsSelector implements Selector {
  readonly #reqs: readonly Requirement[];
  constructor(reqs: readonly Requirement[]) {
    // Stable, like Go's insertion sort on the short lists selectors are.
    this.#reqs = Object.freeze([...reqs].sort((a, b) => goCompare(a.key, b.key)));
  }
  matches(labels: Labels | undefined | null): boolean {
    const l = labels ?? {};
    return this.#reqs.every((r) => requirementMatches(r, l));
  }
  empty() {
    return this.#reqs.length === 0;
  }
  toString() {
    return this.#reqs.map(requirementString).join(',');
  }
  requirements() {
    return this.#reqs;
  }
  requiresExactMatch(key: string): string | undefined {
    const r = this.#reqs.find((x) => x.key === key);
    if (!r || !['=', '==', 'in'].includes(r.operator) || r.values.length !== 1) return undefined;
    return r.values[0];
  }
  add(...reqs: Requirement[]): Selector {
    return new RequirementsSelector([...this.#reqs, ...reqs]);
  }
}

const NOTHING: Selector = Object.freeze({
  matches: () => false,
  empty: () => false,
  toString: () => '',
  requirements: () => null,
  requiresExactMatch: () => undefined,
  add: () => NOTHING,
});

/** labels.Everything(): matches every object, also those without labels. */
export const everything = (): Selector => new RequirementsSelector([]);

/** labels.Nothing(): matches no object; what a nil structured selector converts to. */
export const nothing = (): Selector => NOTHING;

export const selectorOf = (reqs: readonly Requirement[]): Selector => new RequirementsSelector(reqs);

/** labels.SelectorFromSet (unvalidated): `k=v` for each pair; an empty set is Everything(). */
export function selectorFromSet(set: Labels | undefined | null): Selector {
  return new RequirementsSelector(Object.entries(set ?? {}).map(([key, v]) => ({ key, operator: '=' as const, values: [v] })));
}

/** labels.ValidatedSelectorFromSet: like selectorFromSet, but keys and values must be valid. */
export function validatedSelectorFromSet(set: Labels | undefined | null): Selector {
  // Go walks the map in random order; sorted keys make the first reported error deterministic.
  const keys = Object.keys(set ?? {}).sort(goCompare);
  return new RequirementsSelector(keys.map((k) => newRequirement(k, '=', [set![k]!])));
}
