// ConfigMaps, Secrets, ServiceAccounts and Namespaces (core validation).
import type { FieldError } from '../../status.ts';
import { byteLength, deepEqual, FIELD_IMMUTABLE, forbidden, index, invalid, key, obj, required, str, tooLong, type Obj } from './field.ts';
import { validateFinalizerName } from './meta.ts';
import { isConfigMapKey } from '../../../api/validation/names.ts';

const MAX_SECRET_SIZE = 1024 * 1024;

const decodedLength = (b64: unknown) => Buffer.from(str(b64), 'base64').length;

export function validateConfigMap(cm: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const data = obj(cm.data);
  const binary = obj(cm.binaryData);
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(key('data', k), k, m)));
    if (k in binary) errs.push(invalid(key('data', k), k, 'duplicate of key present in binaryData'));
    total += byteLength(str(v));
  }
  for (const [k, v] of Object.entries(binary)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(key('binaryData', k), k, m)));
    total += decodedLength(v);
  }
  // Upstream reports the size at the empty path, i.e. ": Too long: ...".
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('', MAX_SECRET_SIZE));
  return errs;
}

function immutableData(o: Obj, old: Obj, fields: string[]): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (o.immutable !== true) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const f of fields) if (!deepEqual(o[f], old[f])) errs.push(forbidden(f, 'field is immutable when `immutable` is set'));
  return errs;
}

export const validateConfigMapUpdate = (cm: Obj, old: Obj) => [...immutableData(cm, old, ['data', 'binaryData']), ...validateConfigMap(cm)];

/** The secret's data as the internal type holds it: data decoded, stringData merged over it. */
function secretData(s: Obj): Map<string, Buffer> {
  const data = new Map<string, Buffer>();
  for (const [k, v] of Object.entries(obj(s.data))) data.set(k, Buffer.from(str(v), 'base64'));
  for (const [k, v] of Object.entries(obj(s.stringData))) data.set(k, Buffer.from(str(v), 'utf8'));
  return data;
}

/** encoding/json's message for bytes that do not unmarshal into map[string]interface{} (common cases). */
function goJSONError(b: Buffer): string | undefined {
  const text = b.toString('utf8');
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    const t = text.trimStart();
    if (!t) return 'unexpected end of JSON input';
    for (const lit of ['null', 'true', 'false']) {
      if (t[0] !== lit[0]) continue;
      for (let i = 1; i < lit.length; i++) {
        if (i >= t.length) return 'unexpected end of JSON input';
        if (t[i] !== lit[i]) return `invalid character '${t[i]}' in literal ${lit} (expecting '${lit[i]}')`;
      }
    }
    if (!'{["-0123456789tfn'.includes(t[0]!)) return `invalid character '${t[0]}' looking for beginning of value`;
    const m = /Unexpected token '?(.)'?/.exec((e as Error).message);
    return m ? `invalid character '${m[1]}' looking for beginning of value` : 'unexpected end of JSON input';
  }
  if (v === null || (typeof v === 'object' && !Array.isArray(v))) return undefined;
  const kind = Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : 'bool';
  return `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
}

export function validateSecret(s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const data = secretData(s);
  let total = 0;
  for (const [k, v] of data) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(key('data', k), k, m)));
    total += v.length;
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('data', MAX_SECRET_SIZE));
  const need = (k: string) => (data.has(k) ? [] : [required(key('data', k))]);
  switch (str(s.type)) {
    case 'kubernetes.io/service-account-token':
      if (!str(obj(s.metadata?.annotations)['kubernetes.io/service-account.name'])) errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
      break;
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const k = s.type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
      if (!data.has(k)) errs.push(required(key('data', k)));
      else {
        const e = goJSONError(data.get(k)!);
        if (e) errs.push(invalid(key('data', k), '<secret contents redacted>', e));
      }
      break;
    }
    case 'kubernetes.io/basic-auth':
      if (!data.has('username') && !data.has('password')) errs.push(required('data[username]'), required('data[password]'));
      break;
    case 'kubernetes.io/ssh-auth':
      if (!data.get('ssh-privatekey')?.length) errs.push(required('data[ssh-privatekey]'));
      break;
    case 'kubernetes.io/tls':
      errs.push(...need('tls.crt'), ...need('tls.key'));
      break;
    default:
  }
  return errs;
}

export function validateSecretUpdate(s: Obj, old: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (str(s.type) !== str(old.type)) errs.push(invalid('type', str(s.type), FIELD_IMMUTABLE));
  if (old.immutable === true) {
    if (s.immutable !== true) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
    const a = secretData(s);
    const b = secretData(old);
    const same = a.size === b.size && [...a].every(([k, v]) => b.get(k)?.equals(v));
    if (!same) errs.push(forbidden('data', 'field is immutable when `immutable` is set'));
  }
  return [...errs, ...validateSecret(s)];
}

/** ValidateNamespace: spec.finalizers (upstream reports them at the unindexed list path). */
export function validateNamespace(ns: Obj): FieldError[] {
  const fin = obj(ns.spec).finalizers;
  return (Array.isArray(fin) ? fin : []).flatMap((f: unknown) => validateFinalizerName(str(f), 'spec.finalizers'));
}

export function validateNamespaceStatusUpdate(ns: Obj): FieldError[] {
  const phase = str(obj(ns.status).phase);
  if (!ns.metadata?.deletionTimestamp) return phase === 'Active' ? [] : [invalid('status.Phase', phase, "may only be 'Active' if `deletionTimestamp` is empty")];
  return phase === 'Terminating' ? [] : [invalid('status.Phase', phase, "may only be 'Terminating' if `deletionTimestamp` is not empty")];
}

export function validateNamespaceFinalizeUpdate(ns: Obj): FieldError[] {
  const fin = obj(ns.spec).finalizers;
  return (Array.isArray(fin) ? fin : []).flatMap((f: unknown, i: number) => validateFinalizerName(str(f), index('spec.finalizers', i)));
}
