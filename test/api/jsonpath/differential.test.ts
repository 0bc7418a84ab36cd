// ktl's JSONPath against real kubectl's answers: the committed fixture always, and the installed
// kubectl too when there is one. Outputs must match exactly (stdout, stderr, exit code), except
// that templates walking Go maps compare their words as a multiset (Go's map order is random).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CASES, caseKey } from './cases.ts';
import type { Case } from './cases.ts';
import { findKubectl, kubectlOutcomes, ktlOutcome, unorderedWords } from './oracle.ts';
import type { Outcome } from './oracle.ts';

interface Fixture {
  kubectl: string;
  cases: (Outcome & { key: string })[];
}
const fixture = JSON.parse(readFileSync(new URL('./kubectl-fixture.json', import.meta.url), 'utf8')) as Fixture;

function assertSame(c: Case, ktl: Outcome, kubectl: Outcome, source: string) {
  const label = `${c.output}=${JSON.stringify(c.template)} on ${c.object}${c.allowMissingKeys ? '' : ' (missing keys not allowed)'} vs ${source}`;
  if (c.unordered) {
    assert.deepEqual(
      { code: ktl.code, stderr: ktl.stderr, words: unorderedWords(ktl.stdout) },
      { code: kubectl.code, stderr: kubectl.stderr, words: unorderedWords(kubectl.stdout) },
      label,
    );
  } else assert.deepEqual(ktl, kubectl, label);
}

test('the fixture covers exactly the current cases', () => {
  const keys = CASES.map(caseKey);
  assert.equal(new Set(keys).size, keys.length, 'duplicate cases');
  assert.deepEqual(
    fixture.cases.map((c) => c.key),
    keys,
    'cases.ts changed: run `node --import tsx test/api/jsonpath/gen-kubectl-fixture.ts`',
  );
});

test(`jsonpath output matches kubectl ${fixture.kubectl} (recorded)`, () => {
  const recorded = new Map(fixture.cases.map((c) => [c.key, c]));
  for (const c of CASES) {
    const r = recorded.get(caseKey(c));
    if (!r) continue; // reported by the coverage test
    assertSame(c, ktlOutcome(c), { code: r.code, stdout: r.stdout, stderr: r.stderr }, 'fixture');
  }
});

// A kubectl run per case is slow: every 8th case unless KTL_JSONPATH_LIVE=all.
test('jsonpath output matches the installed kubectl', async (t) => {
  const kubectl = findKubectl();
  if (!kubectl) return t.skip('kubectl not installed');
  const cases = process.env.KTL_JSONPATH_LIVE === 'all' ? CASES : CASES.filter((_, i) => i % 8 === 0);
  const live = await kubectlOutcomes(kubectl, cases);
  cases.forEach((c, i) => assertSame(c, ktlOutcome(c), live[i]!, 'kubectl'));
});
