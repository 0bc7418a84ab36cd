// Jobs and cron jobs (printers.go printJob, printCronJob).
import { humanDuration, parseTime, since } from '../../../api/duration.ts';
import { formatLabelSelector } from '../../../api/labels/format.ts';
import { AGE, CONTAINERS, IMAGES, NAME, SELECTOR, boolean, integer, text } from '../columns.ts';
import { age, boolPtr, conditionTrue, containerCells, deleting, has, int, items, name, obj, spec, status, str } from '../fields.ts';
import type { TableEntry } from '../types.ts';

export const jobs: TableEntry = {
  columns: [
    NAME,
    text('Status', 'What the job came to, or that it runs.'),
    text('Completions', 'Succeeded pods out of those needed.'),
    text('Duration', 'How long the job ran, or has run.'),
    AGE, CONTAINERS, IMAGES, SELECTOR,
  ],
  row(o, now) {
    const sp = spec(o);
    const st = status(o);
    const succeeded = int(st.succeeded);
    let completions: string;
    if (has(sp.completions)) completions = `${succeeded}/${int(sp.completions)}`;
    else if (int(sp.parallelism) > 1) completions = `${succeeded}/1 of ${int(sp.parallelism)}`;
    else completions = `${succeeded}/1`;

    const start = parseTime(st.startTime);
    const end = parseTime(st.completionTime);
    // running jobs count up to now; finished ones from start to completion
    const duration = start === undefined ? '' : humanDuration((end ?? now.getTime()) - start);

    const conditions = st.conditions;
    let state = 'Running';
    if (conditionTrue(conditions, 'Complete')) state = 'Complete';
    else if (conditionTrue(conditions, 'Failed')) state = 'Failed';
    else if (deleting(o)) state = 'Terminating';
    else if (conditionTrue(conditions, 'Suspended')) state = 'Suspended';
    else if (conditionTrue(conditions, 'FailureTarget')) state = 'FailureTarget';

    const [names, images] = containerCells(obj(obj(sp.template).spec).containers);
    return [name(o), state, completions, duration, age(o, now), names, images, formatLabelSelector(sp.selector)];
  },
};

export const cronJobs: TableEntry = {
  columns: [
    NAME,
    text('Schedule', 'The cron schedule.'),
    text('Timezone', 'The time zone of the schedule.'),
    boolean('Suspend', 'Whether new runs are held back.'),
    integer('Active', 'Jobs running now.'),
    text('Last Schedule', 'How long ago a job was last scheduled.'),
    AGE, CONTAINERS, IMAGES, SELECTOR,
  ],
  row(o, now) {
    const sp = spec(o);
    const st = status(o);
    const jobSpec = obj(obj(sp.jobTemplate).spec);
    const [names, images] = containerCells(obj(obj(jobSpec.template).spec).containers);
    return [
      name(o), str(sp.schedule), has(sp.timeZone) ? str(sp.timeZone) : '<none>', boolPtr(sp.suspend),
      items(st.active).length, has(st.lastScheduleTime) ? since(st.lastScheduleTime, now) : '<none>', age(o, now),
      names, images, formatLabelSelector(jobSpec.selector),
    ];
  },
};
