// What every `create <generator>` shares (kubectl's CreateSubcommandOptions and the per-kind
// copies of it): the NAME argument, required flags, print/dry-run/validate/save-config flags,
// building the object locally, sending it (fieldManager, fieldValidation, dryRun) and printing
// `<kind>/<name> created` or the object.
import type { KubeObject } from '../../printers/objects.ts';
import type { ApiClient } from '../../client/types.ts';
import type { CommandDef, Invocation } from '../command.ts';
import { dryRunFlag, dryRunOf, fieldValidationOf, printFlags, validateFlag, type DryRun } from '../common-flags.ts';
import type { Ctx } from '../ctx.ts';
import { CliError } from '../errors.ts';
import { flag, type Flags, type FlagSpec } from '../flags.ts';
import { applyLastApplied } from './last-applied.ts';

export const OUTPUT_USAGE =
  'Print the result in this format instead of the confirmation line: json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json or jsonpath-file.';

/** [P] print flags plus --save-config, --validate, --dry-run and --field-manager ([C]). */
export function createFlags(fieldManager = 'kubectl-create'): FlagSpec[] {
  return [
    ...printFlags(OUTPUT_USAGE),
    flag.bool('save-config', 'Record the object as sent in its last-applied-configuration annotation, so that a later `apply` can compute its changes from it.'),
    validateFlag(),
    dryRunFlag(),
    flag.string('field-manager', 'The manager name recorded as owner of the fields this command sets.', { default: fieldManager }),
  ];
}

/** Where the generated object goes. */
export interface GeneratedResource {
  group: string;
  version: string;
  resource: string;
  namespaced: boolean;
}

/** What a generator gets to build its object from. */
export interface GeneratorInput {
  ctx: Ctx;
  inv: Invocation;
  flags: Flags;
  name: string;
  /** Arguments after NAME (the container command after `--`). */
  command: string[];
  /** The namespace to put into metadata: set only with an explicit -n (kubectl's EnforceNamespace). */
  enforcedNamespace: string;
  client: ApiClient;
}

export interface GeneratorSpec extends Omit<CommandDef, 'run' | 'flags' | 'subcommands'> {
  /** The generator's own flags; the shared ones are added. */
  flags: FlagSpec[];
  /** Flags cobra insists on before anything runs. */
  required?: string[];
  resource: GeneratedResource | ((g: GeneratorInput, obj: KubeObject) => Promise<GeneratedResource> | GeneratedResource);
  /** kubectl's wrapping of the server's error, e.g. (m) => `failed to create configmap: ${m}`; none rethrows it as is. */
  failure?: (message: string) => string;
  /** kubectl's service generators never read --save-config. */
  ignoresSaveConfig?: boolean;
  /** Checks the flags (kubectl's Complete + Validate) and builds the object. */
  build(g: GeneratorInput): Promise<KubeObject> | KubeObject;
}

/** cobra's check of MarkFlagRequired flags (names sorted, as it visits them). */
export function checkRequired(flags: Flags, required: readonly string[] = []): void {
  const missing = [...required].sort().filter((n) => !flags.changed(n));
  if (missing.length) throw new CliError(`required flag(s) ${missing.map((n) => JSON.stringify(n)).join(', ')} not set`);
}

/** NameFromCommandArgs: exactly one argument before `--`. */
export function nameFromArgs(ctx: Ctx, inv: Invocation): string {
  const count = inv.argsLenAtDash === -1 ? inv.args.length : inv.argsLenAtDash;
  if (count !== 1) throw usageError(ctx, inv, `exactly one NAME is required, got ${count}`);
  return inv.args[0]!;
}

/** cmdutil.UsageErrorf. */
export function usageError(ctx: Ctx, inv: Invocation, message: string): CliError {
  return new CliError(`${message}\nSee '${[ctx.program, ...inv.path].join(' ')} -h' for help and examples`);
}

export function operationFor(dryRun: DryRun, operation = 'created'): string {
  return dryRun === 'client' ? `${operation} (dry run)` : dryRun === 'server' ? `${operation} (server dry run)` : operation;
}

/** The printer for -o (or the confirmation line), built before anything is sent, as kubectl does. */
export async function printerOf(flags: Flags, dryRun: DryRun, keepKeyOrder: boolean) {
  const { printerFor } = await import('../../printers/index.ts');
  return printerFor(flags.string('output'), {
    template: flags.string('template'),
    outputChanged: flags.changed('output'),
    allowMissingTemplateKeys: flags.bool('allow-missing-template-keys'),
    showManagedFields: flags.bool('show-managed-fields'),
    operation: operationFor(dryRun),
    keepKeyOrder,
  });
}

/** The path objects of a resource are created at. */
export function collectionPath(r: GeneratedResource, namespace: string): string {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  return r.namespaced ? `${base}/namespaces/${encodeURIComponent(namespace)}/${r.resource}` : `${base}/${r.resource}`;
}

/** POST with kubectl's create options; returns the object the server answered with. */
export async function postObject(client: ApiClient, path: string, obj: unknown, o: { fieldManager: string; fieldValidation: string; dryRun: DryRun }): Promise<KubeObject> {
  const response = await client.request('POST', path, {
    query: { fieldManager: o.fieldManager || undefined, fieldValidation: o.fieldValidation, dryRun: o.dryRun === 'server' ? 'All' : undefined },
    body: obj,
  });
  return response.json<KubeObject>();
}

export function generator(spec: GeneratorSpec): CommandDef {
  const { build, required, resource, failure, flags, ignoresSaveConfig, ...def } = spec;
  return {
    ...def,
    flags: [...flags, ...createFlags()],
    async run(ctx, inv) {
      const f = inv.flags;
      checkRequired(f, required);
      const name = nameFromArgs(ctx, inv);
      const client = await ctx.client();
      const dryRun = dryRunOf(f, (s) => ctx.io.err.write(s));
      const printer = await printerOf(f, dryRun, true);
      const fieldValidation = fieldValidationOf(f);
      // the type table is large: loaded only when an object is actually made (not for --help)
      const { asTyped } = await import('./typed.ts');
      const g: GeneratorInput = {
        ctx, inv, flags: f, name, client,
        command: inv.args.slice(1),
        enforcedNamespace: client.namespaceExplicit ? client.namespace : '',
      };
      // Go marshals maps with sorted keys, whatever order the flags gave them in
      let obj = applyLastApplied(asTyped(await build(g), false), f.bool('save-config') && !ignoresSaveConfig, false);
      if (dryRun !== 'client') {
        const target = typeof resource === 'function' ? await resource(g, obj) : resource;
        try {
          obj = asTyped(await postObject(client, collectionPath(target, client.namespace), obj, { fieldManager: f.string('field-manager'), fieldValidation, dryRun }));
        } catch (e) {
          if (failure && e instanceof Error) throw new CliError(failure(e.message));
          throw e;
        }
      }
      printer.printObj(obj, ctx.io.out);
    },
  };
}
