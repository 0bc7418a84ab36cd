// `create priorityclass NAME --value=N`.
import type { KubeObject } from '../../printers/objects.ts';
import { flag } from '../flags.ts';
import { generator } from './generator.ts';
import { objectMeta, typed } from './objects.ts';

export interface PriorityClassInput {
  name: string;
  value: number;
  globalDefault: boolean;
  description: string;
  preemptionPolicy: string;
}

export function buildPriorityClass(o: PriorityClassInput): KubeObject {
  return typed('scheduling.k8s.io/v1', 'PriorityClass', objectMeta({ name: o.name }), {
    value: o.value,
    globalDefault: o.globalDefault || undefined,
    description: o.description || undefined,
    // a pointer: written even when empty
    preemptionPolicy: o.preemptionPolicy,
  });
}

export const priorityclass = generator({
  name: 'priorityclass',
  aliases: ['pc'],
  short: 'Create a priority class',
  long: 'Create a PriorityClass: a named priority that pods refer to in priorityClassName.',
  example: `  # A priority for important workloads
  kubectl create priorityclass important --value=100000 --description="for workloads that must run"
  
  # The default priority of pods that name none
  kubectl create priorityclass normal --value=1000 --global-default=true
  
  # A priority that never preempts other pods
  kubectl create priorityclass batch --value=500 --preemption-policy="Never"`,
  use: 'NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none]',
  flags: [
    flag.int('value', 'The priority: higher values schedule first.'),
    flag.bool('global-default', 'Make this the priority of pods that do not name one.'),
    flag.string('description', 'Free text saying when to use this priority class.'),
    flag.string('preemption-policy', 'Whether pods of this priority may evict lower-priority pods: PreemptLowerPriority or Never.', { default: 'PreemptLowerPriority' }),
  ],
  resource: { group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses', namespaced: false },
  failure: (m) => `failed to create priorityclass: ${m}`,
  build: (g) =>
    buildPriorityClass({
      name: g.name,
      value: g.flags.int('value'),
      globalDefault: g.flags.bool('global-default'),
      description: g.flags.string('description'),
      preemptionPolicy: g.flags.string('preemption-policy'),
    }),
});
