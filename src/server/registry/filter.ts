// Which objects a list or watch returns: label and field selectors over an object
// (kube-apiserver's SelectionPredicate).
import type { KubeObject } from '../../api/object.ts';

export interface ObjectFilter {
  matches(obj: KubeObject): boolean;
  /** No selector at all: every object matches (lets lists count remaining items). */
  readonly isEverything: boolean;
}

export const everything: ObjectFilter = { matches: () => true, isEverything: true };

export function filterOf(...predicates: ((obj: KubeObject) => boolean)[]): ObjectFilter {
  if (predicates.length === 0) return everything;
  return { matches: (obj) => predicates.every((p) => p(obj)), isEverything: false };
}
