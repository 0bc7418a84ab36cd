// get --raw PATH (rawhttp.RawGet): one GET of the path as given, the body printed as it came.
// kubectl builds its REST client without resolving the namespace first, so kubeconfig errors come
// in that order; --warnings-as-errors is checked once the body is out.
import type { Ctx } from '../ctx.ts';
import { CliError } from '../errors.ts';

export async function runRaw(ctx: Ctx, path: string): Promise<void> {
  const { createClient } = await import('../../client/index.ts');
  const client = await createClient(ctx, { namespaceFirst: false });
  try {
    const res = await client.request('GET', path, { absolutePath: true });
    ctx.io.out.write(res.text());
    if (ctx.globals.warningsAsErrors) {
      const { warningsAsErrorsMessage } = await import('../../client/warnings.ts');
      const message = warningsAsErrorsMessage(client.warningCount());
      if (message) throw new CliError(message);
    }
  } finally {
    client.close();
  }
}
