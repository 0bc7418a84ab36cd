// Roles, ClusterRoles, RoleBindings and ClusterRoleBindings. Rules are broken down to one verb,
// resource and name each, the simple ones merged back by verb, then sorted by their Go String().
import { printAnnotationsMultiline, printLabelsMultiline } from './format.ts';
import { LEVEL_0, LEVEL_1, tabbedString } from './writer.ts';
import { obj, objs, str, strs, type Obj } from './values.ts';

interface PolicyRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

const rule = (r: Partial<PolicyRule>): PolicyRule => ({ verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...r });

/** rbac.BreakdownRule. */
function breakdown(r: Obj): PolicyRule[] {
  const out: PolicyRule[] = [];
  const names = strs(r.resourceNames);
  for (const group of strs(r.apiGroups))
    for (const resource of strs(r.resources))
      for (const verb of strs(r.verbs)) {
        if (names.length > 0) for (const name of names) out.push(rule({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] }));
        else out.push(rule({ apiGroups: [group], resources: [resource], verbs: [verb] }));
      }
  for (const url of strs(r.nonResourceURLs)) for (const verb of strs(r.verbs)) out.push(rule({ nonResourceURLs: [url], verbs: [verb] }));
  return out;
}

/** rbac.CompactRules: rules on one group, resource and at most one name merge their verbs. */
function compact(rules: PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    const isSimple = r.resourceNames.length <= 1 && r.nonResourceURLs.length === 0 && r.apiGroups.length === 1 && r.resources.length === 1;
    if (!isSimple) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames.length > 0, r.resourceNames[0] ?? '']);
    const existing = simple.get(key);
    if (existing) {
      for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
    } else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...out, ...simple.values()];
}

/** The generated PolicyRule.String(), which upstream sorts rules by. */
const ruleString = (r: PolicyRule) =>
  `&PolicyRule{Verbs:[${r.verbs.join(' ')}],APIGroups:[${r.apiGroups.join(' ')}],Resources:[${r.resources.join(' ')}],ResourceNames:[${r.resourceNames.join(' ')}],NonResourceURLs:[${r.nonResourceURLs.join(' ')}],}`;

/** CombineResourceGroup: "resource.group[/subresource]". */
function combineResourceGroup(resources: string[], groups: string[]): string {
  if (resources.length === 0) return '';
  const [resource, sub] = resources[0]!.split(/\/(.*)/s) as [string, string | undefined];
  let combined = resource;
  if (groups.length > 0 && groups[0] !== '') combined += `.${groups[0]}`;
  if (sub !== undefined) combined += `/${sub}`;
  return combined;
}

/** Roles and ClusterRoles alike. */
export function describeRole(role: Obj): string {
  const rules = compact(objs(role.rules).flatMap(breakdown));
  const keyed = rules.map((r) => ({ r, key: Buffer.from(ruleString(r)) }));
  keyed.sort((a, b) => Buffer.compare(a.key, b.key));
  return tabbedString((w) => {
    const m = obj(role.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'PolicyRule:\n');
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
    for (const { r } of keyed) {
      w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t[${r.nonResourceURLs.join(' ')}]\t[${r.resourceNames.join(' ')}]\t[${r.verbs.join(' ')}]\n`);
    }
  });
}

/** RoleBindings and ClusterRoleBindings alike. */
export function describeRoleBinding(binding: Obj): string {
  return tabbedString((w) => {
    const m = obj(binding.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    const ref = obj(binding.roleRef);
    w.write(LEVEL_0, 'Role:\n');
    w.write(LEVEL_1, `Kind:\t${str(ref.kind)}\n`);
    w.write(LEVEL_1, `Name:\t${str(ref.name)}\n`);
    w.write(LEVEL_0, 'Subjects:\n');
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
    w.write(LEVEL_1, '----\t----\t---------\n');
    for (const s of objs(binding.subjects)) w.write(LEVEL_1, `${str(s.kind)}\t${str(s.name)}\t${str(s.namespace)}\n`);
  });
}
