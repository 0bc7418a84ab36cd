// Who may do what. Until RBAC lands, authenticated users may do everything and anonymous users
// only what system:public-info-viewer grants upstream (health and version).
import type { RequestInfo } from '../http/request-info.ts';
import type { RequestUser } from '../registry/store.ts';
import { forbidden } from '../status.ts';

const PUBLIC_PATHS = [/^\/healthz(\/.*)?$/, /^\/livez(\/.*)?$/, /^\/readyz(\/.*)?$/, /^\/version\/?$/];

export function authorize(user: RequestUser, info: RequestInfo): void {
  if (user.groups.includes('system:authenticated')) return;
  if (!info.isResourceRequest) {
    if (PUBLIC_PATHS.some((re) => re.test(info.path))) return;
    throw forbidden({ group: '', resource: '' }, '', `User "${user.name}" cannot ${info.verb} path "${info.path}"`);
  }
  const where = info.namespace ? ` in the namespace "${info.namespace}"` : ' at the cluster scope';
  const resource = info.subresource ? `${info.resource}/${info.subresource}` : info.resource;
  throw forbidden(
    { group: info.group, resource: info.resource },
    info.name,
    `User "${user.name}" cannot ${info.verb} resource "${resource}" in API group "${info.group}"${where}`,
  );
}
