// `create service clusterip|nodeport|loadbalancer|externalname NAME`.
import type { KubeObject } from '../../printers/objects.ts';
import type { CommandDef } from '../command.ts';
import { CliError } from '../errors.ts';
import { flag, type FlagSpec } from '../flags.ts';
import { generator } from './generator.ts';
import { objectMeta, typed } from './objects.ts';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../../api/validation/names.ts';
import { atoi } from './validation.ts';

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** `port[:targetPort]`: port as strconv.ParseUint(…, 16 bits), target a number or a port name. */
export function parsePorts(spec: string): [number, number | string] {
  const parts = spec.split(':');
  const portText = parts[0]!;
  if (!/^\d+$/.test(portText)) throw new CliError(`strconv.ParseUint: parsing ${JSON.stringify(portText)}: invalid syntax`);
  const port = Number(portText);
  if (port > 65535) throw new CliError(`strconv.ParseUint: parsing ${JSON.stringify(portText)}: value out of range`);
  if (parts.length === 1) return [port, port];
  const target = parts[1]!;
  const n = atoi(target);
  if ('error' in n) {
    const errs = isValidPortName(target);
    if (errs.length) throw new CliError(errs.join(','));
    return [port, target];
  }
  const errs = isValidPortNum(n.value);
  if (errs.length) throw new CliError(errs.join(','));
  return [port, n.value];
}

export interface ServiceInput {
  name: string;
  namespace: string;
  type: ServiceType;
  tcp: string[];
  clusterIP: string;
  nodePort: number;
  externalName: string;
}

export function buildService(o: ServiceInput): KubeObject {
  if (o.clusterIP === 'None' && o.type !== 'ClusterIP') throw new CliError('ClusterIP=None can only be used with ClusterIP service type');
  if (o.clusterIP !== 'None' && !o.tcp.length && o.type !== 'ExternalName') throw new CliError('at least one tcp port specifier must be provided');
  if (o.type === 'ExternalName' && isDNS1123Subdomain(o.externalName).length) throw new CliError(`invalid service external name ${o.externalName}`);
  const ports = o.tcp.map((spec) => {
    const [port, targetPort] = parsePorts(spec);
    return { name: spec.replaceAll(':', '-'), protocol: 'TCP', port, targetPort, nodePort: o.nodePort || undefined };
  });
  return typed('v1', 'Service', objectMeta({ name: o.name, namespace: o.namespace, labels: { app: o.name } }), {
    spec: {
      ports: ports.length ? ports : undefined,
      selector: { app: o.name },
      clusterIP: o.clusterIP || undefined,
      type: o.type,
      externalName: o.externalName || undefined,
    },
    status: { loadBalancer: {} },
  });
}

const tcpFlag = flag.stringSlice('tcp', "Ports to serve, each as '<port>:<targetPort>' (or '<port>' alone when both are equal).");

function serviceGenerator(type: ServiceType, def: { name: string; short: string; long: string; example: string; use: string; flags: FlagSpec[]; required?: string[] }): CommandDef {
  return generator({
    ...def,
    flags: [tcpFlag, ...def.flags],
    resource: { group: '', version: 'v1', resource: 'services', namespaced: true },
    failure: (m) => `failed to create ${type} service: ${m}`,
    ignoresSaveConfig: true,
    build: (g) =>
      buildService({
        name: g.name,
        namespace: g.enforcedNamespace,
        type,
        tcp: g.flags.strings('tcp'),
        clusterIP: g.flags.string('clusterip'),
        nodePort: g.flags.int('node-port'),
        externalName: g.flags.string('external-name'),
      }),
  });
}

const clusterIP = serviceGenerator('ClusterIP', {
  name: 'clusterip',
  short: 'Create a ClusterIP service',
  long: 'Create a service of type ClusterIP: a virtual address inside the cluster in front of the pods labelled app=NAME.',
  example: `  # Port 80 of the service sends to port 8080 of the pods
  kubectl create service clusterip web --tcp=80:8080
  
  # A headless service (no virtual address, DNS only)
  kubectl create service clusterip web --clusterip="None"`,
  use: 'NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]',
  flags: [flag.string('clusterip', "The address to give the service, or 'None' for a headless service.")],
});

const nodePort = serviceGenerator('NodePort', {
  name: 'nodeport',
  short: 'Create a NodePort service',
  long: 'Create a service of type NodePort: reachable on a port of every node as well as inside the cluster.',
  example: `  # Port 80 of the service sends to port 8080 of the pods
  kubectl create service nodeport web --tcp=80:8080`,
  use: 'NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
  flags: [flag.int('node-port', 'The port to open on every node (the server picks one when not given).')],
});

const loadBalancer = serviceGenerator('LoadBalancer', {
  name: 'loadbalancer',
  short: 'Create a LoadBalancer service',
  long: 'Create a service of type LoadBalancer: exposed through a load balancer the cluster provisions, where it can.',
  example: `  # Port 80 of the service sends to port 8080 of the pods
  kubectl create service loadbalancer web --tcp=80:8080`,
  use: 'NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
  flags: [],
});

const externalName = serviceGenerator('ExternalName', {
  name: 'externalname',
  short: 'Create an ExternalName service',
  long: `Create a service of type ExternalName.

 Such a service is a DNS alias (CNAME) for a name outside the cluster, so that workloads can reach an external service, or one in another cluster, under a name of their own namespace.`,
  example: `  # "db" in this namespace resolves to db.example.com
  kubectl create service externalname db --external-name db.example.com`,
  use: 'NAME --external-name external.name [--dry-run=server|client|none]',
  required: ['external-name'],
  flags: [flag.string('external-name', 'The DNS name the service stands for.')],
});

export const service: CommandDef = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service of one of the supported types',
  long: 'Create a service of one of the types below.',
  use: '[flags]',
  subcommands: [clusterIP, externalName, loadBalancer, nodePort],
};
