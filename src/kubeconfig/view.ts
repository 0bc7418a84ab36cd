// What `config view` does to a loaded config before printing it (client-go clientcmd/api
// helpers.go): keep only the current context's entries (minify), inline referenced files
// (flatten), hide secrets (redact) and replace embedded data by a marker (shorten). Each returns
// a new config; the input is left alone.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { goPathError } from './fs-errors.ts';
import { KubeconfigError } from './types.ts';
import type { AuthInfo, Cluster, Config } from './types.ts';

/** Only the current context, its cluster and its user; kubectl's errors when one is missing. */
export function minifyConfig(config: Config): Config {
  if (!config.currentContext) throw new KubeconfigError('current-context must exist in order to minify');
  const context = config.contexts[config.currentContext];
  if (!context) throw new KubeconfigError(`cannot locate context ${config.currentContext}`);
  const out: Config = { ...config, contexts: { [config.currentContext]: context }, clusters: {}, authInfos: {} };
  if (context.cluster) {
    const cluster = config.clusters[context.cluster];
    if (!cluster) throw new KubeconfigError(`cannot locate cluster ${context.cluster}`);
    out.clusters[context.cluster] = cluster;
  }
  if (context.authInfo) {
    const user = config.authInfos[context.authInfo];
    if (!user) throw new KubeconfigError(`cannot locate user ${context.authInfo}`);
    out.authInfos[context.authInfo] = user;
  }
  return out;
}

/** Reads a referenced file into the data field; a reference and data together is an error. */
function flattenContent(path: string | undefined, data: Buffer | undefined, base: string): { path?: string; data?: Buffer } {
  if (!path) return { path, data };
  if (data && data.length > 0) throw new KubeconfigError('cannot have values for both path and contents');
  const absolute = isAbsolute(path) ? path : join(base, path);
  try {
    return { path: undefined, data: readFileSync(absolute) };
  } catch (err) {
    throw new KubeconfigError(goPathError(err, absolute));
  }
}

/** The directory relative references of an entry are resolved against (its file's, made absolute). */
const baseOf = (origin: string | undefined, cwd: string) => resolve(cwd, dirname(origin ?? ''));

/** Client certificates, keys and CAs referenced by path become embedded data (tokenFile stays). */
export function flattenConfig(config: Config, cwd = process.cwd()): Config {
  const out: Config = { ...config, authInfos: {}, clusters: {} };
  for (const [name, user] of Object.entries(config.authInfos)) {
    const base = baseOf(user.locationOfOrigin, cwd);
    const cert = flattenContent(user.clientCertificate, user.clientCertificateData, base);
    const key = flattenContent(user.clientKey, user.clientKeyData, base);
    const flat: AuthInfo = { ...user, clientCertificate: cert.path, clientCertificateData: cert.data, clientKey: key.path, clientKeyData: key.data };
    out.authInfos[name] = flat;
  }
  for (const [name, cluster] of Object.entries(config.clusters)) {
    const ca = flattenContent(cluster.certificateAuthority, cluster.certificateAuthorityData, baseOf(cluster.locationOfOrigin, cwd));
    const flat: Cluster = { ...cluster, certificateAuthority: ca.path, certificateAuthorityData: ca.data };
    out.clusters[name] = flat;
  }
  return out;
}

// What the file shows for shortened data: the base64 decoding of "DATA+OMITTED", so that it
// encodes back to that text.
const DATA_OMITTED = Buffer.from('DATA+OMITTED', 'base64');
const REDACTED = 'REDACTED';

/**
 * kubectl's RedactSecrets followed by ShortenConfig: token and password become REDACTED, and any
 * embedded certificate, key or CA data DATA+OMITTED.
 */
export function redactConfig(config: Config): Config {
  const out: Config = { ...config, authInfos: {}, clusters: {} };
  for (const [name, user] of Object.entries(config.authInfos)) {
    const u: AuthInfo = { ...user };
    if (u.token) u.token = REDACTED;
    if (u.password) u.password = REDACTED;
    if (u.clientKeyData?.length) u.clientKeyData = DATA_OMITTED;
    if (u.clientCertificateData?.length) u.clientCertificateData = DATA_OMITTED;
    out.authInfos[name] = u;
  }
  for (const [name, cluster] of Object.entries(config.clusters)) {
    out.clusters[name] = cluster.certificateAuthorityData?.length ? { ...cluster, certificateAuthorityData: DATA_OMITTED } : cluster;
  }
  return out;
}
