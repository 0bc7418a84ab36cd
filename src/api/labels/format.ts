// Label maps and label selectors as kubectl's describers and the server's tables print them
// (k8s.io/apimachinery labels.FormatLabels, metav1.FormatLabelSelector). They read objects as
// decoded JSON: a missing or mistyped field is Go's zero value.
import type { LabelSelector } from '../object.ts';
import { SelectorError } from './errors.ts';
import { goCompare } from './go-text.ts';
import { labelSelectorAsSelector } from './label-selector.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A string field: "" when absent; numbers and booleans as text. */
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const strMap = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(isObject(v) ? v : {}).map(([k, x]) => [k, str(x)]));

/** labels.FormatLabels: "k=v" pairs sorted as whole strings (`a-b=2` before `a=1`), `<none>` when empty. */
export function formatLabels(map: unknown): string {
  const pairs = Object.entries(strMap(map)).map(([k, v]) => `${k}=${v}`);
  pairs.sort(goCompare);
  return pairs.length === 0 ? '<none>' : pairs.join(',');
}

/** A decoded metav1.LabelSelector, typed; undefined (Go's nil) for anything but an object. */
function toLabelSelector(v: unknown): LabelSelector | undefined {
  if (!isObject(v)) return undefined;
  const exprs = Array.isArray(v.matchExpressions) ? v.matchExpressions : [];
  return {
    matchLabels: strMap(v.matchLabels),
    matchExpressions: exprs.map((e) => {
      const o = isObject(e) ? e : {};
      return { key: str(o.key), operator: str(o.operator), values: Array.isArray(o.values) ? o.values.map(str) : undefined };
    }),
  };
}

/**
 * metav1.LabelSelectorAsSelector(s).String(): requirements sorted by key, "k=v", "k in (a,b)",
 * "k notin (a)", "k", "!k". "" for a nil or empty selector; undefined when the selector does not
 * convert (bad key, value or operator).
 */
export function selectorString(selector: unknown): string | undefined {
  try {
    return labelSelectorAsSelector(toLabelSelector(selector)).toString();
  } catch (err) {
    if (err instanceof SelectorError) return undefined;
    throw err;
  }
}

/** metav1.FormatLabelSelector: `<none>` when it selects everything or nothing, `<error>` when invalid. */
export function formatLabelSelector(selector: unknown): string {
  const s = selectorString(selector);
  if (s === undefined) return '<error>';
  return s === '' ? '<none>' : s;
}
