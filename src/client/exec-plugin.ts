// Exec credential plugins (client.authentication.k8s.io v1 and v1beta1), as client-go runs them
// (plugin/pkg/client/auth/exec): the command with its args and env plus KUBERNETES_EXEC_INFO,
// stdin only when interactive, stderr passed through, the ExecCredential it prints checked with
// client-go's errors, and the credential kept until it expires or the server answers 401.
import { spawn } from 'node:child_process';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { Writer } from '../cli/io.ts';
import type { ExecConfig } from '../kubeconfig/index.ts';
import { errnoText } from './go-text.ts';

const GROUP = 'client.authentication.k8s.io';
const VERSIONS = new Set([`${GROUP}/v1`, `${GROUP}/v1beta1`]);

const INSTALL_HINT_HELP = `

It looks like you are trying to use a client-go credential plugin that is not installed.

To learn more about this feature, consult the documentation available at:
      https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins`;

/** clientauthentication Cluster: what provideClusterInfo hands the plugin. */
export interface ExecCluster {
  server: string;
  'tls-server-name'?: string;
  'insecure-skip-tls-verify'?: boolean;
  /** base64 */
  'certificate-authority-data'?: string;
  'proxy-url'?: string;
  'disable-compression'?: boolean;
  config?: unknown;
}

export interface ExecCredentials {
  token?: string;
  cert?: { cert: string; key: string };
}

export interface ExecIo {
  stdin?: NodeJS.ReadableStream;
  stdinIsTerminal: boolean;
  stderr: Writer;
  env: NodeJS.ProcessEnv;
}

/** JSON with object keys sorted at every level, as Go marshals the maps of a kubeconfig extension. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value))
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
  return value;
}

function jsonType(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return 'array';
}

export class ExecAuthenticator {
  private cached?: ExecCredentials;
  private expiry?: Date;
  private hintsShown = 0;
  /** Set while stdin feeds `-f -`: an interactive plugin cannot have it. */
  stdinUnavailable = false;

  constructor(
    private readonly config: ExecConfig,
    private readonly cluster: ExecCluster | undefined,
    private readonly io: ExecIo,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (!VERSIONS.has(config.apiVersion ?? '')) throw new Error(`exec plugin: invalid apiVersion ${JSON.stringify(config.apiVersion ?? '')}`);
  }

  /** The credential to use, running the plugin when there is none or it has expired. */
  async credentials(): Promise<ExecCredentials> {
    if (this.cached && !(this.expiry && this.now() > this.expiry)) return this.cached;
    await this.refresh();
    return this.cached!;
  }

  /** A 401 with these credentials: get new ones for the next request (client-go does not retry). */
  async unauthorized(used: ExecCredentials): Promise<string | undefined> {
    if (used !== this.cached) return undefined;
    try {
      await this.refresh();
      return undefined;
    } catch (err) {
      return `refreshing credentials: ${(err as Error).message}`;
    }
  }

  private interactive(): boolean {
    const mode = this.config.interactiveMode;
    if (mode === 'Never') return false;
    if (mode === 'IfAvailable') return !this.stdinUnavailable && this.io.stdinIsTerminal;
    if (mode === 'Always') {
      if (!this.io.stdinIsTerminal) throw new Error('exec plugin cannot support interactive mode: standard input is not a terminal');
      if (this.stdinUnavailable)
        throw new Error('exec plugin cannot support interactive mode: standard input is unavailable: used by stdin resource manifest reader');
      return true;
    }
    throw new Error(`exec plugin cannot support interactive mode: unknown interactiveMode: ${JSON.stringify(mode ?? '')}`);
  }

  private execInfo(interactive: boolean): string {
    const spec: Record<string, unknown> = {};
    if (this.config.provideClusterInfo && this.cluster) spec.cluster = sortedClusterInfo(this.cluster);
    spec.interactive = interactive;
    return `${JSON.stringify({ kind: 'ExecCredential', apiVersion: this.config.apiVersion, spec })}\n`;
  }

  /** exec.LookPath for a bare command name; a path is used as it is. */
  private async executable(): Promise<string | undefined> {
    const cmd = this.config.command;
    if (cmd.includes('/')) return cmd;
    for (const dir of (this.io.env.PATH ?? '').split(delimiter)) {
      const candidate = join(dir || '.', cmd);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // keep looking
      }
    }
    return undefined;
  }

  private notFound(): Error {
    let text = `exec: executable ${this.config.command} not found`;
    // client-go adds the long help at most ten times an hour per plugin.
    if (this.hintsShown < 10) {
      this.hintsShown++;
      text += INSTALL_HINT_HELP;
      if (this.config.installHint) text += `\n\n${this.config.installHint}`;
    }
    return new Error(text);
  }

  private async refresh(): Promise<void> {
    const interactive = this.interactive();
    const file = await this.executable();
    if (!file) throw this.notFound();
    const env: NodeJS.ProcessEnv = { ...this.io.env };
    for (const e of this.config.env ?? []) env[e.name] = e.value;
    env.KUBERNETES_EXEC_INFO = this.execInfo(interactive);
    const stdout = await new Promise<Buffer>((resolve, reject) => {
      const child = spawn(file, this.config.args ?? [], { env, stdio: [interactive ? 'inherit' : 'ignore', 'pipe', 'pipe'] });
      const chunks: Buffer[] = [];
      child.stdout!.on('data', (c: Buffer) => chunks.push(c));
      child.stderr!.on('data', (c: Buffer) => this.io.stderr.write(c.toString('utf8')));
      child.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT' && !this.config.command.includes('/')) reject(this.notFound());
        else reject(new Error(`exec: fork/exec ${file}: ${errnoText(err)}`));
      });
      child.on('close', (code) => {
        if (code === 0) resolve(Buffer.concat(chunks));
        else reject(new Error(`exec: executable ${this.config.command} failed with exit code ${code ?? -1}`));
      });
    });
    const cred = await this.decode(stdout);
    this.cached = cred.credentials;
    this.expiry = cred.expiry;
  }

  private async decode(stdout: Buffer): Promise<{ credentials: ExecCredentials; expiry?: Date }> {
    const text = stdout.toString('utf8');
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      try {
        doc = (await import('yaml')).parse(text);
      } catch (err) {
        throw new Error(`decoding stdout: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    if (doc === null || doc === undefined) doc = {};
    if (typeof doc !== 'object' || Array.isArray(doc))
      throw new Error(
        `decoding stdout: couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonType(doc)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
      );
    const obj = doc as { apiVersion?: string; kind?: string; status?: Record<string, unknown> | null };
    const want = this.config.apiVersion!;
    const got = obj.apiVersion ?? '';
    if (got && !VERSIONS.has(got)) throw new Error(`decoding stdout: no kind ${JSON.stringify(obj.kind ?? '')} is registered for version ${JSON.stringify(got)} in scheme "pkg/client/auth/exec/exec.go:62"`);
    if (got && obj.kind && obj.kind !== 'ExecCredential')
      throw new Error(`decoding stdout: no kind ${JSON.stringify(obj.kind)} is registered for version ${JSON.stringify(got)} in scheme "pkg/client/auth/exec/exec.go:62"`);
    if (got !== want) throw new Error(`exec plugin is configured to use API version ${want}, plugin returned version ${got || `${GROUP}/__internal`}`);
    const status = obj.status;
    if (!status) throw new Error("exec plugin didn't return a status field");
    const token = typeof status.token === 'string' ? status.token : '';
    const certData = typeof status.clientCertificateData === 'string' ? status.clientCertificateData : '';
    const keyData = typeof status.clientKeyData === 'string' ? status.clientKeyData : '';
    if (!token && !certData && !keyData) throw new Error("exec plugin didn't return a token or cert/key pair");
    if (!certData !== !keyData) throw new Error('exec plugin returned only certificate or key, not both');
    const credentials: ExecCredentials = {};
    if (token) credentials.token = token;
    if (certData) {
      try {
        const pub = new X509Certificate(certData).publicKey.export({ type: 'spki', format: 'der' });
        if (!pub.equals(createPublicKey(createPrivateKey(keyData)).export({ type: 'spki', format: 'der' })))
          throw new Error('tls: private key does not match public key');
      } catch (err) {
        throw new Error(`failed parsing client key/certificate: ${(err as Error).message}`);
      }
      credentials.cert = { cert: certData, key: keyData };
    }
    const exp = typeof status.expirationTimestamp === 'string' ? new Date(status.expirationTimestamp) : undefined;
    return { credentials, expiry: exp && !Number.isNaN(exp.getTime()) ? exp : undefined };
  }
}

/** The cluster object in Go's field order; the extension config with sorted keys. */
function sortedClusterInfo(c: ExecCluster): Record<string, unknown> {
  const out: Record<string, unknown> = { server: c.server };
  if (c['tls-server-name']) out['tls-server-name'] = c['tls-server-name'];
  if (c['insecure-skip-tls-verify']) out['insecure-skip-tls-verify'] = true;
  if (c['certificate-authority-data']) out['certificate-authority-data'] = c['certificate-authority-data'];
  if (c['proxy-url']) out['proxy-url'] = c['proxy-url'];
  if (c['disable-compression']) out['disable-compression'] = true;
  if (c.config !== undefined && c.config !== null) out.config = sortedKeys(c.config);
  return out;
}
