// Config maps, secrets, service accounts and resource quotas (printers.go).
import { AGE, NAME, text } from '../columns.ts';
import { age, byteOrder, length, name, obj, size, status, str } from '../fields.ts';
import { formatQuantity } from '../../../api/quantity.ts';
import type { TableEntry } from '../types.ts';

export const configMaps: TableEntry = {
  columns: [NAME, text('Data', 'Number of keys, text and binary.'), AGE],
  row: (o, now) => [name(o), size(o.data) + size(o.binaryData), age(o, now)],
};

export const secrets: TableEntry = {
  columns: [NAME, text('Type', 'The secret\'s type.'), text('Data', 'Number of keys.'), AGE],
  row: (o, now) => [name(o), str(o.type), size(o.data), age(o, now)],
};

export const serviceAccounts: TableEntry = {
  columns: [NAME, text('Secrets', 'Number of secrets listed.'), AGE],
  row: (o, now) => [name(o), length(o.secrets), age(o, now)],
};

export const resourceQuotas: TableEntry = {
  columns: [
    NAME,
    text('Request', 'Used out of hard limits for requests and counts.'),
    text('Limit', 'Used out of hard limits for limits.*.'),
    AGE,
  ],
  row(o, now) {
    const hard = obj(status(o).hard);
    const used = obj(status(o).used);
    const request: string[] = [];
    const limit: string[] = [];
    for (const resource of Object.keys(hard).sort(byteOrder)) {
      const entry = `${resource}: ${formatQuantity(used[resource])}/${formatQuantity(hard[resource])}`;
      // "limits.cpu" and the like go to the Limit column
      const pieces = resource.split('.');
      (pieces.length > 1 && pieces[0] === 'limits' ? limit : request).push(entry);
    }
    return [name(o), request.join(', '), limit.join(', '), age(o, now)];
  },
};
