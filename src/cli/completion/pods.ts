// Completion for commands that act on a pod (logs, exec, attach, port-forward, cp): pod names,
// `type/` for the kinds that own pods, containers and ports of the pod an argument designates.
import type { KubeList, KubeObject } from '../../api/object.ts';
import type { ApiClient } from '../../client/types.ts';
import type { Ctx } from '../ctx.ts';
import { Directive } from './directive.ts';
import { collectionPath, completeResourceNames, type CompleteFn } from './resources.ts';

/** Kinds whose `type/name` leads to a pod, in kubectl's order. */
export const RESOURCES_WITH_PODS = ['daemonsets', 'deployments', 'pods', 'jobs', 'replicasets', 'replicationcontrollers', 'services', 'statefulsets'];

/** Pod names and `kind/` prefixes (kubectl's doPodResourceCompletion). */
export async function completePodOrTypeSlashName(ctx: Ctx, toComplete: string): Promise<{ candidates: string[]; directive: number }> {
  const slash = toComplete.indexOf('/');
  if (slash >= 0) {
    const type = toComplete.slice(0, slash);
    const names = await completeResourceNames(ctx, type, toComplete.slice(slash + 1));
    return { candidates: names.map((n) => `${type}/${n}`), directive: Directive.NoFileComp };
  }
  const pods = await completeResourceNames(ctx, 'pod', toComplete);
  const kinds = RESOURCES_WITH_PODS.filter((r) => r.startsWith(toComplete)).map((r) => `${r}/`);
  // With no pod to offer, the answer is a `kind/` prefix: no space after it.
  const directive = pods.length ? Directive.NoFileComp : Directive.NoFileComp | Directive.NoSpace;
  return { candidates: [...pods, ...kinds], directive };
}

interface PodSpecLike {
  spec?: { containers?: { name: string; ports?: { containerPort: number }[] }[]; initContainers?: { name: string }[]; nodeName?: string };
  status?: { phase?: string; conditions?: { type: string; status: string }[] };
}
type Pod = KubeObject & PodSpecLike;

function selectorOf(obj: KubeObject): string | undefined {
  const sel = (obj as { spec?: { selector?: unknown } }).spec?.selector;
  if (!sel || typeof sel !== 'object') return undefined;
  const s = sel as { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  if (!('matchLabels' in s) && !('matchExpressions' in s)) {
    // Services and replication controllers: a plain label map.
    return Object.entries(sel as Record<string, string>).map(([k, v]) => `${k}=${v}`).join(',') || undefined;
  }
  const parts = Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of s.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',') || undefined;
}

/** Most active first: scheduled, running, ready, then oldest (kubectl's reversed ActivePods, simplified). */
function activeRank(p: Pod): number[] {
  const phase = p.status?.phase === 'Running' ? 2 : p.status?.phase === 'Unknown' ? 1 : 0;
  const ready = p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 1 : 0;
  return [p.spec?.nodeName ? 1 : 0, phase, ready];
}

function mostActive(pods: Pod[]): Pod | undefined {
  return [...pods].sort((a, b) => {
    const ra = activeRank(a);
    const rb = activeRank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return rb[i]! - ra[i]!;
    return String(a.metadata.creationTimestamp ?? '').localeCompare(String(b.metadata.creationTimestamp ?? ''));
  })[0];
}

/** The pod an argument designates: `name` is a pod; `kind/name` is resolved through its selector. */
async function podFor(ctx: Ctx, arg: string): Promise<Pod | undefined> {
  try {
    const client: ApiClient = await ctx.client();
    const mapper = await client.mapper();
    const slash = arg.indexOf('/');
    const r = await mapper.resourceFor(slash < 0 ? 'pods' : arg.slice(0, slash));
    const name = slash < 0 ? arg : arg.slice(slash + 1);
    const obj = await client.get<Pod>(`${collectionPath(r, client.namespace)}/${encodeURIComponent(name)}`);
    if (r.group === '' && r.resource === 'pods') return obj;
    const selector = selectorOf(obj);
    if (!selector) return undefined;
    const pods = await client.get<KubeList<Pod>>(collectionPath({ group: '', version: 'v1', resource: 'pods', namespaced: true }, client.namespace), {
      query: { labelSelector: selector },
    });
    return mostActive(pods.items ?? []);
  } catch {
    return undefined;
  }
}

/** Containers (init containers first) of the pod `podArg` designates. */
export async function completeContainers(ctx: Ctx, podArg: string, toComplete: string): Promise<string[]> {
  const pod = await podFor(ctx, podArg);
  const names = [...(pod?.spec?.initContainers ?? []), ...(pod?.spec?.containers ?? [])].map((c) => c.name);
  return names.filter((n) => n.startsWith(toComplete));
}

/** `local:remote` port pairs of a pod's containers or a service, as port-forward takes them. */
async function completePorts(ctx: Ctx, arg: string, toComplete: string): Promise<string[]> {
  const [type, name] = arg.includes('/') ? [arg.slice(0, arg.indexOf('/')), arg.slice(arg.indexOf('/') + 1)] : ['pod', arg];
  const local = (port: number) => (toComplete === '' ? String(port) : toComplete.split(':')[0]!);
  let ports: number[] = [];
  if (type === 'service' || type === 'services' || type === 'svc') {
    try {
      const client = await ctx.client();
      const svc = await client.get<KubeObject & { spec?: { ports?: { port: number }[] } }>(`/api/v1/namespaces/${encodeURIComponent(client.namespace)}/services/${encodeURIComponent(name!)}`);
      ports = (svc.spec?.ports ?? []).map((p) => p.port);
    } catch {
      return [];
    }
  } else {
    const pod = await podFor(ctx, arg);
    ports = (pod?.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.containerPort));
  }
  return ports.map((p) => `${local(p)}:${p}`).filter((c) => c.startsWith(toComplete));
}

/** First argument: a pod or `kind/name` (kubectl's PodResourceNameCompletionFunc). */
export const podResourceName: CompleteFn = async (ctx, { args }, toComplete) =>
  args.length === 0 ? completePodOrTypeSlashName(ctx, toComplete) : { candidates: [], directive: Directive.NoFileComp };

/** A pod, then one of its containers (kubectl's PodResourceNameAndContainerCompletionFunc). */
export const podResourceNameAndContainer: CompleteFn = async (ctx, { args }, toComplete) => {
  if (args.length === 0) return completePodOrTypeSlashName(ctx, toComplete);
  if (args.length === 1) return { candidates: await completeContainers(ctx, args[0]!, toComplete), directive: Directive.NoFileComp };
  return { candidates: [], directive: Directive.NoFileComp };
};

/** For `-c/--container`: containers of the pod named by the first argument (kubectl's ContainerCompletionFunc). */
export const containerOfFirstArg: CompleteFn = async (ctx, { args }, toComplete) => ({
  candidates: args.length ? await completeContainers(ctx, args[0]!, toComplete) : [],
  directive: Directive.NoFileComp,
});

/** A pod or `kind/name`, then its ports (kubectl's ResourceAndPortCompletionFunc, for port-forward). */
export const resourceAndPort: CompleteFn = async (ctx, { args }, toComplete) => {
  if (args.length === 0) return completePodOrTypeSlashName(ctx, toComplete);
  if (args.length === 1) return { candidates: await completePorts(ctx, args[0]!, toComplete), directive: Directive.NoFileComp };
  return { candidates: [], directive: Directive.NoFileComp };
};
