// Records real kubectl's -o yaml and -o json for every printer case into fixtures/kubectl-printers.json,
// so the printer tests still compare against kubectl's bytes on machines without kubectl.
// Run: node --import tsx test/printers/gen-fixtures.ts
import { writeFileSync } from 'node:fs';
import { findKubectl, kubectlRender, runKubectl } from './kubectl-oracle.ts';
import { caseObject, printerCases } from './printer-cases.ts';

const bin = findKubectl();
if (!bin) throw new Error('kubectl is needed to record the fixtures');
const cases = printerCases();
const objects = cases.map(([name, value]) => caseObject(name, value));
const version = JSON.parse(runKubectl(bin, ['version', '--client', '-o', 'json']).stdout).clientVersion.gitVersion as string;
const record = (format: 'yaml' | 'json') => {
  const docs = kubectlRender(bin, objects, format);
  return Object.fromEntries(cases.map(([name], i) => [name, docs[i]]));
};
const fixture = { kubectl: version, yaml: record('yaml'), json: record('json') };
writeFileSync(new URL('./fixtures/kubectl-printers.json', import.meta.url), JSON.stringify(fixture, null, 1) + '\n');
console.log(`recorded ${cases.length} cases from kubectl ${version}`);
