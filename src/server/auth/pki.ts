// The bundled server's certificates and keys, kept in its data directory: a CA, a serving certificate,
// an admin client certificate (CN admin, O system:masters) and the service-account signing key pair.
// Made on first start, reused afterwards, and re-issued one by one when they stop fitting.
import { createPrivateKey, createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { createCa, issueCert } from './x509.ts';
import type { CertAndKey } from './x509.ts';

export { createCa, issueCert } from './x509.ts';
export type { CertAndKey, CertSpec } from './x509.ts';

/** The in-cluster names of the API server, and the first IP of the default service CIDR (10.96.0.0/12). */
export const KUBERNETES_SERVICE_NAMES = ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local'];
export const KUBERNETES_SERVICE_IP = '10.96.0.1';

export const PKI_FILES = {
  caCert: 'ca.crt',
  caKey: 'ca.key',
  servingCert: 'apiserver.crt',
  servingKey: 'apiserver.key',
  adminCert: 'admin.crt',
  adminKey: 'admin.key',
  serviceAccountKey: 'sa.key',
  serviceAccountPub: 'sa.pub',
} as const;

export const ADMIN_USER = 'admin';
export const ADMIN_GROUP = 'system:masters';

const CA_NAME = 'ktl-ca';
const CA_DAYS = 3650;
const LEAF_DAYS = 365;
// Leaf certificates closer than this to expiry are replaced at start.
const RENEW_BEFORE_MS = 30 * 24 * 60 * 60 * 1000;

export interface ServerPkiOptions {
  /** The host or IP clients use to reach the server; always among the serving certificate's SANs. */
  address: string;
  /** More DNS names or IPs for the serving certificate. */
  extraSans?: string[];
}

export interface ServerPki {
  dir: string;
  ca: CertAndKey;
  serving: CertAndKey;
  admin: CertAndKey;
  serviceAccount: { privateKeyPem: string; publicKeyPem: string };
}

/** Strip URL brackets from an IPv6 literal. */
function bare(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1');
}

/** DNS names and IPs the serving certificate must carry for this address. */
export function servingSans(opts: ServerPkiOptions): { dnsNames: string[]; ipAddresses: string[] } {
  const dnsNames = new Set(['localhost', ...KUBERNETES_SERVICE_NAMES]);
  const ipAddresses = new Set(['127.0.0.1', '::1', KUBERNETES_SERVICE_IP]);
  for (const host of [opts.address, ...(opts.extraSans ?? [])].map(bare).filter(Boolean)) {
    (isIP(host) ? ipAddresses : dnsNames).add(isIP(host) ? host : host.toLowerCase());
  }
  return { dnsNames: [...dnsNames], ipAddresses: [...ipAddresses] };
}

async function readPair(dir: string, certFile: string, keyFile: string): Promise<CertAndKey | undefined> {
  const certPem = await readOptional(join(dir, certFile));
  const keyPem = await readOptional(join(dir, keyFile));
  return certPem && keyPem ? { certPem, keyPem } : undefined;
}

/** Written beside the target then renamed, so a crash never leaves half a key behind. */
async function writePrivate(dir: string, file: string, content: string): Promise<void> {
  const tmp = join(dir, `.${file}.${process.pid}.tmp`);
  await writeFile(tmp, content, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, join(dir, file));
}

async function writePair(dir: string, certFile: string, keyFile: string, pair: CertAndKey): Promise<void> {
  await writePrivate(dir, keyFile, pair.keyPem);
  await writePrivate(dir, certFile, pair.certPem);
}

/** The certificate parsed, if it is usable with its key: matching, in date, and (for leaves) from this CA. */
function usable(pair: CertAndKey | undefined, ca?: X509Certificate): X509Certificate | undefined {
  if (!pair) return undefined;
  try {
    const cert = new X509Certificate(pair.certPem);
    if (!cert.checkPrivateKey(createPrivateKey(pair.keyPem))) return undefined;
    const now = Date.now();
    if (Date.parse(cert.validFrom) > now) return undefined;
    const margin = ca ? RENEW_BEFORE_MS : 0;
    if (Date.parse(cert.validTo) - margin < now) return undefined;
    if (ca ? !(cert.checkIssued(ca) && cert.verify(ca.publicKey)) : !cert.ca) return undefined;
    return cert;
  } catch {
    return undefined;  // unreadable: replace it
  }
}

function hasSans(cert: X509Certificate, sans: { dnsNames: string[]; ipAddresses: string[] }): boolean {
  return (
    sans.ipAddresses.every((ip) => cert.checkIP(ip) !== undefined) &&
    sans.dnsNames.every((name) => cert.checkHost(name, { subject: 'never', wildcards: false }) !== undefined)
  );
}

/**
 * Load the server's PKI from dataDir (mode 0700, files 0600), creating what is missing. A new CA
 * re-issues everything; the serving certificate is also re-issued when the address (or another
 * required SAN) is not in it, and any leaf close to expiry is renewed.
 */
export async function ensureServerPki(dataDir: string, opts: ServerPkiOptions): Promise<ServerPki> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chmod(dataDir, 0o700);
  const f = PKI_FILES;

  let ca = await readPair(dataDir, f.caCert, f.caKey);
  let caCert = usable(ca);
  const newCa = !caCert;
  if (!ca || !caCert) {
    ca = createCa(CA_NAME, CA_DAYS);
    caCert = new X509Certificate(ca.certPem);
    await writePair(dataDir, f.caCert, f.caKey, ca);
  }

  const sans = servingSans(opts);
  let serving = await readPair(dataDir, f.servingCert, f.servingKey);
  const servingCert = newCa ? undefined : usable(serving, caCert);
  if (!serving || !servingCert || !hasSans(servingCert, sans)) {
    serving = issueCert(ca, { commonName: 'kube-apiserver', ...sans, usage: 'server', validDays: LEAF_DAYS });
    await writePair(dataDir, f.servingCert, f.servingKey, serving);
  }

  let admin = await readPair(dataDir, f.adminCert, f.adminKey);
  if (!admin || newCa || !usable(admin, caCert)) {
    admin = issueCert(ca, { commonName: ADMIN_USER, organizations: [ADMIN_GROUP], usage: 'client', validDays: LEAF_DAYS });
    await writePair(dataDir, f.adminCert, f.adminKey, admin);
  }

  return { dir: dataDir, ca, serving, admin, serviceAccount: await ensureServiceAccountKey(dataDir) };
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function parsesAsPrivateKey(pem: string): boolean {
  try {
    createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}

/** The key pair service-account tokens are signed with (ES256); the public half is rewritten from it. */
async function ensureServiceAccountKey(dir: string): Promise<ServerPki['serviceAccount']> {
  const f = PKI_FILES;
  let privateKeyPem = await readOptional(join(dir, f.serviceAccountKey));
  if (!privateKeyPem || !parsesAsPrivateKey(privateKeyPem)) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    await writePrivate(dir, f.serviceAccountKey, privateKeyPem);
  }
  const publicKeyPem = createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }) as string;
  if ((await readOptional(join(dir, f.serviceAccountPub))) !== publicKeyPem) await writePrivate(dir, f.serviceAccountPub, publicKeyPem);
  return { privateKeyPem, publicKeyPem };
}
