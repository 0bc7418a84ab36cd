import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseGoTemplate, TemplateExecError, TemplateParseError } from '../../src/printers/gotemplate/index.ts';
import { printLocally } from './print-locally.ts';
import { templateCases, templateObject } from './template-cases.ts';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/kubectl-templates.json', import.meta.url), 'utf8')) as {
  kubectl: string;
  cases: Record<string, { code: number; stdout: string; stderr: string }>;
};

// The same cases against live kubectl: test/compat/printers.test.ts.
test('every printing case matches recorded kubectl output (stdout, stderr, exit code)', async () => {
  assert.deepEqual(Object.keys(fixture.cases).sort(), templateCases.map(([n]) => n).sort(), 'fixture out of date: run test/printers/gen-template-fixtures.ts');
  for (const [name, flags] of templateCases) {
    assert.deepEqual(await printLocally(templateObject, flags), fixture.cases[name], `case ${name} ${JSON.stringify(flags)} (kubectl ${fixture.kubectl})`);
  }
});


test('parse errors name the template and line', () => {
  assert.throws(() => parseGoTemplate('a\nb {{.x'), (e: unknown) => e instanceof TemplateParseError && e.message === 'template: output:2: unclosed action');
  assert.throws(() => parseGoTemplate('{{nope 1}}'), { message: 'template: output:1: function "nope" not defined' });
  assert.throws(() => parseGoTemplate('{{if .a}}'), { message: 'template: output:1: unexpected EOF' });
});

test('execution: values decoded from JSON print as Go prints them', () => {
  const render = (t: string, data: unknown) => parseGoTemplate(t).render(data);
  assert.equal(render('{{.a}} {{.b}} {{.c}} {{.d}}', { a: 1, b: 1.5, c: 1e6, d: 2 ** 64 }), '1 1.5 1000000 1.8446744073709552e+19');
  assert.equal(render('{{.m}} {{.l}}', { m: { b: 2, a: [1, null] }, l: ['x', { y: true }] }), 'map[a:[1 <nil>] b:2] [x map[y:true]]');
  assert.equal(render('{{range $k, $v := .}}{{$k}}{{end}}', { b: 1, a: 2, B: 3 }), 'Bab');
  assert.equal(render('{{.missing}}', {}), '<no value>');
  assert.throws(() => parseGoTemplate('{{.missing}}').render({}, { missingKeyError: true }), (e: unknown) => {
    return e instanceof TemplateExecError && e.message === 'template: output:1:2: executing "output" at <.missing>: map has no entry for key "missing"';
  });
});

test('output written before a failure stays written', () => {
  let out = '';
  assert.throws(() => parseGoTemplate('a{{.x}}b{{index .l 5}}c').execute({ x: 1, l: [] }, (s) => (out += s)), TemplateExecError);
  assert.equal(out, 'a1b');
});

test('recursion ends with upstream\'s depth error, not a crash', () => {
  assert.throws(() => parseGoTemplate('{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}').render({}), {
    message: /exceeded maximum template depth \(100000\)$/,
  });
});
