// Go's %#v text of the values that kube-apiserver puts into field errors, for the types users hit:
// label maps, string slices, label selectors, RBAC role refs. fmt sorts map keys.
import { goQuote, goText, isObj, type GoText, type Obj } from './field.ts';

/** `map[string]string{"a":"b"}`; nil (absent) is `map[string]string(nil)`. */
export function goStringMap(m: unknown): string {
  if (!isObj(m)) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`).join(', ')}}`;
}

/** `[]T{"a", "b"}` for a slice of a string type named `elem` (e.g. "string", "core.ResourceQuotaScope"). */
export function goStringSlice(v: unknown, elem = 'string'): string {
  if (!Array.isArray(v)) return `[]${elem}(nil)`;
  return `[]${elem}{${v.map((x) => goQuote(String(x))).join(', ')}}`;
}

function requirement(r: Obj): string {
  return `v1.LabelSelectorRequirement{Key:${goQuote(String(r.key ?? ''))}, Operator:${goQuote(String(r.operator ?? ''))}, Values:${goStringSlice(r.values)}}`;
}

/** A *metav1.LabelSelector as field errors print it (the pointer is dereferenced; nil is `null`). */
export function goLabelSelector(sel: unknown): GoText | null {
  if (!isObj(sel)) return null;
  const exprs = Array.isArray(sel.matchExpressions)
    ? `[]v1.LabelSelectorRequirement{${(sel.matchExpressions as Obj[]).map(requirement).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return goText(`v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprs}}`);
}

export const goMap = (m: unknown) => goText(goStringMap(m));
export const goSlice = (v: unknown, elem = 'string') => goText(goStringSlice(v, elem));

export function goRoleRef(ref: unknown): GoText {
  const r = isObj(ref) ? ref : {};
  return goText(`rbac.RoleRef{APIGroup:${goQuote(String(r.apiGroup ?? ''))}, Kind:${goQuote(String(r.kind ?? ''))}, Name:${goQuote(String(r.name ?? ''))}}`);
}

/** The (protocol, port) key Service validation reports duplicates with: a core.ServicePort. */
export function goServicePortKey(protocol: string, port: number): GoText {
  return goText(
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  );
}

/** intstr.IntOrString prints through its String(): the number or the string, unquoted. */
export const goIntOrString = (v: unknown) => goText(typeof v === 'number' ? String(Math.trunc(v)) : String(v ?? ''));
