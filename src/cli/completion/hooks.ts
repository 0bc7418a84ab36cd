// What command modules use in their `complete()` / `completeFlag` hooks, in one place. Nothing
// here loads the HTTP client until a hook asks the server (ctx.client()).
export { Directive, noFiles } from './directive.ts';
export { completeClusters, completeContexts, completeUsers } from './kubeconfig.ts';
export { completeContainers, completePodOrTypeSlashName, containerOfFirstArg, podResourceName, podResourceNameAndContainer, resourceAndPort, RESOURCES_WITH_PODS } from './pods.ts';
export {
  collectionPath, completeNamespaces, completeResourceNames, completeResourceTypes, completeTypeSlashName, fixedValues, resourceName, resourceTypeAndName,
} from './resources.ts';
export type { CompleteFn, TypeAndNameOptions } from './resources.ts';

import type { CompleteFn } from './resources.ts';
import { completeClusters, completeContexts, completeUsers } from './kubeconfig.ts';
import { Directive } from './directive.ts';

/** First argument: a kubeconfig entry name (config use-context, delete-context, set-context...). */
const firstArgFrom =
  (list: typeof completeContexts): CompleteFn =>
  async (ctx, { args }, toComplete) => ({ candidates: args.length ? [] : await list(ctx, toComplete), directive: Directive.NoFileComp });

export const contextName = firstArgFrom(completeContexts);
export const clusterName = firstArgFrom(completeClusters);
export const userName = firstArgFrom(completeUsers);
