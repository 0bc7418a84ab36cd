// Admission as kube-apiserver runs it with its default plugin set, in its fixed order
// (pkg/kubeapiserver/options/plugins.go): every mutating plugin, then every validating one.
// NamespaceLifecycle lives in the store; PodSecurity, ResourceQuota, the certificate plugins and
// webhooks/policies are not run here.
import type { KubeObject } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import type { StrategyContext } from '../registry/strategy.ts';
import type { AdmissionPlugin, Attributes, Operation } from './attributes.ts';
import { limitRangerAdmission } from './limit-ranger.ts';
import { defaultTolerationSecondsAdmission, priorityAdmission, runtimeClassAdmission } from './pod-scheduling.ts';
import { serviceAccountAdmission } from './service-account.ts';
import { claimResizeAdmission, defaultIngressClassAdmission, defaultStorageClassAdmission, storageObjectInUseProtectionAdmission } from './storage.ts';
import { nodeTaintAdmission } from './node-taint.ts';

/** The default-on plugins in upstream order. */
const PLUGINS: readonly AdmissionPlugin[] = [
  limitRangerAdmission,
  serviceAccountAdmission,
  nodeTaintAdmission,
  priorityAdmission,
  defaultTolerationSecondsAdmission,
  defaultStorageClassAdmission,
  storageObjectInUseProtectionAdmission,
  claimResizeAdmission,
  runtimeClassAdmission,
  defaultIngressClassAdmission,
];

const attributes = (operation: Operation, resource: ResourceInfo, obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): Attributes => ({
  operation,
  resource,
  obj,
  old,
  ctx,
});

/** The mutating phase: may change obj, or throw a Status (403 Forbidden) to reject it. */
export async function mutatingAdmission(operation: Operation, resource: ResourceInfo, obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): Promise<void> {
  const a = attributes(operation, resource, obj, old, ctx);
  for (const plugin of PLUGINS) await plugin.admit?.(a);
}

/** The validating phase (upstream: after the strategy's validation): only rejects. */
export async function validatingAdmission(operation: Operation, resource: ResourceInfo, obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): Promise<void> {
  const a = attributes(operation, resource, obj, old, ctx);
  for (const plugin of PLUGINS) await plugin.validate?.(a);
}

/** Both phases, for StoreEnvironment.admit. */
export async function admit(operation: Operation, resource: ResourceInfo, obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): Promise<void> {
  await mutatingAdmission(operation, resource, obj, old, ctx);
  await validatingAdmission(operation, resource, obj, old, ctx);
}
