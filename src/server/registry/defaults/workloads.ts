// Defaulting of the kinds that carry a pod template (pkg/apis/apps/v1, pkg/apis/batch/v1 and the
// ReplicationController/PodTemplate parts of pkg/apis/core/v1), each with its template's PodSpec.
import { defaultClaimSpec, defaultPodTemplate } from './pod.ts';
import { roundUpResourceList } from './resource-list.ts';
import { child, defaultPointer, defaultString, ensureChild, hasEntries, items, type Json } from './walk.ts';

/** backoffLimit when backoffLimitPerIndex is set: math.MaxInt32. */
const MAX_INT32 = 2147483647;

export function defaultDeployment(d: Json): void {
  const spec = ensureChild(d, 'spec');
  defaultPointer(spec, 'replicas', 1);
  const strategy = ensureChild(spec, 'strategy');
  defaultString(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = ensureChild(strategy, 'rollingUpdate');
    defaultPointer(rollingUpdate, 'maxUnavailable', '25%');
    defaultPointer(rollingUpdate, 'maxSurge', '25%');
  }
  defaultPointer(spec, 'revisionHistoryLimit', 10);
  defaultPointer(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplate(ensureChild(spec, 'template'));
}

export function defaultReplicaSet(rs: Json): void {
  const spec = ensureChild(rs, 'spec');
  defaultPointer(spec, 'replicas', 1);
  defaultPodTemplate(ensureChild(spec, 'template'));
}

export function defaultDaemonSet(ds: Json): void {
  const spec = ensureChild(ds, 'spec');
  const strategy = ensureChild(spec, 'updateStrategy');
  defaultString(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = ensureChild(strategy, 'rollingUpdate');
    defaultPointer(rollingUpdate, 'maxUnavailable', 1);
    defaultPointer(rollingUpdate, 'maxSurge', 0);
  }
  defaultPointer(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(ensureChild(spec, 'template'));
}

export function defaultStatefulSet(sts: Json): void {
  const spec = ensureChild(sts, 'spec');
  defaultString(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = ensureChild(spec, 'updateStrategy');
  // rollingUpdate is only created when the type itself was defaulted
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    defaultPointer(strategy, 'rollingUpdate', {});
  }
  const rollingUpdate = child(strategy, 'rollingUpdate');
  if (strategy.type === 'RollingUpdate' && rollingUpdate) defaultPointer(rollingUpdate, 'partition', 0);
  // StatefulSetAutoDeletePVC (GA)
  const retention = ensureChild(spec, 'persistentVolumeClaimRetentionPolicy');
  defaultString(retention, 'whenDeleted', 'Retain');
  defaultString(retention, 'whenScaled', 'Retain');
  defaultPointer(spec, 'replicas', 1);
  defaultPointer(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(ensureChild(spec, 'template'));
  for (const claim of items(spec, 'volumeClaimTemplates')) {
    // Convert_apps_StatefulSetSpec_To_v1_StatefulSetSpec stamps the nested claims' type meta
    claim.apiVersion = 'v1';
    claim.kind = 'PersistentVolumeClaim';
    defaultClaim(claim);
  }
}

/** SetObjectDefaults_PersistentVolumeClaim: status phase Pending, spec volumeMode Filesystem. */
export function defaultClaim(pvc: Json): void {
  defaultString(ensureChild(pvc, 'status'), 'phase', 'Pending');
  defaultClaimSpec(ensureChild(pvc, 'spec'));
  const status = child(pvc, 'status');
  roundUpResourceList(status, 'capacity');
  roundUpResourceList(status, 'allocatedResources');
}

export function defaultJob(job: Json): void {
  const spec = ensureChild(job, 'spec');
  if (isUnset(spec.completions) && isUnset(spec.parallelism)) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  defaultPointer(spec, 'parallelism', 1);
  defaultPointer(spec, 'backoffLimit', isUnset(spec.backoffLimitPerIndex) ? 6 : MAX_INT32);
  // the Job takes its template's labels when it has none of its own
  const template = ensureChild(spec, 'template');
  const labels = child(template, 'metadata')?.labels;
  const meta = ensureChild(job, 'metadata');
  if (hasEntries(labels) && !hasEntries(meta.labels)) meta.labels = { ...(labels as Json) };
  defaultPointer(spec, 'completionMode', 'NonIndexed');
  defaultPointer(spec, 'suspend', false);
  // JobPodReplacementPolicy (beta, on)
  defaultPointer(spec, 'podReplacementPolicy', isUnset(spec.podFailurePolicy) ? 'TerminatingOrFailed' : 'Failed');
  defaultPointer(spec, 'manualSelector', false);
  defaultJobSpecTypes(spec);
}

/** Defaulters that hang off JobSpec's types (they apply inside a CronJob's jobTemplate too). */
function defaultJobSpecTypes(spec: Json): void {
  for (const rule of items(child(spec, 'podFailurePolicy'), 'rules'))
    for (const pattern of items(rule, 'onPodConditions')) defaultString(pattern, 'status', 'True');
  defaultPodTemplate(ensureChild(spec, 'template'));
}

export function defaultCronJob(cj: Json): void {
  const spec = ensureChild(cj, 'spec');
  defaultString(spec, 'concurrencyPolicy', 'Allow');
  defaultPointer(spec, 'suspend', false);
  defaultPointer(spec, 'successfulJobsHistoryLimit', 3);
  defaultPointer(spec, 'failedJobsHistoryLimit', 1);
  // SetDefaults_Job is for Jobs only: a jobTemplate keeps its unset fields
  defaultJobSpecTypes(ensureChild(ensureChild(spec, 'jobTemplate'), 'spec'));
}

export function defaultReplicationController(rc: Json): void {
  const spec = ensureChild(rc, 'spec');
  const template = child(spec, 'template');
  const labels = child(child(template, 'metadata'), 'labels');
  if (labels && hasEntries(labels)) {
    if (!hasEntries(spec.selector)) spec.selector = { ...labels };
    const meta = ensureChild(rc, 'metadata');
    if (!hasEntries(meta.labels)) meta.labels = { ...labels };
  }
  // ReplicationControllerSpec.replicas carries +default=1
  defaultPointer(spec, 'replicas', 1);
  if (template) defaultPodTemplate(template);
}

export function defaultPodTemplateObject(pt: Json): void {
  defaultPodTemplate(ensureChild(pt, 'template'));
}

const isUnset = (v: unknown) => v === undefined || v === null;
