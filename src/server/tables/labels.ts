// Label maps and label selectors as the printers write them (k8s.io/apimachinery pkg/labels and
// pkg/apis/meta/v1 helpers.go).
import { byteOrder, has, isObject, items, str, strings } from './fields.ts';

/** labels.FormatLabels: "k=v" pairs sorted as whole strings, `<none>` when empty. */
export function formatLabels(map: unknown): string {
  const pairs = isObject(map) ? Object.entries(map).map(([k, v]) => `${k}=${str(v)}`) : [];
  pairs.sort(byteOrder);
  return pairs.length === 0 ? '<none>' : pairs.join(',');
}

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** validation.IsQualifiedName: [prefix/]name. */
function isQualifiedName(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]!];
  if (prefix !== undefined && (prefix === '' || prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))) return false;
  return name !== undefined && name.length > 0 && name.length <= 63 && NAME.test(name);
}

/** validation.IsValidLabelValue. */
const isLabelValue = (value: string) => value === '' || (value.length <= 63 && NAME.test(value));

/**
 * metav1.LabelSelectorAsSelector(s).String(): requirements sorted by key, "k=v", "k in (a,b)",
 * "k notin (a)", "k", "!k". "" for a nil or empty selector; undefined when the selector does not
 * convert (bad key, value or operator).
 */
export function selectorString(selector: unknown): string | undefined {
  if (!isObject(selector)) return '';
  const matchLabels = isObject(selector.matchLabels) ? selector.matchLabels : {};
  const expressions = items(selector.matchExpressions);
  const reqs: { key: string; text: string }[] = [];
  for (const [key, raw] of Object.entries(matchLabels)) {
    const value = str(raw);
    if (!isQualifiedName(key) || !isLabelValue(value)) return undefined;
    reqs.push({ key, text: `${key}=${value}` });
  }
  for (const e of expressions) {
    const key = str(e.key);
    const values = strings(e.values);
    if (!isQualifiedName(key) || !values.every(isLabelValue)) return undefined;
    switch (e.operator) {
      case 'In':
      case 'NotIn': {
        if (values.length === 0) return undefined;
        // Requirement.String sorts the values it prints
        const list = values.length === 1 ? values[0]! : [...values].sort(byteOrder).join(',');
        reqs.push({ key, text: `${key} ${e.operator === 'In' ? 'in' : 'notin'} (${list})` });
        break;
      }
      case 'Exists':
      case 'DoesNotExist':
        if (values.length !== 0) return undefined;
        reqs.push({ key, text: e.operator === 'Exists' ? key : `!${key}` });
        break;
      default:
        return undefined;
    }
  }
  // sort.Sort(ByKey): an insertion sort at these sizes, so ties keep their order
  reqs.sort((a, b) => byteOrder(a.key, b.key));
  return reqs.map((r) => r.text).join(',');
}

/** metav1.FormatLabelSelector: `<none>` when it selects everything or nothing, `<error>` when invalid. */
export function formatLabelSelector(selector: unknown): string {
  const s = selectorString(selector);
  if (s === undefined) return '<error>';
  return s === '' ? '<none>' : s;
}

/** The generated (*metav1.LabelSelector).String() (Go struct syntax), which one printer uses. */
export function labelSelectorGoString(selector: unknown): string {
  if (!has(selector)) return 'nil';
  const s = isObject(selector) ? selector : {};
  const labels = isObject(s.matchLabels) ? s.matchLabels : {};
  const pairs = Object.keys(labels)
    .sort(byteOrder)
    .map((k) => `${k}: ${str(labels[k])},`)
    .join('');
  const exprs = items(s.matchExpressions)
    .map((e) => `LabelSelectorRequirement{Key:${str(e.key)},Operator:${str(e.operator)},Values:[${strings(e.values).join(' ')}],},`)
    .join('');
  return `&LabelSelector{MatchLabels:map[string]string{${pairs}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}
