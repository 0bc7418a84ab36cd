// `create deployment NAME --image=...`: one container per image, labels app=NAME.
import { randomBytes } from 'node:crypto';
import type { KubeObject } from '../../printers/objects.ts';
import { CliError } from '../errors.ts';
import { flag } from '../flags.ts';
import { generator } from './generator.ts';
import { objectMeta, typed } from './objects.ts';

/** The container name kubectl derives from an image: last path segment, without tag or digest. */
export function containerNameFor(image: string, random: () => string = randomSuffix): string {
  let name = image.split('/').pop()!;
  name = name.split(':')[0]!;
  name = name.split('@')[0]!;
  // `_` and `.` are not allowed in container names: replaced, and made unique with a random suffix
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${random()}`;
  return name;
}

// utilrand.String's alphabet: no vowels or look-alike digits
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
function randomSuffix(): string {
  return [...randomBytes(5)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

export interface DeploymentInput {
  name: string;
  namespace: string;
  images: string[];
  command: string[];
  replicas: number;
  port: number;
}

export function buildDeployment(o: DeploymentInput): KubeObject {
  if (o.images.length > 1 && o.command.length) throw new CliError('cannot specify multiple --image options and command');
  const labels = { app: o.name };
  const containers: KubeObject[] = o.images.map((image) => ({
    name: containerNameFor(image),
    image,
    command: o.command.length ? o.command : undefined,
    ports: undefined as unknown,
    resources: {},
  }));
  if (o.port >= 0 && containers.length) containers[0]!.ports = [{ containerPort: o.port }];
  return typed('apps/v1', 'Deployment', objectMeta({ name: o.name, namespace: o.namespace, labels }), {
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: objectMeta({ labels: { ...labels } }), spec: { containers } },
      strategy: {},
    },
    status: {},
  });
}

export const deployment = generator({
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment running the given images',
  long: `Create a Deployment with the given name, running one container per --image.

 Its pods are labelled app=NAME, which is also the Deployment's selector.`,
  example: `  # A deployment running nginx
  kubectl create deployment web --image=nginx
  
  # The same, with a command for its container
  kubectl create deployment web --image=busybox -- sleep 3600
  
  # Three replicas
  kubectl create deployment web --image=nginx --replicas=3
  
  # Declaring the container port
  kubectl create deployment web --image=nginx --port=80
  
  # Two containers in each pod
  kubectl create deployment app --image=nginx --image=redis`,
  use: 'NAME --image=image -- [COMMAND] [args...]',
  required: ['image'],
  flags: [
    flag.stringSlice('image', 'An image to run; each one becomes a container of the pods.'),
    flag.int('port', 'The container port the first container exposes.', { default: -1 }),
    flag.int('replicas', 'How many pods the deployment keeps running.', { shorthand: 'r', default: 1 }),
  ],
  resource: { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true },
  failure: (m) => `failed to create deployment: ${m}`,
  build: (g) =>
    buildDeployment({
      name: g.name,
      namespace: g.enforcedNamespace,
      images: g.flags.strings('image'),
      command: g.command,
      replicas: g.flags.int('replicas'),
      port: g.flags.int('port'),
    }),
});
