// Jobs and CronJobs.
import { describeEvents } from './events.ts';
import { humanDuration, parseTime } from '../api/duration.ts';
import { selectorString } from '../api/labels/format.ts';
import { printAnnotationsMultiline, printBoolPtr, printController, printLabelsMultiline, rfc1123z } from './format.ts';
import { describePodTemplate } from './pod.ts';
import { LEVEL_0, tabbedString, type PrefixWriter } from './writer.ts';
import { has, int, obj, objs, str, type Obj } from './values.ts';

/** `Selector:` of a job: the selector, or why it does not convert. */
function selectorLine(selector: unknown): string {
  const s = selectorString(selector);
  return s === undefined ? 'Failed to get selector: invalid selector' : s;
}

export function describeJob(job: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(job.metadata);
    const s = obj(job.spec);
    const st = obj(job.status);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorLine(s.selector)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    const controlledBy = printController(job);
    if (controlledBy !== '') w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (has(s.parallelism)) w.write(LEVEL_0, `Parallelism:\t${int(s.parallelism)}\n`);
    w.write(LEVEL_0, `Completions:\t${has(s.completions) ? int(s.completions) : '<unset>'}\n`);
    if (has(s.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${str(s.completionMode)}\n`);
    if (has(s.suspend)) w.write(LEVEL_0, `Suspend:\t${s.suspend === true}\n`);
    if (has(s.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${int(s.backoffLimit)}\n`);
    if (has(s.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${int(s.ttlSecondsAfterFinished)}\n`);
    if (has(st.startTime)) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
    if (has(st.completionTime)) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
    if (has(st.startTime) && has(st.completionTime)) {
      w.write(LEVEL_0, `Duration:\t${humanDuration((parseTime(st.completionTime) ?? 0) - (parseTime(st.startTime) ?? 0))}\n`);
    }
    if (has(s.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${int(s.activeDeadlineSeconds)}s\n`);
    if (!has(st.ready)) w.write(LEVEL_0, `Pods Statuses:\t${int(st.active)} Active / ${int(st.succeeded)} Succeeded / ${int(st.failed)} Failed\n`);
    else w.write(LEVEL_0, `Pods Statuses:\t${int(st.active)} Active (${int(st.ready)} Ready) / ${int(st.succeeded)} Succeeded / ${int(st.failed)} Failed\n`);
    if (s.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(str(st.completedIndexes), 50)}\n`);
    describePodTemplate(obj(s.template), w);
    if (events) describeEvents(events, w, now);
  });
}

/** capIndexesListOrNone: cut after the first comma past the soft limit. */
function capIndexes(indexes: string, softLimit: number): string {
  if (indexes.length === 0) return '<none>';
  let i = softLimit;
  while (i < indexes.length && indexes[i] !== ',') i++;
  return i >= indexes.length ? indexes : `${indexes.slice(0, i + 1)}...`;
}

export function describeCronJob(cj: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(cj.metadata);
    const s = obj(cj.spec);
    const st = obj(cj.status);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Schedule:\t${str(s.schedule)}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${str(s.concurrencyPolicy)}\n`);
    w.write(LEVEL_0, `Suspend:\t${printBoolPtr(s.suspend)}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${has(s.successfulJobsHistoryLimit) ? int(s.successfulJobsHistoryLimit) : '<unset>'}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${has(s.failedJobsHistoryLimit) ? int(s.failedJobsHistoryLimit) : '<unset>'}\n`);
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${has(s.startingDeadlineSeconds) ? `${int(s.startingDeadlineSeconds)}s` : '<unset>'}\n`);
    describeJobTemplate(obj(s.jobTemplate), w);
    w.write(LEVEL_0, `Last Schedule Time:\t${has(st.lastScheduleTime) ? rfc1123z(st.lastScheduleTime) : '<unset>'}\n`);
    const active = objs(st.active);
    w.write(LEVEL_0, 'Active Jobs:\t');
    if (active.length === 0) w.writeLine('<none>');
    else {
      w.write(LEVEL_0, active.map((j) => str(j.name)).join(', '));
      w.writeLine('');
    }
    if (events) describeEvents(events, w, now);
  });
}

function describeJobTemplate(template: Obj, w: PrefixWriter): void {
  const s = obj(template.spec);
  w.write(LEVEL_0, `Selector:\t${has(s.selector) ? selectorLine(s.selector) : '<unset>'}\n`);
  w.write(LEVEL_0, `Parallelism:\t${has(s.parallelism) ? int(s.parallelism) : '<unset>'}\n`);
  w.write(LEVEL_0, `Completions:\t${has(s.completions) ? int(s.completions) : '<unset>'}\n`);
  if (has(s.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${int(s.activeDeadlineSeconds)}s\n`);
  describePodTemplate(obj(s.template), w);
}
