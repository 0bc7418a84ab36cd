// List continue tokens as kube-apiserver writes them (k8s.io/apiserver pkg/storage/continue.go):
// base64url (no padding) of {"v":"meta.k8s.io/v1","rv":<revision>,"start":"<key after prefix>"}.
import { badRequest } from '../status.ts';

export interface ContinueToken {
  revision: number;
  /** The key to start from, relative to the list's prefix. */
  start: string;
}

export function encodeContinue(revision: number, nextKeyRelative: string): string {
  const json = JSON.stringify({ v: 'meta.k8s.io/v1', rv: revision, start: nextKeyRelative });
  return Buffer.from(json).toString('base64url');
}

export function decodeContinue(token: string): ContinueToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('continue key is not valid: continue key is not valid JSON');
  }
  const t = parsed as { v?: unknown; rv?: unknown; start?: unknown };
  if (t.v !== 'meta.k8s.io/v1') throw badRequest('continue key is not valid: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  if (typeof t.rv !== 'number' || t.rv === 0) throw badRequest('continue key is not valid: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  if (typeof t.start !== 'string' || t.start.length === 0) throw badRequest('continue key is not valid: continue key is not valid: encoded start key empty');
  if (t.start.split('/').some((seg) => seg === '..' || seg === '.')) throw badRequest('continue key is not valid: continue key is not valid: path traversal not allowed');
  return { revision: t.rv, start: t.start };
}
