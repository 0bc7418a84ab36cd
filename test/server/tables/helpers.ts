// Shared fixtures for the table tests: a fixed clock and one-row conversions.
import type { KubeObject } from '../../../src/api/object.ts';
import { toTable } from '../../../src/server/tables/index.ts';
import type { Cell } from '../../../src/server/tables/index.ts';

export const NOW = new Date('2024-05-01T12:00:00Z');

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** An RFC3339 timestamp `ms` before NOW. */
export const ago = (ms: number): string => new Date(NOW.getTime() - ms).toISOString().replace(/\.000Z$/, 'Z');

/** The cells of one object's row. */
export function cells(group: string, resource: string, obj: KubeObject): Cell[] {
  const table = toTable(group, resource, [obj], { now: NOW, includeObject: 'None' });
  return table.rows![0]!.cells;
}

/** The column names of a resource's table. */
export function columnNames(group: string, resource: string): string[] {
  return toTable(group, resource, [], { now: NOW }).columnDefinitions!.map((c) => c.name);
}
