// Accepting a CRD's names against the other CRDs of its group (naming controller rules).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calculateNames, sameNames } from '../../../src/server/crd/names.ts';
import type { Crd } from '../../../src/server/crd/types.ts';

function crd(name: string, names: Crd['spec']['names'], accepted?: Crd['spec']['names']): Crd {
  return { metadata: { name }, spec: { group: 'example.com', names }, status: accepted ? { acceptedNames: accepted } : { acceptedNames: { plural: '', kind: '' } } };
}

const widgets = crd('widgets.example.com', { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList', shortNames: ['w'] }, { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList', shortNames: ['w'] });

test('fresh names are accepted and the CRD is Established', () => {
  const gadgets = crd('gadgets.example.com', { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' });
  const r = calculateNames(gadgets, [widgets, gadgets]);
  assert.deepEqual(r.acceptedNames, { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' });
  assert.deepEqual(r.namesAccepted, { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' });
  assert.deepEqual(r.established, { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' });
});

test('a used name is refused with its reason; the other names are still accepted', () => {
  const clash = crd('clashes.example.com', { plural: 'clashes', singular: 'clash', kind: 'Widget', listKind: 'ClashList', shortNames: ['w', 'c'] });
  const r = calculateNames(clash, [widgets, clash]);
  // the last conflict checked (kind) names the condition, as upstream
  assert.deepEqual(r.namesAccepted, { type: 'NamesAccepted', status: 'False', reason: 'KindConflict', message: '"Widget" is already in use' });
  assert.deepEqual(r.acceptedNames, { plural: 'clashes', singular: 'clash', kind: '', listKind: 'ClashList' });
  assert.deepEqual(r.established, { type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted' });
  const short = crd('shorts.example.com', { plural: 'shorts', singular: 'short', kind: 'Short', listKind: 'ShortList', shortNames: ['w'] });
  assert.deepEqual(calculateNames(short, [widgets, short]).namesAccepted.reason, 'ShortNamesConflict');
  const plural = crd('widgets.example.com', { plural: 'widget', kind: 'Thing', listKind: 'ThingList' });
  assert.deepEqual(calculateNames(plural, [widgets, plural]).namesAccepted, { type: 'NamesAccepted', status: 'False', reason: 'PluralConflict', message: '"widget" is already in use' });
});

test('other groups do not conflict; names compare with absent lists as empty', () => {
  const other = crd('widgets.other.com', { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' });
  other.spec.group = 'other.com';
  assert.equal(calculateNames(other, [widgets, other]).namesAccepted.status, 'True');
  assert.ok(sameNames({ plural: 'a', kind: 'A', shortNames: [] }, { plural: 'a', kind: 'A' }));
  assert.ok(!sameNames({ plural: 'a', kind: 'A' }, { plural: 'a', kind: 'B' }));
});
