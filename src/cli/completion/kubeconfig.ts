// Completion of kubeconfig entry names (--context, --cluster, --user, `config use-context`...):
// read from the merged kubeconfig only, so no HTTP code loads and nothing goes over the network.
import type { Ctx } from '../ctx.ts';

type Section = 'contexts' | 'clusters' | 'authInfos';

async function names(ctx: Ctx, section: Section, toComplete: string): Promise<string[]> {
  try {
    const { config } = await ctx.kubeconfig();
    return Object.keys(config[section]).filter((n) => n.startsWith(toComplete));
  } catch {
    // kubectl: an unreadable kubeconfig completes nothing (ListContextsInConfig).
    return [];
  }
}

export const completeContexts = (ctx: Ctx, toComplete: string): Promise<string[]> => names(ctx, 'contexts', toComplete);
export const completeClusters = (ctx: Ctx, toComplete: string): Promise<string[]> => names(ctx, 'clusters', toComplete);
export const completeUsers = (ctx: Ctx, toComplete: string): Promise<string[]> => names(ctx, 'authInfos', toComplete);
