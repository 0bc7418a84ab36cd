// Entry point: the command table and lazy loading. Only the invoked command's module is loaded, so
// `ktl get` never parses the API server. This is the sole place that sets the exit code.
import { Command, CommanderError } from 'commander';
import { CliError, report } from './errors.ts';
import type { Io } from './io.ts';

export interface CommandModule {
  register(cmd: Command, io: Io): void;
}

interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<CommandModule>;
}

/** The commands of this build; kubectl's command set arrives with the CLI core. */
const COMMANDS: CommandEntry[] = [
  { name: 'server', summary: 'Run the bundled Kubernetes API server in the foreground', load: () => import('./server.ts') },
  { name: 'up', summary: 'Start the bundled API server in the background and make context "ktl" current', load: () => import('./up.ts') },
  { name: 'down', summary: 'Stop the background API server started by "ktl up"', load: () => import('./down.ts') },
  { name: 'status', summary: 'Show whether the background API server is running', load: () => import('./status.ts') },
];

export function programName(): string {
  const invoked = process.argv[1]?.split('/').pop() ?? 'ktl';
  return invoked.startsWith('kubectl') ? 'kubectl' : 'ktl';
}

export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const name = programName();
  const program = new Command(name)
    .description(`${name} controls Kubernetes clusters and runs one of its own.`)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .showHelpAfterError(false);
  const wanted = argv.find((a) => !a.startsWith('-'));
  for (const entry of COMMANDS) {
    const cmd = program.command(entry.name).description(entry.summary);
    if (entry.name === wanted) (await entry.load()).register(cmd, io);
  }
  let code = 0;
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      code = err.exitCode;
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.help' || err.code === 'commander.version') code = 0;
    } else {
      code = err instanceof CliError ? err.exitCode : 1;
      report(err, io, name);
    }
  }
  process.exitCode = code;
  return code;
}
