// ReplicationControllers (core validation) and apps/v1 Deployments, ReplicaSets, DaemonSets and
// StatefulSets (apps validation, plus the registry strategies' selector immutability).
import type { FieldError } from '../../status.ts';
import { child, deepEqual, FIELD_IMMUTABLE, forbidden, goText, invalid, isObj, nonNegative, notSupported, obj, required, str, type Obj } from './field.ts';
import { goIntOrString, goLabelSelector, goMap } from './go-repr.ts';
import { mapSelectorMatches, selectorIsEmpty, selectorMatches, selectorParses, validateAnnotations, validateLabelSelector, validateLabels } from './meta.ts';
import { isValidPercent } from '../../../api/validation/names.ts';
import { validatePodTemplateSpec } from './pod.ts';

const SELECTOR_MISMATCH = '`selector` does not match template `labels`';

/** RestartPolicy Always and no activeDeadlineSeconds, for controllers whose pods run forever. */
function alwaysRestart(template: Obj, kind: string, path: string, deadline: 'forbidden' | 'invalid' = 'forbidden'): FieldError[] {
  const spec = obj(template.spec);
  const errs: FieldError[] = [];
  if (spec.restartPolicy !== 'Always') errs.push(notSupported(child(path, 'spec', 'restartPolicy'), str(spec.restartPolicy), ['Always']));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null)
    errs.push(
      deadline === 'forbidden'
        ? forbidden(child(path, 'spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kind} is not Supported`)
        : invalid(child(path, 'spec', 'activeDeadlineSeconds'), spec.activeDeadlineSeconds, 'must not be specified'),
    );
  return errs;
}

export function validateReplicationController(rc: Obj): FieldError[] {
  const spec = obj(rc.spec);
  const errs = [...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds')];
  if (Object.keys(obj(spec.selector)).length === 0) errs.push(required('spec.selector'));
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  if (!isObj(spec.template)) errs.push(required('spec.template'));
  else {
    const t = spec.template;
    if (Object.keys(obj(spec.selector)).length && !mapSelectorMatches(spec.selector, obj(t.metadata).labels))
      errs.push(invalid('spec.template.metadata.labels', goMap(obj(t.metadata).labels), SELECTOR_MISMATCH));
    errs.push(...validatePodTemplateSpec(t, 'spec.template'), ...alwaysRestart(t, 'ReplicationController', 'spec.template'));
  }
  return errs;
}

/** ValidatePodTemplateSpecForReplicaSet (also Deployments). */
function templateForReplicaSet(spec: Obj, kind: string): FieldError[] {
  const t = obj(spec.template);
  const errs: FieldError[] = [];
  if (!selectorParses(spec.selector)) return [invalid('spec.selector', goLabelSelector(spec.selector), 'invalid label selector')];
  if (!(isObj(spec.selector) && selectorIsEmpty(spec.selector)) && !selectorMatches(spec.selector, obj(t.metadata).labels))
    errs.push(invalid('spec.template.metadata.labels', goMap(obj(t.metadata).labels), SELECTOR_MISMATCH));
  errs.push(...validatePodTemplateSpec(t, 'spec.template'), ...alwaysRestart(t, kind, 'spec.template'));
  return errs;
}

function selectorRequired(spec: Obj, kind: string): FieldError[] {
  if (!isObj(spec.selector)) return [required('spec.selector')];
  const errs = validateLabelSelector(spec.selector, 'spec.selector');
  if (selectorIsEmpty(spec.selector)) errs.push(invalid('spec.selector', goLabelSelector(spec.selector), `empty selector is invalid for ${kind}`));
  return errs;
}

export function validateReplicaSet(rs: Obj): FieldError[] {
  const spec = obj(rs.spec);
  return [
    ...nonNegative(spec.replicas, 'spec.replicas'),
    ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    // Upstream's ReplicaSet message says "deployment" too.
    ...selectorRequired(spec, 'deployment'),
    ...templateForReplicaSet(spec, 'ReplicaSet'),
  ];
}

/** intstr value of an IntOrString percent, as getIntOrPercentValue reads it (bad text counts as 0). */
function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return v;
  const s = str(v);
  if (isValidPercent(s).length === 0) return Number(s.slice(0, -1));
  return /^[+-]?\d+$/.test(s) ? Number(s) : 0;
}

/** ValidatePositiveIntOrPercent. */
export function positiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, goIntOrString(v), m));
  if (typeof v === 'number') return nonNegative(v, path);
  return [];
}

/** IsNotMoreThan100Percent. */
export function notMoreThan100Percent(v: unknown, path: string): FieldError[] {
  if (typeof v !== 'string' || isValidPercent(v).length || Number(v.slice(0, -1)) <= 100) return [];
  return [invalid(path, goIntOrString(v), 'must not be greater than 100%')];
}

const goPointer = (type: string, v: unknown) => (v === undefined || v === null ? `(*${type})(nil)` : `(*${type})(0xc000000000)`);

function deploymentStrategy(s: Obj): FieldError[] {
  const path = 'spec.strategy';
  const type = str(s.type);
  if (type === 'Recreate') return s.rollingUpdate ? [forbidden(child(path, 'rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : [];
  if (type === 'RollingUpdate') {
    if (!isObj(s.rollingUpdate)) return [required(child(path, 'rollingUpdate'), 'this should be defaulted and never be nil')];
    const ru = s.rollingUpdate;
    const rp = child(path, 'rollingUpdate');
    const errs = [...positiveIntOrPercent(ru.maxUnavailable, child(rp, 'maxUnavailable')), ...positiveIntOrPercent(ru.maxSurge, child(rp, 'maxSurge'))];
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0)
      errs.push(invalid(child(rp, 'maxUnavailable'), goIntOrString(ru.maxUnavailable ?? 0), 'may not be 0 when `maxSurge` is 0'));
    errs.push(...notMoreThan100Percent(ru.maxUnavailable, child(rp, 'maxUnavailable')));
    return errs;
  }
  return [
    notSupported(path, goText(`apps.DeploymentStrategy{Type:${JSON.stringify(type)}, RollingUpdate:${goPointer('apps.RollingUpdateDeployment', s.rollingUpdate)}}`), ['Recreate', 'RollingUpdate']),
  ];
}

export function validateDeployment(d: Obj): FieldError[] {
  const spec = obj(d.spec);
  const errs = [...nonNegative(spec.replicas, 'spec.replicas'), ...selectorRequired(spec, 'deployment'), ...templateForReplicaSet(spec, 'ReplicaSet')];
  errs.push(...deploymentStrategy(obj(spec.strategy)));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  if (typeof spec.revisionHistoryLimit === 'number') errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (typeof spec.progressDeadlineSeconds === 'number') {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (spec.progressDeadlineSeconds <= (typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0))
      errs.push(invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

/** The apps/v1 strategies reject selector changes (ValidateImmutableField of the *LabelSelector). */
export function selectorImmutable(obj1: Obj, old: Obj): FieldError[] {
  const sel = obj(obj1.spec).selector;
  return deepEqual(sel, obj(old.spec).selector) ? [] : [invalid('spec.selector', goLabelSelector(sel), FIELD_IMMUTABLE)];
}

function daemonSetUpdateStrategy(s: Obj): FieldError[] {
  const path = 'spec.updateStrategy';
  const type = str(s.type);
  if (type === 'OnDelete') return [];
  if (type === 'RollingUpdate') {
    if (!isObj(s.rollingUpdate)) return [required(child(path, 'rollingUpdate'))];
    const ru = s.rollingUpdate;
    const rp = child(path, 'rollingUpdate');
    const errs = [
      ...positiveIntOrPercent(ru.maxUnavailable, child(rp, 'maxUnavailable')),
      ...positiveIntOrPercent(ru.maxSurge, child(rp, 'maxSurge')),
      ...notMoreThan100Percent(ru.maxUnavailable, child(rp, 'maxUnavailable')),
      ...notMoreThan100Percent(ru.maxSurge, child(rp, 'maxSurge')),
    ];
    const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
    const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
    if (hasUnavailable && hasSurge) errs.push(invalid(child(rp, 'maxSurge'), goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
    else if (!hasUnavailable && !hasSurge) errs.push(required(child(rp, 'maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
    return errs;
  }
  return [
    notSupported(path, goText(`apps.DaemonSetUpdateStrategy{Type:${JSON.stringify(type)}, RollingUpdate:${goPointer('apps.RollingUpdateDaemonSet', s.rollingUpdate)}}`), ['RollingUpdate', 'OnDelete']),
  ];
}

export function validateDaemonSet(ds: Obj): FieldError[] {
  const spec = obj(ds.spec);
  const t = obj(spec.template);
  const errs = validateLabelSelector(spec.selector, 'spec.selector');
  if (selectorParses(spec.selector) && !selectorMatches(spec.selector, obj(t.metadata).labels) && !(isObj(spec.selector) && selectorIsEmpty(spec.selector)))
    errs.push(invalid('spec.template.metadata.labels', goMap(obj(t.metadata).labels), SELECTOR_MISMATCH));
  if (isObj(spec.selector) && selectorIsEmpty(spec.selector)) errs.push(invalid('spec.selector', goLabelSelector(spec.selector), 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplateSpec(t, 'spec.template'), ...alwaysRestart(t, 'DaemonSet', 'spec.template'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...daemonSetUpdateStrategy(obj(spec.updateStrategy)));
  if (typeof spec.revisionHistoryLimit === 'number') errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

function statefulSetUpdateStrategy(s: Obj): FieldError[] {
  const path = 'spec.updateStrategy';
  const type = str(s.type);
  if (!type) return [required(path)];
  if (type === 'OnDelete') return s.rollingUpdate ? [invalid(child(path, 'rollingUpdate'), goText('apps.RollingUpdateStatefulSetStrategy{}'), "only allowed for updateStrategy 'RollingUpdate'")] : [];
  if (type === 'RollingUpdate') {
    if (!isObj(s.rollingUpdate)) return [];
    const ru = s.rollingUpdate;
    const rp = child(path, 'rollingUpdate');
    const errs = nonNegative(ru.partition, child(rp, 'partition'));
    if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) {
      errs.push(...positiveIntOrPercent(ru.maxUnavailable, child(rp, 'maxUnavailable')));
      if (intOrPercentValue(ru.maxUnavailable) === 0) errs.push(invalid(child(rp, 'maxUnavailable'), goIntOrString(ru.maxUnavailable), 'cannot be 0'));
      errs.push(...notMoreThan100Percent(ru.maxUnavailable, child(rp, 'maxUnavailable')));
    }
    return errs;
  }
  return [
    invalid(path, goText(`apps.StatefulSetUpdateStrategy{Type:${JSON.stringify(type)}, RollingUpdate:${goPointer('apps.RollingUpdateStatefulSetStrategy', s.rollingUpdate)}}`), "must be 'RollingUpdate' or 'OnDelete'"),
  ];
}

/** ValidateStatefulSetSpec: note the pod template itself is only checked for labels and annotations. */
function statefulSetSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const pmp = str(spec.podManagementPolicy);
  if (!pmp) errs.push(required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  errs.push(...statefulSetUpdateStrategy(obj(spec.updateStrategy)));
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (isObj(retention))
    for (const f of ['whenDeleted', 'whenScaled'])
      if (retention[f] !== 'Retain' && retention[f] !== 'Delete')
        errs.push(notSupported(child('spec.persistentVolumeClaimRetentionPolicy', f), str(retention[f]), ['Retain', 'Delete']));
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  if (isObj(spec.ordinals)) errs.push(...nonNegative(spec.ordinals.start, 'spec.ordinals.start'));
  if (!isObj(spec.selector)) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
    if (selectorIsEmpty(spec.selector)) errs.push(invalid('spec.selector', goLabelSelector(spec.selector), 'empty selector is invalid for statefulset'));
  }
  const t = obj(spec.template);
  const meta = obj(t.metadata);
  if (!selectorParses(spec.selector)) errs.push(invalid('spec.selector', goLabelSelector(spec.selector), ''));
  else {
    if (!(isObj(spec.selector) && selectorIsEmpty(spec.selector)) && !selectorMatches(spec.selector, meta.labels))
      errs.push(invalid('spec.template.metadata.labels', goMap(meta.labels), SELECTOR_MISMATCH));
    errs.push(...validateLabels(meta.labels, 'spec.template.labels'), ...validateAnnotations(meta.annotations, 'spec.template.annotations'));
  }
  errs.push(...alwaysRestart(t, 'StatefulSet', 'spec.template'));
  return errs;
}

export const validateStatefulSet = (sts: Obj) => statefulSetSpec(obj(sts.spec));

export function validateStatefulSetUpdate(sts: Obj, old: Obj): FieldError[] {
  const spec = obj(sts.spec);
  const oldSpec = obj(old.spec);
  const errs = statefulSetSpec(spec);
  const mutable = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'];
  const strip = (s: Obj) => Object.fromEntries(Object.entries(s).filter(([k]) => !mutable.includes(k)));
  if (!deepEqual(strip(spec), strip(oldSpec)))
    errs.push(
      forbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  return errs;
}

/** Status subresources of the replica-counting workloads: counts are never negative. */
export function validateReplicaStatus(o: Obj): FieldError[] {
  const s = obj(o.status);
  const errs: FieldError[] = [];
  for (const f of ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'updatedReplicas', 'currentReplicas', 'unavailableReplicas', 'observedGeneration', 'collisionCount'])
    errs.push(...nonNegative(s[f], `status.${f}`));
  return errs;
}
