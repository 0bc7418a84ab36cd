// kubectl's texts for API errors, connection errors and configuration errors; server warnings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Status } from '../../src/api/object.ts';
import { ConfigError, ConnectionError, StatusError, errorFromResponse, type RequestTarget } from '../../src/client/errors.ts';
import { parseWarningHeaders, WarningWriter, warningsAsErrorsMessage } from '../../src/client/warnings.ts';
import { serverVersionMismatch } from '../../src/client/version-match.ts';

const status = (s: Partial<Status>): Status => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 400, ...s });
const json = { 'content-type': 'application/json' };

test('Status errors read like kubectl', () => {
  assert.equal(new StatusError(status({ reason: 'NotFound', message: 'pods "x" not found', code: 404 })).kubectlMessage(), 'Error from server (NotFound): pods "x" not found');
  assert.equal(new StatusError(status({ message: 'no reason' })).kubectlMessage(), 'Error from server: no reason');
  assert.equal(new StatusError(status({ reason: 'Unauthorized', message: 'Unauthorized', code: 401 })).kubectlMessage(), 'error: You must be logged in to the server (Unauthorized)');
  assert.equal(new StatusError(status({ reason: 'NotFound', message: 'm' })).message, 'm');
});

test('Invalid: one cause, several causes, no details', () => {
  const one = status({ reason: 'Invalid', code: 422, message: 'ignored', details: { kind: 'configmaps', name: 'x', causes: [{ field: 'data.a', message: 'Invalid value: "b": bad' }] } });
  assert.equal(new StatusError(one).kubectlMessage(), 'The configmaps "x" is invalid: data.a: Invalid value: "b": bad');
  const many = status({ reason: 'Invalid', code: 422, details: { kind: 'pods', name: 'p', causes: [{ field: 'a', message: '1' }, { field: 'b', message: '2' }, { field: 'a', message: '1' }] } });
  assert.equal(new StatusError(many).kubectlMessage(), 'The pods "p" is invalid: \n* a: 1\n* b: 2');
  assert.equal(new StatusError(status({ reason: 'Invalid', message: 'just wrong' })).kubectlMessage(), 'The request is invalid: just wrong');
  assert.equal(new StatusError(status({ reason: 'Invalid', message: 'm', details: {} })).kubectlMessage(), 'The request is invalid: m');
});

test('answers without a Status get client-go generic messages, with the request target', () => {
  const target = { resource: 'configmaps', name: 'x' };
  const text = { 'content-type': 'text/plain' };
  const e = (code: number, body: string, headers: Record<string, string> = text, method = 'GET', t: RequestTarget = target) => errorFromResponse(code, headers, Buffer.from(body), method, t).kubectlMessage();
  assert.equal(e(500, ' boom\n'), 'Error from server (InternalError): an error on the server ("boom") has prevented the request from succeeding (get configmaps x)');
  assert.equal(e(500, 'not a status', json), 'Error from server (InternalError): an error on the server ("unknown") has prevented the request from succeeding (get configmaps x)');
  assert.equal(e(404, 'x'), 'Error from server (NotFound): the server could not find the requested resource (get configmaps x)');
  assert.equal(e(403, 'denied'), 'Error from server (Forbidden): denied (get configmaps x)');
  assert.equal(e(401, ''), 'error: You must be logged in to the server (the server has asked for the client to provide credentials (get configmaps x))');
  assert.equal(e(409, '', text, 'POST'), 'Error from server (AlreadyExists): the server reported a conflict (post configmaps x)');
  assert.equal(e(409, '', text, 'PUT', { resource: 'deployments', group: 'apps' }), 'Error from server (Conflict): the server reported a conflict (put deployments.apps)');
  assert.equal(e(418, 'teapot', text, 'GET', {}), 'Error from server: the server responded with the status code 418 but did not return more information');
  assert.equal(e(500, 'quote "x"\n', {}), 'Error from server (InternalError): an error on the server ("quote \\"x\\"") has prevented the request from succeeding (get configmaps x)');
});

test('a Status body wins only when it says Failure', () => {
  const body = (s: object) => Buffer.from(JSON.stringify(s));
  const failure = errorFromResponse(409, json, body({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Conflict', message: 'boom', code: 409 }), 'PUT');
  assert.equal(failure.kubectlMessage(), 'Error from server (Conflict): boom');
  const noStatus = errorFromResponse(409, json, body({ kind: 'Status', apiVersion: 'v1', reason: 'Conflict', message: 'boom' }), 'PUT');
  assert.equal(noStatus.kubectlMessage(), 'Error from server (Conflict): the server reported a conflict');
  const html = errorFromResponse(409, { 'content-type': 'text/html' }, body({ kind: 'Status', status: 'Failure', message: 'boom' }), 'PUT');
  assert.match(html.kubectlMessage(), /the server reported a conflict/);
});

test('connection errors: refused names the host, others are Unable to connect', () => {
  const refused = new ConnectionError('Get', 'https://127.0.0.1:1/api?timeout=32s', 'dial tcp 127.0.0.1:1: connect: connection refused');
  assert.equal(refused.message, 'Get "https://127.0.0.1:1/api?timeout=32s": dial tcp 127.0.0.1:1: connect: connection refused');
  assert.equal(refused.kubectlMessage(), 'The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?');
  assert.equal(new ConnectionError('Get', 'https://h/x', 'EOF').kubectlMessage(), 'Unable to connect to the server: EOF');
});

test('configuration errors: one alone, a missing context, several', () => {
  assert.equal(new ConfigError(['bad thing']).kubectlMessage(), 'error: bad thing');
  assert.equal(new ConfigError(['context was not found for specified context: x']).kubectlMessage(), 'Error in configuration: context was not found for specified context: x');
  assert.equal(new ConfigError(['a', 'b']).kubectlMessage(), 'Error in configuration: \n* a\n* b');
  assert.equal(new ConfigError(['a', 'b']).message, 'invalid configuration: [a, b]');
});

test('Warning headers: RFC 7234 values, code 299 printed once each', () => {
  assert.deepEqual(parseWarningHeaders(['299 - "a, b" "Mon, 01 Jan 2024 00:00:00 GMT", 299 agent "c\\"d"', 'bogus', '199 - "x"']), [
    { code: 299, agent: '-', text: 'a, b' },
    { code: 299, agent: 'agent', text: 'c"d' },
    { code: 199, agent: '-', text: 'x' },
  ]);
  let out = '';
  const w = new WarningWriter({ write: (s: string) => (out += s) });
  w.handle(['299 - "one"', '299 - "one"', '199 - "skip"', '299 - ""']);
  w.handle('299 - "two"');
  assert.equal(out, 'Warning: one\nWarning: two\n');
  assert.equal(w.warningCount, 2);
  let colored = '';
  new WarningWriter({ write: (s: string) => (colored += s) }, true).handle('299 - "c"');
  assert.equal(colored, '\u001b[33;1mWarning:\u001b[0m c\n');
  assert.equal(warningsAsErrorsMessage(0), undefined);
  assert.equal(warningsAsErrorsMessage(1), '1 warning received');
  assert.equal(warningsAsErrorsMessage(3), '3 warnings received');
});

test('--match-server-version texts', async () => {
  const server = { major: '1', minor: '33', gitVersion: 'v1.33.0', gitCommit: 'abc', gitTreeState: 'clean', buildDate: 'd', goVersion: 'go', compiler: 'gc', platform: 'linux/amd64' };
  assert.equal(await serverVersionMismatch(async () => server, { ...server }), undefined);
  assert.equal(
    await serverVersionMismatch(async () => server, { gitVersion: 'v1.32.5' }),
    'server version (&version.Info{Major:"1", Minor:"33", GitVersion:"v1.33.0", GitCommit:"abc", GitTreeState:"clean", BuildDate:"d", GoVersion:"go", Compiler:"gc", Platform:"linux/amd64"}) ' +
      'differs from client version (version.Info{Major:"", Minor:"", GitVersion:"v1.32.5", GitCommit:"", GitTreeState:"", BuildDate:"", GoVersion:"", Compiler:"", Platform:""})',
  );
  assert.equal(await serverVersionMismatch(async () => Promise.reject(new Error('boom')), {}), "couldn't read version from server: boom");
});
