// What an admission plugin sees of a write (k8s.io/apiserver admission.Attributes), and the
// Forbidden error plugins answer with (admission.NewForbidden).
import type { KubeObject } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import type { StrategyContext } from '../registry/strategy.ts';
import { forbidden, type ApiError } from '../status.ts';

export type Operation = 'create' | 'update';

export interface Attributes {
  operation: Operation;
  resource: Pick<ResourceInfo, 'group' | 'resource'>;
  obj: KubeObject;
  old: KubeObject | undefined;
  ctx: StrategyContext;
}

export interface AdmissionPlugin {
  /** Mutating phase (MutationInterface.Admit). */
  admit?(a: Attributes): void | Promise<void>;
  /** Validating phase (ValidationInterface.Validate): may only reject. */
  validate?(a: Attributes): void | Promise<void>;
}

export const isResource = (a: Attributes, group: string, resource: string) => a.resource.group === group && a.resource.resource === resource;

export const namespaceOf = (a: Attributes) => a.obj.metadata.namespace ?? '';

/** `<resource> "<name>" is forbidden: <why>`; a nameless object (generateName) is "Unknown". */
export function admissionForbidden(a: Attributes, why: string): ApiError {
  return forbidden({ group: a.resource.group, resource: a.resource.resource }, a.obj.metadata.name || 'Unknown', why);
}
