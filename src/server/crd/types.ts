// apiextensions.k8s.io/v1 CustomResourceDefinition as plain JSON, and the helpers upstream keeps in
// apihelpers (conditions, per-version schema / subresources / columns, storage version).
import type { KubeObject } from '../../api/object.ts';
import type { JSONSchemaProps } from './schema/types.ts';

export interface CrdNames {
  plural?: string;
  singular?: string;
  shortNames?: string[];
  kind?: string;
  listKind?: string;
  categories?: string[];
}

export interface CrdScale {
  specReplicasPath?: string;
  statusReplicasPath?: string;
  labelSelectorPath?: string;
}

export interface CrdSubresources {
  status?: Record<string, never>;
  scale?: CrdScale;
}

export interface CrdColumn {
  name?: string;
  type?: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath?: string;
}

export interface CrdVersion {
  name?: string;
  served?: boolean;
  storage?: boolean;
  deprecated?: boolean;
  deprecationWarning?: string;
  schema?: { openAPIV3Schema?: JSONSchemaProps };
  subresources?: CrdSubresources;
  additionalPrinterColumns?: CrdColumn[];
  selectableFields?: { jsonPath?: string }[];
}

export interface CrdCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface CrdSpec {
  group?: string;
  names?: CrdNames;
  scope?: string;
  versions?: CrdVersion[];
  conversion?: { strategy?: string; webhook?: { clientConfig?: Record<string, unknown>; conversionReviewVersions?: string[] } };
  preserveUnknownFields?: boolean;
}

export interface CrdStatus {
  conditions?: CrdCondition[];
  acceptedNames?: CrdNames;
  storedVersions?: string[];
}

export interface Crd extends KubeObject {
  spec: CrdSpec;
  status?: CrdStatus;
}

export const CRD_GROUP = 'apiextensions.k8s.io';
export const CRD_RESOURCE = 'customresourcedefinitions';
/** The finalizer that makes CRD deletion wait until its custom resources are gone. */
export const CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';

export const asCrd = (obj: KubeObject) => obj as Crd;

export function findCondition(crd: Crd, type: string): CrdCondition | undefined {
  return crd.status?.conditions?.find((c) => c.type === type);
}

export function isConditionTrue(crd: Crd, type: string): boolean {
  return findCondition(crd, type)?.status === 'True';
}

/** apihelpers.SetCRDCondition: lastTransitionTime moves only when the status changes. */
export function setCondition(crd: Crd, condition: Omit<CrdCondition, 'lastTransitionTime'>, now: string): void {
  const status = (crd.status ??= {});
  const conditions = (status.conditions ??= []);
  const existing = conditions.find((c) => c.type === condition.type);
  if (!existing) {
    conditions.push({ type: condition.type, status: condition.status, lastTransitionTime: now, ...(condition.reason ? { reason: condition.reason } : {}), ...(condition.message ? { message: condition.message } : {}) });
    return;
  }
  if (existing.status !== condition.status || !existing.lastTransitionTime) existing.lastTransitionTime = now;
  existing.status = condition.status;
  if (condition.reason) existing.reason = condition.reason;
  else delete existing.reason;
  if (condition.message) existing.message = condition.message;
  else delete existing.message;
}

export function storageVersionOf(crd: Crd): string | undefined {
  return crd.spec.versions?.find((v) => v.storage)?.name;
}

export function versionOf(crd: Crd, name: string): CrdVersion | undefined {
  return crd.spec.versions?.find((v) => v.name === name);
}

export function schemaOf(crd: Crd, version: string): JSONSchemaProps | undefined {
  return versionOf(crd, version)?.schema?.openAPIV3Schema;
}

/**
 * version.CompareKubeAwareVersionStrings: GA before beta before alpha, higher numbers first, then
 * names that do not look like Kubernetes versions, alphabetically.
 */
export function compareKubeAwareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return undefined;
    const stage = m[2] === 'alpha' ? 0 : m[2] === 'beta' ? 1 : 2;
    return { major: Number(m[1]), stage, minor: m[3] ? Number(m[3]) : 0 };
  };
  const x = parse(a);
  const y = parse(b);
  if (x && y) {
    if (x.stage !== y.stage) return y.stage - x.stage;
    if (x.major !== y.major) return y.major - x.major;
    return y.minor - x.minor;
  }
  if (x) return -1;
  if (y) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Served version names in discovery order (the first is the preferred version). */
export function servedVersions(crd: Crd): string[] {
  return (crd.spec.versions ?? [])
    .filter((v) => v.served && v.name)
    .map((v) => v.name!)
    .sort(compareKubeAwareVersions);
}
