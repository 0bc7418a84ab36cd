// Defaulting of the kinds outside core, apps and batch (pkg/apis/<group>/<version>/defaults.go of
// autoscaling/v2, networking, rbac, storage, scheduling, discovery, admissionregistration and
// apiextensions v1).
import { child, defaultPointer, defaultString, ensureChild, hasEntries, items, type Json } from './walk.ts';

/** autoscaling.DefaultCPUUtilization. */
const DEFAULT_CPU_UTILIZATION = 80;

const scaleUpRules = (): Json => ({
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
});

// scale-down keeps stabilizationWindowSeconds unset: the controller's flag decides it
const scaleDownRules = (): Json => ({ selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] });

/** copyHPAScalingRules: what the user set wins, field by field. */
function scalingRules(given: unknown, defaults: Json): Json {
  const from = given && typeof given === 'object' && !Array.isArray(given) ? (given as Json) : undefined;
  if (!from) return defaults;
  for (const key of ['selectPolicy', 'stabilizationWindowSeconds', 'policies', 'tolerance'])
    if (from[key] !== undefined && from[key] !== null) defaults[key] = from[key];
  return defaults;
}

/** autoscaling/v2 (the storage version of both served versions). */
export function defaultHorizontalPodAutoscaler(hpa: Json): void {
  const spec = ensureChild(hpa, 'spec');
  defaultPointer(spec, 'minReplicas', 1);
  if (!hasEntries(spec.metrics))
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  const behavior = child(spec, 'behavior');
  if (behavior) {
    behavior.scaleUp = scalingRules(behavior.scaleUp, scaleUpRules());
    behavior.scaleDown = scalingRules(behavior.scaleDown, scaleDownRules());
  }
}

export function defaultNetworkPolicy(np: Json): void {
  const spec = ensureChild(np, 'spec');
  for (const rule of [...items(spec, 'ingress'), ...items(spec, 'egress')]) for (const port of items(rule, 'ports')) defaultPointer(port, 'protocol', 'TCP');
  if (!hasEntries(spec.policyTypes)) spec.policyTypes = hasEntries(spec.egress) ? ['Ingress', 'Egress'] : ['Ingress'];
}

export function defaultIngressClass(ic: Json): void {
  const parameters = child(child(ic, 'spec'), 'parameters');
  if (parameters) defaultPointer(parameters, 'scope', 'Cluster');
}

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** RoleBinding and ClusterRoleBinding. */
export function defaultRoleBinding(rb: Json): void {
  defaultString(ensureChild(rb, 'roleRef'), 'apiGroup', RBAC_GROUP);
  for (const subject of items(rb, 'subjects')) if (!subject.apiGroup && (subject.kind === 'User' || subject.kind === 'Group')) subject.apiGroup = RBAC_GROUP;
}

export function defaultStorageClass(sc: Json): void {
  defaultPointer(sc, 'reclaimPolicy', 'Delete');
  defaultPointer(sc, 'volumeBindingMode', 'Immediate');
}

export function defaultCSIDriver(driver: Json): void {
  const spec = ensureChild(driver, 'spec');
  defaultPointer(spec, 'attachRequired', true);
  defaultPointer(spec, 'podInfoOnMount', false);
  defaultPointer(spec, 'storageCapacity', false);
  defaultPointer(spec, 'fsGroupPolicy', 'ReadWriteOnceWithFSType');
  if (!hasEntries(spec.volumeLifecycleModes)) spec.volumeLifecycleModes = ['Persistent'];
  defaultPointer(spec, 'requiresRepublish', false);
  // SELinuxMountReadWriteOncePod (beta, on)
  defaultPointer(spec, 'seLinuxMount', false);
}

export function defaultPriorityClass(pc: Json): void {
  defaultPointer(pc, 'preemptionPolicy', 'PreemptLowerPriority');
}

export function defaultEndpointSlice(slice: Json): void {
  for (const port of items(slice, 'ports')) {
    defaultPointer(port, 'name', '');
    defaultPointer(port, 'protocol', 'TCP');
  }
}

/** SetDefaults_Rule: scope "*" wherever a Rule is embedded. */
function defaultRules(rules: Json[]): void {
  for (const rule of rules) defaultPointer(rule, 'scope', '*');
}

function defaultServiceReference(clientConfig: Json | undefined): void {
  const service = child(clientConfig, 'service');
  if (service) defaultPointer(service, 'port', 443);
}

function defaultWebhook(webhook: Json, mutating: boolean): void {
  defaultPointer(webhook, 'failurePolicy', 'Fail');
  defaultPointer(webhook, 'matchPolicy', 'Equivalent');
  defaultPointer(webhook, 'namespaceSelector', {});
  defaultPointer(webhook, 'objectSelector', {});
  defaultPointer(webhook, 'timeoutSeconds', 10);
  if (mutating) defaultPointer(webhook, 'reinvocationPolicy', 'Never');
  defaultRules(items(webhook, 'rules'));
  defaultServiceReference(child(webhook, 'clientConfig'));
}

export const defaultValidatingWebhookConfiguration = (c: Json): void => items(c, 'webhooks').forEach((w) => defaultWebhook(w, false));
export const defaultMutatingWebhookConfiguration = (c: Json): void => items(c, 'webhooks').forEach((w) => defaultWebhook(w, true));

function defaultMatchResources(match: Json | undefined): void {
  if (!match) return;
  defaultPointer(match, 'matchPolicy', 'Equivalent');
  defaultPointer(match, 'namespaceSelector', {});
  defaultPointer(match, 'objectSelector', {});
  defaultRules([...items(match, 'resourceRules'), ...items(match, 'excludeResourceRules')]);
}

export function defaultValidatingAdmissionPolicy(vap: Json): void {
  const spec = ensureChild(vap, 'spec');
  defaultPointer(spec, 'failurePolicy', 'Fail');
  defaultMatchResources(child(spec, 'matchConstraints'));
}

export function defaultValidatingAdmissionPolicyBinding(binding: Json): void {
  defaultMatchResources(child(child(binding, 'spec'), 'matchResources'));
}
