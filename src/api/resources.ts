// Facts about every built-in resource the bundled server serves (from src/api/generated/resources.ts,
// written by scripts/gen-api.ts). The client uses the same facts only as an offline fallback:
// against a real cluster, discovery is the truth.
import { BUILTIN_RESOURCES } from './generated/resources.ts';

export interface SubresourceInfo {
  /** "status", "scale", "log", "exec", ... */
  name: string;
  /** Kind of the subresource's body, e.g. Scale; its group/version when they differ from the parent. */
  kind: string;
  group?: string;
  version?: string;
  verbs: string[];
}

export interface ResourceInfo {
  group: string;
  version: string;
  kind: string;
  /** Plural, lower case: the URL segment ("deployments"). */
  resource: string;
  singular: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: SubresourceInfo[];
  /** Served from a CustomResourceDefinition rather than built in. */
  custom?: boolean;
  /** DELETE answers with the deleted object instead of a Status (registry ReturnDeletedObject). */
  deleteReturnsObject?: true;
}

export const builtinResources: readonly ResourceInfo[] = BUILTIN_RESOURCES;

/** The groups of these resources in their order, each with its versions in preference order. */
export function groupVersionsOf(resources: readonly ResourceInfo[]): { name: string; versions: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const r of resources) {
    const versions = groups.get(r.group) ?? [];
    if (!versions.includes(r.version)) versions.push(r.version);
    groups.set(r.group, versions);
  }
  return [...groups].map(([name, versions]) => ({ name, versions }));
}

/** Built-in groups in the order discovery lists them. */
export function builtinGroups(): { name: string; versions: string[] }[] {
  return groupVersionsOf(BUILTIN_RESOURCES);
}

export function findBuiltin(group: string, version: string, resource: string): ResourceInfo | undefined {
  return BUILTIN_RESOURCES.find((r) => r.group === group && r.version === version && r.resource === resource);
}

export function findBuiltinByKind(group: string, version: string, kind: string): ResourceInfo | undefined {
  return BUILTIN_RESOURCES.find((r) => r.group === group && r.version === version && r.kind === kind);
}
