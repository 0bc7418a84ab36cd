// `create rolebinding` and `create clusterrolebinding`: a role reference and subjects from
// --user, --group and --serviceaccount NAMESPACE:NAME.
import type { KubeObject } from '../../printers/objects.ts';
import { CliError } from '../errors.ts';
import { flag } from '../flags.ts';
import { generator } from './generator.ts';
import { objectMeta, typed } from './objects.ts';

const RBAC = 'rbac.authorization.k8s.io';

/** Users, then groups, then service accounts, each in the order given. */
export function subjects(users: string[], groups: string[], serviceAccounts: string[]): KubeObject[] | undefined {
  const out: KubeObject[] = [
    ...users.map((name) => ({ kind: 'User', apiGroup: RBAC, name })),
    ...groups.map((name) => ({ kind: 'Group', apiGroup: RBAC, name })),
  ];
  for (const sa of serviceAccounts) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new CliError('serviceaccount must be <namespace>:<name>');
    out.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] });
  }
  return out.length ? out : undefined;
}

const subjectFlags = (what: string) => [
  flag.stringArray('user', `A user to bind to the ${what}; repeat for more.`),
  flag.stringArray('group', `A group to bind to the ${what}; repeat for more.`),
  flag.stringArray('serviceaccount', `A service account to bind to the ${what}, as <namespace>:<name>; repeat for more.`),
];

export interface BindingInput {
  name: string;
  namespace: string;
  role: string;
  clusterRole: string;
  users: string[];
  groups: string[];
  serviceAccounts: string[];
}

export function buildRoleBinding(o: BindingInput): KubeObject {
  if (!o.clusterRole === !o.role) throw new CliError('exactly one of clusterrole or role must be specified');
  const roleRef = { apiGroup: RBAC, kind: o.role ? 'Role' : 'ClusterRole', name: o.role || o.clusterRole };
  return typed(`${RBAC}/v1`, 'RoleBinding', objectMeta({ name: o.name, namespace: o.namespace }), {
    subjects: subjects(o.users, o.groups, o.serviceAccounts),
    roleRef,
  });
}

export function buildClusterRoleBinding(o: Omit<BindingInput, 'namespace' | 'role'>): KubeObject {
  return typed(`${RBAC}/v1`, 'ClusterRoleBinding', objectMeta({ name: o.name }), {
    subjects: subjects(o.users, o.groups, o.serviceAccounts),
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: o.clusterRole },
  });
}

export const rolebinding = generator({
  name: 'rolebinding',
  short: 'Create a role binding to a role or cluster role',
  long: 'Create a RoleBinding granting a Role, or a ClusterRole within this namespace, to users, groups and service accounts.',
  example: `  # Grant the cluster role "view" to a user and a service account in this namespace
  kubectl create rolebinding viewers --clusterrole=view --user=ann --serviceaccount=team-a:ci
  
  # Grant a role of this namespace to a group
  kubectl create rolebinding readers --role=pod-reader --group=developers`,
  use: 'NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]',
  flags: [
    flag.string('clusterrole', 'The ClusterRole to grant.'),
    flag.string('role', 'The Role to grant.'),
    ...subjectFlags('role'),
  ],
  resource: { group: RBAC, version: 'v1', resource: 'rolebindings', namespaced: true },
  failure: (m) => `failed to create rolebinding: ${m}`,
  build: (g) =>
    buildRoleBinding({
      name: g.name,
      namespace: g.enforcedNamespace,
      role: g.flags.string('role'),
      clusterRole: g.flags.string('clusterrole'),
      users: g.flags.strings('user'),
      groups: g.flags.strings('group'),
      serviceAccounts: g.flags.strings('serviceaccount'),
    }),
});

export const clusterrolebinding = generator({
  name: 'clusterrolebinding',
  short: 'Create a cluster role binding',
  long: 'Create a ClusterRoleBinding granting a ClusterRole, in every namespace, to users, groups and service accounts.',
  example: `  # Grant the cluster role "cluster-admin" to a user and a group
  kubectl create clusterrolebinding admins --clusterrole=cluster-admin --user=ann --group=ops`,
  use: 'NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]',
  required: ['clusterrole'],
  flags: [flag.string('clusterrole', 'The ClusterRole to grant.'), ...subjectFlags('cluster role')],
  resource: { group: RBAC, version: 'v1', resource: 'clusterrolebindings', namespaced: false },
  failure: (m) => `failed to create clusterrolebinding: ${m}`,
  build: (g) =>
    buildClusterRoleBinding({
      name: g.name,
      clusterRole: g.flags.string('clusterrole'),
      users: g.flags.strings('user'),
      groups: g.flags.strings('group'),
      serviceAccounts: g.flags.strings('serviceaccount'),
    }),
});
