// The structured metav1.LabelSelector (spec.selector of Deployments, ReplicaSets, Jobs, PDBs…) as a
// selector, as k8s.io/apimachinery pkg/apis/meta/v1 helpers.go converts it (v0.33). The server's
// validation of it is in src/server/selectors/label-selector-struct.ts.
import type { LabelSelector } from '../object.ts';
import { SelectorError } from './errors.ts';
import { goCompare, goQuote } from './go-text.ts';
import { everything, newRequirement, nothing, selectorOf } from './labels.ts';
import type { Operator, Requirement, Selector } from './labels.ts';

const STRUCT_OPERATORS: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

// Go ranges over matchLabels in random order; sorted keys make the first error deterministic.
const sortedEntries = (m: Record<string, string> | undefined) =>
  Object.entries(m ?? {}).sort(([a], [b]) => goCompare(a, b));

/**
 * metav1.LabelSelectorAsSelector: a nil selector selects nothing, an empty one everything.
 * Throws SelectorError with upstream's text, e.g. `"Foo" is not a valid label selector operator`
 * or `values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty`.
 */
export function labelSelectorAsSelector(ps: LabelSelector | null | undefined): Selector {
  if (ps === null || ps === undefined) return nothing();
  const exprs = ps.matchExpressions ?? [];
  const labels = sortedEntries(ps.matchLabels);
  if (labels.length + exprs.length === 0) return everything();
  const reqs: Requirement[] = labels.map(([k, v]) => newRequirement(k, '=', [v]));
  for (const expr of exprs) {
    const op = Object.prototype.hasOwnProperty.call(STRUCT_OPERATORS, expr.operator) ? STRUCT_OPERATORS[expr.operator] : undefined;
    if (!op) throw new SelectorError(`${goQuote(String(expr.operator ?? ''))} is not a valid label selector operator`);
    // Go copies the values with append([]string(nil), …): no values is a nil slice in the error text
    const values = expr.values && expr.values.length > 0 ? [...expr.values] : null;
    reqs.push(newRequirement(expr.key ?? '', op, values));
  }
  return selectorOf(reqs);
}
