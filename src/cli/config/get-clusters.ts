// `config get-clusters`: the names of the clusters in the merged kubeconfig.
import type { CommandDef } from '../command.ts';
import { configAccess } from './access.ts';

export const command: CommandDef = {
  name: 'get-clusters',
  short: 'Display clusters defined in the kubeconfig',
  long: 'List the names of the clusters the kubeconfig defines.',
  example: '  # List the clusters kubectl can talk to\n  kubectl config get-clusters',
  use: '[flags]',
  async run(ctx) {
    const config = await configAccess(ctx).startingConfig();
    // kubectl prints them in Go's random map order; sorted is one of those orders.
    const names = Object.keys(config.clusters).sort();
    ctx.io.out.write(`NAME\n${names.map((n) => `${n}\n`).join('')}`);
  },
};
