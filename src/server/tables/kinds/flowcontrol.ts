// flowcontrol.apiserver.k8s.io: flow schemas and priority levels (printers.go).
import type { KubeObject } from '../../../api/object.ts';
import { AGE, NAME, text } from '../columns.ts';
import { age, byteOrder, has, int, items, name, obj, spec, status, str } from '../fields.ts';
import type { Cell, TableEntry } from '../types.ts';

export const flowSchemas: TableEntry = {
  columns: [
    NAME,
    text('PriorityLevel', 'The priority level requests go to.'),
    text('MatchingPrecedence', 'Lower values are matched first.'),
    text('DistinguisherMethod', 'How flows are told apart.'),
    AGE,
    text('MissingPL', 'Whether the priority level is missing.'),
  ],
  row(o, now) {
    const sp = spec(o);
    const dangling = items(status(o).conditions).find((c) => c.type === 'Dangling');
    return [
      name(o), str(obj(sp.priorityLevelConfiguration).name), int(sp.matchingPrecedence),
      has(sp.distinguisherMethod) ? str(obj(sp.distinguisherMethod).type) : '<none>', age(o, now), dangling ? str(dangling.status) : '?',
    ];
  },
  // printFlowSchemaList sorts by precedence, then name
  order: (list: KubeObject[]) =>
    [...list].sort((a, b) => int(spec(a).matchingPrecedence) - int(spec(b).matchingPrecedence) || byteOrder(name(a), name(b))),
};

export const priorityLevelConfigurations: TableEntry = {
  columns: [
    NAME,
    text('Type', 'Limited or Exempt.'),
    text('NominalConcurrencyShares', 'Share of the server\'s concurrency.'),
    text('Queues', 'Number of queues.'),
    text('HandSize', 'Queues each flow is shuffled over.'),
    text('QueueLengthLimit', 'Requests a queue may hold.'),
    AGE,
  ],
  row(o, now) {
    const sp = spec(o);
    const cells: Cell[] = ['<none>', '<none>', '<none>', '<none>'];
    if (has(sp.limited)) {
      const limited = obj(sp.limited);
      cells[0] = int(limited.nominalConcurrencyShares);
      const queuing = obj(limited.limitResponse).queuing;
      if (has(queuing)) {
        const q = obj(queuing);
        cells[1] = int(q.queues);
        cells[2] = int(q.handSize);
        cells[3] = int(q.queueLengthLimit);
      }
    }
    return [name(o), str(sp.type), ...cells, age(o, now)];
  },
};
