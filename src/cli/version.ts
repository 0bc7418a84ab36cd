// `version`: this client's version.Info, the kustomize version kubectl 1.32 reports, and the
// server's /version, as text, JSON (struct order, two-space indent) or YAML; the minor-version skew
// warning; the client lines stay on stdout even when the server cannot be asked.
import pkg from '../../package.json' with { type: 'json' };
import type { CommandDef, Invocation } from './command.ts';
import type { Ctx } from './ctx.ts';
import { CliError } from './errors.ts';
import { flag } from './flags.ts';

/** The kubectl minor line ktl behaves like: the skew warning and scripts compare against it. */
const COMPATIBLE = { major: '1', minor: '32', patch: '0' };
/** What kubectl 1.32 reports (it vendors kustomize v5.5.0); ktl prints the same so that scripts agree. */
export const KUSTOMIZE_VERSION = 'v5.5.0';
const SUPPORTED_MINOR_SKEW = 1;

/** version.Info's fields in Go struct order (kubectl 1.32's apimachinery: nine strings). */
const INFO_FIELDS = ['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform'] as const;

export type VersionInfo = Record<(typeof INFO_FIELDS)[number], string>;

const GO_ARCH: Record<string, string> = { x64: 'amd64', ia32: '386' };

/**
 * ktl's version.Info. gitVersion is semver `v1.32.0+ktl.<ktl version>`: major/minor say which
 * kubectl ktl matches (so skew checks work), the build metadata names the ktl release.
 */
export function clientVersionInfo(): VersionInfo {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  return {
    major: COMPATIBLE.major,
    minor: COMPATIBLE.minor,
    gitVersion: `v${COMPATIBLE.major}.${COMPATIBLE.minor}.${COMPATIBLE.patch}+ktl.${pkg.version}`,
    // the bundle carries no commit or build stamp
    gitCommit: '',
    gitTreeState: '',
    buildDate: '',
    goVersion: `node${process.versions.node}`,
    compiler: 'ktl',
    platform: `${os}/${GO_ARCH[process.arch] ?? process.arch}`,
  };
}

/** The server's answer decoded into kubectl's version.Info: unknown fields dropped, missing ones "". */
export function toVersionInfo(raw: Record<string, unknown>): VersionInfo {
  const out = {} as VersionInfo;
  for (const f of INFO_FIELDS) out[f] = typeof raw[f] === 'string' ? raw[f] : '';
  return out;
}

interface Semantic {
  major: bigint;
  minor: bigint;
}

const MAX_UINT = (1n << 64n) - 1n;

/** apimachinery's version.ParseSemantic, as far as the skew check needs it (errors in its words). */
export function parseSemantic(str: string): Semantic {
  const m = /^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)$/s.exec(str);
  if (!m) throw new Error(`could not parse ${JSON.stringify(str)} as version`);
  const [, numbers, extra] = m as unknown as [string, string, string];
  const parts = numbers.split('.');
  if (parts.length !== 3) throw new Error(`illegal version string ${JSON.stringify(str)}`);
  const values = parts.map((p) => {
    if (p.startsWith('0') && p !== '0') throw new Error(`illegal zero-prefixed version component ${JSON.stringify(p)} in ${JSON.stringify(str)}`);
    const n = BigInt(p);
    if (n > MAX_UINT) {
      throw new Error(`illegal non-numeric version component ${JSON.stringify(p)} in ${JSON.stringify(str)}: strconv.ParseUint: parsing ${JSON.stringify(p)}: value out of range`);
    }
    return n;
  });
  if (extra !== '') {
    const e = /^(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?\s*$/.exec(extra);
    if (!e) throw new Error(`could not parse pre-release/metadata (${extra}) in version ${JSON.stringify(str)}`);
    for (const comp of (e[1] ?? '').split('.')) {
      if (/^[0-9]+$/.test(comp) && comp.startsWith('0') && comp !== '0') throw new Error(`illegal zero-prefixed version component ${JSON.stringify(comp)} in ${JSON.stringify(str)}`);
    }
  }
  return { major: values[0]!, minor: values[1]! };
}

/** The skew warning's line, or undefined within +/-1 minor of the same major. */
export function skewWarning(client: VersionInfo, server: VersionInfo): string | undefined {
  const c = parseSemantic(client.gitVersion);
  const s = parseSemantic(server.gitVersion);
  const diff = (a: bigint, b: bigint) => (a > b ? a - b : b - a);
  if (diff(c.major, s.major) === 0n && diff(c.minor, s.minor) <= BigInt(SUPPORTED_MINOR_SKEW)) return undefined;
  return `WARNING: version difference between client (${c.major}.${c.minor}) and server (${s.major}.${s.minor}) exceeds the supported minor version skew of +/-${SUPPORTED_MINOR_SKEW}\n`;
}

/**
 * Discovery reads /version raw (client-go's DoRaw): a failed answer is reported by its HTTP code
 * alone, even when it carries a Status.
 */
async function rawRequestError(e: unknown): Promise<unknown> {
  const { StatusError, genericServerResponse } = await import('../client/errors.ts');
  if (!(e instanceof StatusError)) return e;
  if (e.status.details?.causes?.some((c) => c.reason === 'UnexpectedServerResponse')) return e;
  return new StatusError(genericServerResponse(e.code, 'GET', {}, 'unknown'), e.code);
}

interface Versions {
  clientVersion: VersionInfo;
  kustomizeVersion: string;
  serverVersion?: VersionInfo;
}

/** The versions in -o's format: text lines, JSON in struct order (2 spaces) or YAML (sorted) plus a blank line. */
export async function formatVersions(v: Versions, output: string): Promise<string> {
  if (output === '') {
    return (
      `Client Version: ${v.clientVersion.gitVersion}\n` +
      `Kustomize Version: ${v.kustomizeVersion}\n` +
      (v.serverVersion ? `Server Version: ${v.serverVersion.gitVersion}\n` : '')
    );
  }
  if (output === 'json') {
    const { toJson } = await import('../printers/json.ts');
    return toJson(v, { sortKeys: false, indent: '  ' });
  }
  const { toYaml } = await import('../printers/yaml.ts');
  // kubectl prints the marshalled YAML with Println: one more newline
  return `${toYaml(v)}\n`;
}

async function run(ctx: Ctx, inv: Invocation): Promise<void> {
  const clientOnly = inv.flags.bool('client');
  const output = inv.flags.string('output');
  const clientVersion = clientVersionInfo();
  // Complete: the client first (so a bad context wins), then the arguments (ignored with --client)
  const client = clientOnly ? undefined : await ctx.client({ namespaceFirst: false, clientVersion });
  if (!clientOnly && inv.args.length) throw new CliError(`extra arguments: [${inv.args.join(' ')}]`);
  if (output !== '' && output !== 'yaml' && output !== 'json') throw new CliError("--output must be 'yaml' or 'json'");

  const versions: Versions = { clientVersion, kustomizeVersion: KUSTOMIZE_VERSION };
  let serverError: unknown;
  if (client) {
    try {
      versions.serverVersion = toVersionInfo(await client.serverVersion());
    } catch (e) {
      serverError = await rawRequestError(e);
    }
  }
  ctx.io.out.write(await formatVersions(versions, output));
  if (versions.serverVersion) {
    const warning = skewWarning(clientVersion, versions.serverVersion);
    if (warning) ctx.io.err.write(warning);
  }
  if (serverError) throw serverError;
}

export const command: CommandDef = {
  name: 'version',
  short: 'Show the client and server versions',
  long: 'Show the version of this client and, unless --client is given, of the API server of the current context.',
  example: `  # Show both versions for the current context
  kubectl version`,
  use: '[flags]',
  flags: [
    flag.bool('client', 'Show only the client version; the server is not contacted.'),
    flag.string('output', "Print the versions as 'yaml' or 'json'.", { shorthand: 'o' }),
  ],
  run,
};
