// `create role` and `create clusterrole`: one rule per API group from --verb, --resource
// (resource[.group][/subresource], resolved through discovery), --resource-name, and for cluster
// roles --non-resource-url or an --aggregation-rule instead.
import type { KubeObject } from '../../printers/objects.ts';
import type { RestMapper } from '../../client/types.ts';
import { CliError } from '../errors.ts';
import { flag } from '../flags.ts';
import { generator, type GeneratorInput } from './generator.ts';
import { objectMeta, typed } from './objects.ts';

const RBAC = 'rbac.authorization.k8s.io';
const VALID_RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
const VALID_NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

/** Verbs that only make sense on particular resources. */
const SPECIAL_VERBS: Record<string, { group: string; resource: string }[]> = {
  use: [{ group: 'policy', resource: 'podsecuritypolicies' }, { group: 'extensions', resource: 'podsecuritypolicies' }],
  bind: [{ group: RBAC, resource: 'roles' }, { group: RBAC, resource: 'clusterroles' }],
  escalate: [{ group: RBAC, resource: 'roles' }, { group: RBAC, resource: 'clusterroles' }],
  impersonate: [
    { group: '', resource: 'users' }, { group: '', resource: 'serviceaccounts' }, { group: '', resource: 'groups' },
    { group: 'authentication.k8s.io', resource: 'userextras' },
  ],
};

export interface ResourceSpec {
  group: string;
  resource: string;
  subresource: string;
}

const unique = (xs: readonly string[]) => [...new Set(xs)];

/** --verb values: duplicates dropped; `*` alone replaces them all. */
export function normalizeVerbs(verbs: readonly string[]): string[] {
  return verbs.includes('*') ? ['*'] : unique(verbs);
}

/** --resource values split into resource, group and subresource; a bare `*` replaces them all. */
export function parseResources(values: readonly string[]): ResourceSpec[] {
  const out: ResourceSpec[] = [];
  for (const value of values) {
    const slash = value.indexOf('/');
    const subresource = slash < 0 ? '' : value.slice(slash + 1);
    const head = slash < 0 ? value : value.slice(0, slash);
    const dot = head.indexOf('.');
    const r = { resource: dot < 0 ? head : head.slice(0, dot), group: dot < 0 ? '' : head.slice(dot + 1), subresource };
    if (r.resource === '*' && dot < 0 && slash < 0) return [r];
    out.push(r);
  }
  return out;
}

type Resolve = (r: ResourceSpec) => Promise<{ group: string; resource: string } | Error>;

function resolver(mapper: RestMapper): Resolve {
  return async (r) => {
    try {
      const found = await mapper.resourceForGVR({ group: r.group || undefined, resource: r.resource });
      return { group: found.group, resource: found.resource };
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  };
}

/** validateResource: unknown resources fail, except where a special verb names them. */
async function validateResources(resources: ResourceSpec[], verbs: string[], resolve: Resolve): Promise<void> {
  for (const r of resources) {
    if (!r.resource) throw new CliError('resource must be specified if apiGroup/subresource specified');
    if (r.resource === '*') return;
    const found = await resolve(r);
    let err = found instanceof Error ? found : undefined;
    const resource = found instanceof Error ? { group: r.group, resource: r.resource } : found;
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (!allowed) continue;
      if (!allowed.some((x) => x.resource === resource.resource && x.group === resource.group))
        throw new CliError(`can not perform '${v}' on '${resource.resource}' in group '${resource.group}'`);
      err = undefined;
    }
    if (err) throw err;
  }
}

/** generateResourcePolicyRules: one rule per group (groups sorted), then one for non-resource URLs. */
export async function policyRules(verbs: string[], resources: ResourceSpec[], resourceNames: string[], nonResourceURLs: string[], resolve: Resolve): Promise<KubeObject[]> {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const found = await resolve(r);
    const resolved = found instanceof Error ? { group: r.group, resource: r.resource } : found;
    const name = r.subresource ? `${resolved.resource}/${r.subresource}` : resolved.resource;
    const list = byGroup.get(resolved.group) ?? [];
    if (!list.includes(name)) list.push(name);
    byGroup.set(resolved.group, list);
  }
  const rules: KubeObject[] = [...byGroup.keys()].sort().map((group) => ({
    verbs, apiGroups: [group], resources: byGroup.get(group), resourceNames: resourceNames.length ? resourceNames : undefined,
  }));
  if (nonResourceURLs.length) rules.push({ verbs, nonResourceURLs });
  return rules;
}

function warnVerbs(g: GeneratorInput, verbs: string[]): void {
  for (const v of verbs) if (!VALID_RESOURCE_VERBS.includes(v)) g.ctx.io.err.write(`Warning: '${v}' is not a standard resource verb\n`);
}

const roleFlags = () => [
  flag.stringSlice('verb', 'A verb the rule allows (get, list, watch, create, update, patch, delete, ... or *).'),
  flag.stringSlice('resource', 'A resource the rule covers, as resource[.group][/subresource], or * for all.'),
  flag.stringArray('resource-name', 'Limit the rule to objects of this name; repeat for more names.'),
];

async function mapperOf(g: GeneratorInput): Promise<Resolve> {
  return resolver(await g.client.mapper());
}

export const role = generator({
  name: 'role',
  short: 'Create a role with one rule',
  long: 'Create a Role granting the given verbs on the given resources of its namespace.',
  example: `  # Read access to pods
  kubectl create role pod-reader --verb=get --verb=list --verb=watch --resource=pods
  
  # The same, limited to two named pods
  kubectl create role pod-reader --verb=get --resource=pods --resource-name=web-0 --resource-name=web-1
  
  # A resource of a named API group
  kubectl create role rs-reader --verb=get,list,watch --resource=replicasets.apps
  
  # A subresource
  kubectl create role pod-status-reader --verb=get,list,watch --resource=pods,pods/status`,
  use: 'NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none]',
  flags: roleFlags(),
  resource: { group: RBAC, version: 'v1', resource: 'roles', namespaced: true },
  async build(g) {
    const verbs = normalizeVerbs(g.flags.strings('verb'));
    const resources = parseResources(g.flags.strings('resource'));
    const resourceNames = unique(g.flags.strings('resource-name'));
    const resolve = await mapperOf(g);
    if (!verbs.length) throw new CliError('at least one verb must be specified');
    warnVerbs(g, verbs);
    if (!resources.length) throw new CliError('at least one resource must be specified');
    await validateResources(resources, verbs, resolve);
    return typed('rbac.authorization.k8s.io/v1', 'Role', objectMeta({ name: g.name, namespace: g.enforcedNamespace }), {
      rules: await policyRules(verbs, resources, resourceNames, [], resolve),
    });
  },
});

/** cliflag.MapStringString: comma-separated key=value pairs, spaces trimmed, over all the flag's values. */
export function parseAggregationRule(values: readonly string[], program: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values) {
    for (const pair of value.split(',')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      if (eq < 0)
        throw new CliError(`invalid argument ${JSON.stringify(value)} for "--aggregation-rule" flag: malformed pair, expect string=string\nSee '${program} create clusterrole --help' for usage.`);
      out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }
  return out;
}

export const clusterrole = generator({
  name: 'clusterrole',
  short: 'Create a cluster role',
  long: 'Create a ClusterRole: a rule on resources or non-resource URLs, or an aggregation of the cluster roles a label selector picks.',
  example: `  # Read access to pods in every namespace
  kubectl create clusterrole pod-reader --verb=get,list,watch --resource=pods
  
  # Limited to named pods
  kubectl create clusterrole pod-reader --verb=get --resource=pods --resource-name=web-0 --resource-name=web-1
  
  # A resource of a named API group
  kubectl create clusterrole rs-reader --verb=get,list,watch --resource=replicasets.apps
  
  # A subresource
  kubectl create clusterrole pod-status-reader --verb=get,list,watch --resource=pods,pods/status
  
  # Non-resource URLs
  kubectl create clusterrole log-reader --verb=get --non-resource-url=/logs/*
  
  # The union of the cluster roles labelled team=a
  kubectl create clusterrole team-a --aggregation-rule="team=a"`,
  use: 'NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none]',
  flags: [
    ...roleFlags(),
    flag.stringSlice('non-resource-url', 'A URL path the rule covers (e.g. /healthz, or /logs/* for a prefix).'),
    flag.stringArray('aggregation-rule', 'Labels (key=value, comma-separated) selecting the cluster roles whose rules this one gathers.'),
  ],
  resource: { group: RBAC, version: 'v1', resource: 'clusterroles', namespaced: false },
  async build(g) {
    const aggregation = parseAggregationRule(g.flags.strings('aggregation-rule'), g.ctx.program);
    const nonResourceURLs = unique(g.flags.strings('non-resource-url'));
    const verbs = normalizeVerbs(g.flags.strings('verb'));
    const resources = parseResources(g.flags.strings('resource'));
    const resourceNames = unique(g.flags.strings('resource-name'));
    const resolve = await mapperOf(g);
    const meta = objectMeta({ name: g.name });
    if (Object.keys(aggregation).length) {
      if (nonResourceURLs.length || verbs.length || resources.length || resourceNames.length)
        throw new CliError('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
      return typed('rbac.authorization.k8s.io/v1', 'ClusterRole', meta, { rules: null, aggregationRule: { clusterRoleSelectors: [{ matchLabels: aggregation }] } });
    }
    if (!verbs.length) throw new CliError('at least one verb must be specified');
    if (!resources.length && !nonResourceURLs.length) throw new CliError('one of resource or nonResourceURL must be specified');
    if (resources.length) {
      warnVerbs(g, verbs);
      await validateResources(resources, verbs, resolve);
    }
    if (nonResourceURLs.length) {
      for (const v of verbs) if (!VALID_NON_RESOURCE_VERBS.includes(v)) throw new CliError(`invalid verb: '${v}' for nonResourceURL`);
      for (const url of nonResourceURLs) {
        if (url === '*') continue;
        if (!url.startsWith('/')) throw new CliError('nonResourceURL should start with /');
        if (url.slice(0, -1).includes('*')) throw new CliError("nonResourceURL only supports wildcard matches when '*' is at the end");
      }
    }
    return typed('rbac.authorization.k8s.io/v1', 'ClusterRole', meta, {
      rules: await policyRules(verbs, resources, resourceNames, nonResourceURLs, resolve),
    });
  },
});
