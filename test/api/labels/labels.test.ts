import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  everything,
  newRequirement,
  nothing,
  parseInt64,
  requirementString,
  selectorFromSet,
  selectorOf,
  validatedSelectorFromSet,
} from '../../../src/api/labels/labels.ts';
import { parseLabelSelector } from '../../../src/api/labels/label-parser.ts';
import { SelectorError } from '../../../src/api/labels/errors.ts';

const matches = (selector: string, labels: Record<string, string> | undefined) => parseLabelSelector(selector).matches(labels);

test('matching: upstream TestSelectorMatches', () => {
  const yes: [string, Record<string, string>][] = [
    ['', { x: 'y' }],
    ['x=y', { x: 'y' }],
    ['x=y,z=w', { x: 'y', z: 'w' }],
    ['x!=y,z!=w', { x: 'z', z: 'a' }],
    ['notin=in', { notin: 'in' }],
    ['x', { x: 'z' }],
    ['!x', { y: 'z' }],
    ['x>1', { x: '2' }],
    ['x<1', { x: '0' }],
    ['foo=bar,baz=blah', { foo: 'bar', baz: 'blah' }],
  ];
  const no: [string, Record<string, string>][] = [
    ['x=z', {}],
    ['x=y', { x: 'z' }],
    ['x=y,z=w', { x: 'w', z: 'w' }],
    ['x!=y,z!=w', { x: 'z', z: 'w' }],
    ['x', { y: 'z' }],
    ['!x', { x: 'z' }],
    ['x>1', { x: '0' }],
    ['x<1', { x: '2' }],
    ['foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' }],
  ];
  for (const [s, l] of yes) assert.equal(matches(s, l), true, `${s} should match ${JSON.stringify(l)}`);
  for (const [s, l] of no) assert.equal(matches(s, l), false, `${s} should not match ${JSON.stringify(l)}`);
});

test('!= and notin match objects that lack the key; = and in do not', () => {
  assert.equal(matches('env!=prod', {}), true);
  assert.equal(matches('env notin (prod,staging)', { app: 'web' }), true);
  assert.equal(matches('env notin (prod,staging)', { env: 'prod' }), false);
  assert.equal(matches('env notin (prod,staging)', { env: 'dev' }), true);
  assert.equal(matches('env=', {}), false);
  assert.equal(matches('env=', { env: '' }), true);
  assert.equal(matches('env in ()', { env: '' }), true);
  assert.equal(matches('x notin ()', { y: '' }), true);
  assert.equal(matches('x notin (),!y', { y: '' }), false);
  // no labels at all
  assert.equal(matches('env!=prod', undefined), true);
  assert.equal(matches('env', undefined), false);
});

test('gt/lt compare as 64-bit integers and never match a non-integer label', () => {
  assert.equal(matches('z>1', { z: 'v2' }), false);
  assert.equal(matches('z>1', {}), false);
  assert.equal(matches('z<1', {}), false);
  assert.equal(matches('z>9', { z: '10' }), true);  // numeric, not string order
  assert.equal(matches('z<10', { z: '+9' }), true);  // ParseInt accepts a sign
  assert.equal(matches('z>9223372036854775806', { z: '9223372036854775807' }), true);
  assert.equal(matches('z>1', { z: '9223372036854775808' }), false);  // out of range
  assert.equal(parseInt64('-9223372036854775808'), -(2n ** 63n));
  assert.equal(parseInt64('1_000'), undefined);
  assert.equal(parseInt64(' 1'), undefined);
});

test('labels from a prototype-looking key are still data', () => {
  assert.equal(matches('constructor', {}), false);
  assert.equal(matches('toString=x', { toString: 'x' }), true);
});

test('Everything, Nothing and empty selectors', () => {
  assert.equal(everything().matches({ x: 'y' }), true);
  assert.equal(everything().matches(undefined), true);
  assert.equal(everything().empty(), true);
  assert.equal(everything().toString(), '');
  assert.equal(nothing().matches({}), false);
  assert.equal(nothing().empty(), false);
  assert.equal(nothing().toString(), '');
  assert.equal(nothing().requirements(), null);
  assert.equal(nothing().add(newRequirement('a', 'exists', [])).matches({ a: '' }), false);
  assert.equal(parseLabelSelector('').empty(), true);
  assert.equal(parseLabelSelector('x').empty(), false);
});

test('NewRequirement errors: upstream field paths and Go value renderings', () => {
  const err = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      assert.ok(e instanceof SelectorError);
      return e.message;
    }
    assert.fail('no error');
  };
  assert.equal(err(() => newRequirement('x1', 'in', [])), "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty");
  assert.equal(err(() => newRequirement('x1', 'in', null)), "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty");
  assert.equal(err(() => newRequirement('x5', '=', ['bar', 'foo'])), 'values: Invalid value: []string{"bar", "foo"}: exact-match compatibility requires one single value');
  assert.equal(err(() => newRequirement('x8', 'exists', ['foo'])), 'values: Invalid value: []string{"foo"}: values set must be empty for exists and does not exist');
  assert.equal(err(() => newRequirement('x13', 'gt', [])), "values: Invalid value: []string{}: for 'Gt', 'Lt' operators, exactly one value is required");
  assert.equal(err(() => newRequirement('x14', 'gt', ['bar'])), `values[0]: Invalid value: "bar": for 'Gt', 'Lt' operators, the value must be an integer`);
  assert.match(err(() => newRequirement('a'.repeat(254), 'exists', [])), /^key: Invalid value: "a{254}": name part must be no more than 63 characters$/);
  assert.match(err(() => newRequirement('x17', '=', ['a b'])), /^values\[0\]\[x17\]: Invalid value: "a b": a valid label must be/);
  assert.match(err(() => newRequirement('x16', '=', ['a'.repeat(254)])), /^values\[0\]\[x16\]: Invalid value: "a{254}": must be no more than 63 characters$/);
  assert.match(err(() => newRequirement('k', '=', [`-${'a'.repeat(63)}`])), /^values\[0\]\[k\]: Invalid value: "-a{63}": must be no more than 63 characters; a valid label must be/);
  // a bad key and a bad value together: an aggregate
  assert.match(err(() => newRequirement('-k', '=', ['-v'])), /^\[key: Invalid value: "-k": name part .*, values\[0\]\[-k\]: Invalid value: "-v": a valid label .*\]$/);
  // values print Go-quoted
  assert.match(err(() => newRequirement('k', '=', ['a"b\n'])), /^values\[0\]\[k\]: Invalid value: "a\\"b\\n": /);
});

test('String(): upstream TestToString forms, values sorted on output only', () => {
  const r = (key: string, op: Parameters<typeof newRequirement>[1], values: string[]) => newRequirement(key, op, values);
  assert.equal(selectorOf([r('x', 'in', ['def', 'abc']), r('y', 'notin', ['jkl']), r('z', 'exists', [])]).toString(), 'x in (abc,def),y notin (jkl),z');
  assert.equal(selectorOf([r('x', 'notin', ['abc', 'def']), r('y', '!=', ['jkl']), r('z', '!', [])]).toString(), 'x notin (abc,def),y!=jkl,!z');
  assert.equal(selectorOf([r('x', 'notin', ['abc']), r('y', 'in', ['jkl', 'mno']), r('z', 'notin', [''])]).toString(), 'x notin (abc),y in (jkl,mno),z notin ()');
  assert.equal(selectorOf([r('x', '=', ['abc']), r('y', '==', ['jkl']), r('z', '!=', ['a']), r('z', 'exists', [])]).toString(), 'x=abc,y==jkl,z!=a,z');
  assert.equal(selectorOf([r('x', 'gt', ['2']), r('y', 'lt', ['8']), r('z', 'exists', [])]).toString(), 'x>2,y<8,z');
  const unsorted = r('k', 'in', ['b', 'a']);
  assert.equal(requirementString(unsorted), 'k in (a,b)');
  assert.deepEqual(unsorted.values, ['b', 'a']);
  // requirements sorted by key; same keys keep their order
  assert.equal(selectorOf([r('b', '=', ['1']), r('a', '!=', ['2']), r('a', 'exists', [])]).toString(), 'a!=2,a,b=1');
});

test('add() re-sorts and leaves the original alone', () => {
  const base = parseLabelSelector('key in (value)');
  const more = base.add(newRequirement('key2', '=', ['value2']), newRequirement('a', 'exists', []));
  assert.equal(more.toString(), 'a,key in (value),key2=value2');
  assert.equal(base.toString(), 'key in (value)');
});

test('requiresExactMatch: =, == and single-value in only; the first requirement for the key decides', () => {
  assert.equal(parseLabelSelector('key in (value)').requiresExactMatch('key'), 'value');
  assert.equal(parseLabelSelector('key in (value,value2)').requiresExactMatch('key'), undefined);
  assert.equal(parseLabelSelector('key in (value,value1),key2 in (value2)').requiresExactMatch('key2'), 'value2');
  assert.equal(parseLabelSelector('key=value').requiresExactMatch('key'), 'value');
  assert.equal(parseLabelSelector('key==value').requiresExactMatch('key'), 'value');
  assert.equal(parseLabelSelector('key!=value').requiresExactMatch('key'), undefined);
  assert.equal(parseLabelSelector('key!=a,key=b').requiresExactMatch('key'), undefined);
  assert.equal(parseLabelSelector('other=x').requiresExactMatch('key'), undefined);
});

test('SelectorFromSet and ValidatedSelectorFromSet', () => {
  assert.equal(selectorFromSet({}).toString(), '');
  assert.equal(selectorFromSet(undefined).empty(), true);
  assert.equal(selectorFromSet({ app: 'foo' }).toString(), 'app=foo');
  assert.equal(selectorFromSet({ app: 'foo', a: 'b' }).toString(), 'a=b,app=foo');
  assert.equal(selectorFromSet({ foo: 'bar' }).matches({ foo: 'bar', baz: 'blah' }), true);
  // unvalidated: a bad value just never matches
  assert.equal(selectorFromSet({ foo: '=blah' }).matches({ foo: 'bar' }), false);
  assert.throws(
    () => validatedSelectorFromSet({ Key: 'axahm2EJ8Phiephe2eixohbee9eGeiyees1thuozi1xoh0GiuH3diewi8iem7Nui' }),
    { name: 'SelectorError', message: /^values\[0\]\[Key\]: Invalid value: "axahm2EJ8Phiephe2eixohbee9eGeiyees1thuozi1xoh0GiuH3diewi8iem7Nui": must be no more than 63 characters$/ },
  );
  assert.equal(validatedSelectorFromSet({ key: 'val' }).toString(), 'key=val');
});
