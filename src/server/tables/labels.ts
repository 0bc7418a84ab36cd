// The one label-selector text only the server's printers use; FormatLabels and FormatLabelSelector
// are shared with the describers (src/api/labels/format.ts).
import { byteOrder, has, isObject, items, str, strings } from './fields.ts';

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
