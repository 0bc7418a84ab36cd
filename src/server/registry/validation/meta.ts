// Shared checks of metav1 validation (labels, label selectors, annotations) and the selector
// semantics that "`selector` does not match template `labels`" relies on.
import type { FieldError } from '../../status.ts';
import { arr, byteLength, child, forbidden, index, invalid, isObj, obj, required, str, tooLong, type Obj } from './field.ts';
import { isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from '../../../api/validation/names.ts';

/** ValidateLabelName: one error per message, the key as value. */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((m) => invalid(path, name, m));
}

/** ValidateQualifiedName (same messages as a label name). */
export const validateQualifiedName = validateLabelName;

/** ValidateLabels: errors at the map's path itself, with the key or the value as the bad value. */
export function validateLabels(labels: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(obj(labels))) {
    errs.push(...validateLabelName(k, path));
    for (const m of isValidLabelValue(str(v))) errs.push(invalid(path, str(v), m));
  }
  return errs;
}

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** ValidateAnnotations: keys are checked lower-cased; the total size of keys and values is capped. */
export function validateAnnotations(annotations: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(obj(annotations))) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, m));
    total += byteLength(k) + byteLength(str(v));
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

/** ValidateLabelSelectorRequirement. */
function validateRequirement(r: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = arr<string>(r.values);
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (!values.length) errs.push(required(child(path, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length) errs.push(forbidden(child(path, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      errs.push(invalid(child(path, 'operator'), str(r.operator), 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(str(r.key), child(path, 'key')));
  return errs;
}

/** ValidateLabelSelector (strict label values, as workloads use). */
export function validateLabelSelector(sel: unknown, path: string): FieldError[] {
  if (!isObj(sel)) return [];
  const errs = validateLabels(sel.matchLabels, child(path, 'matchLabels'));
  arr(sel.matchExpressions).forEach((r, i) => errs.push(...validateRequirement(obj(r), index(child(path, 'matchExpressions'), i))));
  return errs;
}

/** ValidateNonEmptySelector / "has any requirement". */
export const selectorIsEmpty = (sel: unknown) =>
  !isObj(sel) || Object.keys(obj(sel.matchLabels)).length + arr(sel.matchExpressions).length === 0;

/** metav1.LabelSelectorAsSelector succeeds (operators known, In/NotIn with values, Exists without). */
export function selectorParses(sel: unknown): boolean {
  if (!isObj(sel)) return true;
  for (const [k, v] of Object.entries(obj(sel.matchLabels))) if (isQualifiedName(k).length || isValidLabelValue(str(v)).length) return false;
  for (const r of arr(sel.matchExpressions)) {
    const values = arr<string>(r.values);
    if (isQualifiedName(str(r.key)).length) return false;
    if ((r.operator === 'In' || r.operator === 'NotIn') && !values.length) return false;
    if ((r.operator === 'Exists' || r.operator === 'DoesNotExist') && values.length) return false;
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(r.operator)) return false;
    if (values.some((v) => isValidLabelValue(str(v)).length)) return false;
  }
  return true;
}

/** Selector.Matches for a metav1.LabelSelector; a nil selector matches nothing, an empty one everything. */
export function selectorMatches(sel: unknown, labels: unknown): boolean {
  if (!isObj(sel)) return false;
  const l = obj(labels);
  for (const [k, v] of Object.entries(obj(sel.matchLabels))) if (l[k] !== v) return false;
  for (const r of arr(sel.matchExpressions)) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const values = arr<string>(r.values);
    if (r.operator === 'In' && !(has && values.includes(l[r.key]))) return false;
    if (r.operator === 'NotIn' && has && values.includes(l[r.key])) return false;
    if (r.operator === 'Exists' && !has) return false;
    if (r.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** A map selector (ReplicationController, Service): labels.Set(selector).AsSelector().Matches. */
export function mapSelectorMatches(selector: unknown, labels: unknown): boolean {
  const l = obj(labels);
  return Object.entries(obj(selector)).every(([k, v]) => l[k] === v);
}

/** ValidateTemplateObjectMeta (volume claim templates): labels and annotations only. */
export function validateTemplateObjectMeta(meta: unknown, path: string): FieldError[] {
  const m = obj(meta);
  const errs = [...validateAnnotations(m.annotations, child(path, 'annotations')), ...validateLabels(m.labels, child(path, 'labels'))];
  for (const k of Object.keys(m)) if (k !== 'labels' && k !== 'annotations' && m[k] !== undefined && m[k] !== '') errs.push(forbidden(child(path, k), 'cannot be set'));
  return errs;
}

/** The standard finalizer names that need no domain prefix (helper.IsStandardFinalizerName). */
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** ValidateFinalizerName plus core's "fully qualified" rule (namespaces' spec.finalizers). */
export function validateFinalizerName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (!name.includes('/') && !STANDARD_FINALIZERS.has(name)) errs.push(invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified'));
  return errs;
}

/** NameIsDNSSubdomain etc. as FieldErrors at a path. */
export const subdomainErrors = (value: string, path: string) => isDNS1123Subdomain(value).map((m) => invalid(path, value, m));
