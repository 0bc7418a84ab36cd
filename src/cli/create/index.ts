// `create`: objects from manifests (-f) or, through its sub-commands, from a few flags. Every
// sub-command module is small and static; the work of `create -f` loads only when it runs.
import type { CommandDef } from '../command.ts';
import { filenameFlags, selectorFlag } from '../common-flags.ts';
import { flag } from '../flags.ts';
import { configmap } from './configmap.ts';
import { deployment } from './deployment.ts';
import { createFlags } from './generator.ts';
import { ingress } from './ingress.ts';
import { cronjob, job } from './job.ts';
import { pdb } from './pdb.ts';
import { priorityclass } from './priorityclass.ts';
import { quota } from './quota.ts';
import { clusterrole, role } from './role.ts';
import { clusterrolebinding, rolebinding } from './rolebinding.ts';
import { secret } from './secret.ts';
import { service } from './service.ts';
import { namespace, serviceaccount } from './simple.ts';
import { token } from './token.ts';

export const command: CommandDef = {
  name: 'create',
  short: 'Create objects from manifests or from a few flags',
  long: `Create the objects described in files, directories, URLs or standard input.

 Manifests may be YAML or JSON; a file can hold several documents or a List. Objects that already exist are reported as errors; the others are still created.`,
  example: `  # The objects of one manifest
  kubectl create -f web.yaml
  
  # A manifest from standard input
  cat web.json | kubectl create -f -
  
  # Every manifest under a directory, subdirectories included
  kubectl create -f manifests/ -R
  
  # Only the objects labelled tier=front
  kubectl create -f manifests/ -l tier=front`,
  use: '-f FILENAME',
  flags: [
    ...createFlags(),
    ...filenameFlags('holding the objects to create'),
    flag.bool('edit', 'Open the objects in an editor before creating them.'),
    flag.string('raw', 'A server path to POST the file given with -f to, as is, with the credentials of the kubeconfig.'),
    selectorFlag('Label query: only the objects of the files whose labels match it are created, e.g. -l app=web,tier!=db'),
    flag.bool('windows-line-endings', 'With --edit: use Windows line endings in the edited text.'),
    flag.bool('record', 'Record the command line in the kubernetes.io/change-cause annotation.', { hidden: true }),
  ],
  subcommands: [
    clusterrole, clusterrolebinding, configmap, cronjob, deployment, ingress, job, namespace, pdb, priorityclass, quota,
    role, rolebinding, secret, service, serviceaccount, token,
  ],
  async run(ctx, inv) {
    const { runCreate } = await import('./from-files.ts');
    return runCreate(ctx, inv);
  },
};
