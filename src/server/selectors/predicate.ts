// A list/watch/deletecollection request's ?labelSelector and ?fieldSelector turned into the
// object filter the store applies (storage.SelectionPredicate), with kube-apiserver's checks in
// its order: parse the label selector, parse the field selector, convert the field labels.
// Any failure is a 400 BadRequest whose message is upstream's error text, nothing added.
import type { KubeObject } from '../../api/object.ts';
import type { ObjectFilter } from '../registry/filter.ts';
import { badRequest } from '../status.ts';
import { SelectorError } from '../../api/labels/errors.ts';
import { convertFieldSelector, selectableFields } from './field-labels.ts';
import type { FieldTarget } from './field-labels.ts';
import { parseFieldSelector } from './fields.ts';
import type { Selector as FieldSelector } from './fields.ts';
import { parseLabelSelector } from '../../api/labels/label-parser.ts';
import type { Selector as LabelSelector } from '../../api/labels/labels.ts';

export interface SelectorQuery {
  labelSelector?: string | null;
  fieldSelector?: string | null;
}

export interface SelectionPredicate extends ObjectFilter {
  readonly label: LabelSelector;
  /** Already converted: the labels the registry matches on (pods' spec.host is spec.nodeName here). */
  readonly field: FieldSelector;
}

/** SelectionPredicate.Matches: labels against metadata.labels, fields against GetAttrs' set. */
export function predicateOf(target: FieldTarget, label: LabelSelector, field: FieldSelector): SelectionPredicate {
  const isEverything = label.empty() && field.empty();
  return {
    label,
    field,
    isEverything,
    matches: (obj: KubeObject) =>
      isEverything || (label.matches(obj.metadata?.labels) && (field.empty() || field.matches(selectableFields(target, obj)))),
  };
}

/**
 * Parses and checks a request's selectors. Throws the ApiError kube-apiserver would answer with,
 * e.g. 400 `unable to parse requirement: found '', expected: identifier` or
 * 400 `field label not supported: spec.foo`.
 */
export function selectionPredicate(target: FieldTarget, query: SelectorQuery): SelectionPredicate {
  try {
    const label = parseLabelSelector(query.labelSelector ?? '');
    const field = convertFieldSelector(target, parseFieldSelector(query.fieldSelector ?? ''));
    return predicateOf(target, label, field);
  } catch (err) {
    if (err instanceof SelectorError) throw badRequest(err.message);
    throw err;
  }
}
