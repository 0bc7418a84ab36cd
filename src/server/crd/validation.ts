// Validation of CustomResourceDefinitions (apiextensions validation.go) with upstream's field paths
// and texts. Upstream validates the internal type, which lifts per-version schema, subresources and
// printer columns to spec.validation / spec.subresources / spec.additionalPrinterColumns when all
// versions have identical values; error paths follow that, so we compute the same view.
import { isDeepStrictEqual } from 'node:util';
import { isDNS1035Label as dns1035LabelErrors, isDNS1123Subdomain as dns1123SubdomainErrors } from '../../api/validation/names.ts';
import type { FieldError } from '../status.ts';
import { hasDefaults } from './schema/defaulting.ts';
import { validateCrdSchema } from './schema/schema-checks.ts';
import { child, index, type JSONSchemaProps } from './schema/types.ts';
import { isConditionTrue, type Crd, type CrdColumn, type CrdNames, type CrdSubresources, type CrdVersion } from './types.ts';

const COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const COLUMN_FORMATS = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password'];
const APPROVAL_ANNOTATION = 'api-approved.kubernetes.io';

/** The internal (lifted) view of a v1 spec, as Convert_v1_CustomResourceDefinitionSpec makes it. */
interface Lifted {
  version: string;
  validation?: { openAPIV3Schema?: JSONSchemaProps };
  subresources?: CrdSubresources;
  columns?: CrdColumn[];
  /** Per-version values that were not lifted. */
  versions: { schema?: { openAPIV3Schema?: JSONSchemaProps }; subresources?: CrdSubresources; columns?: CrdColumn[] }[];
}

/** apiequality.Semantic.DeepEqual treats nil and empty slices alike. */
const semanticEqual = (a: unknown, b: unknown) => isDeepStrictEqual(normalise(a), normalise(b));
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v.map(normalise) : undefined;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const n = normalise(x);
      if (n !== undefined) out[k] = n;
    }
    return out;
  }
  return v;
}

function lift(versions: CrdVersion[]): Lifted {
  if (versions.length === 0) return { version: '', versions: [] };
  const first = versions[0]!;
  const same = <T>(get: (v: CrdVersion) => T) => versions.every((v) => semanticEqual(get(v), get(first)));
  const schemaSame = same((v) => v.schema);
  const subSame = same((v) => v.subresources);
  const colsSame = same((v) => v.additionalPrinterColumns);
  return {
    version: first.name ?? '',
    validation: schemaSame ? first.schema : undefined,
    subresources: subSame ? first.subresources : undefined,
    columns: colsSame ? first.additionalPrinterColumns : undefined,
    versions: versions.map((v) => ({
      schema: schemaSame ? undefined : v.schema,
      subresources: subSame ? undefined : v.subresources,
      columns: colsSame ? undefined : v.additionalPrinterColumns,
    })),
  };
}

const invalid = (field: string, value: unknown, detail: string): FieldError => ({ type: 'FieldValueInvalid', field, value, detail });
const required = (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, ...(detail ? { detail } : {}) });
const forbidden = (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, detail });

function enumString(field: string, value: string | undefined, accepted: string[]): FieldError[] {
  if (!value) return [required(field)];
  return accepted.includes(value) ? [] : [{ type: 'FieldValueNotSupported', field, value, supported: accepted }];
}

/** validateSimpleJSONPath. */
function simpleJsonPath(s: string, field: string): FieldError[] {
  if (s.length === 0) return [invalid(field, s, 'must not be empty')];
  if (s[0] !== '.') return [invalid(field, s, 'must be a simple json path starting with .')];
  return [];
}

export function validateNames(names: CrdNames, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const label = (field: string, value: string | undefined, prefix = '') => {
    if (!value) return;
    const e = dns1035LabelErrors(prefix ? value.toLowerCase() : value);
    if (e.length) errs.push(invalid(child(path, field), value, prefix + e.join(',')));
  };
  label('plural', names.plural);
  label('singular', names.singular);
  label('kind', names.kind, 'may have mixed case, but should otherwise match: ');
  label('listKind', names.listKind, 'may have mixed case, but should otherwise match: ');
  (names.shortNames ?? []).forEach((s, i) => {
    const e = dns1035LabelErrors(s);
    if (e.length) errs.push(invalid(index(child(path, 'shortNames'), i), s, e.join(',')));
  });
  if (names.kind && names.kind === names.listKind) errs.push(invalid(child(path, 'listKind'), names.listKind, 'kind and listKind may not be the same'));
  (names.categories ?? []).forEach((s, i) => {
    const e = dns1035LabelErrors(s);
    if (e.length) errs.push(invalid(index(child(path, 'categories'), i), s, e.join(',')));
  });
  return errs;
}

export function validateColumn(col: CrdColumn, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!col.name) errs.push(required(child(path, 'name')));
  const types = `must be one of ${COLUMN_TYPES.join(',')}`;
  if (!col.type) errs.push(required(child(path, 'type'), types));
  else if (!COLUMN_TYPES.includes(col.type)) errs.push(invalid(child(path, 'type'), col.type, types));
  if (col.format && !COLUMN_FORMATS.includes(col.format)) errs.push(invalid(child(path, 'format'), col.format, `must be one of ${COLUMN_FORMATS.join(',')}`));
  // the internal type names the field JSONPath
  if (!col.jsonPath) errs.push(required(child(path, 'JSONPath')));
  else errs.push(...simpleJsonPath(col.jsonPath, child(path, 'JSONPath')));
  return errs;
}

export function validateSubresources(sub: CrdSubresources | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const scale = sub?.scale;
  if (!scale) return errs;
  const replicasPath = (value: string | undefined, name: string, under: string) => {
    const field = child(path, `scale.${name}`);
    if (!value) return errs.push(required(field));
    const e = simpleJsonPath(value, field);
    if (e.length) return errs.push(...e);
    if (!value.startsWith(`.${under}.`)) errs.push(invalid(field, value, `should be a json path under .${under}`));
  };
  replicasPath(scale.specReplicasPath, 'specReplicasPath', 'spec');
  replicasPath(scale.statusReplicasPath, 'statusReplicasPath', 'status');
  if (scale.labelSelectorPath) {
    const field = child(path, 'scale.labelSelectorPath');
    const e = simpleJsonPath(scale.labelSelectorPath, field);
    if (e.length) errs.push(...e);
    else if (!scale.labelSelectorPath.startsWith('.spec.') && !scale.labelSelectorPath.startsWith('.status.'))
      errs.push(invalid(field, scale.labelSelectorPath, 'should be a json path under either .spec or .status'));
  }
  return errs;
}

function deprecationWarningErrors(v: CrdVersion): string[] {
  if (!v.deprecated && v.deprecationWarning !== undefined) return ['can only be set for deprecated versions'];
  const w = v.deprecationWarning;
  if (w === undefined) return [];
  const out: string[] = [];
  if (Buffer.byteLength(w) > 256) out.push('must be <= 256 characters long');
  if (w.length === 0) out.push('must not be an empty string');
  let i = 0;
  for (const ch of w) {
    if (/\p{Cc}/u.test(ch)) {
      out.push(`must only contain printable UTF-8 characters; control character found at index ${i}`);
      break;
    }
    i += Buffer.byteLength(ch);
  }
  return out;
}

function validateSchemaAt(schema: { openAPIV3Schema?: JSONSchemaProps } | undefined, statusEnabled: boolean, path: string): FieldError[] {
  if (!schema?.openAPIV3Schema) return [];
  return validateCrdSchema(schema.openAPIV3Schema, path, statusEnabled);
}

function validateConversion(crd: Crd): FieldError[] {
  const conversion = crd.spec.conversion;
  if (!conversion) return [];
  const path = 'spec.conversion';
  const errs = enumString(child(path, 'strategy'), conversion.strategy, ['None', 'Webhook']);
  const clientConfig = conversion.webhook?.clientConfig;
  const reviewVersions = conversion.webhook?.conversionReviewVersions ?? [];
  if (conversion.strategy === 'Webhook') {
    if (!clientConfig) errs.push(required(child(path, 'webhookClientConfig'), 'required when strategy is set to Webhook'));
    else if (('url' in clientConfig) === ('service' in clientConfig)) errs.push(required(child(path, 'webhookClientConfig'), 'exactly one of url or service is required'));
    if (reviewVersions.length === 0) errs.push(required(child(path, 'conversionReviewVersions')));
    else if (!reviewVersions.some((v) => v === 'v1' || v === 'v1beta1'))
      errs.push(invalid(child(path, 'conversionReviewVersions'), reviewVersions, 'must include at least one of v1, v1beta1'));
  } else {
    if (clientConfig) errs.push(forbidden(child(path, 'webhookClientConfig'), 'should not be set when strategy is not set to Webhook'));
    if (reviewVersions.length) errs.push(forbidden(child(path, 'conversionReviewVersions'), 'should not be set when strategy is not set to Webhook'));
  }
  return errs;
}

function validateSpec(crd: Crd): FieldError[] {
  const spec = crd.spec;
  const errs: FieldError[] = [];
  const group = spec.group ?? '';
  if (!group) errs.push(required('spec.group'));
  else {
    const e = dns1123SubdomainErrors(group);
    if (e.length) errs.push(invalid('spec.group', group, e.join(',')));
    else if (group.split('.').length < 2) errs.push(invalid('spec.group', group, 'should be a domain with at least one dot'));
  }
  errs.push(...enumString('spec.scope', spec.scope, ['Cluster', 'Namespaced']));

  const versions = spec.versions ?? [];
  const lifted = lift(versions);
  if (!lifted.validation?.openAPIV3Schema) {
    versions.forEach((v, i) => {
      if (!lifted.versions[i]!.schema?.openAPIV3Schema) errs.push(required(`spec.versions[${i}].schema.openAPIV3Schema`));
    });
  }
  if (spec.preserveUnknownFields && versions.some((v) => hasDefaults(v.schema?.openAPIV3Schema)))
    errs.push(invalid('spec.preserveUnknownFields', true, 'must be false in order to use defaults in the schema'));

  const anyStatus = !!lifted.subresources?.status || lifted.versions.some((v) => !!v.subresources?.status);
  let storageCount = 0;
  const seen = new Set<string>();
  let unique = true;
  versions.forEach((v, i) => {
    const path = `spec.versions[${i}]`;
    if (v.storage) storageCount++;
    if (seen.has(v.name ?? '')) unique = false;
    seen.add(v.name ?? '');
    const nameErrs = dns1035LabelErrors(v.name ?? '');
    if (nameErrs.length) errs.push(invalid(child(path, 'name'), v.name ?? '', nameErrs.join(',')));
    for (const e of deprecationWarningErrors(v)) errs.push(invalid(child(path, 'deprecationWarning'), v.deprecationWarning, e));
    const own = lifted.versions[i]!;
    // getSubresourcesForVersion: the version's own only when some version has its own
    const subresources = lifted.versions.some((x) => x.subresources) ? own.subresources : lifted.subresources;
    errs.push(...validateSchemaAt(own.schema, !!subresources?.status, child(path, 'schema')));
    errs.push(...validateSubresources(own.subresources, child(path, 'subresources')));
    (own.columns ?? []).forEach((c, j) => errs.push(...validateColumn(c, `${path}.additionalPrinterColumns[${j}]`)));
    (v.selectableFields ?? []).forEach((f, j) => {
      if (!f.jsonPath) errs.push(required(`${path}.selectableFields[${j}].jsonPath`));
    });
  });
  if (!unique) errs.push(invalid('spec.versions', versions, 'must contain unique version names'));
  if (storageCount !== 1) errs.push(invalid('spec.versions', versions, 'must have exactly one version marked as storage version'));
  if (lifted.version) {
    const e = dns1035LabelErrors(lifted.version);
    if (e.length) errs.push(invalid('spec.version', lifted.version, e.join(',')));
  }

  const names = spec.names ?? {};
  for (const n of ['plural', 'singular', 'kind', 'listKind'] as const) if (!names[n]) errs.push(required(`spec.names.${n}`));
  errs.push(...validateNames(names, 'spec.names'));
  errs.push(...validateSchemaAt(lifted.validation, anyStatus, 'spec.validation'));
  errs.push(...validateSubresources(lifted.subresources, 'spec.subresources'));
  (lifted.columns ?? []).forEach((c, j) => errs.push(...validateColumn(c, `spec.additionalPrinterColumns[${j}]`)));
  errs.push(...validateConversion(crd));
  return errs;
}

function validateStoredVersions(crd: Crd): FieldError[] {
  const stored = crd.status?.storedVersions ?? [];
  const path = 'status.storedVersions';
  if (stored.length === 0) return [invalid(path, crd.status?.storedVersions ?? null, 'must have at least one stored version')];
  const errs: FieldError[] = [];
  const remaining = new Map(stored.map((v, i) => [v, i]));
  for (const v of crd.spec.versions ?? []) {
    const has = remaining.has(v.name ?? '');
    if (v.storage && !has) errs.push(invalid(path, stored, `must have the storage version ${v.name}`));
    remaining.delete(v.name ?? '');
  }
  for (const [v, i] of remaining)
    errs.push(
      invalid(
        `${path}[${i}]`,
        v,
        `missing from spec.versions; ${v} was previously a storage version, and must remain in spec.versions until a storage migration ensures no data remains persisted in ${v} and removes ${v} from status.storedVersions`,
      ),
    );
  return errs;
}

/** Groups under k8s.io and kubernetes.io need an approval annotation (apihelpers). */
function approvalState(crd: Crd): { state: 'invalid' | 'approved' | 'bypassed' | 'missing'; reason: string } {
  const a = crd.metadata.annotations?.[APPROVAL_ANNOTATION] ?? '';
  if (!a) return { state: 'missing', reason: `protected groups must have approval annotation "${APPROVAL_ANNOTATION}", see https://github.com/kubernetes/enhancements/pull/1111` };
  if (a.startsWith('unapproved')) return { state: 'bypassed', reason: `not approved: "${a}"` };
  try {
    const u = new URL(a);
    if (u.host && u.protocol) return { state: 'approved', reason: `approved in ${a}` };
  } catch {
    // not a URL
  }
  return {
    state: 'invalid',
    reason: `protected groups must have approval annotation "${APPROVAL_ANNOTATION}" with either a URL or a reason starting with "unapproved", see https://github.com/kubernetes/enhancements/pull/1111`,
  };
}

const isProtectedGroup = (g: string) => g === 'k8s.io' || g.endsWith('.k8s.io') || g === 'kubernetes.io' || g.endsWith('.kubernetes.io');

function validateApproval(crd: Crd, old?: Crd): FieldError[] {
  if (!isProtectedGroup(crd.spec.group ?? '')) return [];
  const now = approvalState(crd);
  if (old && approvalState(old).state === now.state) return [];
  const field = `metadata.annotations[${APPROVAL_ANNOTATION}]`;
  if (now.state === 'missing') return [required(field, now.reason)];
  if (now.state === 'invalid') return [invalid(field, crd.metadata.annotations?.[APPROVAL_ANNOTATION] ?? '', now.reason)];
  return [];
}

function validatePreserveUnknownFields(crd: Crd, old?: Crd): FieldError[] {
  if (old?.spec.preserveUnknownFields) return [];
  if (!crd.spec.preserveUnknownFields) return [];
  return [invalid('spec.preserveUnknownFields', true, 'cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead')];
}

/** ValidateCustomResourceDefinition, minus the generic ObjectMeta checks the store makes. */
export function validateCrd(crd: Crd): FieldError[] {
  const errs: FieldError[] = [];
  const name = crd.metadata.name ?? '';
  if (name !== `${crd.spec.names?.plural ?? ''}.${crd.spec.group ?? ''}`) errs.push(invalid('metadata.name', name, 'must be spec.names.plural+"."+spec.group'));
  errs.push(...validateSpec(crd));
  errs.push(...validateNames(crd.status?.acceptedNames ?? {}, 'status.acceptedNames'));
  errs.push(...validateStoredVersions(crd));
  errs.push(...validateApproval(crd));
  errs.push(...validatePreserveUnknownFields(crd));
  return errs;
}

const immutable = (field: string, value: unknown, old: unknown): FieldError[] => (isDeepStrictEqual(value, old) ? [] : [invalid(field, value, 'field is immutable')]);

export function validateCrdUpdate(crd: Crd, old: Crd): FieldError[] {
  const errs = validateSpec(crd);
  if (isConditionTrue(old, 'Established')) {
    errs.push(...immutable('spec.scope', crd.spec.scope, old.spec.scope));
    errs.push(...immutable('spec.names.kind', crd.spec.names?.kind, old.spec.names?.kind));
  }
  errs.push(...immutable('spec.group', crd.spec.group, old.spec.group));
  errs.push(...immutable('spec.names.plural', crd.spec.names?.plural, old.spec.names?.plural));
  errs.push(...validateNames(crd.status?.acceptedNames ?? {}, 'status.acceptedNames'));
  errs.push(...validateStoredVersions(crd));
  errs.push(...validateApproval(crd, old));
  errs.push(...validatePreserveUnknownFields(crd, old));
  return errs;
}

/** ValidateUpdateCustomResourceDefinitionStatus (the metadata part is the store's). */
export function validateCrdStatusUpdate(crd: Crd): FieldError[] {
  return validateNames(crd.status?.acceptedNames ?? {}, 'status.acceptedNames');
}
