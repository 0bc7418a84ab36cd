// `delete` itself: options, targets, the optional confirmation, one DELETE per object (or --raw),
// the lines kubectl prints, then the wait until the objects are gone.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Status } from '../../api/object.ts';
import { StatusError } from '../../client/errors.ts';
import { goQuote, pathErrorText } from '../../client/go-text.ts';
import type { ApiClient } from '../../client/types.ts';
import type { Invocation } from '../command.ts';
import type { Ctx } from '../ctx.ts';
import { CliError } from '../errors.ts';
import { resourcePath } from '../resource/builder.ts';
import { complete, rawRequestPath, toOptions, validate, type DeleteOptions } from './options.ts';
import { aggregate, kindString, locationKey, resolve, type Info, type Resolved } from './targets.ts';
import type { Deleted } from './wait.ts';

const reasonOf = (e: unknown) => (e as { reason?: unknown } | null)?.reason;
const isNotFound = (e: unknown) => reasonOf(e) === 'NotFound';

export async function runDelete(ctx: Ctx, inv: Invocation): Promise<void> {
  const errOut = (line: string) => ctx.io.err.write(line);
  let o = toOptions(inv.flags, errOut);
  const client = await ctx.client();
  o = complete(o, inv.flags, errOut);
  const warning = warningPrinter(ctx);
  if (o.raw !== '') {
    validate(o, warning);
    return rawDelete(ctx, client, o);
  }
  const resolved = await resolve(ctx, client, o, inv.args);
  // kubectl builds the selection twice with -i: once to show, once to delete
  const preview = o.interactive ? await resolve(ctx, client, o, inv.args) : undefined;
  validate(o, warning);
  let shown: Set<string> | undefined;
  if (preview) {
    const infos = await collect(preview, o);
    if (infos.length === 0) {
      ctx.io.out.write('No resources found\n');
      return;
    }
    if (!(await confirm(ctx, infos))) {
      ctx.io.out.write('deletion is cancelled\n');
      return;
    }
    shown = new Set(infos.map(locationKey));
  }
  await deleteAll(ctx, client, o, resolved, shown, warning);
}

/** kubectl's WarningPrinter: `Warning: <text>` on stderr, yellow on a terminal. */
function warningPrinter(ctx: Ctx): (text: string) => void {
  const color = !!(ctx.io.err as { isTTY?: boolean }).isTTY && ctx.env.TERM !== 'dumb';
  return (text) => ctx.io.err.write(color ? `\u001b[33;1mWarning:\u001b[0m ${text}\n` : `Warning: ${text}\n`);
}

/** Every object of a selection, or its errors (NotFound dropped when ignored). */
async function collect(r: Resolved, o: DeleteOptions): Promise<Info[]> {
  const infos: Info[] = [];
  const errors: Error[] = [];
  for await (const item of r.visit()) {
    if (item instanceof Error) errors.push(item);
    else infos.push(item);
  }
  const kept = o.ignoreNotFound ? errors.filter((e) => !isNotFound(e)) : errors;
  if (kept.length) throw aggregate(kept);
  return infos;
}

async function confirm(ctx: Ctx, infos: Info[]): Promise<boolean> {
  const out = ctx.io.out;
  out.write(`You are about to delete the following ${infos.length} resource(s):\n`);
  for (const info of infos) out.write(`${kindString(info.resource)}/${info.name}\n`);
  out.write('Do you want to continue? (y/n): ');
  const answer = await readWord(ctx.io.in);
  return answer !== undefined && answer.toLowerCase() === 'y';
}

/** The first whitespace-separated word of the stream (fmt.Fscan), or undefined at its end. */
async function readWord(input: NodeJS.ReadableStream | undefined): Promise<string | undefined> {
  if (!input) return undefined;
  let word = '';
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    for (const c of text) {
      if (/\s/.test(c)) {
        if (word) return word;
      } else word += c;
    }
  }
  return word || undefined;
}

async function deleteAll(ctx: Ctx, client: ApiClient, o: DeleteOptions, r: Resolved, shown: Set<string> | undefined, warning: (text: string) => void): Promise<void> {
  const errors: Error[] = [];
  const deleted: Deleted[] = [];
  let warnClusterScope = client.namespaceExplicit && !o.allNamespaces;
  for await (const item of r.visit()) {
    if (item instanceof Error) {
      errors.push(item);
      continue;
    }
    if (shown && !shown.has(locationKey(item))) continue;
    const entry: Deleted = { info: item };
    deleted.push(entry);
    if (warnClusterScope && !item.resource.namespaced) {
      warning('deleting cluster-scoped resources, not scoped to the provided namespace');
      warnClusterScope = false;
    }
    if (o.dryRun === 'client') {
      printDeleted(ctx, o, item);
      continue;
    }
    try {
      entry.uid = await deleteOne(client, o, item);
    } catch (e) {
      errors.push(withSource(e, item.source));
      continue;
    }
    printDeleted(ctx, o, item);
  }
  const kept = o.ignoreNotFound ? errors.filter((e) => !isNotFound(e)) : errors;
  if (kept.length) throw aggregate(kept);
  if (deleted.length === 0) {
    ctx.io.out.write('No resources found\n');
    return;
  }
  if (!o.wait || o.dryRun !== 'none') return;
  const { waitForDeletion } = await import('./wait.ts');
  try {
    await waitForDeletion(client, deleted, o.timeoutMs, ctx.io.err);
  } catch (e) {
    // not allowed to read or watch: the deletion itself went through
    if (reasonOf(e) === 'Forbidden' || reasonOf(e) === 'MethodNotAllowed') return;
    throw e;
  }
}

/** One DELETE with kubectl's DeleteOptions body; the uid of what the server answered with. */
async function deleteOne(client: ApiClient, o: DeleteOptions, info: Info): Promise<string | undefined> {
  const body: Record<string, unknown> = {};
  if (o.gracePeriod >= 0) body.gracePeriodSeconds = o.gracePeriod;
  body.propagationPolicy = o.cascade;
  if (o.dryRun === 'server') body.dryRun = ['All'];
  const res = await client.request('DELETE', resourcePath(info.resource, info.namespace, info.name), {
    body,
    accept: 'application/json',
    target: { group: info.resource.group, resource: info.resource.resource, name: info.name },
  });
  try {
    const answer = res.json<Partial<Status> & { metadata?: { uid?: string } }>();
    if (answer.kind === 'Status' && answer.details) return answer.details.uid;
    return answer.metadata?.uid;
  } catch {
    // no uid to compare with: the wait then only looks for the name
    return undefined;
  }
}

/** AddSourceToErr: errors about objects from -f name the file (an API error stays one). */
function withSource(e: unknown, source: string | undefined): Error {
  const err = e instanceof Error ? e : new Error(String(e));
  if (!source) return err;
  const prefix = `error when deleting ${goQuote(source)}: `;
  if (err instanceof StatusError) return new StatusError({ ...err.status, message: prefix + (err.status.message ?? '') }, err.code);
  return new Error(prefix + err.message);
}

/** The line for one object (delete's own PrintObj): `kind[.group] "name" deleted`, or `kind/name`. */
function printDeleted(ctx: Ctx, o: DeleteOptions, info: Info): void {
  const kind = kindString(info.resource);
  if (o.output === 'name') {
    ctx.io.out.write(`${kind}/${info.name}\n`);
    return;
  }
  let operation = o.gracePeriod === 0 ? 'force deleted' : 'deleted';
  if (o.dryRun === 'client') operation += ' (dry run)';
  else if (o.dryRun === 'server') operation += ' (server dry run)';
  ctx.io.out.write(`${kind} "${info.name}" ${operation}\n`);
}

/** --raw: DELETE that path with the body of the one -f source (or none); the answer as is. */
async function rawDelete(ctx: Ctx, client: ApiClient, o: DeleteOptions): Promise<void> {
  let body: Buffer | undefined;
  const file = o.filenames[0];
  if (file === '-') {
    client.markStdinInUse();
    const chunks: Buffer[] = [];
    for await (const c of ctx.io.in ?? process.stdin) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
    body = Buffer.concat(chunks);
  } else if (file !== undefined) {
    try {
      body = readFileSync(isAbsolute(file) ? file : join(ctx.cwd, file));
    } catch (e) {
      throw new CliError(pathErrorText('open', file, e));
    }
  }
  const res = await client.request('DELETE', rawRequestPath(o.raw), { body: body?.length ? body : undefined });
  ctx.io.out.write(res.text());
}
