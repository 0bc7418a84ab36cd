// Reading what describers need through the API client: one object, lists followed through their
// continue tokens, an object's events. kubectl's typed describers read fixed API versions; the
// paths here do the same.
import type { ApiClient } from '../client/types.ts';
import { eventFieldSelector, type EventTarget } from './events.ts';
import type { Obj } from './values.ts';

export interface DescriberSettings {
  showEvents: boolean;
  /** --chunk-size: page size of the lists describers make; 0 reads them whole. */
  chunkSize: number;
}

/** What a describer gets: a client, the settings, and the clock for ages. */
export interface DescribeContext {
  client: ApiClient;
  settings: DescriberSettings;
  now: Date;
}

/** A resource at the version a describer reads it: "" group is core. */
export interface Gvr {
  group: string;
  version: string;
  resource: string;
}

export const gvr = (group: string, version: string, resource: string): Gvr => ({ group, version, resource });

export function objectPath(r: Gvr, namespace: string, name?: string): string {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${r.resource}${name !== undefined ? `/${encodeURIComponent(name)}` : ''}`;
}

export function getObject(ctx: DescribeContext, r: Gvr, namespace: string, name: string): Promise<Obj> {
  return ctx.client.get<Obj>(objectPath(r, namespace, name));
}

/** A list request followed through its continue tokens (FollowContinue). */
export async function listAll(ctx: DescribeContext, r: Gvr, namespace: string, selectors: { labelSelector?: string; fieldSelector?: string } = {}): Promise<Obj[]> {
  const items: Obj[] = [];
  let cont = '';
  do {
    const query: Record<string, string | number | undefined> = {
      labelSelector: selectors.labelSelector || undefined,
      fieldSelector: selectors.fieldSelector || undefined,
      limit: ctx.settings.chunkSize > 0 ? ctx.settings.chunkSize : undefined,
      continue: cont || undefined,
    };
    const list = await ctx.client.get<{ items?: Obj[]; metadata?: { continue?: string } }>(objectPath(r, namespace), { query });
    items.push(...(list.items ?? []));
    cont = list.metadata?.continue ?? '';
  } while (cont);
  return items;
}

const EVENTS = gvr('', 'v1', 'events');

/** searchEvents: the object's core/v1 Events; a failed search shows as no events, as upstream. */
export async function searchEvents(ctx: DescribeContext, target: EventTarget): Promise<Obj[]> {
  try {
    return await listAll(ctx, EVENTS, target.namespace, { fieldSelector: eventFieldSelector(target) });
  } catch {
    return [];
  }
}

/** The events to show: none at all with --show-events=false. */
export function eventsFor(ctx: DescribeContext, target: EventTarget): Promise<Obj[] | undefined> {
  return ctx.settings.showEvents ? searchEvents(ctx, target) : Promise.resolve(undefined);
}

/** The reason of an API error (StatusError), if it is one. */
export const errorReason = (e: unknown): string | undefined => {
  const reason = (e as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' ? reason : undefined;
};

/** Go's err.Error() of a client error: the Status message. */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
