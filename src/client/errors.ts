// The client's errors. Each carries Go's error text as `message` (what kubectl shows when it wraps
// the error in its own words, e.g. `couldn't get available api versions from server: <message>`)
// and, through kubectlMessage(), the whole line kubectl's CheckErr prints for it.
import type { IncomingHttpHeaders } from 'node:http';
import type { Status, StatusCause } from '../api/object.ts';
import { aggregateText, goQuote } from './go-text.ts';

/** What a request was about, for the `(get configmaps x)` suffix of errors without a Status body. */
export interface RequestTarget {
  group?: string;
  /** Plural resource, e.g. "configmaps". */
  resource?: string;
  name?: string;
}

/** An answer of the server that is an error: a Status it sent, or one built from a bare HTTP status. */
export class StatusError extends Error {
  readonly exitCode = 1;
  constructor(
    readonly status: Status,
    /** The HTTP status code of the answer. */
    readonly code: number = status.code,
  ) {
    super(status.message ?? '');
    this.name = 'StatusError';
  }

  get reason(): string {
    return this.status.reason ?? '';
  }

  /** kubectl's CheckErr / StandardErrorMessage text (`cmd/util/helpers.go`). */
  kubectlMessage(): string {
    const s = this.status;
    if (s.reason === 'Invalid') return invalidMessage(s);
    if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message ?? ''})`;
    if (s.reason) return `Error from server (${s.reason}): ${this.message}`;
    return `Error from server: ${this.message}`;
  }
}

function invalidMessage(s: Status): string {
  const details = s.details;
  let text = 'The request is invalid';
  if (!details) return s.message ? `${text}: ${s.message}` : text;
  const causes = details.causes ?? [];
  if (details.kind || details.name) text = `The ${details.kind ?? ''} ${goQuote(details.name ?? '')} is invalid`;
  else if (s.message && !causes.length) text += `: ${s.message}`;
  if (!causes.length) return text;
  const lines = [...new Set(causes.map((c: StatusCause) => `${c.field ?? ''}: ${c.message ?? ''}`))];
  if (lines.length === 1) return `${text}: ${lines[0]}`;
  return `${text}: \n${lines.map((l) => `* ${l}`).join('\n')}`;
}

/** A request that got no HTTP answer (Go's *url.Error): `Get "https://…": dial tcp …: connect: connection refused`. */
export class ConnectionError extends Error {
  readonly exitCode = 1;
  constructor(
    /** "Get", "Post", … */
    readonly op: string,
    readonly url: string,
    /** The transport's error text, Go-style (`EOF`, `dial tcp 127.0.0.1:1: connect: connection refused`). */
    readonly detail: string,
  ) {
    super(`${op} ${JSON.stringify(url)}: ${detail}`);
    this.name = 'ConnectionError';
  }

  kubectlMessage(): string {
    if (this.detail.includes('connection refused')) {
      let host = this.url;
      try {
        host = new URL(this.url).host;
      } catch {
        // kubectl falls back to the whole URL
      }
      return `The connection to the server ${host} was refused - did you specify the right host or port?`;
    }
    return `Unable to connect to the server: ${this.detail}`;
  }
}

/**
 * clientcmd's errConfigurationInvalid: the problems ConfirmUsable found. kubectl prints one alone as
 * `error: …` (or `Error in configuration: …` for a missing context), several as a bulleted list.
 */
export class ConfigError extends Error {
  readonly exitCode = 1;
  constructor(
    readonly problems: string[],
    /** Which of them are errContextNotFound (kubectl's IsConfigurationInvalid). */
    readonly contextNotFound: boolean[] = problems.map((p) => p.startsWith('context was not found for specified context')),
  ) {
    super(`invalid configuration: ${aggregateText(problems)}`);
    this.name = 'ConfigError';
  }

  kubectlMessage(): string {
    if (this.problems.length === 1) {
      const only = this.problems[0]!;
      return this.contextNotFound[0] ? `Error in configuration: ${only}` : only.startsWith('error: ') ? only : `error: ${only}`;
    }
    return `Error in configuration: \n${this.problems.map((p) => `* ${p}`).join('\n')}`;
  }
}

const GENERIC: Record<number, [reason: string, message: string]> = {
  400: ['BadRequest', 'the server rejected our request for an unknown reason'],
  401: ['Unauthorized', 'the server has asked for the client to provide credentials'],
  404: ['NotFound', 'the server could not find the requested resource'],
  405: ['MethodNotAllowed', 'the server does not allow this method on the requested resource'],
  422: ['Invalid', 'the server rejected our request due to an error in our request'],
  429: ['TooManyRequests', 'the server has received too many requests and has asked us to try again later'],
  503: ['ServiceUnavailable', 'the server is currently unable to handle the request'],
  504: ['Timeout', 'the server was unable to return a response in the time allotted, but may still be processing the request'],
};

/** apimachinery's NewGenericServerResponse: a Status for an error answer that did not carry one. */
export function genericServerResponse(code: number, method: string, target: RequestTarget, serverMessage: string, retryAfter = 0): Status {
  let reason = '';
  let message = `the server responded with the status code ${code} but did not return more information`;
  const known = GENERIC[code];
  if (known) [reason, message] = known;
  else if (code === 409) [reason, message] = [method === 'POST' ? 'AlreadyExists' : 'Conflict', 'the server reported a conflict'];
  else if (code === 403) [reason, message] = ['Forbidden', serverMessage];
  else if (code === 406) [reason, message] = ['NotAcceptable', !serverMessage || serverMessage === 'unknown' ? 'the server was unable to respond with a content type that the client supports' : serverMessage];
  else if (code === 415) [reason, message] = ['UnsupportedMediaType', serverMessage];
  else if (code >= 500) [reason, message] = ['InternalError', `an error on the server (${goQuote(serverMessage)}) has prevented the request from succeeding`];
  const qualified = target.resource ? (target.group ? `${target.resource}.${target.group}` : target.resource) : '';
  if (qualified && target.name) message = `${message} (${method.toLowerCase()} ${qualified} ${target.name})`;
  else if (qualified) message = `${message} (${method.toLowerCase()} ${qualified})`;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    details: {
      group: target.group || undefined,
      kind: target.resource || undefined,
      name: target.name || undefined,
      causes: [{ reason: 'UnexpectedServerResponse', message: serverMessage }],
      retryAfterSeconds: retryAfter || undefined,
    },
    code,
  };
}

/** A Content-Type's media type and parameters (mime.ParseMediaType, leniently). */
export function parseMediaType(contentType: string): { type: string; params: Record<string, string> } | undefined {
  const [type, ...rest] = contentType.split(';');
  const media = type!.trim().toLowerCase();
  if (!/^[\w.+-]+\/[\w.+*-]+$/.test(media)) return undefined;
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return { type: media, params };
}

/** Media types the REST client can decode (JSON, YAML, protobuf); anything else is an unstructured answer. */
const DECODABLE = new Set(['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf']);

/**
 * The error for a non-2xx answer, as client-go's transformResponse + Result.Error derive it: a
 * Status in a decodable body wins when it says Failure; otherwise a generic one from the code, with
 * the body as message only when it is text.
 */
export function errorFromResponse(code: number, headers: IncomingHttpHeaders, body: Buffer, method: string, target: RequestTarget = {}): StatusError {
  const contentType = (headers['content-type'] as string | undefined) || 'application/json';
  const media = parseMediaType(contentType);
  const header = headers['content-type'] as string | undefined;
  const isText = !header || (media?.type.startsWith('text/') ?? false);
  const retryAfter = code === 429 || code >= 500 ? Number(headers['retry-after']) || 0 : 0;
  const generic = () => new StatusError(genericServerResponse(code, method, target, isText ? body.toString('utf8').trim() : 'unknown', retryAfter), code);
  if (!media || !DECODABLE.has(media.type) || !body.length) return generic();
  let decoded: unknown;
  try {
    decoded = JSON.parse(body.toString('utf8'));
  } catch {
    return generic();
  }
  const s = decoded as Partial<Status> | null;
  if (s && typeof s === 'object' && s.kind === 'Status' && (!s.apiVersion || s.apiVersion === 'v1' || s.apiVersion === 'meta.k8s.io/v1') && s.status === 'Failure') {
    return new StatusError({ metadata: {}, ...s, kind: 'Status', apiVersion: 'v1', status: 'Failure', code: s.code ?? code } as Status, code);
  }
  return generic();
}
