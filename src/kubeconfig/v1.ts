// The kubeconfig file format (clientcmd api v1): YAML read with YAML 1.1 rules as kubectl reads it,
// checked field by field the way Go's JSON decoder checks it (same error texts), converted to the
// map-based model; and back, in Go's field order, entries sorted by name, for writing.
import { toYaml } from '../printers/yaml.ts';
import { readBlockYaml } from './block-yaml.ts';
import { KubeconfigError, newConfig } from './types.ts';
import type { AuthInfo, Cluster, Config, Context, ExecConfig, Extensions, Preferences } from './types.ts';

// ---- schema: Go field types, for decoding errors ----

type Field = 'string' | 'bool' | 'bytes' | 'strings' | 'stringMap' | 'stringsMap' | 'raw' | Struct | { list: Struct };
interface Struct {
  go: string;
  fields: Record<string, Field>;
}

const namedExtension: Struct = { go: 'NamedExtension', fields: { name: 'string', extension: 'raw' } };
const extensions = { list: namedExtension };
const cluster: Struct = {
  go: 'Cluster',
  fields: {
    server: 'string', 'tls-server-name': 'string', 'insecure-skip-tls-verify': 'bool', 'certificate-authority': 'string',
    'certificate-authority-data': 'bytes', 'proxy-url': 'string', 'disable-compression': 'bool', extensions,
  },
};
const authInfo: Struct = {
  go: 'AuthInfo',
  fields: {
    'client-certificate': 'string', 'client-certificate-data': 'bytes', 'client-key': 'string', 'client-key-data': 'bytes',
    token: 'string', tokenFile: 'string', as: 'string', 'as-uid': 'string', 'as-groups': 'strings', 'as-user-extra': 'stringsMap',
    username: 'string', password: 'string',
    'auth-provider': { go: 'AuthProviderConfig', fields: { name: 'string', config: 'stringMap' } },
    exec: {
      go: 'ExecConfig',
      fields: {
        command: 'string', args: 'strings', env: { list: { go: 'ExecEnvVar', fields: { name: 'string', value: 'string' } } },
        apiVersion: 'string', installHint: 'string', provideClusterInfo: 'bool', interactiveMode: 'string',
      },
    },
    extensions,
  },
};
const context: Struct = { go: 'Context', fields: { cluster: 'string', user: 'string', namespace: 'string', extensions } };
const configSchema: Struct = {
  go: 'Config',
  fields: {
    kind: 'string', apiVersion: 'string',
    preferences: { go: 'Preferences', fields: { colors: 'bool', extensions } },
    clusters: { list: { go: 'NamedCluster', fields: { name: 'string', cluster } } },
    users: { list: { go: 'NamedAuthInfo', fields: { name: 'string', user: authInfo } } },
    contexts: { list: { go: 'NamedContext', fields: { name: 'string', context } } },
    'current-context': 'string',
    extensions,
  },
};

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;  // string | number
}

function goType(f: Field): string {
  if (typeof f === 'string') {
    return { string: 'string', bool: 'bool', bytes: '[]uint8', strings: '[]string', stringMap: 'map[string]string', stringsMap: 'map[string][]string', raw: 'json.RawMessage' }[f];
  }
  return 'list' in f ? `[]v1.${f.list.go}` : `v1.${f.go}`;
}

/** Go's decoder: the first type mismatch, reported with the innermost struct and the JSON path. */
function check(value: unknown, field: Field, struct: string, path: string): void {
  if (value === null || value === undefined || field === 'raw') return;
  const mismatch = () => {
    throw new KubeconfigError(`json: cannot unmarshal ${jsonKind(value)} into Go struct field ${struct}.${path} of type ${goType(field)}`);
  };
  const expect = (ok: boolean) => ok || mismatch();
  if (field === 'string' || field === 'bytes') expect(typeof value === 'string');
  else if (field === 'bool') expect(typeof value === 'boolean');
  else if (field === 'strings') {
    expect(Array.isArray(value));
    (value as unknown[]).forEach((v) => check(v, 'string', struct, path));
  } else if (field === 'stringMap' || field === 'stringsMap') {
    expect(jsonKind(value) === 'object');
    for (const v of Object.values(value as object)) check(v, field === 'stringMap' ? 'string' : 'strings', struct, path);
  } else if ('list' in field) {
    expect(Array.isArray(value));
    for (const item of value as unknown[]) checkStruct(item, field.list, path, field);
  } else checkStruct(value, field, path, field);
}

function checkStruct(value: unknown, s: Struct, path: string, asField: Field): void {
  if (value === null) return;
  if (jsonKind(value) !== 'object') {
    throw new KubeconfigError(`json: cannot unmarshal ${jsonKind(value)} into Go ${path ? `struct field ${path}` : 'value'} of type ${goType(asField)}`);
  }
  for (const [key, v] of Object.entries(value as object)) {
    const f = s.fields[key];
    if (f) check(v, f, s.go, path ? `${path}.${key}` : key);  // unknown fields are ignored
  }
}

// ---- base64, with Go's error ----

export function decodeBase64(text: string): Buffer {
  // StdEncoding.Decode skips CR and LF; anything else outside the alphabet, or bad padding, fails.
  let seen = 0, pad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\r' || c === '\n') continue;
    const isPad = c === '=';
    if ((!isPad && !/[A-Za-z0-9+/]/.test(c)) || (isPad && seen % 4 < 2) || (!isPad && pad > 0)) {
      throw new KubeconfigError(`illegal base64 data at input byte ${i}`);
    }
    if (isPad) pad++;
    seen++;
  }
  if (seen % 4 !== 0) throw new KubeconfigError(`illegal base64 data at input byte ${text.length}`);
  return Buffer.from(text.replace(/[\r\n]/g, ''), 'base64');
}

// ---- reading ----

const SCHEME = 'k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50';

/** Parse a kubeconfig file's text. Empty text is an empty config, as in kubectl. */
export async function parseKubeconfig(text: string): Promise<Config> {
  if (text.length === 0) return newConfig();
  // The common plain layout is read without loading the full YAML parser (start-up time).
  const raw = readBlockYaml(text) ?? (await import('./yaml-document.ts')).readYamlDocument(text);
  if (raw === null || raw === undefined) return newConfig();
  checkStruct(raw, configSchema, '', configSchema);
  const obj = raw as Record<string, unknown>;
  const kind = (obj.kind as string | undefined) || 'Config';
  const version = (obj.apiVersion as string | undefined) || 'v1';
  if (version !== 'v1' || kind !== 'Config') {
    throw new KubeconfigError(`no kind "${kind}" is registered for version "${version}" in scheme "${SCHEME}"`);
  }
  return fromV1(obj);
}

type Obj = Record<string, unknown>;

function named<T>(list: unknown, what: string, internal: string, key: string, convert: (v: Obj) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const item of (list as Obj[] | null | undefined) ?? []) {
    const name = (item?.name as string | undefined) ?? '';
    if (Object.hasOwn(out, name)) {
      throw new KubeconfigError(`error converting *[]${what} into *map[string]*api.${internal}: duplicate name "${name}" in list`);
    }
    out[name] = convert((item?.[key] as Obj | null) ?? {});
  }
  return out;
}

function extensionsOf(list: unknown): Extensions | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const out: Extensions = {};
  for (const item of list as Obj[]) {
    const name = (item?.name as string | undefined) ?? '';
    if (Object.hasOwn(out, name)) {
      throw new KubeconfigError(`error converting *[]NamedExtension into *map[string]runtime.Object: duplicate name "${name}" in list`);
    }
    out[name] = item?.extension ?? null;
  }
  return out;
}

/** Copy the keys whose values are set (not null/undefined/zero) into a fresh object. */
function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (Buffer.isBuffer(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

const str = (v: unknown) => (v ?? undefined) as string | undefined;
const bytes = (v: unknown) => (typeof v === 'string' ? decodeBase64(v) : undefined);

export function clusterFromV1(c: Obj): Cluster {
  return {
    server: (c.server as string | null | undefined) ?? '',
    ...compact({
      tlsServerName: str(c['tls-server-name']),
      insecureSkipTlsVerify: c['insecure-skip-tls-verify'] as boolean | undefined,
      certificateAuthority: str(c['certificate-authority']),
      certificateAuthorityData: bytes(c['certificate-authority-data']),
      proxyUrl: str(c['proxy-url']),
      disableCompression: c['disable-compression'] as boolean | undefined,
      extensions: extensionsOf(c.extensions),
    }),
  };
}

function execFromV1(exec: Obj): ExecConfig {
  const out: ExecConfig = {
    command: (exec.command as string | null) ?? '',
    ...compact({ apiVersion: str(exec.apiVersion), installHint: str(exec.installHint), interactiveMode: str(exec.interactiveMode) }),
  };
  // nil and empty lists stay apart: kubectl writes them back as null and [].
  if (exec.args) out.args = exec.args as string[];
  if (exec.env) out.env = (exec.env as Obj[]).map((e) => ({ name: (e?.name as string | null) ?? '', value: (e?.value as string | null) ?? '' }));
  if (exec.provideClusterInfo) out.provideClusterInfo = true;
  // Decoding defaults older plugin versions to IfAvailable (v1 requires it to be explicit).
  if (!out.interactiveMode && /^client\.authentication\.k8s\.io\/v1(alpha|beta)1$/.test(out.apiVersion ?? '')) out.interactiveMode = 'IfAvailable';
  return out;
}

export function authInfoFromV1(u: Obj): AuthInfo {
  const exec = u.exec as Obj | null | undefined;
  const provider = u['auth-provider'] as Obj | null | undefined;
  const groups = u['as-groups'] as string[] | null | undefined;
  const extra = u['as-user-extra'] as Record<string, string[] | null> | null | undefined;
  return compact({
    clientCertificate: str(u['client-certificate']),
    clientCertificateData: bytes(u['client-certificate-data']),
    clientKey: str(u['client-key']),
    clientKeyData: bytes(u['client-key-data']),
    token: str(u.token),
    tokenFile: str(u.tokenFile),
    impersonate: str(u.as),
    impersonateUid: str(u['as-uid']),
    impersonateGroups: groups?.length ? groups : undefined,
    impersonateUserExtra: extra && Object.keys(extra).length ? extra : undefined,
    username: str(u.username),
    password: str(u.password),
    authProvider: provider
      ? { name: (provider.name as string | null) ?? '', ...(provider.config ? { config: provider.config as Record<string, string> } : {}) }
      : undefined,
    exec: exec ? execFromV1(exec) : undefined,
    extensions: extensionsOf(u.extensions),
  });
}

export function contextFromV1(c: Obj): Context {
  return {
    cluster: (c.cluster as string | null | undefined) ?? '',
    authInfo: (c.user as string | null | undefined) ?? '',
    ...compact({ namespace: str(c.namespace), extensions: extensionsOf(c.extensions) }),
  };
}

function fromV1(raw: Obj): Config {
  const prefs = (raw.preferences as Obj | null | undefined) ?? {};
  const config: Config = {
    preferences: compact({ colors: prefs.colors as boolean | undefined, extensions: extensionsOf(prefs.extensions) }) as Preferences,
    clusters: named(raw.clusters, 'NamedCluster', 'Cluster', 'cluster', clusterFromV1),
    authInfos: named(raw.users, 'NamedAuthInfo', 'AuthInfo', 'user', authInfoFromV1),
    contexts: named(raw.contexts, 'NamedContext', 'Context', 'context', contextFromV1),
    currentContext: (raw['current-context'] as string | null | undefined) ?? '',
  };
  const ext = extensionsOf(raw.extensions);
  if (ext) config.extensions = ext;
  return config;
}

// ---- writing ----

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);  // Go's sort.Strings; names are usually ASCII

function namedExtensions(ext: Extensions | undefined): Obj[] | undefined {
  if (!ext || Object.keys(ext).length === 0) return undefined;
  return Object.keys(ext).sort(byName).map((name) => ({ name, extension: ext[name] }));
}

/** Drop undefined and Go-omitempty zero values, keeping key order. */
function omitEmpty(o: Obj, keep: string[] = []): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) {
    if (keep.includes(k)) out[k] = v ?? null;
    else if (v === undefined || v === '' || v === false || v === null) continue;
    else if (Array.isArray(v) && v.length === 0) continue;
    else if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0) continue;
    else out[k] = v;
  }
  return out;
}

const b64 = (b: Buffer | undefined) => (b && b.length ? b.toString('base64') : undefined);

export function clusterToV1(c: Cluster): Obj {
  return omitEmpty({
    server: c.server ?? '',
    'tls-server-name': c.tlsServerName,
    'insecure-skip-tls-verify': c.insecureSkipTlsVerify,
    'certificate-authority': c.certificateAuthority,
    'certificate-authority-data': b64(c.certificateAuthorityData),
    'proxy-url': c.proxyUrl,
    'disable-compression': c.disableCompression,
    extensions: namedExtensions(c.extensions),
  }, ['server']);
}

export function authInfoToV1(u: AuthInfo): Obj {
  return omitEmpty({
    'client-certificate': u.clientCertificate,
    'client-certificate-data': b64(u.clientCertificateData),
    'client-key': u.clientKey,
    'client-key-data': b64(u.clientKeyData),
    token: u.token,
    tokenFile: u.tokenFile,
    as: u.impersonate,
    'as-uid': u.impersonateUid,
    'as-groups': u.impersonateGroups,
    'as-user-extra': u.impersonateUserExtra,
    username: u.username,
    password: u.password,
    'auth-provider': u.authProvider && { name: u.authProvider.name, config: u.authProvider.config ?? null },
    exec: u.exec && omitEmpty({
      command: u.exec.command,
      args: u.exec.args ?? null,
      env: u.exec.env?.map((e) => ({ name: e.name, value: e.value })) ?? null,
      apiVersion: u.exec.apiVersion,
      installHint: u.exec.installHint,
      provideClusterInfo: u.exec.provideClusterInfo ?? false,
      interactiveMode: u.exec.interactiveMode,
    }, ['command', 'args', 'env', 'provideClusterInfo']),
    extensions: namedExtensions(u.extensions),
  });
}

export function contextToV1(c: Context): Obj {
  return omitEmpty({ cluster: c.cluster ?? '', user: c.authInfo ?? '', namespace: c.namespace, extensions: namedExtensions(c.extensions) }, ['cluster', 'user']);
}

function namedList<T>(entries: Record<string, T>, key: string, convert: (v: T) => Obj): Obj[] | null {
  const names = Object.keys(entries).sort(byName);
  return names.length ? names.map((name) => ({ name, [key]: convert(entries[name]!) })) : null;
}

/** The v1 object kubectl serialises, in Go's field order (what `config view -o json` prints). */
export function toV1(config: Config): Obj {
  return omitEmpty({
    kind: 'Config',
    apiVersion: 'v1',
    preferences: omitEmpty({ colors: config.preferences.colors, extensions: namedExtensions(config.preferences.extensions) }),
    clusters: namedList(config.clusters, 'cluster', clusterToV1),
    users: namedList(config.authInfos, 'user', authInfoToV1),
    contexts: namedList(config.contexts, 'context', contextToV1),
    'current-context': config.currentContext ?? '',
    extensions: namedExtensions(config.extensions),
  }, ['preferences', 'clusters', 'users', 'contexts', 'current-context']);
}

/** The file text kubectl writes for this config. */
export function serializeKubeconfig(config: Config): string {
  return toYaml(toV1(config));
}
