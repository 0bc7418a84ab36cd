// Pods and pod templates (core validation ValidatePodCreate / ValidatePodUpdate /
// ValidatePodStatusUpdate / ValidatePodTemplateSpec / ValidatePodTemplate).
import type { FieldError } from '../../status.ts';
import { arr, child, deepEqual, FIELD_IMMUTABLE, forbidden, index, invalid, obj, required, str, type Obj } from './field.ts';
import { validateAnnotations, validateLabels, validateQualifiedName } from './meta.ts';
import { inclusiveRangeError, isDNS1123Subdomain } from '../../../api/validation/names.ts';
import { validateImagesOnlyForPod } from './containers.ts';
import { validatePodSpec, validIP, validateTolerations } from './pod-spec.ts';

const MAX_INT32 = 2147483647;
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/** ValidatePodSpecificAnnotations (the parts users meet: the deletion-cost annotation). */
function podSpecificAnnotations(annotations: unknown, path: string): FieldError[] {
  const a = obj(annotations);
  if (DELETION_COST in a) {
    const v = str(a[DELETION_COST]);
    if (!/^[+-]?\d+$/.test(v) || Number(v) > MAX_INT32 || Number(v) < -MAX_INT32 - 1) return [invalid(`${path}[${DELETION_COST}]`, v, 'must be a 32bit integer')];
  }
  return [];
}

/** ValidatePodTemplateSpec: note upstream reports template labels at `<path>.labels`, not `.metadata.labels`. */
export function validatePodTemplateSpec(template: Obj, path: string): FieldError[] {
  const meta = obj(template.metadata);
  const spec = obj(template.spec);
  const errs = [
    ...validateLabels(meta.labels, child(path, 'labels')),
    ...validateAnnotations(meta.annotations, child(path, 'annotations')),
    ...podSpecificAnnotations(meta.annotations, child(path, 'annotations')),
    ...validatePodSpec(spec, { isPod: false }, child(path, 'spec')),
  ];
  if (arr(spec.ephemeralContainers).length) errs.push(forbidden(child(path, 'spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  return errs;
}

/** validatePodMetadataAndSpec (ObjectMeta itself is the store's). */
function podMetadataAndSpec(pod: Obj): FieldError[] {
  const spec = obj(pod.spec);
  const errs = [...podSpecificAnnotations(pod.metadata?.annotations, 'metadata.annotations'), ...validatePodSpec(spec, { isPod: true, podName: str(pod.metadata?.name) }, 'spec')];
  if (!str(spec.serviceAccountName)) {
    arr(spec.volumes).forEach((v, vi) => {
      arr(obj(v.projected).sources).forEach((s, si) => {
        if (s.serviceAccountToken)
          errs.push(forbidden(child(index(child(index('spec.volumes', vi), 'projected', 'sources'), si), 'serviceAccountToken'), 'must not be specified when serviceAccountName is not set'));
      });
    });
  }
  errs.push(...validateImagesOnlyForPod(spec.containers, 'spec.containers'), ...validateImagesOnlyForPod(spec.initContainers, 'spec.initContainers'));
  return errs;
}

export function validatePod(pod: Obj): FieldError[] {
  const spec = obj(pod.spec);
  const errs = podMetadataAndSpec(pod);
  if (arr(spec.ephemeralContainers).length) errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if (str(spec.nodeName) && arr(spec.schedulingGates).length) errs.push(forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  return errs;
}

const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

/** Go field name of a PodSpec JSON key, for the diff that follows the forbidden-update message. */
const goFieldName = (k: string) => k.charAt(0).toUpperCase() + k.slice(1);

/**
 * Upstream appends cmp.Diff(old, new) of the internal PodSpec; that text is Go-specific. This gives
 * the same shape (one -/+ pair per changed field), not the same bytes.
 */
function specDiff(oldSpec: Obj, newSpec: Obj): string {
  const lines = ['  core.PodSpec{'];
  const keys = [...new Set([...Object.keys(oldSpec), ...Object.keys(newSpec)])];
  for (const k of keys) {
    if (deepEqual(oldSpec[k], newSpec[k])) continue;
    if (oldSpec[k] !== undefined) lines.push(`- \t${goFieldName(k)}: ${JSON.stringify(oldSpec[k])},`);
    if (newSpec[k] !== undefined) lines.push(`+ \t${goFieldName(k)}: ${JSON.stringify(newSpec[k])},`);
  }
  lines.push('  }');
  return lines.join('\n') + '\n';
}

function containerUpdates(newList: unknown, oldList: unknown, path: string): { errs: FieldError[]; stop: boolean } {
  const n = arr(newList);
  if (n.length !== arr(oldList).length) return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  n.forEach((c, i) => {
    const image = str(c.image);
    if (!image) errs.push(required(child(index(path, i), 'image')));
    if (image.trim() !== image) errs.push(invalid(child(index(path, i), 'image'), image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

/** Tolerations may only be added (existing ones may change only tolerationSeconds). */
function onlyAddedTolerations(newT: unknown, oldT: unknown, path: string): FieldError[] {
  for (const old of arr(oldT)) {
    const found = arr(newT).some((t) => deepEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!found) return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(newT, path);
}

export function validatePodUpdate(pod: Obj, old: Obj): FieldError[] {
  const errs = podMetadataAndSpec(pod);
  const spec = obj(pod.spec);
  const oldSpec = obj(old.spec);
  for (const f of ['containers', 'initContainers']) {
    const r = containerUpdates(spec[f], oldSpec[f], `spec.${f}`);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = spec.activeDeadlineSeconds;
  if (typeof ads === 'number') {
    if (ads < 0 || ads > MAX_INT32) return [...errs, invalid('spec.activeDeadlineSeconds', ads, inclusiveRangeError(0, MAX_INT32))];
    if (typeof oldSpec.activeDeadlineSeconds === 'number' && oldSpec.activeDeadlineSeconds < ads)
      return [...errs, invalid('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value')];
  } else if (typeof oldSpec.activeDeadlineSeconds === 'number') {
    errs.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...onlyAddedTolerations(spec.tolerations, oldSpec.tolerations, 'spec.tolerations'));
  const oldGates = new Set(arr(oldSpec.schedulingGates).map((g) => str(g.name)));
  arr(spec.schedulingGates).forEach((g, i) => {
    if (!oldGates.has(str(g.name))) errs.push(forbidden(child(index('spec.schedulingGates', i), 'name'), `only deletion is allowed, but found new scheduling gate '${str(g.name)}'`));
  });
  if (deepEqual(spec, oldSpec)) return errs;
  const munged: Obj = { ...spec };
  munged.containers = arr(spec.containers).map((c, i) => ({ ...c, image: arr(oldSpec.containers)[i]?.image }));
  if (spec.initContainers !== undefined) munged.initContainers = arr(spec.initContainers).map((c, i) => ({ ...c, image: arr(oldSpec.initContainers)[i]?.image }));
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  if (typeof oldSpec.terminationGracePeriodSeconds === 'number' && oldSpec.terminationGracePeriodSeconds < 0 && munged.terminationGracePeriodSeconds === 1)
    munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  if (arr(oldSpec.schedulingGates).length) {
    // Gated pods may gain node selectors and node affinity (no deletions or mutations).
    const oldSel = obj(oldSpec.nodeSelector);
    const newSel = obj(munged.nodeSelector);
    if (Object.entries(oldSel).some(([k, v]) => newSel[k] !== v))
      errs.push(invalid('spec.nodeSelector', JSON.stringify(newSel), 'only additions to spec.nodeSelector are allowed (no mutations or deletions)'));
    munged.nodeSelector = oldSpec.nodeSelector;
  }
  if (!deepEqual(munged, oldSpec))
    errs.push(forbidden('spec', `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${specDiff(oldSpec, munged)}`));
  return errs;
}

/** ValidatePodStatusUpdate: what a status writer (the kubelet) may not do. */
export function validatePodStatusUpdate(pod: Obj, old: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const status = obj(pod.status);
  const oldStatus = obj(old.status);
  arr(status.conditions).forEach((c, i) => {
    if (['PodScheduled', 'Ready', 'Initialized'].includes(str(c.type))) return;
    // Upstream builds this path from "metadata", hence metadata.conditions[i].Type.
    errs.push(...validateQualifiedName(str(c.type), child(index('metadata.conditions', i), 'Type')));
  });
  if (str(obj(pod.spec).nodeName) !== str(obj(old.spec).nodeName)) errs.push(forbidden('status.nodeName', 'may not be changed directly'));
  if (str(status.nominatedNodeName) && status.nominatedNodeName !== oldStatus.nominatedNodeName)
    errs.push(...isDNS1123Subdomain(str(status.nominatedNodeName)).map((m) => invalid('status.nominatedNodeName', str(status.nominatedNodeName), m)));
  if (str(status.qosClass) !== str(oldStatus.qosClass)) errs.push(invalid('status.qosClass', str(status.qosClass), FIELD_IMMUTABLE));
  const restart = str(obj(old.spec).restartPolicy);
  if (restart !== 'Always') {
    arr(oldStatus.containerStatuses).forEach((o, i) => {
      const term = obj(o.state).terminated;
      if (!term) return;
      if (obj(term).exitCode !== 0 && restart === 'OnFailure') return;
      for (const n of arr(status.containerStatuses))
        if (n.name === o.name && !obj(n.state).terminated) errs.push(forbidden(child(index('status.containerStatuses', i), 'state'), 'may not be transitioned to non-terminated state'));
    });
  }
  arr(status.podIPs).forEach((ip, i) => errs.push(...validIP(str(ip.ip), index('status.podIPs', i))));
  const hostIPs = arr(status.hostIPs);
  if (hostIPs.length) {
    if (str(status.hostIP) !== str(hostIPs[0]!.ip)) errs.push(invalid('status.hostIPs[0].ip', str(hostIPs[0]!.ip), 'must be equal to `hostIP`'));
    hostIPs.forEach((ip, i) => errs.push(...validIP(str(ip.ip), index('status.hostIPs', i))));
  }
  return errs;
}

/** PodTemplate objects. */
export const validatePodTemplate = (pt: Obj) => validatePodTemplateSpec(obj(pt.template), 'template');
