// The entries ktl itself puts in kubeconfigs: a cluster, a user and a context sharing one name
// (`ktl` by default), with the CA and the admin client certificate embedded as data.
import type { KubeconfigEntries } from './modify.ts';
import { newConfig } from './types.ts';
import type { Config } from './types.ts';

export interface AdminAccess {
  server: string;
  caPem: string;
  clientCertPem: string;
  clientKeyPem: string;
  /** Name of the cluster, user and context; default `ktl`. */
  name?: string;
}

/** Cluster, user and context for the admin, and that context made current. */
export function adminEntries(a: AdminAccess): Required<KubeconfigEntries> {
  const name = a.name ?? 'ktl';
  return {
    clusters: { [name]: { server: a.server, certificateAuthorityData: Buffer.from(a.caPem) } },
    authInfos: { [name]: { clientCertificateData: Buffer.from(a.clientCertPem), clientKeyData: Buffer.from(a.clientKeyPem) } },
    contexts: { [name]: { cluster: name, authInfo: name } },
    currentContext: name,
  };
}

/** A kubeconfig holding only these entries (for `ktl server --write-kubeconfig`). */
export function configFromEntries(entries: KubeconfigEntries): Config {
  const config = newConfig();
  Object.assign(config.clusters, entries.clusters);
  Object.assign(config.authInfos, entries.authInfos);
  Object.assign(config.contexts, entries.contexts);
  config.currentContext = entries.currentContext ?? '';
  return config;
}
