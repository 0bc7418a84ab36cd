// `config view`: the merged kubeconfig (or one file with --merge=false), optionally cut down to
// the current context, with referenced files inlined, and secrets hidden unless --raw/--flatten.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommandDef } from '../command.ts';
import { CliError } from '../errors.ts';
import { printFlags } from '../common-flags.ts';
import { flag } from '../flags.ts';
import { goPathError } from '../../kubeconfig/fs-errors.ts';
import { KubeconfigError, parseKubeconfig, toV1 } from '../../kubeconfig/index.ts';
import type { Config } from '../../kubeconfig/index.ts';
import { flattenConfig, minifyConfig, redactConfig } from '../../kubeconfig/view.ts';
import { configAccess, goList, usageError } from './access.ts';

export const command: CommandDef = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  long: 'Print the kubeconfig as kubectl sees it: all files merged, or a single file.\n\nSelect single values with --output jsonpath={...}.',
  example: `  # Print the merged kubeconfig
  kubectl config view

  # Include certificates, keys, tokens and passwords
  kubectl config view --raw

  # Print the token of the "ci" user
  kubectl config view --raw -o jsonpath='{.users[?(@.name == "ci")].user.token}'`,
  use: '[flags]',
  flags: [
    ...printFlags('Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).').map(
      (f) => (f.name === 'output' ? { ...f, default: 'yaml' } : f),
    ),
    flag.bool('merge', 'Merge all the kubeconfig files (false: print only the --kubeconfig file)', { default: true }),
    flag.bool('raw', 'Show certificates, keys, tokens and passwords as they are'),
    flag.bool('flatten', 'Inline the files the kubeconfig refers to, making it self-contained (good for copying elsewhere)'),
    flag.bool('minify', 'Keep only what the current context uses'),
  ],
  async run(ctx, inv) {
    if (inv.args.length) throw usageError(ctx, inv.path, `unexpected arguments: ${goList(inv.args)}`);
    const f = inv.flags;
    const { viewPrinter } = await import('./view-printer.ts');
    const print = await viewPrinter(f, ctx.cwd);
    const access = configAccess(ctx);
    const merge = f.bool('merge');
    if (!merge && !access.explicit) throw new CliError('if merge==false a precise file must be specified');
    let config = merge ? await access.startingConfig() : await loadOneFile(access.source.explicitPath!, ctx.cwd);
    if (f.bool('minify')) {
      if (ctx.globals.context) config = { ...config, currentContext: ctx.globals.context };
      config = minifyConfig(config);
    }
    if (f.bool('flatten')) config = flattenConfig(config, ctx.cwd);
    else if (!f.bool('raw')) config = redactConfig(config);
    await print(toV1(config), ctx.io.out);
  },
};

/** client-go's LoadFromFile: that file only, its errors unwrapped. */
async function loadOneFile(path: string, cwd: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (err) {
    throw new KubeconfigError(goPathError(err, path));
  }
  const config = await parseKubeconfig(text);
  for (const entries of [config.clusters, config.authInfos, config.contexts]) for (const e of Object.values(entries)) e.locationOfOrigin = path;
  return config;
}
