// What every `config` subcommand shares: kubectl's ConfigAccess (which files are read, where
// writes go, the file named in messages) over ktl's kubeconfig library, and cobra's two ways of
// refusing arguments (help on stdout then the error; or a usage error pointing at -h).
import type { CommandDef } from '../command.ts';
import type { Ctx } from '../ctx.ts';
import { CliError } from '../errors.ts';
import { commandHelp } from '../help.ts';
import { defaultFilename, loadKubeconfig, modifyConfig } from '../../kubeconfig/index.ts';
import type { Config, KubeconfigSource } from '../../kubeconfig/index.ts';

export interface ConfigAccess {
  source: KubeconfigSource;
  /** --kubeconfig given: that file only. */
  explicit: boolean;
  /** kubectl's GetStartingConfig: the merged files; missing ones (even an explicit one) are empty. */
  startingConfig(): Promise<Config>;
  /** Where new entries go (GetDefaultFilename): the explicit file, else kubectl's pick; also the file messages name. */
  defaultFilename(): Promise<string>;
  /** kubectl's ModifyConfig: write the differences back, each to the file it belongs in. */
  modify(config: Config, relativizePaths: boolean): Promise<void>;
}

export function configAccess(ctx: Ctx): ConfigAccess {
  const source: KubeconfigSource = { explicitPath: ctx.globals.kubeconfig || undefined, env: ctx.env, home: ctx.home, cwd: ctx.cwd };
  return {
    source,
    explicit: !!source.explicitPath,
    async startingConfig() {
      return (await loadKubeconfig({ ...source, missingExplicitOk: true })).config;
    },
    defaultFilename: () => defaultFilename(source),
    modify: (config, relativizePaths) => modifyConfig(source, config, relativizePaths),
  };
}

/** cobra's cmd.Help() on stdout, then the error (kubectl's helpErrorf). */
export function helpError(ctx: Ctx, def: CommandDef, path: string[], message: string): CliError {
  ctx.io.out.write(commandHelp(def, path, ctx.program));
  return new CliError(message);
}

/** kubectl's UsageErrorf: the message and where to look for help. */
export function usageError(ctx: Ctx, path: string[], message: string): CliError {
  return new CliError(`${message}\nSee '${[ctx.program, ...path].join(' ')} -h' for help and examples`);
}

/** Go's %v of a []string: `[a b]`. */
export const goList = (items: readonly string[]) => `[${items.join(' ')}]`;

/** An error printed as kubectl's CheckErr prints it (report() adds the final newline). */
function printedAs(text: string): Error {
  return Object.assign(new Error(text), { kubectlMessage: () => text });
}

/** An aggregate of errors as kubectl's CheckErr prints it: one as `error: …`, several one per line. */
export function aggregateError(messages: string[]): Error {
  if (messages.length === 1) return new CliError(messages[0]!);
  return printedAs(messages.join('\n'));
}
