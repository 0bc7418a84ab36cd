// Validation of the access reviews with kube-apiserver's texts (pkg/apis/authorization/validation,
// v1.33): exactly one of resource or non-resource attributes, a subject for SubjectAccessReview,
// empty metadata, well-formed selector attributes, and a LocalSubjectAccessReview's namespace.
import type { KubeObject } from '../../../api/object.ts';
import { isQualifiedName } from '../../../api/labels/label-validation.ts';
import type { FieldError } from '../../status.ts';
import { goNonResourceAttributes, goObjectMeta, metaIsEmpty } from './common.ts';

type Obj = Record<string, unknown>;

const asObj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);

export const specOf = (review: KubeObject): Obj => asObj(review.spec) ?? {};

/**
 * field.Invalid with a value Go prints with %#v: the rendering goes in front of the detail, and the
 * value is left out so it is not quoted again (the text comes out as Go's).
 */
const invalidGo = (field: string, rendered: string, detail: string): FieldError => ({ type: 'FieldValueInvalid', field, detail: `${rendered}: ${detail}` });

function unionErrors(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const resource = asObj(spec.resourceAttributes);
  const nonResource = asObj(spec.nonResourceAttributes);
  if (resource && nonResource)
    errs.push(invalidGo('spec.nonResourceAttributes', goNonResourceAttributes(nonResource), 'cannot be specified in combination with resourceAttributes'));
  if (!resource && !nonResource)
    errs.push({ type: 'FieldValueInvalid', field: 'spec.resourceAttributes', value: 'null', detail: 'exactly one of nonResourceAttributes or resourceAttributes must be specified' });
  return errs;
}

function subjectErrors(spec: Obj): FieldError[] {
  const user = typeof spec.user === 'string' ? spec.user : '';
  const groups = Array.isArray(spec.groups) ? spec.groups : [];
  if (user || groups.length) return [];
  return [{ type: 'FieldValueInvalid', field: 'spec.user', value: user, detail: 'at least one of user or group must be specified' }];
}

function requirementErrors(requirements: unknown[], path: string, kind: 'field' | 'label'): FieldError[] {
  const errs: FieldError[] = [];
  requirements.forEach((raw, i) => {
    const r = asObj(raw) ?? {};
    const at = `${path}.requirements[${i}]`;
    const key = typeof r.key === 'string' ? r.key : '';
    const values = Array.isArray(r.values) ? r.values : [];
    if (kind === 'field' && !key) errs.push({ type: 'FieldValueRequired', field: `${at}.key`, detail: 'must be specified' });
    // Unknown operators pass: reviews from newer clients must still be answered.
    if ((r.operator === 'In' || r.operator === 'NotIn') && values.length === 0)
      errs.push({ type: 'FieldValueRequired', field: `${at}.values`, detail: "must be specified when `operator` is 'In' or 'NotIn'" });
    if ((r.operator === 'Exists' || r.operator === 'DoesNotExist') && values.length > 0)
      errs.push({ type: 'FieldValueForbidden', field: `${at}.values`, detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'" });
    if (kind === 'label') for (const msg of isQualifiedName(key)) errs.push({ type: 'FieldValueInvalid', field: `${at}.key`, value: key, detail: msg });
  });
  return errs;
}

function selectorErrors(selector: unknown, path: string, kind: 'field' | 'label'): FieldError[] {
  const s = asObj(selector);
  if (!s) return [];
  const errs: FieldError[] = [];
  const raw = typeof s.rawSelector === 'string' ? s.rawSelector : '';
  const requirements = Array.isArray(s.requirements) ? s.requirements : [];
  if (raw && requirements.length)
    errs.push({ type: 'FieldValueInvalid', field: `${path}.rawSelector`, value: raw, detail: 'may not specified at the same time as requirements' });
  if (!raw && !requirements.length)
    errs.push({ type: 'FieldValueRequired', field: `${path}.requirements`, detail: `when ${path} is specified, requirements or rawSelector is required` });
  return [...errs, ...requirementErrors(requirements, path, kind)];
}

function resourceAttributeErrors(spec: Obj): FieldError[] {
  const ra = asObj(spec.resourceAttributes);
  if (!ra) return [];
  const path = 'spec.resourceAttributes';
  return [...selectorErrors(ra.fieldSelector, `${path}.fieldSelector`, 'field'), ...selectorErrors(ra.labelSelector, `${path}.labelSelector`, 'label')];
}

function emptyMetaErrors(review: KubeObject): FieldError[] {
  if (metaIsEmpty(review.metadata)) return [];
  return [invalidGo('metadata', goObjectMeta(review.metadata), 'must be empty')];
}

export function validateSelfSubjectAccessReview(review: KubeObject): FieldError[] {
  const spec = specOf(review);
  return [...unionErrors(spec), ...resourceAttributeErrors(spec), ...emptyMetaErrors(review)];
}

export function validateSubjectAccessReview(review: KubeObject): FieldError[] {
  const spec = specOf(review);
  return [...unionErrors(spec), ...subjectErrors(spec), ...resourceAttributeErrors(spec), ...emptyMetaErrors(review)];
}

export function validateLocalSubjectAccessReview(review: KubeObject): FieldError[] {
  const spec = specOf(review);
  const errs = [...unionErrors(spec), ...subjectErrors(spec), ...resourceAttributeErrors(spec)];
  if (!metaIsEmpty(review.metadata, ['namespace'])) errs.push(invalidGo('metadata', goObjectMeta(review.metadata), 'must be empty except for namespace'));
  const ra = asObj(spec.resourceAttributes);
  const namespace = review.metadata.namespace ?? '';
  if (ra && (typeof ra.namespace === 'string' ? ra.namespace : '') !== namespace)
    errs.push({ type: 'FieldValueInvalid', field: 'spec.resourceAttributes.namespace', value: typeof ra.namespace === 'string' ? ra.namespace : '', detail: 'must match metadata.namespace' });
  if (asObj(spec.nonResourceAttributes))
    errs.push(invalidGo('spec.nonResourceAttributes', goNonResourceAttributes(spec.nonResourceAttributes), 'disallowed on this kind of request'));
  return errs;
}
