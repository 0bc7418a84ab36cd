// Every Status the server answers with is built here, with kube-apiserver's texts, reasons and codes
// (k8s.io/apimachinery pkg/api/errors), so that kubectl prints the same lines it prints for a real
// cluster. Handlers throw an ApiError; one writer serialises it.
import type { Status, StatusCause, StatusDetails } from '../api/object.ts';
import { aggregateText } from '../api/labels/go-text.ts';

export class ApiError extends Error {
  readonly headers: Record<string, string> = {};
  constructor(readonly status: Status) {
    super(status.message);
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string | undefined {
    return this.status.reason;
  }
}

/** A group and a resource (or kind), printed "resource.group" or "resource" as upstream's String(). */
export interface GroupResource {
  group: string;
  resource: string;
}

export function qualified({ group, resource }: GroupResource): string {
  return group ? `${resource}.${group}` : resource;
}

function failure(code: number, reason: string | undefined, message: string, details?: StatusDetails): ApiError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code };
  if (reason) status.reason = reason;
  if (details) status.details = details;
  return new ApiError(status);
}

function resourceDetails(gr: GroupResource, name?: string): StatusDetails {
  const details: StatusDetails = {};
  if (name) details.name = name;
  if (gr.group) details.group = gr.group;
  details.kind = gr.resource;
  return details;
}

const q = (s: string) => JSON.stringify(s);

export const notFound = (gr: GroupResource, name: string) =>
  failure(404, 'NotFound', `${qualified(gr)} ${q(name)} not found`, resourceDetails(gr, name));

/** 404 for paths and resources the server does not serve. */
export const pathNotFound = () =>
  failure(404, 'NotFound', 'the server could not find the requested resource', {});

export const alreadyExists = (gr: GroupResource, name: string) =>
  failure(409, 'AlreadyExists', `${qualified(gr)} ${q(name)} already exists`, resourceDetails(gr, name));

export const conflict = (gr: GroupResource, name: string, why: string) =>
  failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(gr)} ${q(name)}: ${why}`, resourceDetails(gr, name));

export const OBJECT_MODIFIED = 'the object has been modified; please apply your changes to the latest version and try again';

export const forbidden = (gr: GroupResource, name: string, why: string) => {
  const message = !gr.resource
    ? `forbidden: ${why}`
    : name
      ? `${qualified(gr)} ${q(name)} is forbidden: ${why}`
      : `${qualified(gr)} is forbidden: ${why}`;
  return failure(403, 'Forbidden', message, resourceDetails(gr, name));
};

export const unauthorized = (message = 'Unauthorized') => failure(401, 'Unauthorized', message);

export const badRequest = (message: string) => failure(400, 'BadRequest', message);

export const methodNotSupported = (gr: GroupResource, action: string) =>
  failure(405, 'MethodNotAllowed', `${action} is not supported on resources of kind ${q(qualified(gr))}`, resourceDetails(gr));

/** The generic 405 of a route that exists but not for this HTTP method. */
export const methodNotAllowed = () => failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});

export const notAcceptable = (accepted: string[]) =>
  failure(406, 'NotAcceptable', `only the following media types are accepted: ${accepted.join(', ')}`);

export const unsupportedMediaType = (accepted: string[]) =>
  failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);

export const requestEntityTooLarge = (limit: number) => failure(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);

export const resourceExpired = (message: string) => failure(410, 'Expired', message);

export const gone = (message: string) => failure(410, 'Gone', message);

/** A read at a resourceVersion the server has not reached (the watch cache gives up waiting). */
export const tooLargeResourceVersion = (requested: number, current: number) =>
  failure(504, 'Timeout', `Timeout: Too large resource version: ${requested}, current: ${current}`, {
    causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
    retryAfterSeconds: 1,
  });

export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  failure(429, 'TooManyRequests', message, { retryAfterSeconds });

export const serviceUnavailable = (message: string) => failure(503, 'ServiceUnavailable', message);

export const internalError = (err: unknown) => {
  const text = err instanceof Error ? err.message : String(err);
  return failure(500, 'InternalError', `Internal error occurred: ${text}`, { causes: [{ message: text }] });
};

/** A field.Error of k8s.io/apimachinery pkg/util/validation/field. */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** The offending value; omitted from the text for Required, Forbidden, TooMany and Internal. */
  value?: unknown;
  detail?: string;
  /** NotSupported: the values that are allowed. */
  supported?: string[];
}

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

const FIELD_ERROR_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

const VALUE_OMITTED = new Set<FieldErrorType>(['FieldValueRequired', 'FieldValueForbidden', 'InternalError', 'FieldValueTooLong']);

/** Go's %#v-ish rendering that field.Error uses for values: strings quoted, numbers bare. */
function renderValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** field.Error.ErrorBody(): the text after "<field>: ". */
export function fieldErrorBody(e: FieldError): string {
  let s = FIELD_ERROR_TEXT[e.type];
  if (!VALUE_OMITTED.has(e.type) && e.value !== undefined) s += `: ${renderValue(e.value)}`;
  if (e.type === 'FieldValueNotSupported' && e.supported?.length)
    s += `: supported values: ${e.supported.map((x) => JSON.stringify(x)).join(', ')}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** field.Error.Error(): "<field>: <body>", the prefix kept even for an empty field (Go prints ": ..."). */
export function fieldErrorText(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}

/** utilerrors.Aggregate's text: one message alone, several as "[a, b]" (duplicates dropped). */
export { aggregateText };

/** 422 Invalid: `Pod "x" is invalid: spec.containers[0].image: Required value`. */
export const invalid = (groupKind: { group: string; kind: string }, name: string, errors: FieldError[]) => {
  const causes: StatusCause[] = errors.map((e) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field }));
  const details: StatusDetails = {};
  if (name) details.name = name;
  if (groupKind.group) details.group = groupKind.group;
  details.kind = groupKind.kind;
  details.causes = causes;
  const kind = groupKind.group ? `${groupKind.kind}.${groupKind.group}` : groupKind.kind;
  return failure(422, 'Invalid', `${kind} ${q(name)} is invalid: ${aggregateText(errors.map(fieldErrorText))}`, details);
};

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
