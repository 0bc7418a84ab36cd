// The structured metav1.LabelSelector (spec.selector of Deployments, ReplicaSets, Jobs, PDBs…):
// parsing into it and its validation, as k8s.io/apimachinery pkg/apis/meta/v1 helpers.go and
// meta/v1/validation (v0.33) do them. Conversion to a selector is shared: src/api/labels/label-selector.ts.
import type { LabelSelector, LabelSelectorRequirement } from '../../api/object.ts';
import type { FieldError } from '../status.ts';
import { SelectorError } from '../../api/labels/errors.ts';
import { goCompare, goQuote } from '../../api/labels/go-text.ts';
import { parseRequirements } from '../../api/labels/label-parser.ts';
import { isQualifiedName, isValidLabelValue } from '../../api/labels/label-validation.ts';
import type { Operator, Requirement } from '../../api/labels/labels.ts';

// Go ranges over matchLabels in random order; sorted keys make the first error deterministic.
const sortedEntries = (m: Record<string, string> | undefined) =>
  Object.entries(m ?? {}).sort(([a], [b]) => goCompare(a, b));

/** metav1.ParseToLabelSelector: the string form back to matchLabels/matchExpressions. */
export function parseToLabelSelector(selector: string): LabelSelector {
  let reqs: Requirement[];
  try {
    reqs = parseRequirements(selector);
  } catch (err) {
    if (err instanceof SelectorError) throw new SelectorError(`couldn't parse the selector string "${selector}": ${err.message}`);
    throw err;
  }
  const out: Required<LabelSelector> = { matchLabels: {}, matchExpressions: [] };
  const structOp: Partial<Record<Operator, string>> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };
  for (const r of reqs) {
    if (r.operator === '=' || r.operator === '==') {
      out.matchLabels[r.key] = r.values[0]!;
    } else if (r.operator === 'gt' || r.operator === 'lt') {
      throw new SelectorError(`${goQuote(r.operator)} isn't supported in label selectors`);
    } else if (structOp[r.operator]) {
      out.matchExpressions.push({ key: r.key, operator: structOp[r.operator]!, values: [...new Set(r.values)].sort(goCompare) });
    } else {
      throw new SelectorError(`${goQuote(r.operator)} is not a valid label selector operator`);
    }
  }
  return out;
}

export interface LabelSelectorValidationOptions {
  /** Tolerate invalid values already persisted (upstream: only for backward compatibility on update). */
  allowInvalidLabelValueInSelector?: boolean;
  /** Let unknown operators through (SubjectAccessReview). */
  allowUnknownOperatorInRequirement?: boolean;
}

/** metav1 validation.ValidateLabelName: one error per problem, at `path`. */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((detail) => ({ type: 'FieldValueInvalid' as const, field: path, value: name, detail }));
}

/** metav1 validation.ValidateLabels: keys and values, all reported at `path` itself (as upstream). */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  return sortedEntries(labels).flatMap(([k, v]) => [
    ...validateLabelName(k, path),
    ...isValidLabelValue(v).map((detail) => ({ type: 'FieldValueInvalid' as const, field: path, value: v, detail })),
  ]);
}

/** metav1 validation.ValidateLabelSelectorRequirement. */
export function validateLabelSelectorRequirement(
  sr: LabelSelectorRequirement,
  opts: LabelSelectorValidationOptions,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const values = sr.values ?? [];
  switch (sr.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push({ type: 'FieldValueRequired', field: `${path}.values`, detail: "must be specified when `operator` is 'In' or 'NotIn'" });
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push({ type: 'FieldValueForbidden', field: `${path}.values`, detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'" });
      break;
    default:
      if (!opts.allowUnknownOperatorInRequirement) errs.push({ type: 'FieldValueInvalid', field: `${path}.operator`, value: sr.operator, detail: 'not a valid selector operator' });
  }
  errs.push(...validateLabelName(sr.key ?? '', `${path}.key`));
  if (!opts.allowInvalidLabelValueInSelector) {
    values.forEach((v, i) => {
      for (const detail of isValidLabelValue(v)) errs.push({ type: 'FieldValueInvalid', field: `${path}.values[${i}]`, value: v, detail });
    });
  }
  return errs;
}

/** metav1 validation.ValidateLabelSelector, e.g. for `spec.selector`; a nil selector is valid. */
export function validateLabelSelector(
  ps: LabelSelector | null | undefined,
  opts: LabelSelectorValidationOptions,
  path: string,
): FieldError[] {
  if (!ps) return [];
  return [
    ...validateLabels(ps.matchLabels, `${path}.matchLabels`),
    ...(ps.matchExpressions ?? []).flatMap((e, i) => validateLabelSelectorRequirement(e, opts, `${path}.matchExpressions[${i}]`)),
  ];
}

/** validation.LabelSelectorHasInvalidLabelValue: whether updates must tolerate bad persisted values. */
export function labelSelectorHasInvalidLabelValue(ps: LabelSelector | null | undefined): boolean {
  return (ps?.matchExpressions ?? []).some((e) => (e.values ?? []).some((v) => isValidLabelValue(v).length > 0));
}
