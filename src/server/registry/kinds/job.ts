// Jobs (pkg/registry/batch/job/strategy.go): unless the selector is manual, the server makes one
// from the job's uid and labels the pod template to match (job-name and controller-uid, in both
// the legacy and the batch.kubernetes.io forms).
import type { KubeObject } from '../../../api/object.ts';
import type { Strategy } from '../strategy.ts';

const JOB_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'];
const CONTROLLER_UID_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid'];

interface JobSpec {
  manualSelector?: boolean;
  selector?: { matchLabels?: Record<string, string> };
  template?: { metadata?: { labels?: Record<string, string> } };
}

export function generateSelector(job: KubeObject): void {
  const spec = (job.spec ??= {}) as JobSpec;
  if (spec.manualSelector) return;
  const template = (spec.template ??= {});
  const meta = (template.metadata ??= {});
  const labels = (meta.labels ??= {});
  // Labels the user already set are kept; a conflict is for validation to report.
  for (const key of JOB_NAME_LABELS) labels[key] ??= job.metadata.name!;
  for (const key of CONTROLLER_UID_LABELS) labels[key] ??= job.metadata.uid!;
  const selector = (spec.selector ??= {});
  const matchLabels = (selector.matchLabels ??= {});
  matchLabels['batch.kubernetes.io/controller-uid'] ??= job.metadata.uid!;
}

export const jobs: Strategy = {
  tracksGeneration: true,
  prepareForCreate(job) {
    generateSelector(job);
  },
  specOf: (job) => job.spec,
};
