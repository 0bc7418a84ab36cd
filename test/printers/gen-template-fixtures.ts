// Records real kubectl's stdout, stderr and exit code for every case of template-cases.ts into
// fixtures/kubectl-templates.json, so the printing tests still assert on machines without kubectl.
// Run: node --import tsx test/printers/gen-template-fixtures.ts
import { writeFileSync } from 'node:fs';
import { findKubectl132, kubectlPrintLocal, runKubectl } from './kubectl-oracle.ts';
import { templateCases, templateObject } from './template-cases.ts';

const bin = findKubectl132();
if (!bin) throw new Error('kubectl is needed to record the fixtures');
const version = JSON.parse(runKubectl(bin, ['version', '--client', '-o', 'json']).stdout).clientVersion.gitVersion as string;
const cases = Object.fromEntries(templateCases.map(([name, flags]) => [name, kubectlPrintLocal(bin, templateObject, flags)]));
writeFileSync(new URL('./fixtures/kubectl-templates.json', import.meta.url), JSON.stringify({ kubectl: version, cases }, null, 1) + '\n');
console.log(`recorded ${templateCases.length} cases from kubectl ${version}`);
