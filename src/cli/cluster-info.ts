// `cluster-info`: where the control plane answers (the configured host, as written) and where each
// kube-system Service labelled kubernetes.io/cluster-service=true can be reached through the API
// server's proxy, then the pointer to `cluster-info dump`. Plain text: kubectl 1.32 prints no colours.
import type { ApiClient } from '../client/types.ts';
import { command as dump } from './cluster-info/dump.ts';
import type { CommandDef, Invocation } from './command.ts';
import type { Ctx } from './ctx.ts';

const CLUSTER_SERVICE_SELECTOR = 'kubernetes.io/cluster-service=true';

interface ServicePort {
  name?: string;
  port?: number;
}

interface Service {
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  spec?: { ports?: ServicePort[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

/** utilnet.JoinSchemeNamePort: `name`, `name:port` or `scheme:name:port`. */
export function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme) return `${scheme}:${name}:${port}`;
  return port ? `${name}:${port}` : name;
}

/** The line for one service: its load balancer's addresses, else its API server proxy URL. */
export function serviceLine(host: string, svc: Service): string {
  const name = svc.metadata?.name ?? '';
  const ports = svc.spec?.ports ?? [];
  let link = '';
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    const first = ingress[0]!;
    const address = first.ip || first.hostname || '';
    // kubectl leaves a space after every address
    for (const p of ports) link += `http://${address}:${p.port ?? 0} `;
  } else {
    let target = name;
    if (ports.length > 0) {
      const p = ports[0]!;
      // a guess: a port named https, or 443, speaks TLS
      const scheme = p.name === 'https' || p.port === 443 ? 'https' : '';
      target = joinSchemeNamePort(scheme, name, p.name ?? '');
    }
    link = `${host}/api/v1/namespaces/${svc.metadata?.namespace ?? ''}/services/${target}/proxy`;
  }
  const title = svc.metadata?.labels?.['kubernetes.io/name'] || name;
  return `${title} is running at ${link}\n`;
}

async function clusterServices(client: ApiClient, namespace: string): Promise<Service[]> {
  const [{ resourcePath }, mapper] = await Promise.all([import('./resource/builder.ts'), client.mapper()]);
  // the builder first tries the word as a category (one discovery attempt when the server is down)
  await mapper.categoryMembers('services');
  const resource = await mapper.resourceFor('services');
  const path = resourcePath(resource, namespace);
  try {
    const list = await client.get<{ items?: Service[] }>(path, { query: { labelSelector: CLUSTER_SERVICE_SELECTOR } });
    return list.items ?? [];
  } catch (e) {
    throw await enhanceListError(e, resource);
  }
}

/** The builder's selector visitor: a BadRequest or NotFound list says what was looked for. */
async function enhanceListError(e: unknown, resource: { group: string; version: string; resource: string }): Promise<unknown> {
  const [{ StatusError }, { goQuote }] = await Promise.all([import('../client/errors.ts'), import('../client/go-text.ts')]);
  if (!(e instanceof StatusError) || (e.reason !== 'BadRequest' && e.reason !== 'NotFound')) return e;
  const subject = `${resource.group ? `${resource.group}/` : '/'}${resource.version}, Resource=${resource.resource}`;
  const message = `Unable to find ${goQuote(subject)} that match label selector ${goQuote(CLUSTER_SERVICE_SELECTOR)}, field selector "": ${e.message}`;
  return new StatusError({ ...e.status, message }, e.code);
}

async function run(ctx: Ctx, _inv: Invocation): Promise<void> {
  const client = await ctx.client({ namespaceFirst: false });
  // only -n counts; the context's namespace does not
  const namespace = ctx.globals.namespace || 'kube-system';
  const host = client.config.host;
  let failure: unknown;
  try {
    const services = await clusterServices(client, namespace);
    let text = `Kubernetes control plane is running at ${host}\n`;
    for (const svc of services) text += serviceLine(host, svc);
    ctx.io.out.write(text);
  } catch (e) {
    failure = e;
  }
  ctx.io.out.write(`\nTo further debug and diagnose cluster problems, use '${ctx.program} cluster-info dump'.\n`);
  if (failure) throw failure;
}

export const command: CommandDef = {
  name: 'cluster-info',
  short: 'Show where the control plane and cluster services answer',
  long: `Show the address of the control plane and of the services labelled kubernetes.io/cluster-service=true. For a detailed snapshot to debug cluster problems, use 'kubectl cluster-info dump'.`,
  example: `  # Show where the control plane and the cluster services can be reached
  kubectl cluster-info`,
  use: '[flags]',
  subcommands: [dump],
  run,
};
