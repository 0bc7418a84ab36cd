import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabelSelector, parseRequirements } from '../../../src/api/labels/label-parser.ts';
import { SelectorError } from '../../../src/api/labels/errors.ts';

// Texts as kube-apiserver prints them (seen in upstream tests and real `Error from server` lines).
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const OPERATORS = 'in, notin, =, ==, !=, gt, lt';

function parseError(s: string): string {
  try {
    parseLabelSelector(s);
  } catch (err) {
    assert.ok(err instanceof SelectorError, `not a SelectorError: ${String(err)}`);
    return err.message;
  }
  assert.fail(`${JSON.stringify(s)} parsed`);
}

const canonical = (s: string) => parseLabelSelector(s).toString();

test('upstream good strings print back without their spaces', () => {
  for (const s of ['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5']) {
    assert.equal(canonical(s), s.replaceAll(' ', ''), s);
  }
});

test('upstream bad strings fail', () => {
  for (const s of ['x=a||y=b', 'x==a==b', '!x=a', 'x<a', 'x,,y', ',x,y', 'x nott in (y)', 'a in (xyz),', 'a in (xyz)b notin ()', 'a in (xyz abc)', 'a notin(', 'a (', '(']) {
    assert.throws(() => parseLabelSelector(s), SelectorError, s);
  }
});

test('requirements come out sorted by key, parse is deterministic', () => {
  assert.equal(canonical('x=a,a=x'), 'a=x,x=a');
  assert.equal(canonical('a=x,x=a'), 'a=x,x=a');
  assert.equal(canonical('x notin (abc,,def),bar,z in (),w'), 'bar,w,x notin (,abc,def),z in ()');
  assert.deepEqual(
    parseRequirements('x,y in (a)').map((r) => [r.key, r.operator, r.values]),
    [['x', 'exists', []], ['y', 'in', ['a']]],
  );
});

test('set values: sorted, de-duplicated, empty values kept', () => {
  assert.equal(canonical('x in (b,a,b)'), 'x in (a,b)');
  assert.equal(canonical('x in (abc,)'), 'x in (,abc)');
  assert.equal(canonical('x in ()'), 'x in ()');
  assert.equal(canonical('x notin ( )'), 'x notin ()');
  assert.equal(canonical('x notin (, a)'), 'x notin (,a)');
  assert.equal(canonical('x in (a,,b)'), 'x in (,a,b)');
  // 'in' and 'notin' are plain values inside a list and after an exact-match operator
  assert.equal(canonical('a in (x,y,notin, z,in)'), 'a in (in,notin,x,y,z)');
  assert.equal(canonical('notin=in'), 'notin=in');
});

test('whitespace: spaces, tabs, CR and LF separate tokens and are dropped', () => {
  assert.equal(canonical('\rx'), 'x');
  assert.equal(canonical('foo  in\t (abc)'), 'foo in (abc)');
  assert.equal(canonical('x notin\n (abc)'), 'x notin (abc)');
  assert.equal(canonical('x  notin\t\t\t(abc,def)'), 'x notin (abc,def)');
  assert.equal(canonical('a '), 'a');
  assert.equal(canonical('  '), '');
  assert.equal(canonical(' x = y , z == w'), 'x=y,z==w');
});

test('operators keep their spelling in the canonical form', () => {
  assert.equal(canonical('x==a'), 'x==a');
  assert.equal(canonical('x=a'), 'x=a');
  assert.equal(canonical('x!=a'), 'x!=a');
  assert.equal(canonical('x>10'), 'x>10');
  assert.equal(canonical('x<3'), 'x<3');
  assert.equal(canonical('!x,y'), '!x,y');
  assert.equal(canonical('this-is-a-dns.domain.com/key-with-dash'), 'this-is-a-dns.domain.com/key-with-dash');
  assert.equal(canonical('0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)'), '0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)');
});

test('invalid keys: nil path, upstream texts', () => {
  assert.equal(parseError('app:nginx'), `unable to parse requirement: <nil>: Invalid value: "app:nginx": ${NAME_PART}`);
  assert.equal(parseError('*bar'), `unable to parse requirement: <nil>: Invalid value: "*bar": ${NAME_PART}`);
  assert.equal(parseError('&foo'), `unable to parse requirement: <nil>: Invalid value: "&foo": ${NAME_PART}`);
  assert.equal(
    parseError('a/b/c ?=? def'),
    'unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, ' +
      "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', " +
      "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
  );
  assert.equal(
    parseError('app.kubernetes_io/name=x'),
    'unable to parse requirement: <nil>: Invalid value: "app.kubernetes_io/name": prefix part a lowercase RFC 1123 subdomain must consist of ' +
      "lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', " +
      "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  );
  // several problems are joined by "; " inside the one field error
  assert.equal(parseError('/x'), 'unable to parse requirement: <nil>: Invalid value: "/x": prefix part must be non-empty');
  assert.equal(parseError('a/'), `unable to parse requirement: <nil>: Invalid value: "a/": name part must be non-empty; ${NAME_PART}`);
  assert.equal(
    parseError('k'.repeat(64)),
    `unable to parse requirement: <nil>: Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 characters`,
  );
});

test('invalid values: values[i][key], the Gt/Lt integer rule', () => {
  assert.equal(parseError('x=a b'), "found 'b', expected: ',' or 'end of string'");
  assert.equal(parseError('app=demo-{nginx}'), `unable to parse requirement: values[0][app]: Invalid value: "demo-{nginx}": ${LABEL_VALUE}`);
  assert.equal(parseError('environment>qa'), `unable to parse requirement: values[0]: Invalid value: "qa": for 'Gt', 'Lt' operators, the value must be an integer`);
  assert.equal(parseError('x>'), `unable to parse requirement: values[0]: Invalid value: "": for 'Gt', 'Lt' operators, the value must be an integer`);
  // out of int64 range is not an integer either
  assert.throws(() => parseLabelSelector('x>9223372036854775808'), /the value must be an integer/);
  assert.equal(canonical('x>9223372036854775807'), 'x>9223372036854775807');
  // a negative bound parses as an integer but is no valid label value
  assert.equal(parseError('x<-3'), `unable to parse requirement: values[0][x]: Invalid value: "-3": ${LABEL_VALUE}`);
  // a set with a bad value reports it at its sorted position
  assert.equal(parseError('x in (b,-a)'), `unable to parse requirement: values[0][x]: Invalid value: "-a": ${LABEL_VALUE}`);
  assert.equal(
    parseError(`x=${'v'.repeat(64)}`),
    `unable to parse requirement: values[0][x]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`,
  );
  // two bad values make an aggregate in brackets
  assert.equal(
    parseError('x in (-a,-b)'),
    `unable to parse requirement: [values[0][x]: Invalid value: "-a": ${LABEL_VALUE}, values[1][x]: Invalid value: "-b": ${LABEL_VALUE}]`,
  );
});

test('syntax errors: upstream texts, wrapped or not as upstream does', () => {
  assert.equal(parseError('a b'), `unable to parse requirement: found 'b', expected: ${OPERATORS}`);
  assert.equal(parseError('x!y'), `unable to parse requirement: found '!', expected: ${OPERATORS}`);
  assert.equal(parseError('x exists'), `unable to parse requirement: found 'exists', expected: ${OPERATORS}`);
  assert.equal(parseError('x ('), `unable to parse requirement: found '(', expected: ${OPERATORS}`);
  assert.equal(parseError('x,'), "found '', expected: identifier after ','");
  assert.equal(parseError('x,,y'), "found ',', expected: identifier after ','");
  assert.equal(parseError(',x'), "found ',', expected: !, identifier, or 'end of string'");
  assert.equal(parseError('(x)'), "found '(', expected: !, identifier, or 'end of string'");
  assert.equal(parseError('x==a==b'), "found '==', expected: ',' or 'end of string'");
  assert.equal(parseError('!x=a'), "found '=', expected: ',' or 'end of string'");
  assert.equal(parseError('!'), "unable to parse requirement: found '', expected: identifier");
  assert.equal(parseError('!!x'), "unable to parse requirement: found '!', expected: identifier");
  assert.equal(parseError('x=(a)'), "unable to parse requirement: found '(', expected: identifier");
  assert.equal(parseError('x notin'), "unable to parse requirement: found '' expected: '('");
  assert.equal(parseError('x in a'), "unable to parse requirement: found 'a' expected: '('");
  assert.equal(parseError('x in (='), "unable to parse requirement: found '=', expected: ',', ')' or identifier");
  assert.equal(parseError('x in (a'), "unable to parse requirement: found '', expected: ',' or ')'");
  assert.equal(parseError('a in (xyz abc)'), "unable to parse requirement: found 'abc', expected: ',' or ')'");
  assert.equal(parseError('a in (x,='), "unable to parse requirement: found '=', expected: ',', or identifier");
  assert.equal(parseError('a in (xyz)b notin ()'), "found 'b', expected: ',' or 'end of string'");
});

test('v0.33 quirk: a doubled comma just before ")" is an error', () => {
  assert.equal(parseError('x in (a,,)'), "unable to parse requirement: found ')', expected: ',', or identifier");
});

test('the lexer takes the longest operator and treats NUL as the end of input', () => {
  assert.equal(canonical('x!=a'), 'x!=a');
  assert.equal(parseError('x=!a'), "unable to parse requirement: found '!', expected: identifier");
  assert.equal(parseError('x===a'), "unable to parse requirement: found '=', expected: identifier");
  assert.equal(canonical('a\0'), 'a');
  assert.equal(parseError('a=b\0junk'), "found 'junk', expected: ',' or 'end of string'");
});
