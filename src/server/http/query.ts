// Query parameters shared by several verbs, validated with kube-apiserver's messages.
import type { ApiRequest, ServerContext } from './context.ts';
import type { FieldValidation, WriteContext } from '../registry/store.ts';
import { badRequest } from '../status.ts';

/** dryRun: only "All" exists (metav1 validation ValidateDryRun). */
export function dryRunOf(query: URLSearchParams): boolean {
  const values = query.getAll('dryRun');
  if (values.length === 0) return false;
  for (const v of values)
    if (v !== 'All') throw badRequest(`Invalid dry run value: dryRun: Unsupported value: "${v}": supported values: "All"`);
  return true;
}

const MAX_FIELD_MANAGER_LENGTH = 128;

/** The field manager of a write: the parameter, else the User-Agent's product (fieldmanager.go). */
export function fieldManagerOf(ar: ApiRequest): string {
  const explicit = ar.query.get('fieldManager');
  if (explicit !== null && explicit !== '') {
    if (explicit.length > MAX_FIELD_MANAGER_LENGTH) throw badRequest(`fieldManager: Too long: may not be more than ${MAX_FIELD_MANAGER_LENGTH} bytes`);
    for (const ch of explicit) {
      const code = ch.codePointAt(0)!;
      if (code < 0x20 || code > 0x7e) throw badRequest(`fieldManager: Invalid value: ${JSON.stringify(explicit)}: must only contain printable characters`);
    }
    return explicit;
  }
  const agent = ar.req.headers['user-agent'] ?? '';
  const product = agent.split('/')[0]!;
  return product.slice(0, MAX_FIELD_MANAGER_LENGTH);
}

const FIELD_VALIDATION = ['Ignore', 'Strict', 'Warn'] as const;

export function fieldValidationOf(query: URLSearchParams): FieldValidation | undefined {
  const v = query.get('fieldValidation');
  if (v === null || v === '') return undefined;
  if (!(FIELD_VALIDATION as readonly string[]).includes(v))
    throw badRequest(`fieldValidation: Unsupported value: ${JSON.stringify(v)}: supported values: "", "Ignore", "Strict", "Warn"`);
  return v as FieldValidation;
}

export function writeContext(ar: ApiRequest, ctx: ServerContext, subresource?: string): WriteContext {
  const wctx: WriteContext = { user: ar.user, now: ctx.now(), dryRun: dryRunOf(ar.query), fieldManager: fieldManagerOf(ar), warnings: [] };
  wctx.requestVersion = ar.info.group ? `${ar.info.group}/${ar.info.version}` : ar.info.version;
  const fieldValidation = fieldValidationOf(ar.query);
  if (fieldValidation) wctx.fieldValidation = fieldValidation;
  if (subresource) wctx.subresource = subresource;
  return wctx;
}

/** Warning response headers (k8s.io/apiserver pkg/warning): `299 - "<text>"`. */
export function warningHeaders(warnings: readonly string[] | undefined): Record<string, string[]> {
  if (!warnings?.length) return {};
  return { Warning: [...new Set(warnings)].map((w) => `299 - ${JSON.stringify(w)}`) };
}

/** An integer parameter (limit, timeoutSeconds, gracePeriodSeconds) as Go's strconv reads it. */
export function intParam(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name);
  if (v === null || v === '') return undefined;
  if (!/^-?\d+$/.test(v)) throw badRequest(`${name}: Invalid value: ${JSON.stringify(v)}: strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
  return Number(v);
}
