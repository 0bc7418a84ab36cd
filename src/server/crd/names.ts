// Accepting a CRD's names (apiextensions-apiserver controller/status naming_controller.go and
// controller/establish): a name another CRD of the same group already uses is refused with a
// <Field>Conflict reason; once all names are accepted the CRD is Established.
import { isDeepStrictEqual } from 'node:util';
import type { Crd, CrdCondition, CrdNames } from './types.ts';
import { findCondition } from './types.ts';

type Condition = Omit<CrdCondition, 'lastTransitionTime'>;

export interface NamingResult {
  acceptedNames: CrdNames;
  namesAccepted: Condition;
  established: Condition;
}

/** Semantic equality of names: absent and empty lists are the same. */
export function sameNames(a: CrdNames | undefined, b: CrdNames | undefined): boolean {
  const norm = (n: CrdNames | undefined) => ({
    plural: n?.plural ?? '',
    singular: n?.singular ?? '',
    shortNames: n?.shortNames ?? [],
    kind: n?.kind ?? '',
    listKind: n?.listKind ?? '',
    categories: n?.categories ?? [],
  });
  return isDeepStrictEqual(norm(a), norm(b));
}

/** equalToAcceptedOrFresh. */
function conflict(requested: string | undefined, accepted: string | undefined, used: Set<string>): string | undefined {
  const r = requested ?? '';
  if (r === (accepted ?? '') || !used.has(r)) return undefined;
  return `${JSON.stringify(r)} is already in use`;
}

/** calculateNamesAndConditions against every CRD of the group (this one included, as upstream). */
export function calculateNames(crd: Crd, group: readonly Crd[]): NamingResult {
  const resources = new Set<string>();
  const kinds = new Set<string>();
  for (const other of group) {
    if (other.spec.group !== crd.spec.group) continue;
    const n = other.status?.acceptedNames ?? {};
    for (const r of [n.plural, n.singular, ...(n.shortNames ?? [])]) resources.add(r ?? '');
    kinds.add(n.kind ?? '');
    kinds.add(n.listKind ?? '');
  }
  const requested = crd.spec.names ?? {};
  const accepted = crd.status?.acceptedNames ?? {};
  const names: CrdNames = { ...accepted };
  let failure: Condition | undefined;
  const check = (field: 'plural' | 'singular' | 'kind' | 'listKind', reason: string, used: Set<string>) => {
    const err = conflict(requested[field], accepted[field], used);
    if (err) failure = { type: 'NamesAccepted', status: 'False', reason, message: err };
    else names[field] = requested[field];
  };
  check('plural', 'PluralConflict', resources);
  check('singular', 'SingularConflict', resources);
  if (!isDeepStrictEqual(requested.shortNames ?? [], accepted.shortNames ?? [])) {
    const existing = new Set(accepted.shortNames ?? []);
    const errs = (requested.shortNames ?? []).filter((s) => !existing.has(s)).map((s) => conflict(s, '', resources)).filter((e): e is string => !!e);
    // utilerrors.NewAggregate: one message alone, several in brackets
    if (errs.length) failure = { type: 'NamesAccepted', status: 'False', reason: 'ShortNamesConflict', message: errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]` };
    else names.shortNames = requested.shortNames;
  }
  check('kind', 'KindConflict', kinds);
  check('listKind', 'ListKindConflict', kinds);
  names.categories = requested.categories;
  for (const k of Object.keys(names) as (keyof CrdNames)[]) if (names[k] === undefined) delete names[k];

  const namesAccepted: Condition = failure ?? { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' };
  const old = findCondition(crd, 'Established');
  let established: Condition = old ? { ...old } : { type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted' };
  if (established.status !== 'True' && namesAccepted.status === 'True')
    // the establishing controller follows at once in this server
    established = { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' };
  delete (established as Partial<CrdCondition>).lastTransitionTime;
  return { acceptedNames: names, namesAccepted, established };
}
