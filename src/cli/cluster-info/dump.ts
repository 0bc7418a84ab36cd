// `cluster-info dump`: the nodes, then per namespace its events, replication controllers,
// services, daemon sets, deployments, replica sets and pods, each list printed as client-go's typed
// list (-o json by default), followed by every container's log; to stdout, or as a tree of files
// under --output-directory.
import type { ApiClient } from '../../client/types.ts';
import type { CommandDef, Invocation } from '../command.ts';
import { printFlags } from '../common-flags.ts';
import type { Ctx } from '../ctx.ts';
import { CliError } from '../errors.ts';
import { flag } from '../flags.ts';
import type { Writer } from '../io.ts';

const FORMATS = ['json', 'yaml', 'name', 'go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'];

/** One typed list the dump prints: where it is read and which Go type its items are. */
interface ListKind {
  file: string;
  group: string;
  resource: string;
  kind: string;
}

const NAMESPACED: ListKind[] = [
  { file: 'events', group: '', resource: 'events', kind: 'Event' },
  { file: 'replication-controllers', group: '', resource: 'replicationcontrollers', kind: 'ReplicationController' },
  { file: 'services', group: '', resource: 'services', kind: 'Service' },
  { file: 'daemonsets', group: 'apps', resource: 'daemonsets', kind: 'DaemonSet' },
  { file: 'deployments', group: 'apps', resource: 'deployments', kind: 'Deployment' },
  { file: 'replicasets', group: 'apps', resource: 'replicasets', kind: 'ReplicaSet' },
  { file: 'pods', group: '', resource: 'pods', kind: 'Pod' },
];
const NODES: ListKind = { file: 'nodes', group: '', resource: 'nodes', kind: 'Node' };

interface Pod {
  metadata?: { name?: string; namespace?: string };
  spec?: { initContainers?: { name?: string }[]; containers?: { name?: string }[] };
}

interface RawList {
  metadata?: Record<string, unknown>;
  items?: Record<string, unknown>[];
}

function listPath(k: ListKind, namespace?: string): string {
  const base = k.group ? `/apis/${k.group}/v1` : '/api/v1';
  return namespace === undefined ? `${base}/${k.resource}` : `${base}/namespaces/${encodeURIComponent(namespace)}/${k.resource}`;
}

/** The list as the typed client hands it to the printer: list kind set, items in struct form. */
async function typedList(k: ListKind, raw: RawList): Promise<Record<string, unknown>> {
  const { encodeTyped, typeNameOf } = await import('../typed-object.ts');
  const typeName = typeNameOf(k.group, 'v1', k.kind) ?? '';
  return {
    kind: `${k.kind}List`,
    apiVersion: k.group ? `${k.group}/v1` : 'v1',
    metadata: encodeTyped('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', raw.metadata ?? {}),
    items: (raw.items ?? []).map((item) => encodeTyped(typeName, item)),
  };
}

/** setupOutputWriter: stdout, or a new file `<dir>/<name><ext>` (parents created). */
async function outputWriter(dir: string, out: Writer, name: string, ext: string): Promise<Writer & { close(): void }> {
  if (dir === '' || dir === '-') return { write: (s: string) => out.write(s), close: () => undefined };
  const [{ mkdirSync, openSync, writeSync, closeSync }, { dirname, join }] = await Promise.all([import('node:fs'), import('node:path')]);
  const file = `${join(dir, name)}${ext}`;
  let fd: number;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o755 });
    fd = openSync(file, 'w', 0o666);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new CliError(`${err.syscall ?? 'open'} ${err.path ?? file}: ${goErrno(err)}`);
  }
  return { write: (s: string) => writeSync(fd, s), close: () => closeSync(fd) };
}

function goErrno(err: NodeJS.ErrnoException): string {
  const texts: Record<string, string> = { ENOENT: 'no such file or directory', EACCES: 'permission denied', ENOTDIR: 'not a directory', EEXIST: 'file exists', EISDIR: 'is a directory' };
  return texts[err.code ?? ''] ?? err.message;
}

/**
 * client-go's DoRaw reports a failed answer without reading its Status: the generic text for the
 * HTTP code plus `(get pods NAME)` (the body counts only as text/plain, which API errors are not).
 */
async function rawRequestError(e: unknown, pod: string): Promise<string> {
  const { StatusError, genericServerResponse } = await import('../../client/errors.ts');
  if (!(e instanceof StatusError)) return (e as Error).message;
  return genericServerResponse(e.code, 'GET', { resource: 'pods', name: pod }, 'unknown').message ?? '';
}

/** A container's log between START and END lines; failures are written in place of the log. */
async function containerLog(client: ApiClient, w: Writer, pod: Pod, container: string): Promise<void> {
  const ns = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  w.write(`==== START logs for container ${container} of pod ${ns}/${name} ====\n`);
  try {
    const res = await client.request('GET', `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(name)}/log`, {
      query: { container },
      target: { resource: 'pods', name },
    });
    w.write(res.text());
  } catch (e) {
    w.write(`Request log error: ${await rawRequestError(e, name)}\n`);
  }
  w.write(`==== END logs for container ${container} of pod ${ns}/${name} ====\n`);
}

async function run(ctx: Ctx, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const output = f.string('output');
  const { printerFor } = await import('../../printers/index.ts');
  const printer = await printerFor(output, {
    mode: 'generic',
    template: f.string('template'),
    outputChanged: f.changed('output'),
    allowMissingTemplateKeys: f.bool('allow-missing-template-keys'),
    showManagedFields: f.bool('show-managed-fields'),
    keepKeyOrder: true,
    allowedFormats: FORMATS,
  });
  const client = await ctx.client({ namespaceFirst: false });
  if (f.duration('pod-running-timeout') <= 0) throw new CliError('--pod-running-timeout must be higher than zero');
  const dir = f.string('output-directory');
  const ext = output === 'json' ? '.json' : output === 'yaml' ? '.yaml' : '.txt';
  // kubectl's name printer refuses typed lists, and the dump stops at the first list
  const isName = output.toLowerCase() === 'name' && !(f.string('template') && !f.changed('output'));

  const dumpList = async (k: ListKind, namespace: string | undefined, file: string): Promise<RawList> => {
    const raw = await client.get<RawList>(listPath(k, namespace));
    if (isName) throw new CliError(`list types are not supported by name printing: *v1.${k.kind}List`);
    const w = await outputWriter(dir, ctx.io.out, file, ext);
    try {
      printer.printObj(await typedList(k, raw), w);
    } finally {
      w.close();
    }
    return raw;
  };

  await dumpList(NODES, undefined, NODES.file);
  let namespaces: string[];
  if (f.bool('all-namespaces')) {
    const list = await client.get<RawList>('/api/v1/namespaces');
    namespaces = (list.items ?? []).map((n) => String((n.metadata as { name?: string } | undefined)?.name ?? ''));
  } else {
    const given = f.strings('namespaces');
    namespaces = given.length ? given : ['kube-system', client.namespace];
  }
  for (const ns of namespaces) {
    let pods: Pod[] = [];
    for (const k of NAMESPACED) {
      const raw = await dumpList(k, ns, `${ns}/${k.file}`);
      if (k.kind === 'Pod') pods = (raw.items ?? []) as Pod[];
    }
    for (const pod of pods) {
      const w = await outputWriter(dir, ctx.io.out, `${ns}/${pod.metadata?.name ?? ''}/logs`, '.txt');
      try {
        for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) await containerLog(client, w, pod, c.name ?? '');
      } finally {
        w.close();
      }
    }
  }
  if (dir !== '' && dir !== '-') ctx.io.out.write(`Cluster info dumped to ${dir}\n`);
}

export const command: CommandDef = {
  name: 'dump',
  short: 'Write the cluster state out for debugging',
  long: `Write out what helps to debug a cluster: its nodes and, for each namespace dumped, the events, replication controllers, services, daemon sets, deployments, replica sets and pods, followed by the logs of every container. Everything goes to stdout unless --output-directory names a directory, which then receives one file per list and per pod's logs.

 The namespaces dumped are kube-system and the current one, those given with --namespaces, or all of them with --all-namespaces.`,
  example: `  # Write the state of the cluster to stdout
  kubectl cluster-info dump
  
  # Write it as files under /tmp/cluster-state
  kubectl cluster-info dump --output-directory=/tmp/cluster-state
  
  # Include every namespace
  kubectl cluster-info dump --all-namespaces
  
  # Only two namespaces, as files
  kubectl cluster-info dump --namespaces default,kube-system --output-directory=/tmp/cluster-state`,
  use: '[flags]',
  flags: [
    flag.bool('all-namespaces', 'Dump every namespace (--namespaces is then ignored).', { shorthand: 'A' }),
    flag.stringSlice('namespaces', 'Namespaces to dump, separated by commas.'),
    ...printFlags(`How to print each list: one of (${FORMATS.join(', ')}).`).map((s) => (s.name === 'output' ? { ...s, default: 'json' } : s)),
    flag.string('output-directory', "Directory to write the files into (created as needed); empty or '-' writes to stdout."),
    flag.duration('pod-running-timeout', 'How long to wait for a pod to run (like 5s, 2m or 3h; more than zero).', { default: 20_000 }),
  ],
  run,
};
