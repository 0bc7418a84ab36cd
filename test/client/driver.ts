// Drives the client the way the first commands will, so that its behaviour can be compared with
// real kubectl before those commands exist: `get --raw PATH` (namespace not resolved first), and
// the resource-type resolution that starts `get TYPE[,TYPE]` (categories first, then each type).
import { exitCodeOf, report } from '../../src/cli/errors.ts';
import { createClient } from '../../src/client/index.ts';
import type { TestCtx } from './helpers.ts';

export interface DriverResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(ctx: TestCtx, body: () => Promise<void>): Promise<DriverResult> {
  let code = 0;
  try {
    await body();
  } catch (err) {
    code = exitCodeOf(err);
    report(err, ctx.io);
  }
  return { code, stdout: ctx.out(), stderr: ctx.err() };
}

/** `kubectl get --raw PATH`: the body on stdout. */
export function rawGet(ctx: TestCtx, path: string): Promise<DriverResult> {
  return run(ctx, async () => {
    const client = await createClient(ctx, { namespaceFirst: false });
    try {
      const res = await client.request('GET', path, { absolutePath: true });
      ctx.io.out.write(res.text());
    } finally {
      client.close();
    }
  });
}

/** The start of `kubectl get TYPES`: namespace, categories of every word, duplicates dropped, then each mapping. */
export function resolveTypes(ctx: TestCtx, types: string): Promise<DriverResult & { resolved: string[] }> {
  const resolved: string[] = [];
  return run(ctx, async () => {
    const client = await createClient(ctx);
    try {
      const mapper = await client.mapper();
      const expanded: string[] = [];
      for (const t of types.split(',')) expanded.push(...((await mapper.categoryMembers(t)) ?? [t]));
      const seen = new Set<string>();
      for (const t of [...new Set(expanded)]) {
        const r = await mapper.resourceFor(t);
        const key = `${r.group}/${r.version}/${r.resource}`;
        if (!seen.has(key)) resolved.push(key);
        seen.add(key);
      }
    } finally {
      client.close();
    }
  }).then((r) => ({ ...r, resolved }));
}
