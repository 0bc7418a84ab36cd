// `delete`: remove the objects named by arguments, -f manifests or selectors, then (by default)
// wait until they are gone. The work lives in ./delete/; this module is only what --help and
// completion need, so that they load nothing else.
import type { CommandDef } from './command.ts';
import { allNamespacesFlag, dryRunFlag, fieldSelectorFlag, filenameFlags, selectorFlag } from './common-flags.ts';
import { flag } from './flags.ts';

const LONG = `Delete objects given as TYPE and NAME, as TYPE/NAME, by a label or field selector together with their type, or by the manifests in files, directories, URLs or standard input.

 Manifests may be JSON or YAML. Choose one way of naming the objects: files, types with names, or types with a selector (or --all).

 Kinds with graceful deletion, pods above all, get a grace period to shut down before they are removed. --grace-period replaces the kind's default period and --now makes it one second. A node that is down or cut off from the API server can make the shutdown take much longer than that period. --force removes the object from the API at once, without waiting for that confirmation. Kinds without graceful deletion ignore --grace-period.

 IMPORTANT: a pod deleted with --force may still be running on its node until the node notices. If the pod's processes share storage or identify themselves to other systems by the pod's name, a replacement may run next to the old one under the same name, which can corrupt data. Use --force only when the pod is known to be stopped, or when the application copes with two copies at once. The scheduler may also place new pods on the node before the old pod has released its resources there.

 The deletion does not check resourceVersions: an update made to an object just before it is deleted is lost with the object.

 After a CustomResourceDefinition is deleted, a cached discovery may still list its resources for up to 6 hours; run "kubectl api-resources" to refresh the cache sooner.`;

const EXAMPLE = `  # Delete the object that web.json describes
  kubectl delete -f ./web.json
  
  # Delete the objects of a kustomization directory
  kubectl delete -k overlays/dev
  
  # Delete the objects of every JSON file of the directory
  kubectl delete -f '*.json'
  
  # Delete the object described by the JSON on standard input
  cat web.json | kubectl delete -f -
  
  # Delete the pods and the services named "api" and "web"
  kubectl delete pod,service api web
  
  # Delete the pods and services labelled app=web
  kubectl delete pods,services -l app=web
  
  # Delete a pod, giving it a one-second grace period
  kubectl delete pod web-0 --now
  
  # Remove a pod of a node that is gone, without waiting for the node
  kubectl delete pod web-0 --force
  
  # Delete every pod of the namespace
  kubectl delete pods --all
  
  # Delete every pod of the namespace after confirming the list
  kubectl delete pods --all --interactive`;

export const command: CommandDef = {
  name: 'delete',
  short: 'Delete objects named on the command line, in manifests, or matched by selectors',
  long: LONG,
  example: EXAMPLE,
  use: '([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])',
  flags: [
    flag.bool('all', 'Delete every object of the given types in the namespace.'),
    allNamespacesFlag(),
    flag.string('cascade', 'What happens to dependents (e.g. the pods of a ReplicaSet): "background" (the default) deletes them after the owner, "foreground" before it, "orphan" keeps them.', {
      default: 'background',
      noOptDefVal: 'background',
    }),
    dryRunFlag(),
    fieldSelectorFlag(),
    ...filenameFlags('naming the objects to delete'),
    flag.bool('force', 'Remove the objects from the API at once, skipping graceful deletion. Some kinds may be left inconsistent or lose data; needs --grace-period 0 or unset.'),
    flag.int('grace-period', 'Seconds an object is given to shut down gracefully; negative keeps the kind\'s default, 1 means at once, 0 is only allowed with --force.', { default: -1 }),
    flag.bool('ignore-not-found', 'Count objects that do not exist as successfully deleted instead of failing; on by default with --all and selectors.'),
    flag.bool('interactive', 'List the objects and delete them only if the answer on standard input is y.', { shorthand: 'i' }),
    flag.bool('now', 'Ask the objects to shut down at once (a grace period of 1 second).'),
    flag.string('output', 'Print only kind/name for each deleted object with "-o name".', { shorthand: 'o' }),
    flag.string('raw', 'Send a DELETE to this server path, with the credentials of the kubeconfig, and print the answer.'),
    selectorFlag(),
    flag.duration('timeout', 'How long to wait for the objects to be gone before failing; 0 waits as long as it takes.', { default: 0 }),
    flag.bool('wait', 'Wait until the objects are really gone, finalizers included, before returning.', { default: true }),
  ],
  async run(ctx, inv) {
    const { runDelete } = await import('./delete/run.ts');
    await runDelete(ctx, inv);
  },
  complete: async (ctx, inv, toComplete) => (await import('./completion/resources.ts')).resourceTypeAndName()(ctx, inv, toComplete),
};
