// `create -f`: every object of the files, directories, URLs or stdin given, POSTed as written
// (namespace filled in, last-applied annotation with --save-config), each failure reported at
// the end with the file it came from; and `create --raw PATH -f FILE`, a plain POST.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KubeObject } from '../../printers/objects.ts';
import type { Invocation } from '../command.ts';
import { dryRunOf, fieldValidationOf, filenameOptions } from '../common-flags.ts';
import type { Ctx } from '../ctx.ts';
import { CliError } from '../errors.ts';
import { nested, throwAll, withSource } from './failures.ts';
import { postObject, printerOf, usageError } from './generator.ts';
import { applyLastApplied } from './last-applied.ts';
import { errnoText } from './sources.ts';

/** Go's %v of a []string. */
const goList = (xs: string[]) => `[${xs.join(' ')}]`;

function validateRaw(raw: string, inv: Invocation, filenames: string[], recursive: boolean): void {
  const f = inv.flags;
  if (f.bool('edit')) throw new CliError('--raw and --edit are mutually exclusive');
  if (filenames.length !== 1) throw new CliError('--raw can only use a single local file or stdin');
  if (/^https?:\/\//.test(filenames[0]!)) throw new CliError('--raw cannot read from a url');
  if (recursive) throw new CliError('--raw and --recursive are mutually exclusive');
  if (f.string('selector')) throw new CliError('--raw and --selector (-l) are mutually exclusive');
  if (f.string('output')) throw new CliError('--raw and --output are mutually exclusive');
  // url.ParseRequestURI: an absolute path or an absolute URL
  if (!raw.startsWith('/') && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw)) throw new CliError(`--raw must be a valid URL path: parse ${JSON.stringify(raw)}: invalid URI for request`);
}

export async function runCreate(ctx: Ctx, inv: Invocation): Promise<void> {
  const f = inv.flags;
  if (inv.args.length) throw usageError(ctx, inv, `Unexpected args: ${goList(inv.args)}`);
  const dryRun = dryRunOf(f, (s) => ctx.io.err.write(s));
  const fieldValidation = fieldValidationOf(f);
  const printer = await printerOf(f, dryRun, false);
  const filenames = f.strings('filename');
  if (!filenames.length && !f.string('kustomize')) throw new CliError('must specify one of -f and -k');
  const raw = f.string('raw');
  if (raw) validateRaw(raw, inv, filenames, f.bool('recursive'));
  const files = filenameOptions(f);
  if (raw) return rawPost(ctx, raw, files.filenames[0]!);
  if (f.bool('edit')) throw new CliError('--edit is not supported by ktl yet: create the object with -f, then use `edit`');

  const client = await ctx.client();
  const { build, resourcePath } = await import('../resource/builder.ts');
  const built = await build(() => client.mapper(), {
    args: [],
    filenames: files.filenames,
    recursive: files.recursive,
    namespace: client.namespace,
    namespaceExplicit: client.namespaceExplicit,
    allNamespaces: false,
    selecting: false,
    labelSelector: f.string('selector') || undefined,
    program: ctx.program,
    command: 'create',
    cwd: ctx.cwd,
    stdin: ctx.io.in,
    markStdinInUse: () => client.markStdinInUse(),
  });
  // kubectl's builder gathers input problems (unparsable documents, unknown kinds) apart and
  // hands them over after the errors of the objects it did visit
  const problems: Error[] = [];
  const errors: Error[] = [];
  let count = 0;
  for (const item of built.items) {
    if ('message' in item) {
      problems.push(new Error(item.message));
      continue;
    }
    if (item.kind !== 'object' || !item.manifest) continue;
    let obj: KubeObject = item.manifest;
    // the builder's DefaultNamespace: a namespaced object without one gets the command's
    if (item.resource.namespaced && !(obj.metadata as KubeObject | undefined)?.namespace) obj = { ...obj, metadata: { ...((obj.metadata as KubeObject) ?? {}), namespace: item.namespace } };
    obj = applyLastApplied(obj, f.bool('save-config'), true);
    if (dryRun !== 'client') {
      try {
        obj = await postObject(client, resourcePath(item.resource, item.namespace), obj, { fieldManager: f.string('field-manager'), fieldValidation, dryRun });
      } catch (e) {
        errors.push(withSource(e, 'creating', item.source));
        continue;
      }
    }
    count++;
    try {
      printer.printObj(obj, ctx.io.out);
    } catch (e) {
      errors.push(e instanceof Error ? e : new Error(String(e)));
    }
  }
  if (problems.length) {
    if (!errors.length) throwAll(problems);
    errors.push(nested(problems));
  }
  if (errors.length) throwAll(errors);
  if (count === 0) throw new CliError('no objects passed to create');
}

/** rawhttp.RawPost: the file's bytes to the path as given, the answer copied to stdout. */
async function rawPost(ctx: Ctx, path: string, filename: string): Promise<void> {
  let body: Buffer;
  if (filename === '-') {
    const chunks: Buffer[] = [];
    for await (const c of ctx.io.in ?? process.stdin) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
    body = Buffer.concat(chunks);
  } else {
    try {
      body = readFileSync(resolve(ctx.cwd, filename));
    } catch (e) {
      throw new CliError(`open ${filename}: ${errnoText(e)}`);
    }
  }
  const client = await ctx.client();
  const response = await client.request('POST', path, { body, absolutePath: true, contentType: 'application/json' });
  ctx.io.out.write(response.body.toString('utf8'));
}
