// Waiting until deleted objects are gone (kubectl's `wait --for=delete` condition as delete uses
// it): read each object; gone, or replaced by one with another uid, is done; otherwise list it by
// name and watch until it is deleted, re-listing whenever the watch ends, until the deadline.
import type { KubeList, KubeObject } from '../../api/object.ts';
import type { ApiClient, WatchStream } from '../../client/types.ts';
import { CliError } from '../errors.ts';
import type { Writer } from '../io.ts';
import { klogLine } from '../klog.ts';
import { resourcePath } from '../resource/builder.ts';
import type { Info } from './targets.ts';

/** kubectl waits "forever" (a week) when --timeout is 0. */
const WEEK_MS = 168 * 3600 * 1000;

export interface Deleted {
  info: Info;
  /** The uid the DELETE answered with, if any. */
  uid?: string;
}

const reasonOf = (e: unknown) => (e as { reason?: unknown } | null)?.reason;

/** Waits for every object in turn; throws kubectl's timeout error for the first still there at the deadline. */
export async function waitForDeletion(client: ApiClient, deleted: readonly Deleted[], timeoutMs: number, errOut: Writer): Promise<void> {
  // client-go's ContextWithOptionalTimeout complains, then waits without a deadline
  if (timeoutMs < 0) errOut.write(klogLine('E', 'until.go:159', 'Timeout for context shall not be negative!'));
  const deadline = Date.now() + (timeoutMs === 0 ? WEEK_MS : timeoutMs);
  for (const d of deleted) await waitOne(client, d, deadline, timeoutMs < 0);
}

function timedOut(info: Info): CliError {
  return new CliError(`timed out waiting for the condition on ${info.resource.resource}/${info.name}`);
}

async function waitOne(client: ApiClient, { info, uid }: Deleted, deadline: number, outOfTime: boolean): Promise<void> {
  const target = { group: info.resource.group, resource: info.resource.resource, name: info.name };
  let current: KubeObject;
  try {
    current = await client.get(resourcePath(info.resource, info.namespace, info.name), { target });
  } catch (e) {
    if (reasonOf(e) === 'NotFound') return;
    throw e;
  }
  if (uid && current.metadata?.uid !== uid) return;
  if (outOfTime || Date.now() >= deadline) throw timedOut(info);

  const collection = resourcePath(info.resource, info.namespace);
  const fieldSelector = `metadata.name=${info.name}`;
  let stream: WatchStream | undefined;
  let timer: NodeJS.Timeout | undefined;
  let expired = false;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      stream?.close();
      reject(timedOut(info));
    }, Math.max(0, deadline - Date.now()));
  });
  expiry.catch(() => undefined);
  const watchUntilGone = async (): Promise<void> => {
    while (!expired) {
      const list = await client.get<KubeList>(collection, { query: { fieldSelector }, target: { group: info.resource.group, resource: info.resource.resource } });
      if (!(list.items ?? []).some((o) => o.metadata?.name === info.name)) return;
      if (expired) return;
      stream = await client.watch(collection, {
        query: { fieldSelector, resourceVersion: list.metadata?.resourceVersion, allowWatchBookmarks: true },
        timeoutMs: 0,
        target: { group: info.resource.group, resource: info.resource.resource },
      });
      if (expired) {
        stream.close();
        return;
      }
      for await (const event of stream) {
        if (event.type === 'DELETED') {
          stream.close();
          return;
        }
        // an error event (e.g. an expired resourceVersion) ends this watch: list again
        if (event.type === 'ERROR') break;
      }
      stream.close();
    }
  };
  const watching = watchUntilGone();
  // after the deadline a request still under way may fail: nobody waits for it any more
  watching.catch(() => undefined);
  try {
    await Promise.race([watching, expiry]);
  } finally {
    clearTimeout(timer);
    stream?.close();
  }
}
