// Who is asking: an x509 client certificate signed by the cluster CA (CN = user, O = groups), or
// anonymous (k8s.io/apiserver pkg/authentication/request/{x509,anonymous}).
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { RequestUser } from '../registry/store.ts';

export const ANONYMOUS: RequestUser = { name: 'system:anonymous', groups: ['system:unauthenticated'] };

const users = new WeakMap<object, RequestUser>();

export function authenticate(req: IncomingMessage): RequestUser {
  const socket = req.socket as TLSSocket;
  const known = users.get(socket);
  if (known) return known;
  let user = ANONYMOUS;
  if (socket.authorized && typeof socket.getPeerCertificate === 'function') {
    const cert = socket.getPeerCertificate();
    const cn = cert?.subject?.CN;
    if (cn) {
      const o = cert.subject.O;
      const orgs = o === undefined ? [] : Array.isArray(o) ? o : [o];
      user = { name: Array.isArray(cn) ? cn[0]! : cn, groups: [...orgs, 'system:authenticated'] };
    }
  }
  users.set(socket, user);
  return user;
}
