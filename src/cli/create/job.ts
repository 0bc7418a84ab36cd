// `create job NAME (--image=... | --from=cronjob/NAME)` and `create cronjob NAME --image --schedule`.
import type { KubeObject } from '../../printers/objects.ts';
import { CliError } from '../errors.ts';
import { flag } from '../flags.ts';
import { generator, type GeneratorInput } from './generator.ts';
import { objectMeta, typed } from './objects.ts';

const container = (name: string, image: string, command: string[]): KubeObject => ({
  name, image, command: command.length ? command : undefined, resources: {},
});

const podTemplate = (c: KubeObject, restartPolicy: string): KubeObject => ({
  metadata: objectMeta({}),
  spec: { containers: [c], restartPolicy: restartPolicy || undefined },
});

export function buildJob(name: string, namespace: string, image: string, command: string[]): KubeObject {
  return typed('batch/v1', 'Job', objectMeta({ name, namespace }), {
    spec: { template: podTemplate(container(name, image, command), 'Never') },
    status: {},
  });
}

/** A Job instantiated from a CronJob's template, owned by it (what the cronjob controller makes). */
export function jobFromCronJob(name: string, namespace: string, cronJob: KubeObject): KubeObject {
  const cj = cronJob as { metadata?: { name?: string; uid?: string }; spec?: { jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: KubeObject } } };
  const template = cj.spec?.jobTemplate ?? {};
  const annotations = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) };
  const ownerReferences = [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata?.name ?? '', uid: cj.metadata?.uid ?? '', controller: true }];
  return typed('batch/v1', 'Job', objectMeta({ name, namespace, labels: template.metadata?.labels, annotations, ownerReferences }), {
    spec: template.spec ?? {},
    status: {},
  });
}

async function fromCronJob(g: GeneratorInput, from: string): Promise<KubeObject> {
  const { build, resourcePath } = await import('../resource/builder.ts');
  const built = await build(() => g.client.mapper(), {
    args: [from], filenames: [], recursive: false, namespace: g.client.namespace, namespaceExplicit: g.client.namespaceExplicit,
    allNamespaces: false, selecting: false, program: g.ctx.program, command: 'create', cwd: g.ctx.cwd,
  });
  const objects: KubeObject[] = [];
  for (const item of built.items) {
    if ('message' in item) throw new CliError(item.message);
    if (item.kind === 'object') objects.push(await g.client.get(resourcePath(item.resource, item.namespace, item.name)));
    else {
      const list = await g.client.get<{ items?: KubeObject[] }>(resourcePath(item.resource, item.namespace));
      for (const obj of list.items ?? []) objects.push({ ...obj, kind: item.resource.kind, apiVersion: item.resource.group ? `${item.resource.group}/${item.resource.version}` : item.resource.version });
    }
  }
  if (objects.length !== 1) throw new CliError('from must be an existing cronjob');
  const obj = objects[0]!;
  if (obj.kind !== 'CronJob' || obj.apiVersion !== 'batch/v1') {
    const version = String(obj.apiVersion ?? '').split('/').pop();
    throw new CliError(`unknown object type *${version}.${String(obj.kind)}`);
  }
  return jobFromCronJob(g.name, g.enforcedNamespace, obj);
}

export const job = generator({
  name: 'job',
  short: 'Create a job',
  long: 'Create a Job with the given name, running one container (--image), or instantiate the job template of an existing CronJob (--from).',
  example: `  # A job that runs a container once
  kubectl create job report --image=busybox
  
  # With a command for the container
  kubectl create job report --image=busybox -- date
  
  # A run of a cron job now, outside its schedule
  kubectl create job report-now --from=cronjob/report`,
  use: 'NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]',
  flags: [
    flag.string('image', 'The image to run.'),
    flag.string('from', 'An existing object to make the job from, as cronjob/NAME (cron jobs are the only kind supported).'),
  ],
  resource: { group: 'batch', version: 'v1', resource: 'jobs', namespaced: true },
  failure: (m) => `failed to create job: ${m}`,
  async build(g) {
    const [image, from] = [g.flags.string('image'), g.flags.string('from')];
    if (!image === !from) throw new CliError('either --image or --from must be specified');
    if (g.command.length && from) throw new CliError('cannot specify --from and command');
    return image ? buildJob(g.name, g.enforcedNamespace, image, g.command) : fromCronJob(g, from);
  },
});

export function buildCronJob(name: string, namespace: string, image: string, schedule: string, restart: string, command: string[]): KubeObject {
  return typed('batch/v1', 'CronJob', objectMeta({ name, namespace }), {
    spec: {
      schedule,
      jobTemplate: {
        metadata: objectMeta({ name }),
        spec: { template: podTemplate(container(name, image, command), restart || 'OnFailure') },
      },
    },
    status: {},
  });
}

export const cronjob = generator({
  name: 'cronjob',
  aliases: ['cj'],
  short: 'Create a cron job',
  long: 'Create a CronJob with the given name, running one container on a schedule.',
  example: `  # A container run every ten minutes
  kubectl create cronjob cleanup --image=busybox --schedule="*/10 * * * *"
  
  # With a command for the container
  kubectl create cronjob cleanup --image=busybox --schedule="*/10 * * * *" -- date`,
  use: "NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]",
  required: ['image', 'schedule'],
  flags: [
    flag.string('image', 'The image to run.'),
    flag.string('schedule', 'When to run, in cron syntax.'),
    flag.string('restart', "The restart policy of the job's pods: OnFailure (the default) or Never."),
  ],
  resource: { group: 'batch', version: 'v1', resource: 'cronjobs', namespaced: true },
  failure: (m) => `failed to create cronjob: ${m}`,
  build: (g) => buildCronJob(g.name, g.enforcedNamespace, g.flags.string('image'), g.flags.string('schedule'), g.flags.string('restart'), g.command),
});
