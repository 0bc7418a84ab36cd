// batch/v1 Jobs and CronJobs (batch validation plus the Job strategy's immutable fields).
import type { FieldError } from '../../status.ts';
import { arr, child, deepEqual, FIELD_IMMUTABLE, goText, invalid, isObj, nonNegative, notSupported, obj, required, str, tooMany, type Obj } from './field.ts';
import { goLabelSelector, goMap } from './go-repr.ts';
import { selectorMatches, selectorParses, validateLabelSelector } from './meta.ts';
import { isDNS1123Label } from '../../../api/validation/names.ts';
import { validatePodTemplateSpec } from './pod.ts';
import { cronParseError } from './cron.ts';

const MAX_PARALLELISM_INDEXED = 100000;
const MAX_FAILED_INDEXES = 100000;

/** ValidateHasLabel on the pod template's labels. */
function hasLabel(labels: unknown, k: string, expected: string): FieldError[] {
  const l = obj(labels);
  const p = `spec.template.metadata.labels[${k}]`;
  if (!(k in l)) return [required(p, `must be '${expected}'`)];
  return l[k] === expected ? [] : [invalid(p, goMap(labels), `must be '${expected}'`)];
}

/** validateGeneratedSelector: unless manualSelector, the strategy must have generated the selector and labels. */
function generatedSelector(job: Obj): FieldError[] {
  const spec = obj(job.spec);
  if (spec.manualSelector === true || !isObj(spec.selector)) return [];
  const uid = str(job.metadata?.uid);
  const name = str(job.metadata?.name);
  const labels = obj(spec.template).metadata?.labels;
  const errs: FieldError[] = uid ? [] : [required('metadata.uid')];
  errs.push(...hasLabel(labels, 'controller-uid', uid), ...hasLabel(labels, 'job-name', name));
  errs.push(...hasLabel(labels, 'batch.kubernetes.io/controller-uid', uid), ...hasLabel(labels, 'batch.kubernetes.io/job-name', name));
  const expected = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
  if (selectorParses(spec.selector) && !selectorMatches(spec.selector, expected)) errs.push(invalid('spec.selector', goLabelSelector(spec.selector), '`selector` not auto-generated'));
  return errs;
}

const POD_FAILURE_ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];

function podFailurePolicy(spec: Obj, path: string): FieldError[] {
  const rules = arr(obj(spec.podFailurePolicy).rules);
  const rulesPath = child(path, 'rules');
  const errs: FieldError[] = rules.length > 20 ? [tooMany(rulesPath, rules.length, 20)] : [];
  rules.forEach((r, i) => {
    const rp = `${rulesPath}[${i}]`;
    const action = str(r.action);
    if (!action) errs.push(required(child(rp, 'action'), `valid values: ${JSON.stringify(POD_FAILURE_ACTIONS).replace(/,/g, ' ')}`));
    else if (action === 'FailIndex' && spec.backoffLimitPerIndex === undefined) errs.push(invalid(child(rp, 'action'), action, 'requires the backoffLimitPerIndex to be set'));
    else if (!POD_FAILURE_ACTIONS.includes(action)) errs.push(notSupported(child(rp, 'action'), action, POD_FAILURE_ACTIONS));
    // field.OmitValueType: "Invalid value: <detail>".
    if (r.onExitCodes && arr(r.onPodConditions).length) errs.push({ type: 'FieldValueInvalid', field: rp, detail: 'specifying both OnExitCodes and OnPodConditions is not supported' });
    if (!r.onExitCodes && !arr(r.onPodConditions).length) errs.push({ type: 'FieldValueInvalid', field: rp, detail: 'specifying one of OnExitCodes and OnPodConditions is required' });
  });
  return errs;
}

/** validateJobSpec: the template and counters, shared by Jobs and CronJob job templates. */
function jobSpec(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex'])
    errs.push(...nonNegative(spec[f], child(path, f)));
  if (typeof spec.maxFailedIndexes === 'number') {
    errs.push(...nonNegative(spec.maxFailedIndexes, child(path, 'maxFailedIndexes')));
    if (spec.backoffLimitPerIndex === undefined || spec.backoffLimitPerIndex === null) errs.push(required(child(path, 'backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== null) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(child(path, 'completionMode'), str(mode), ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (typeof spec.completions !== 'number') errs.push(required(child(path, 'completions'), 'when completion mode is Indexed'));
      if (typeof spec.parallelism === 'number' && spec.parallelism > MAX_PARALLELISM_INDEXED)
        errs.push(invalid(child(path, 'parallelism'), spec.parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
      if (typeof spec.completions === 'number' && typeof spec.maxFailedIndexes === 'number' && spec.maxFailedIndexes > spec.completions)
        errs.push(invalid(child(path, 'maxFailedIndexes'), spec.maxFailedIndexes, 'must be less than or equal to completions'));
      if (typeof spec.maxFailedIndexes === 'number' && spec.maxFailedIndexes > MAX_FAILED_INDEXES)
        errs.push(invalid(child(path, 'maxFailedIndexes'), spec.maxFailedIndexes, `must be less than or equal to ${MAX_FAILED_INDEXES}`));
    }
  }
  if (mode === undefined || mode === null || mode === 'NonIndexed') {
    if (typeof spec.backoffLimitPerIndex === 'number') errs.push(invalid(child(path, 'backoffLimitPerIndex'), spec.backoffLimitPerIndex, 'requires indexed completion mode'));
    if (typeof spec.maxFailedIndexes === 'number') errs.push(invalid(child(path, 'maxFailedIndexes'), spec.maxFailedIndexes, 'requires indexed completion mode'));
  }
  if (isObj(spec.podFailurePolicy)) errs.push(...podFailurePolicy(spec, child(path, 'podFailurePolicy')));
  if (isObj(spec.successPolicy) && mode !== 'Indexed') errs.push(invalid(child(path, 'successPolicy'), goText('batch.SuccessPolicy{...}'), 'requires indexed completion mode'));
  if (spec.podReplacementPolicy !== undefined && spec.podReplacementPolicy !== null) {
    const prp = str(spec.podReplacementPolicy);
    if (isObj(spec.podFailurePolicy)) {
      if (prp !== 'Failed') errs.push(notSupported(child(path, 'podReplacementPolicy'), prp, ['Failed']));
    } else if (prp !== 'Failed' && prp !== 'TerminatingOrFailed') errs.push(notSupported(child(path, 'podReplacementPolicy'), prp, ['Failed', 'TerminatingOrFailed']));
  }
  const t = obj(spec.template);
  errs.push(...validatePodTemplateSpec(t, child(path, 'template')));
  const rp = str(obj(t.spec).restartPolicy);
  const rpPath = child(path, 'template', 'spec', 'restartPolicy');
  if (rp === 'Always' || rp === '') errs.push(required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(rpPath, rp, ['OnFailure', 'Never']));
  else if (isObj(spec.podFailurePolicy) && rp !== 'Never') errs.push(invalid(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

/** ValidateJobSpec: plus the selector and its match with the template labels. */
function jobSpecWithSelector(spec: Obj): FieldError[] {
  const errs = jobSpec(spec, 'spec');
  if (!isObj(spec.selector)) errs.push(required('spec.selector'));
  else errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const labels = obj(obj(spec.template).metadata).labels;
  if (selectorParses(spec.selector) && !selectorMatches(spec.selector, labels))
    errs.push(invalid('spec.template.metadata.labels', goMap(labels), '`selector` does not match template `labels`'));
  return errs;
}

export function validateJob(job: Obj): FieldError[] {
  const spec = obj(job.spec);
  const errs = [...generatedSelector(job), ...jobSpecWithSelector(spec)];
  if (spec.completionMode === 'Indexed' && typeof spec.completions === 'number' && spec.completions > 0) {
    const name = str(job.metadata?.name);
    const host = `${name}-${spec.completions - 1}`;
    if (isDNS1123Label(host).length) errs.push(invalid('metadata.name', name, `will not able to create pod with invalid DNS label: ${host}`));
  }
  return errs;
}

/** The value Go prints for an immutable *int32 / *string: the pointee, or null. */
const ptrValue = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'number' || typeof v === 'string' ? v : goText(JSON.stringify(v)));

/** ValidateJobUpdate's own checks (the strategy also runs validateJob on the new object first). */
export function validateJobUpdate(job: Obj, old: Obj): FieldError[] {
  const spec = obj(job.spec);
  const oldSpec = obj(old.spec);
  const errs: FieldError[] = [];
  const elastic = spec.completionMode === 'Indexed';
  if (!deepEqual(spec.completions, oldSpec.completions)) {
    if (!elastic) errs.push(invalid('spec.completions', ptrValue(spec.completions), FIELD_IMMUTABLE));
    else if (typeof spec.completions === 'number' && spec.completions !== spec.parallelism)
      errs.push(invalid('spec.completions', spec.completions, 'can only be modified in tandem with spec.parallelism'));
  }
  if (!deepEqual(spec.selector, oldSpec.selector)) errs.push(invalid('spec.selector', goLabelSelector(spec.selector), FIELD_IMMUTABLE));
  // A suspended Job that never started may change its scheduling directives (AllowMutableSchedulingDirectives).
  const t = obj(spec.template);
  let oldT = obj(oldSpec.template);
  if (spec.suspend === true && !obj(old.status).startTime) {
    const ts = obj(t.spec);
    const os: Obj = { ...obj(oldT.spec), nodeSelector: ts.nodeSelector, tolerations: ts.tolerations, schedulingGates: ts.schedulingGates };
    const aff = obj(ts.affinity);
    if (isObj(ts.affinity) || isObj(os.affinity)) os.affinity = { ...obj(os.affinity), nodeAffinity: aff.nodeAffinity };
    oldT = { ...oldT, metadata: { ...obj(oldT.metadata), labels: obj(t.metadata).labels, annotations: obj(t.metadata).annotations }, spec: os };
  }
  if (!deepEqual(t, oldT)) errs.push(invalid('spec.template', goText('core.PodTemplateSpec{...}'), FIELD_IMMUTABLE));
  for (const f of ['completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy', 'successPolicy'])
    if (!deepEqual(spec[f], oldSpec[f])) errs.push(invalid(`spec.${f}`, ptrValue(spec[f]), FIELD_IMMUTABLE));
  return errs;
}

/** time.LoadLocation through the ICU zone database; Go's lookup is case-sensitive. */
export function isValidTimeZone(tz: string): boolean {
  if (tz === 'UTC' || tz === 'Local') return true;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
    return !(resolved.toLowerCase() === tz.toLowerCase() && resolved !== tz);
  } catch {
    return false;
  }
}

const TZ_CHARS = /^[A-Za-z.\-_0-9+]{1,14}$/;

function validateTimeZone(tz: unknown, path: string): FieldError[] {
  if (tz === undefined || tz === null) return [];
  const s = str(tz);
  if (!s) return [invalid(path, s, 'timeZone must be nil or non-empty string')];
  for (const part of s.split('/'))
    if (part === '.' || part === '..' || part.startsWith('-') || !TZ_CHARS.test(part)) return [invalid(path, s, `unknown time zone ${s}`)];
  const errs: FieldError[] = [];
  if (s.toLowerCase() === 'local') errs.push(invalid(path, s, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  if (!isValidTimeZone(s)) errs.push(invalid(path, s, `unknown time zone ${s}`));
  return errs;
}

function cronJobSpec(spec: Obj, oldSpec: Obj | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const schedule = str(spec.schedule);
  if (!schedule) errs.push(required('spec.schedule'));
  else {
    const parseErr = cronParseError(schedule, isValidTimeZone);
    if (parseErr) errs.push(invalid('spec.schedule', schedule, parseErr));
    const allowTZ = oldSpec !== undefined && str(oldSpec.schedule).includes('TZ');
    if (allowTZ && schedule.includes('TZ') && spec.timeZone !== undefined && spec.timeZone !== null)
      errs.push(invalid('spec.schedule', schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    else if (!allowTZ && schedule.includes('TZ')) errs.push(invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  errs.push(...nonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  if (!oldSpec || oldSpec.timeZone !== spec.timeZone) errs.push(...validateTimeZone(spec.timeZone, 'spec.timeZone'));
  const cp = str(spec.concurrencyPolicy);
  if (!cp) errs.push(required('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  const jt = obj(obj(spec.jobTemplate).spec);
  errs.push(...jobSpec(jt, 'spec.jobTemplate.spec'));
  if (isObj(jt.selector)) errs.push(invalid('spec.jobTemplate.spec.selector', goLabelSelector(jt.selector), '`selector` will be auto-generated'));
  if (jt.manualSelector === true) errs.push(notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  errs.push(...nonNegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...nonNegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  return errs;
}

export function validateCronJob(cj: Obj): FieldError[] {
  const errs = cronJobSpec(obj(cj.spec), undefined);
  const name = str(cj.metadata?.name);
  // The controller appends an 11-character suffix to Job names, which are capped at 63.
  if (name.length > 52) errs.push(invalid('metadata.name', name, 'must be no more than 52 characters'));
  return errs;
}

export const validateCronJobUpdate = (cj: Obj, old: Obj) => cronJobSpec(obj(cj.spec), obj(old.spec));
