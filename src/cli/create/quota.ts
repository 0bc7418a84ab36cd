// `create quota NAME --hard=resource=quantity,... --scopes=Scope,...`.
import type { KubeObject } from '../../printers/objects.ts';
import { isQuantity, parseQuantity, quantityString } from '../../api/quantity.ts';
import { CliError } from '../errors.ts';
import { flag } from '../flags.ts';
import { generator } from './generator.ts';
import { objectMeta, typed } from './objects.ts';

/** populateResourceListV1: quantities canonicalised, keys sorted as Go marshals a map. */
export function parseHard(spec: string): Record<string, string> | undefined {
  if (!spec) return undefined;
  const out: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new CliError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    const q = parseQuantity(parts[1]!);
    if (!isQuantity(q)) throw new CliError(q.message);
    out[parts[0]!] = quantityString(q);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function parseScopes(spec: string): string[] | undefined {
  if (!spec) return undefined;
  const scopes = spec.split(',');
  if (scopes.includes('')) throw new CliError('invalid resource quota scope ""');
  return scopes;
}

export function buildQuota(name: string, namespace: string, hard: string, scopes: string): KubeObject {
  return typed('v1', 'ResourceQuota', objectMeta({ name, namespace }), {
    spec: { hard: parseHard(hard), scopes: parseScopes(scopes) },
    status: {},
  });
}

export const quota = generator({
  name: 'quota',
  aliases: ['resourcequota'],
  short: 'Create a resource quota',
  long: 'Create a ResourceQuota limiting what the objects of a namespace may use in total.',
  example: `  # Limits on CPU, memory and the number of pods
  kubectl create quota team-a --hard=cpu=4,memory=8Gi,pods=20
  
  # Counting only best-effort pods that are not terminating
  kubectl create quota best-effort --hard=pods=50 --scopes=BestEffort,NotTerminating`,
  use: 'NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none]',
  flags: [
    flag.string('hard', 'Limits, as comma-separated resource=quantity pairs.'),
    flag.string('scopes', 'Comma-separated quota scopes; the quota counts only objects matching all of them.'),
  ],
  resource: { group: '', version: 'v1', resource: 'resourcequotas', namespaced: true },
  failure: (m) => `failed to create quota: ${m}`,
  build: (g) => buildQuota(g.name, g.enforcedNamespace, g.flags.string('hard'), g.flags.string('scopes')),
});
