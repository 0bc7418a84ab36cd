// rbac.authorization.k8s.io/v1 Roles, ClusterRoles and their bindings (rbac validation).
import type { FieldError } from '../../status.ts';
import { arr, child, deepEqual, index, invalid, isObj, notSupported, obj, required, str, type Obj } from './field.ts';
import { goRoleRef, goSlice } from './go-repr.ts';
import { validateLabelSelector } from './meta.ts';
import { isDNS1123Subdomain, isValidPathSegmentName } from '../../../api/validation/names.ts';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

function policyRule(rule: Obj, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!arr(rule.verbs).length) errs.push(required(child(path, 'verbs'), 'verbs must contain at least one value'));
  const urls = arr<string>(rule.nonResourceURLs);
  if (urls.length) {
    if (namespaced) errs.push(invalid(child(path, 'nonResourceURLs'), goSlice(urls), 'namespaced rules cannot apply to non-resource URLs'));
    if (arr(rule.apiGroups).length || arr(rule.resources).length || arr(rule.resourceNames).length)
      errs.push(invalid(child(path, 'nonResourceURLs'), goSlice(urls), 'rules cannot apply to both regular resources and non-resource URLs'));
    return errs;
  }
  if (!arr(rule.apiGroups).length) errs.push(required(child(path, 'apiGroups'), 'resource rules must supply at least one api group'));
  if (!arr(rule.resources).length) errs.push(required(child(path, 'resources'), 'resource rules must supply at least one resource'));
  return errs;
}

export const validateRole = (role: Obj) => arr(role.rules).flatMap((r, i) => policyRule(r, true, index('rules', i)));

export function validateClusterRole(role: Obj): FieldError[] {
  const errs = arr(role.rules).flatMap((r, i) => policyRule(r, false, index('rules', i)));
  if (isObj(role.aggregationRule)) {
    const sels = arr(role.aggregationRule.clusterRoleSelectors);
    if (!sels.length) errs.push(required('aggregationRule.clusterRoleSelectors', 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
    sels.forEach((s, i) => errs.push(...validateLabelSelector(s, index('aggregationRule.clusterRoleSelectors', i))));
  }
  return errs;
}

function subject(s: Obj, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(s.name);
  if (!name) errs.push(required(child(path, 'name')));
  switch (s.kind) {
    case 'ServiceAccount':
      if (name) errs.push(...isDNS1123Subdomain(name).map((m) => invalid(child(path, 'name'), name, m)));
      if (str(s.apiGroup)) errs.push(notSupported(child(path, 'apiGroup'), str(s.apiGroup), ['']));
      if (!namespaced && !str(s.namespace)) errs.push(required(child(path, 'namespace')));
      break;
    case 'User':
    case 'Group':
      if (s.apiGroup !== RBAC_GROUP) errs.push(notSupported(child(path, 'apiGroup'), str(s.apiGroup), [RBAC_GROUP]));
      break;
    default:
      errs.push(notSupported(child(path, 'kind'), str(s.kind), ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

function binding(rb: Obj, namespaced: boolean): FieldError[] {
  const ref = obj(rb.roleRef);
  const errs: FieldError[] = [];
  if (ref.apiGroup !== RBAC_GROUP) errs.push(notSupported('roleRef.apiGroup', str(ref.apiGroup), [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(str(ref.kind))) errs.push(notSupported('roleRef.kind', str(ref.kind), kinds));
  const name = str(ref.name);
  if (!name) errs.push(required('roleRef.name'));
  else errs.push(...isValidPathSegmentName(name).map((m) => invalid('roleRef.name', name, m)));
  arr(rb.subjects).forEach((s, i) => errs.push(...subject(s, namespaced, index('subjects', i))));
  return errs;
}

export const validateRoleBinding = (rb: Obj) => binding(rb, true);
export const validateClusterRoleBinding = (rb: Obj) => binding(rb, false);

/** roleRef may never change: "roleRef: Invalid value: rbac.RoleRef{...}: cannot change roleRef". */
export function roleRefImmutable(rb: Obj, old: Obj): FieldError[] {
  const pick = (r: unknown) => ({ apiGroup: str(obj(r).apiGroup), kind: str(obj(r).kind), name: str(obj(r).name) });
  return deepEqual(pick(rb.roleRef), pick(old.roleRef)) ? [] : [invalid('roleRef', goRoleRef(rb.roleRef), 'cannot change roleRef')];
}
