import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JsonPathError, parseTemplate, unquoteExtend } from '../../../src/api/jsonpath/parser.ts';

const known = (value: number) => ({ value, known: true, derived: false });
const unknown = { value: 0, known: false, derived: false };

test('text and actions', () => {
  assert.deepEqual(parseTemplate('hello {.a.b} x'), {
    type: 'list',
    nodes: [
      { type: 'text', text: 'hello ' },
      { type: 'list', nodes: [{ type: 'field', value: 'a' }, { type: 'field', value: 'b' }] },
      { type: 'text', text: ' x' },
    ],
  });
  assert.deepEqual(parseTemplate(''), { type: 'list', nodes: [] });
  assert.deepEqual(parseTemplate('{}').nodes, [{ type: 'list', nodes: [] }]);
});

test('array indexes and slices', () => {
  const array = (t: string) => (parseTemplate(`{${t}}`).nodes[0] as { nodes: unknown[] }).nodes[0];
  assert.deepEqual(array('[2]'), { type: 'array', params: [known(2), { value: 3, known: true, derived: true }, unknown] });
  assert.deepEqual(array('[-1]'), { type: 'array', params: [known(-1), { value: 0, known: true, derived: true }, unknown] });
  assert.deepEqual(array('[*]'), { type: 'array', params: [unknown, unknown, unknown] });
  assert.deepEqual(array('[1:]'), { type: 'array', params: [known(1), unknown, unknown] });
  assert.deepEqual(array('[::2]'), { type: 'array', params: [unknown, unknown, known(2)] });
  assert.deepEqual(array('[0,2]'), {
    type: 'union',
    nodes: [
      { type: 'list', nodes: [{ type: 'array', params: [known(0), { value: 1, known: true, derived: true }, unknown] }] },
      { type: 'list', nodes: [{ type: 'array', params: [known(2), { value: 3, known: true, derived: true }, unknown] }] },
    ],
  });
});

test("quoted keys reparse as fields, so ['a.b'] is two of them", () => {
  assert.deepEqual(parseTemplate("{['a.b']}").nodes[0], { type: 'list', nodes: [{ type: 'field', value: 'a' }, { type: 'field', value: 'b' }] });
  assert.deepEqual(parseTemplate('{.a\\.b}').nodes[0], { type: 'list', nodes: [{ type: 'field', value: 'a.b' }] });
});

test('filters, recursion, literals, identifiers', () => {
  assert.deepEqual(parseTemplate('{[?(@.x=="y")]}').nodes[0], {
    type: 'list',
    nodes: [
      {
        type: 'filter',
        left: { type: 'list', nodes: [{ type: 'field', value: 'x' }] },
        right: { type: 'list', nodes: [{ type: 'text', text: 'y' }] },
        operator: '==',
      },
    ],
  });
  assert.deepEqual(parseTemplate('{[?(@.x)]}').nodes[0], {
    type: 'list',
    nodes: [{ type: 'filter', left: { type: 'list', nodes: [{ type: 'field', value: 'x' }] }, right: { type: 'list', nodes: [] }, operator: 'exists' }],
  });
  assert.deepEqual(parseTemplate('{..a}').nodes[0], { type: 'list', nodes: [{ type: 'recursive' }, { type: 'field', value: 'a' }] });
  assert.deepEqual(parseTemplate('{range .a[*]}').nodes[0], {
    type: 'list',
    nodes: [{ type: 'identifier', name: 'range' }, { type: 'field', value: 'a' }, { type: 'array', params: [unknown, unknown, unknown] }],
  });
  assert.deepEqual(parseTemplate('{1 -2 1.5 true 99999999999999999999 9223372036854775807}').nodes[0], {
    type: 'list',
    nodes: [
      { type: 'int', value: 1 },
      { type: 'int', value: -2 },
      { type: 'float', value: 1.5 },
      { type: 'bool', value: true },
      { type: 'float', value: 1e20 },
      { type: 'int', value: 9223372036854775807n },
    ],
  });
});

test('parse errors carry upstream text', () => {
  const cases: [string, string][] = [
    ['{', 'unclosed action'],
    ['{.a\n}', 'unclosed action'],
    ['{#}', "unrecognized character in action: U+0023 '#'"],
    ['{\t}', 'unrecognized character in action: U+0009'],
    ['{.a[0}', 'unterminated array'],
    ['{.a[x]}', 'invalid array index x'],
    ['{.a[99999999999999999999]}', 'array index 99999999999999999999 is not a number'],
    ['{.a[?(@.x}', 'unterminated filter'],
    ['{.a[?(@.x)}', 'unclosed array expect ]'],
    ['{"a}', 'unterminated quoted string'],
    ['{"\\q"}', 'unquote string "\\q" error invalid syntax'],
    ['{....a}', 'invalid multiple recursive descent'],
    ['{1.2.3}', 'cannot parse number 1.2.3'],
  ];
  for (const [template, message] of cases) assert.throws(() => parseTemplate(template), new JsonPathError(message), template);
});

test('UnquoteExtend: Go escapes, both quote styles', () => {
  assert.equal(unquoteExtend('"a\\tb\\n"'), 'a\tb\n');
  assert.equal(unquoteExtend("'it\\'s'"), "it's");
  assert.equal(unquoteExtend('"\\x41\\101\\u00e9\\U0001F600"'), 'AAé😀');
  assert.equal(unquoteExtend('"\\xc3\\xa9"'), 'é'); // bytes, decoded as UTF-8
  assert.equal(unquoteExtend('"a\\\'b"'), undefined); // \' only inside single quotes
  assert.equal(unquoteExtend('"\\400"'), undefined);
  assert.equal(unquoteExtend('"\\ud800"'), undefined);
});
