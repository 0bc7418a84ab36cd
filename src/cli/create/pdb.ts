// `create poddisruptionbudget NAME --selector=... (--min-available=N | --max-unavailable=N)`.
import type { KubeObject } from '../../printers/objects.ts';
import { parseRequirements } from '../../api/labels/label-parser.ts';
import { CliError } from '../errors.ts';
import { flag } from '../flags.ts';
import { generator } from './generator.ts';
import { objectMeta, parseIntOrString, typed } from './objects.ts';

const OPERATORS: Record<string, string> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };

/** metav1.ParseToLabelSelector: equality terms into matchLabels, set terms into matchExpressions. */
export function parseToLabelSelector(selector: string): KubeObject {
  let reqs;
  try {
    reqs = parseRequirements(selector);
  } catch (e) {
    throw new CliError(`couldn't parse the selector string "${selector}": ${(e as Error).message}`);
  }
  const matchLabels: Record<string, string> = {};
  const matchExpressions: KubeObject[] = [];
  for (const r of reqs) {
    if (r.operator === '=' || r.operator === '==') {
      matchLabels[r.key] = r.values[0] ?? '';
      continue;
    }
    if (r.operator === 'gt' || r.operator === 'lt') throw new CliError(`"${r.operator}" isn't supported in label selectors`);
    const op = OPERATORS[r.operator];
    if (!op) throw new CliError(`"${r.operator}" is not a valid label selector operator`);
    matchExpressions.push({ key: r.key, operator: op, values: r.values.length ? [...r.values].sort() : undefined });
  }
  return {
    matchLabels: Object.keys(matchLabels).length ? matchLabels : undefined,
    matchExpressions: matchExpressions.length ? matchExpressions : undefined,
  };
}

export interface PdbInput {
  name: string;
  namespace: string;
  selector: string;
  minAvailable: string;
  maxUnavailable: string;
}

export function buildPdb(o: PdbInput): KubeObject {
  if (!o.selector) throw new CliError('a selector must be specified');
  if (!o.maxUnavailable && !o.minAvailable) throw new CliError('one of min-available or max-unavailable must be specified');
  if (o.maxUnavailable && o.minAvailable) throw new CliError('min-available and max-unavailable cannot be both specified');
  const re = /^[0-9]+%?$/;
  if (o.minAvailable && !re.test(o.minAvailable)) throw new CliError('invalid format specified for min-available');
  if (o.maxUnavailable && !re.test(o.maxUnavailable)) throw new CliError('invalid format specified for max-unavailable');
  return typed('policy/v1', 'PodDisruptionBudget', objectMeta({ name: o.name, namespace: o.namespace }), {
    spec: {
      minAvailable: o.minAvailable ? parseIntOrString(o.minAvailable) : undefined,
      selector: parseToLabelSelector(o.selector),
      maxUnavailable: o.maxUnavailable ? parseIntOrString(o.maxUnavailable) : undefined,
    },
    status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
  });
}

export const pdb = generator({
  name: 'poddisruptionbudget',
  aliases: ['pdb'],
  short: 'Create a pod disruption budget',
  long: 'Create a PodDisruptionBudget: how many of the pods a selector picks must stay available (or may be down) during voluntary disruptions such as node drains.',
  example: `  # Keep at least one pod labelled app=web running
  kubectl create poddisruptionbudget web --selector=app=web --min-available=1
  
  # Allow at most a fifth of the pods labelled app=db to be down
  kubectl create pdb db --selector=app=db --max-unavailable=20%`,
  use: 'NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none]',
  flags: [
    flag.string('min-available', 'How many pods (or what percentage) must stay available.'),
    flag.string('max-unavailable', 'How many pods (or what percentage) may be unavailable.'),
    flag.string('selector', 'The label selector of the pods the budget covers.'),
  ],
  resource: { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', namespaced: true },
  failure: (m) => `failed to create poddisruptionbudgets: ${m}`,
  build: (g) =>
    buildPdb({
      name: g.name,
      namespace: g.enforcedNamespace,
      selector: g.flags.string('selector'),
      minAvailable: g.flags.string('min-available'),
      maxUnavailable: g.flags.string('max-unavailable'),
    }),
});
