// Everything a command reaches the outside through: streams, environment, clock, the parsed global
// flags, and (built on first use) the kubeconfig and the API client. Tests build their own.
import { homedir } from 'node:os';
import type { GlobalOptions } from './global-flags.ts';
import type { Io } from './io.ts';
import type { LoadedKubeconfig } from '../kubeconfig/index.ts';
import type { ApiClient } from '../client/types.ts';
import type { CreateClientOptions } from '../client/index.ts';

export interface Ctx {
  io: Io;
  env: NodeJS.ProcessEnv;
  /** "kubectl" when installed under that name, else "ktl": messages name the program as invoked. */
  program: string;
  home: string;
  cwd: string;
  globals: GlobalOptions;
  now(): Date;
  /** The command words, e.g. ["create", "secret"]: sent as the Kubectl-Command header. */
  commandPath: string[];
  kubeconfig(): Promise<LoadedKubeconfig>;
  /** Built on the first call; `options` (e.g. `namespaceFirst: false`) only count on that call. */
  client(options?: CreateClientOptions): Promise<ApiClient>;
  /** The client if a command built one (for --warnings-as-errors after it ran). */
  clientIfCreated(): Promise<ApiClient> | undefined;
}

export function createCtx(
  io: Io,
  env: NodeJS.ProcessEnv,
  program: string,
  globalsFor: (home: string) => GlobalOptions,
  commandPath: string[] = [],
): Ctx {
  let kubeconfig: Promise<LoadedKubeconfig> | undefined;
  let client: Promise<ApiClient> | undefined;
  const home = env.HOME || homedir();
  const globals = globalsFor(home);
  const ctx: Ctx = {
    io,
    env,
    program,
    home,
    cwd: process.cwd(),
    globals,
    commandPath,
    now: () => new Date(),
    kubeconfig() {
      kubeconfig ??= import('../kubeconfig/index.ts').then(({ loadKubeconfig }) =>
        loadKubeconfig({ explicitPath: globals.kubeconfig || undefined, env, home }),
      );
      return kubeconfig;
    },
    client(options?: CreateClientOptions) {
      client ??= import('../client/index.ts').then(({ createClient }) => createClient(ctx, options));
      return client;
    },
    clientIfCreated: () => client,
  };
  return ctx;
}
