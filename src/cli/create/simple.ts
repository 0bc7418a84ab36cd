// Generators whose object is little more than a name: namespace and serviceaccount.
import type { KubeObject } from '../../printers/objects.ts';
import { generator } from './generator.ts';
import { objectMeta, typed } from './objects.ts';

export const buildNamespace = (name: string): KubeObject => typed('v1', 'Namespace', objectMeta({ name }), { spec: {}, status: {} });

export const buildServiceAccount = (name: string, namespace: string): KubeObject => typed('v1', 'ServiceAccount', objectMeta({ name, namespace }));

export const namespace = generator({
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace',
  long: 'Create a namespace with the given name.',
  example: `  # A namespace for a team
  kubectl create namespace team-a`,
  use: 'NAME [--dry-run=server|client|none]',
  flags: [],
  resource: { group: '', version: 'v1', resource: 'namespaces', namespaced: false },
  build: (g) => buildNamespace(g.name),
});

export const serviceaccount = generator({
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Create a service account',
  long: 'Create a service account with the given name.',
  example: `  # A service account for a build job
  kubectl create serviceaccount builder`,
  use: 'NAME [--dry-run=server|client|none]',
  flags: [],
  resource: { group: '', version: 'v1', resource: 'serviceaccounts', namespaced: true },
  failure: (m) => `failed to create serviceaccount: ${m}`,
  build: (g) => buildServiceAccount(g.name, g.enforcedNamespace),
});
