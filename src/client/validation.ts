// clientcmd's validation of the chosen user and cluster (validation.go): every problem is collected,
// in kubectl's order and with its words, so that ConfirmUsable can report them together.
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AuthInfo, Cluster } from '../kubeconfig/index.ts';
import { goQuote, pathErrorText } from './go-text.ts';

const INTERACTIVE_MODES = new Set(['Never', 'IfAvailable', 'Always']);

async function unreadable(path: string, cwd: string): Promise<string | undefined> {
  try {
    await (await open(resolve(cwd, path), 'r')).close();
    return undefined;
  } catch (err) {
    return pathErrorText('open', path, err);
  }
}

export async function validateAuthInfo(name: string, u: AuthInfo, cwd: string): Promise<string[]> {
  const errors: string[] = [];
  const methods: string[] = [];
  if (u.token) methods.push('token');
  if (u.username || u.password) methods.push('basicAuth');
  if (u.clientCertificate || u.clientCertificateData?.length) {
    if (u.clientCertificate && u.clientCertificateData?.length)
      errors.push(`client-cert-data and client-cert are both specified for ${name}. client-cert-data will override.`);
    if (u.clientKey && u.clientKeyData?.length) errors.push(`client-key-data and client-key are both specified for ${name}; client-key-data will override`);
    if (!u.clientKey && !u.clientKeyData?.length)
      errors.push(`client-key-data or client-key must be specified for ${name} to use the clientCert authentication method.`);
    if (u.clientCertificate) {
      const why = await unreadable(u.clientCertificate, cwd);
      if (why) errors.push(`unable to read client-cert ${u.clientCertificate} for ${name} due to ${why}`);
    }
    if (u.clientKey) {
      const why = await unreadable(u.clientKey, cwd);
      if (why) errors.push(`unable to read client-key ${u.clientKey} for ${name} due to ${why}`);
    }
  }
  if (u.exec) {
    if (u.authProvider) errors.push(`authProvider cannot be provided in combination with an exec plugin for ${name}`);
    if (!u.exec.command) errors.push(`command must be specified for ${name} to use exec authentication plugin`);
    if (!u.exec.apiVersion) errors.push(`apiVersion must be specified for ${name} to use exec authentication plugin`);
    for (const v of u.exec.env ?? []) if (!v.name) errors.push(`env variable name must be specified for ${name} to use exec authentication plugin`);
    const mode = u.exec.interactiveMode ?? '';
    if (!mode) errors.push(`interactiveMode must be specified for ${name} to use exec authentication plugin`);
    else if (!INTERACTIVE_MODES.has(mode)) errors.push(`invalid interactiveMode for ${name}: ${goQuote(mode)}`);
  }
  if (methods.length > 1) errors.push(`more than one authentication method found for ${name}; found [${methods.join(' ')}], only one is allowed`);
  if ((u.impersonateUid || u.impersonateGroups?.length || Object.keys(u.impersonateUserExtra ?? {}).length) && !u.impersonate)
    errors.push(`requesting uid, groups or user-extra for ${name} without impersonating a user`);
  return errors;
}

/** clientcmd's parseProxyURL: the error text, or undefined when the URL is usable. */
export function proxyUrlProblem(proxyUrl: string): string | undefined {
  let scheme: string;
  try {
    scheme = new URL(proxyUrl).protocol.slice(0, -1);
  } catch {
    // Go's url.Parse accepts scheme-less text (scheme ""), which then fails the scheme check.
    const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(proxyUrl);
    scheme = m ? m[1]!.toLowerCase() : '';
  }
  if (scheme === 'http' || scheme === 'https' || scheme === 'socks5') return undefined;
  return `unsupported scheme ${goQuote(scheme)}, must be http, https, or socks5`;
}

export async function validateClusterInfo(name: string, c: Cluster, cwd: string): Promise<string[]> {
  const errors: string[] = [];
  if (!c.server) errors.push(name ? `no server found for cluster ${goQuote(name)}` : 'default cluster has no server defined');
  if (c.proxyUrl) {
    const problem = proxyUrlProblem(c.proxyUrl);
    if (problem) errors.push(`invalid 'proxy-url' ${goQuote(c.proxyUrl)} for cluster ${goQuote(name)}: ${problem}`);
  }
  if (c.certificateAuthority && c.certificateAuthorityData?.length)
    errors.push(`certificate-authority-data and certificate-authority are both specified for ${name}. certificate-authority-data will override.`);
  if (c.certificateAuthority) {
    const why = await unreadable(c.certificateAuthority, cwd);
    if (why) errors.push(`unable to read certificate-authority ${c.certificateAuthority} for ${name} due to ${why}`);
  }
  return errors;
}
