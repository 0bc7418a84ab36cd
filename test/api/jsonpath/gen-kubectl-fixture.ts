// Regenerates kubectl-fixture.json: real kubectl's answers to every case in cases.ts, so the
// differential test still asserts where kubectl is not installed.
//   node --import tsx test/api/jsonpath/gen-kubectl-fixture.ts [kubectl-binary]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { CASES, caseKey } from './cases.ts';
import { findKubectl, kubectlOutcomes } from './oracle.ts';

const kubectl = process.argv[2] ?? findKubectl();
if (!kubectl) {
  console.error('kubectl not found');
  process.exit(1);
}
const version = JSON.parse(execFileSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf8' })).clientVersion.gitVersion;
const outcomes = await kubectlOutcomes(kubectl, CASES);
const fixture = {
  kubectl: version,
  command: "kubectl patch --local -f <object>.json --type merge -p '{}' -o <output>=<template>",
  cases: CASES.map((c, i) => ({ key: caseKey(c), ...outcomes[i]! })),
};
writeFileSync(new URL('./kubectl-fixture.json', import.meta.url), `${JSON.stringify(fixture, null, 1)}\n`);
console.log(`${CASES.length} cases from kubectl ${version}`);
