// Role bindings and cluster role bindings (printers.go printRoleBinding). Roles and cluster roles
// have no printer upstream and use the default convertor.
import { AGE, NAME, text, wide } from '../columns.ts';
import { age, items, name, obj, str } from '../fields.ts';
import type { TableEntry } from '../types.ts';

/** rbac.SubjectsStrings: users, groups and "namespace/name" service accounts; other kinds dropped. */
function subjects(list: unknown): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const accounts: string[] = [];
  for (const s of items(list)) {
    if (s.kind === 'ServiceAccount') accounts.push(`${str(s.namespace)}/${str(s.name)}`);
    else if (s.kind === 'User') users.push(str(s.name));
    else if (s.kind === 'Group') groups.push(str(s.name));
  }
  return [users.join(', '), groups.join(', '), accounts.join(', ')];
}

function bindingEntry(scope: string): TableEntry {
  return {
    columns: [
      NAME,
      text('Role', 'The bound role, kind/name.'),
      AGE,
      wide('Users', `Users the ${scope} binds.`),
      wide('Groups', `Groups the ${scope} binds.`),
      wide('ServiceAccounts', `Service accounts the ${scope} binds.`),
    ],
    row(o, now) {
      const ref = obj(o.roleRef);
      return [name(o), `${str(ref.kind)}/${str(ref.name)}`, age(o, now), ...subjects(o.subjects)];
    },
  };
}

export const roleBindings = bindingEntry('role binding');
export const clusterRoleBindings = bindingEntry('cluster role binding');
