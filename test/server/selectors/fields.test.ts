import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  andSelectors,
  escapeValue,
  everything,
  nothing,
  oneTermEqualSelector,
  oneTermNotEqualSelector,
  parseFieldSelector,
  selectorFromSet,
  unescapeValue,
} from '../../../src/server/selectors/fields.ts';
import { SelectorError } from '../../../src/api/labels/errors.ts';

function parseError(s: string): string {
  try {
    parseFieldSelector(s);
  } catch (err) {
    assert.ok(err instanceof SelectorError);
    return err.message;
  }
  assert.fail(`${JSON.stringify(s)} parsed`);
}

test('upstream good strings print back unchanged', () => {
  for (const s of ['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=a||y\\=b', 'x=a\\=\\=b']) assert.equal(parseFieldSelector(s).toString(), s);
});

test('upstream bad strings and their texts', () => {
  assert.equal(parseError('x=a||y=b'), 'invalid field selector: unescaped character in value: 61');
  assert.equal(parseError('x==a==b'), 'invalid field selector: unescaped character in value: 61');
  assert.equal(parseError('x=a,b'), "invalid selector: 'x=a,b'; can't understand 'b'");
  assert.equal(parseError('x in (a)'), "invalid selector: 'x in (a)'; can't understand 'x in (a)'");
  assert.equal(parseError('x in (a,b,c)'), "invalid selector: 'x in (a,b,c)'; can't understand 'b'");
  assert.equal(parseError('x'), "invalid selector: 'x'; can't understand 'x'");
  assert.equal(parseError('k=\\a'), 'invalid field selector: invalid escape sequence: \\a');
  assert.equal(parseError('k=\\'), 'invalid field selector: invalid escape sequence: \\');
  assert.equal(parseError('k=\\\\\\'), 'invalid field selector: invalid escape sequence: \\');
  assert.equal(parseError('k=\\함'), 'invalid field selector: invalid escape sequence: \\함');
});

test('terms are sorted as written before parsing: the first bad one in that order is reported', () => {
  assert.equal(parseError('z,a'), "invalid selector: 'z,a'; can't understand 'a'");
  assert.equal(parseFieldSelector('x=a,a=x').toString(), 'a=x,x=a');
  assert.equal(parseFieldSelector('a=x,x=a').toString(), 'a=x,x=a');
  // "!" sorts before "=": a!=… before a=…
  assert.equal(parseFieldSelector('a=1,a!=2').toString(), 'a!=2,a=1');
});

test('operators: the first of "!=", "==", "=" found wins; "==" reads back as "="', () => {
  assert.deepEqual(parseFieldSelector('b==value').requirements(), [{ field: 'b', operator: '=', value: 'value' }]);
  assert.equal(parseFieldSelector('b==value').toString(), 'b=value');
  assert.deepEqual(parseFieldSelector('c!=value').requirements(), [{ field: 'c', operator: '!=', value: 'value' }]);
  assert.deepEqual(parseFieldSelector('a!b=c').requirements(), [{ field: 'a!b', operator: '=', value: 'c' }]);
  assert.deepEqual(parseFieldSelector('k=\\\\\\=\\,').requirements(), [{ field: 'k', operator: '=', value: '\\=,' }]);
  assert.deepEqual(parseFieldSelector('함=수,목=록').requirements().map((r) => r.field), ['목', '함']);
});

test('no trimming, empty terms skipped, an empty term dropped', () => {
  assert.deepEqual(parseFieldSelector('status.phase = Running').requirements(), [{ field: 'status.phase ', operator: '=', value: ' Running' }]);
  assert.equal(parseFieldSelector(',a=a,').toString(), 'a=a');
  assert.equal(parseFieldSelector('=').empty(), true);
  assert.deepEqual(parseFieldSelector('=x').requirements(), [{ field: '', operator: '=', value: 'x' }]);
  assert.equal(parseFieldSelector('').empty(), true);
});

test('matching: a missing field reads as ""', () => {
  const fields = { 'metadata.name': 'web', 'status.phase': 'Running' };
  assert.equal(parseFieldSelector('metadata.name=web').matches(fields), true);
  assert.equal(parseFieldSelector('metadata.name=web,status.phase!=Running').matches(fields), false);
  assert.equal(parseFieldSelector('status.phase!=Pending').matches(fields), true);
  assert.equal(parseFieldSelector('spec.nodeName=').matches(fields), true);
  assert.equal(parseFieldSelector('spec.nodeName!=n1').matches(fields), true);
  assert.equal(parseFieldSelector('spec.nodeName=n1').matches(fields), false);
  assert.equal(parseFieldSelector('x=a\\,b').matches({ x: 'a,b' }), true);
  assert.equal(parseFieldSelector('constructor=').matches({}), true);
  assert.equal(everything().matches(undefined), true);
  assert.equal(nothing().matches({}), false);
  assert.equal(nothing().empty(), false);
});

test('escapeValue / unescapeValue round trip (upstream cases)', () => {
  const cases: [string, string][] = [['', ''], ['a', 'a'], ['=', '\\='], [',', '\\,'], ['\\', '\\\\'], ['\\=\\,\\', '\\\\\\=\\\\\\,\\\\']];
  for (const [raw, escaped] of cases) {
    assert.equal(escapeValue(raw), escaped);
    assert.equal(unescapeValue(escaped), raw);
  }
  for (const bad of ['\\', '\\\\\\', '\\a']) assert.throws(() => unescapeValue(bad), /invalid escape sequence/);
});

test('requiresExactMatch, transform and constructors', () => {
  const sel = parseFieldSelector('metadata.name=web,spec.nodeName!=n1');
  assert.equal(sel.requiresExactMatch('metadata.name'), 'web');
  assert.equal(sel.requiresExactMatch('spec.nodeName'), undefined);
  const renamed = sel.transform((f, v) => (f === 'spec.nodeName' ? ['', ''] : [f.toUpperCase(), v]));
  assert.equal(renamed.toString(), 'METADATA.NAME=web');
  assert.equal(sel.toString(), 'metadata.name=web,spec.nodeName!=n1');
  assert.throws(() => sel.transform(() => { throw new SelectorError('nope'); }), { message: 'nope' });
  assert.equal(oneTermEqualSelector('a', 'b,c').toString(), 'a=b\\,c');
  assert.equal(oneTermNotEqualSelector('a', 'b').toString(), 'a!=b');
  assert.equal(selectorFromSet({ a: '1', b: '2' }).matches({ a: '1', b: '2' }), true);
  assert.equal(andSelectors(oneTermEqualSelector('a', '1'), oneTermNotEqualSelector('b', '2')).toString(), 'a=1,b!=2');
  assert.equal(andSelectors(everything(), nothing()).matches({}), false);
});
