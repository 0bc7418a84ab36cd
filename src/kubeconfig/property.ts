// `kubectl config set|unset PROPERTY_NAME`: a dotted path walked over the shape of client-go's
// *internal* kubeconfig types (clientcmd/api types.go, so `act-as`, not the file's `as`), the way
// kubectl's navigation_step_parser.go and set.go walk them by reflection. Map keys may contain
// dots: a key runs until the next part that names a field of the entry type. Only strings,
// booleans and byte fields can be set; anything can be unset. Error texts are kubectl's, with Go's
// %v renderings of the types involved.
import { KubeconfigError } from './types.ts';
import type { Config } from './types.ts';
import { decodeBase64 } from './v1.ts';

/** strconv.ParseBool. */
function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false;
  return undefined;
}

type GoType = Scalar | Slice | GoMap | Pointer | Struct;
interface Scalar {
  kind: 'string' | 'bool';
  name: string;
}
interface Slice {
  kind: 'slice';
  name: string;
  /** reflect.Kind of the element: only uint8 ([]byte) can be set. */
  elem: 'uint8' | 'string' | 'struct';
}
interface GoMap {
  kind: 'map';
  name: string;
  /** The entry struct of map[string]*api.X; other maps cannot be navigated into. */
  entry?: Struct;
  /** A fresh zero entry for a new key. */
  zero?: () => Record<string, unknown>;
}
interface Pointer {
  kind: 'ptr';
  name: string;
}
interface Struct {
  kind: 'struct';
  name: string;
  fields: Field[];
}
interface Field {
  json: string;
  type: GoType;
  /** The model's property; undefined for fields the model does not keep (Config's kind/apiVersion). */
  key?: string;
  /** Fields that are written even when empty are '' in the model, not undefined. */
  required?: boolean;
}

const STRING: Scalar = { kind: 'string', name: 'string' };
const BOOL: Scalar = { kind: 'bool', name: 'bool' };
const BYTES: Slice = { kind: 'slice', name: '[]uint8', elem: 'uint8' };
const OBJECTS: GoMap = { kind: 'map', name: 'map[string]runtime.Object' };
const ORIGIN: Field = { json: '-', type: STRING, key: 'locationOfOrigin' };
const EXTENSIONS: Field = { json: 'extensions', type: OBJECTS, key: 'extensions' };
const str = (json: string, key: string, required = false): Field => ({ json, type: STRING, key, required });

const CLUSTER: Struct = {
  kind: 'struct',
  name: 'api.Cluster',
  fields: [
    ORIGIN, str('server', 'server', true), str('tls-server-name', 'tlsServerName'),
    { json: 'insecure-skip-tls-verify', type: BOOL, key: 'insecureSkipTlsVerify' },
    str('certificate-authority', 'certificateAuthority'),
    { json: 'certificate-authority-data', type: BYTES, key: 'certificateAuthorityData' },
    str('proxy-url', 'proxyUrl'), { json: 'disable-compression', type: BOOL, key: 'disableCompression' }, EXTENSIONS,
  ],
};
const AUTH_INFO: Struct = {
  kind: 'struct',
  name: 'api.AuthInfo',
  fields: [
    ORIGIN, str('client-certificate', 'clientCertificate'),
    { json: 'client-certificate-data', type: BYTES, key: 'clientCertificateData' },
    str('client-key', 'clientKey'), { json: 'client-key-data', type: BYTES, key: 'clientKeyData' },
    str('token', 'token'), str('tokenFile', 'tokenFile'), str('act-as', 'impersonate'), str('act-as-uid', 'impersonateUid'),
    { json: 'act-as-groups', type: { kind: 'slice', name: '[]string', elem: 'string' }, key: 'impersonateGroups' },
    { json: 'act-as-user-extra', type: { kind: 'map', name: 'map[string][]string' }, key: 'impersonateUserExtra' },
    str('username', 'username'), str('password', 'password'),
    { json: 'auth-provider', type: { kind: 'ptr', name: '*api.AuthProviderConfig' }, key: 'authProvider' },
    { json: 'exec', type: { kind: 'ptr', name: '*api.ExecConfig' }, key: 'exec' }, EXTENSIONS,
  ],
};
const CONTEXT: Struct = {
  kind: 'struct',
  name: 'api.Context',
  fields: [ORIGIN, str('cluster', 'cluster', true), str('user', 'authInfo', true), str('namespace', 'namespace'), EXTENSIONS],
};
const PREFERENCES: Struct = {
  kind: 'struct',
  name: 'api.Preferences',
  fields: [{ json: 'colors', type: BOOL, key: 'colors' }, EXTENSIONS],
};
const CONFIG: Struct = {
  kind: 'struct',
  name: 'api.Config',
  fields: [
    { json: 'kind', type: STRING }, { json: 'apiVersion', type: STRING },
    { json: 'preferences', type: PREFERENCES, key: 'preferences' },
    { json: 'clusters', type: { kind: 'map', name: 'map[string]*api.Cluster', entry: CLUSTER, zero: () => ({ server: '' }) }, key: 'clusters' },
    { json: 'users', type: { kind: 'map', name: 'map[string]*api.AuthInfo', entry: AUTH_INFO, zero: () => ({}) }, key: 'authInfos' },
    {
      json: 'contexts',
      type: { kind: 'map', name: 'map[string]*api.Context', entry: CONTEXT, zero: () => ({ cluster: '', authInfo: '' }) },
      key: 'contexts',
    },
    str('current-context', 'currentContext', true), EXTENSIONS,
  ],
};

interface Step {
  value: string;
  type: GoType;
}

/**
 * Go's %v of a []navigationStep. The reflect.Type inside is an unexported field, so fmt shows
 * the type descriptor's address (`[{clusters 0x2038880}]`); ktl's are stand-ins.
 */
const formatSteps = (steps: Step[]) => `[${steps.map((s) => `{${s.value} ${typeAddress(s.type)}}`).join(' ')}]`;

function typeAddress(type: GoType): string {
  let h = 0;
  for (const c of type.name) h = (h * 31 + c.charCodeAt(0)) & 0xfffff;
  return `0x${(0x2000000 + h * 0x20).toString(16)}`;
}

/** kubectl's newNavigationSteps: the path split into field names and (possibly dotted) map keys. */
export function parsePropertyPath(path: string): Step[] {
  const parts = path.split('.');
  const steps: Step[] = [];
  let type: GoType = CONFIG;
  for (let i = 0; i < parts.length; ) {
    if (type.kind === 'map' && type.entry) {
      const names = new Set(type.entry.fields.map((f) => f.json));
      // The key takes every part up to the next one that names a field of the entry.
      const rest = parts.slice(i);
      const known = rest.slice(1).findIndex((p) => names.has(p));
      const key = rest.slice(0, known < 0 ? rest.length : known + 1).join('.');
      steps.push({ value: key, type: type.entry });
      i += key.split('.').length;
      type = type.entry;
    } else if (type.kind === 'struct') {
      const part = parts[i]!;
      const field: Field | undefined = type.fields.find((f) => f.json === part);
      if (!field) throw new KubeconfigError(`unable to parse ${path} after ${formatSteps(steps)} at ${type.name}`);
      steps.push({ value: part, type: field.type });
      i += 1;
      type = field.type;
    } else {
      // Includes maps of non-struct values, where kubectl's reflection panics.
      throw new KubeconfigError(`unable to parse one or more field values of ${path}`);
    }
  }
  return steps;
}

type Obj = Record<string, unknown>;

/** Go's %v of a map value of these types: keys sorted, entry pointers as addresses. */
function formatMap(m: unknown): string {
  const entries = Object.entries((m as Obj | undefined) ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let address = 0xc000010000;
  const value = (v: unknown) => (Array.isArray(v) ? `[${v.join(' ')}]` : `0x${(address += 0x100).toString(16)}`);
  return `map[${entries.map(([k, v]) => `${k}:${value(v)}`).join(' ')}]`;
}

interface Edit {
  steps: Step[];
  value: string;
  unset: boolean;
  rawBytes: boolean;
}

/**
 * Go's zero value in the model. A nil extensions map is null: a loaded config's maps are empty
 * but not nil, and kubectl's write-back (reflect.DeepEqual) tells the two apart, so clearing one
 * counts as a change everywhere (e.g. `unset preferences` rewrites the first file).
 */
function zeroOf(field: Field): unknown {
  const type = field.type;
  if (type.kind === 'struct') {
    return Object.fromEntries(type.fields.filter((f) => f.type === OBJECTS).map((f) => [f.key, null]));
  }
  if (type === OBJECTS) return null;
  return field.required ? '' : undefined;
}

/** Go's %v of a struct reached without a field name (only Preferences can be). */
function formatStruct(o: Obj, type: Struct): string {
  return `{${type.fields.map((f) => (f.type.kind === 'bool' ? String(!!o[f.key!]) : formatMap(o[f.key!]))).join(' ')}}`;
}

/** kubectl's modifyConfig over a struct: find the field named by the step and go on inside it. */
function modifyStruct(holder: Obj, type: Struct, e: Edit, index: number): void {
  const step = e.steps[index];
  const more = index + 1 < e.steps.length;
  const field = step && type.fields.find((f) => f.json === step.value);
  if (!field) {
    const goStep = step ? `stepValue:"${step.value}", stepType:${step.type.name}` : 'stepValue:"", stepType:reflect.Type(nil)';
    throw new KubeconfigError(`unable to locate path config.navigationStep{${goStep}} under ${formatStruct(holder, type)}`);
  }
  if (field.key === undefined) return;  // kind and apiVersion: kubectl sets them but never writes them
  if (!more && e.unset) {
    holder[field.key] = field.type.kind === 'map' && field.type.entry ? {} : zeroOf(field);
    return;
  }
  if (field.type.kind === 'map' && holder[field.key] === undefined) holder[field.key] = {};
  modifyValue(holder, field, e, index + 1);
}

function modifyValue(holder: Obj, field: Field, e: Edit, index: number): void {
  const key = field.key!;
  const type = field.type;
  const more = index + 1 < e.steps.length;
  switch (type.kind) {
    case 'map': {
      const map = holder[key] as Obj;
      if (!more && !e.unset) throw new KubeconfigError(`can't set a map to a value: ${formatMap(map)}`);
      const name = e.steps[index]!.value;
      if (!more && e.unset) {
        delete map[name];
        return;
      }
      if (!Object.hasOwn(map, name)) {
        if (e.unset) throw new KubeconfigError(`current map key \`${name}\` is invalid`);
        map[name] = type.zero!();
      } else {
        map[name] = { ...(map[name] as Obj) };  // the caller's config is not edited in place
      }
      modifyStruct(map[name] as Obj, type.entry!, e, index + 1);
      return;
    }
    case 'struct': {
      holder[key] = { ...(holder[key] as Obj) };
      modifyStruct(holder[key] as Obj, type, e, index);
      return;
    }
    case 'string':
      holder[key] = e.value === '' ? zeroOf(field) : e.value;
      return;
    case 'bool': {
      const b = e.value === '' ? false : parseBool(e.value);
      if (b === undefined) throw new KubeconfigError(`strconv.ParseBool: parsing ${JSON.stringify(e.value)}: invalid syntax`);
      holder[key] = b || undefined;
      return;
    }
    case 'slice': {
      if (type.elem !== 'uint8') throw new KubeconfigError(`unrecognized slice type. ${type.elem}`);
      if (e.unset) holder[key] = undefined;
      else if (e.rawBytes) holder[key] = Buffer.from(e.value, 'utf8');
      else {
        try {
          holder[key] = decodeBase64(e.value);
        } catch (err) {
          throw new KubeconfigError(`error decoding input value: ${(err as Error).message}`);
        }
      }
      return;
    }
    case 'ptr':
      // kubectl panics here (a pointer field can only be unset).
      throw new KubeconfigError(`unrecognized type: ${type.name}`);
  }
}

/**
 * Apply `config set PATH VALUE` (or, with unset, `config unset PATH`) to a copy of the config.
 * Bytes take base64 unless rawBytes.
 */
export function setProperty(config: Config, path: string, value: string, options: { unset?: boolean; rawBytes?: boolean } = {}): Config {
  const steps = parsePropertyPath(path);
  const root: Obj = { ...config, clusters: { ...config.clusters }, authInfos: { ...config.authInfos }, contexts: { ...config.contexts } };
  modifyStruct(root, CONFIG, { steps, value, unset: options.unset ?? false, rawBytes: options.rawBytes ?? false }, 0);
  return root as unknown as Config;
}
