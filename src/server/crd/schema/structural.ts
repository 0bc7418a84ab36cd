// Whether a CRD schema is structural (apiextensions-apiserver schema/validation.go and
// complete.go): every specified field has a type, value validations (allOf/anyOf/oneOf/not) only
// restrict what the structure already specifies, metadata at the root only names name and
// generateName. Errors are sorted by their text, as upstream.
import { isDeepStrictEqual } from 'node:util';
import { fieldErrorText, type FieldError } from '../../status.ts';
import {
  EMBEDDED,
  INT_OR_STRING,
  LIST_MAP_KEYS,
  LIST_TYPE,
  MAP_TYPE,
  PRESERVE,
  VALIDATIONS,
  additionalPropertiesOf,
  child,
  index,
  isPlainObject,
  itemsOf,
  key,
  type JSONSchemaProps,
} from './types.ts';

type Level = 'root' | 'item' | 'field';

const INT_OR_STRING_ANY_OF = [{ type: 'integer' }, { type: 'string' }];

const isIntOrStringAnyOf = (anyOf: JSONSchemaProps[] | undefined) => !!anyOf && anyOf.length === 2 && isDeepStrictEqual(anyOf, INT_OR_STRING_ANY_OF);

/** Keys of JSONSchemaProps that the Structural form keeps (others, like example, are dropped). */
const METADATA_ALLOWED = new Set([
  'type', 'default', 'properties', 'example', 'externalDocs', 'id', '$schema', '$ref', 'patternProperties', 'dependencies', 'additionalItems', 'definitions',
]);

function nonEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === '' || v === 0) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isPlainObject(v)) return Object.keys(v).length > 0;
  return true;
}

/** NewStructural's conversion errors (reported only when nothing else is wrong). */
export function structuralConversionError(s: JSONSchemaProps | undefined, nested = false): string | undefined {
  if (!s) return undefined;
  if (Array.isArray(s.items)) return "OpenAPIV3Schema 'items' must be a schema, but is an array";
  if (nested) {
    for (const [k, name] of [['id', 'id'], ['$schema', 'schema'], ['$ref', '$ref'], ['patternProperties', 'patternProperties'], ['dependencies', 'dependencies'], ['additionalItems', 'additionalItems'], ['definitions', 'definitions']] as const)
      if (nonEmpty(s[k])) return `OpenAPIV3Schema '${name}' is not supported`;
  }
  const children = [itemsOf(s), additionalPropertiesOf(s), ...Object.values(s.properties ?? {})];
  for (const c of children) {
    const e = structuralConversionError(c, nested);
    if (e) return e;
  }
  for (const c of [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.not ? [s.not] : [])]) {
    const e = structuralConversionError(c, true);
    if (e) return e;
  }
  return undefined;
}

function invariants(s: JSONSchemaProps, lvl: Level, path: string, errs: FieldError[]): void {
  const items = itemsOf(s);
  if (s.type === 'array' && !items) errs.push({ type: 'FieldValueRequired', field: child(path, 'items'), detail: 'must be specified' });
  if (items) invariants(items, 'item', child(path, 'items'), errs);
  for (const [k, v] of Object.entries(s.properties ?? {})) invariants(v, 'field', key(child(path, 'properties'), k), errs);
  if (s.additionalProperties !== undefined) {
    if (lvl === 'root') errs.push({ type: 'FieldValueForbidden', field: child(path, 'additionalProperties'), detail: 'must not be used at the root' });
    const ap = additionalPropertiesOf(s);
    if (ap) invariants(ap, 'field', child(path, 'additionalProperties'), errs);
  }
  if (s[INT_OR_STRING] && s[PRESERVE])
    errs.push({ type: 'FieldValueInvalid', field: child(path, PRESERVE), value: true, detail: 'must be false if x-kubernetes-int-or-string is true' });
  if (s[INT_OR_STRING] && s[EMBEDDED])
    errs.push({ type: 'FieldValueInvalid', field: child(path, EMBEDDED), value: true, detail: 'must be false if x-kubernetes-int-or-string is true' });
  const skipFirstAllOfAnyOf = !!s.allOf?.length && isIntOrStringAnyOf(s.allOf[0]!.anyOf);
  valueValidation(s, isIntOrStringAnyOf(s.anyOf), skipFirstAllOfAnyOf, path, errs);

  const checkMetadata = lvl === 'root' || !!s[EMBEDDED];
  if (s[EMBEDDED] && s.type !== 'object') {
    const detail = 'must be object if x-kubernetes-embedded-resource is true';
    errs.push(s.type ? { type: 'FieldValueInvalid', field: child(path, 'type'), value: s.type, detail } : { type: 'FieldValueRequired', field: child(path, 'type'), detail });
  } else if (!s.type && !s[INT_OR_STRING] && !s[PRESERVE]) {
    const where = lvl === 'root' ? 'at the root' : lvl === 'item' ? 'for specified array items' : 'for specified object fields';
    errs.push({ type: 'FieldValueRequired', field: child(path, 'type'), detail: `must not be empty ${where}` });
  }
  if (s[EMBEDDED] && s.additionalProperties !== undefined)
    errs.push({ type: 'FieldValueForbidden', field: child(path, 'additionalProperties'), detail: 'must not be used if x-kubernetes-embedded-resource is set' });
  if (lvl === 'root' && s.type && s.type !== 'object')
    errs.push({ type: 'FieldValueInvalid', field: child(path, 'type'), value: s.type, detail: 'must be object at the root' });
  for (const meta of ['kind', 'apiVersion']) {
    const p = s.properties?.[meta];
    if (p && checkMetadata && p.type !== 'string')
      errs.push({ type: 'FieldValueInvalid', field: child(key(child(path, 'properties'), meta), 'type'), value: p.type ?? '', detail: 'must be string' });
  }
  const metadata = s.properties?.metadata;
  if (metadata) metadataInvariants(metadata, checkMetadata, lvl, key(child(path, 'properties'), 'metadata'), errs);
  if (s[EMBEDDED] && !s[PRESERVE] && Object.keys(s.properties ?? {}).length === 0)
    errs.push({
      type: 'FieldValueRequired',
      field: child(path, 'properties'),
      detail: 'must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields',
    });
}

function metadataInvariants(m: JSONSchemaProps, checkMetadata: boolean, lvl: Level, path: string, errs: FieldError[]): void {
  if (checkMetadata && m.type !== 'object') errs.push({ type: 'FieldValueInvalid', field: child(path, 'type'), value: m.type ?? '', detail: 'must be object' });
  if (lvl !== 'root') return;
  const names = Object.keys(m.properties ?? {});
  const onlyNames = names.length > 0 && names.every((n) => n === 'name' || n === 'generateName');
  const extra = Object.entries(m).some(([k, v]) => {
    if (k === 'properties') return names.length > 0 && !onlyNames;
    return !METADATA_ALLOWED.has(k) && nonEmpty(v);
  });
  if (extra)
    errs.push({ type: 'FieldValueForbidden', field: path, detail: 'must not specify anything other than name and generateName, but metadata is implicitly specified' });
}

function valueValidation(v: JSONSchemaProps, skipAnyOf: boolean, skipFirstAllOfAnyOf: boolean, path: string, errs: FieldError[]): void {
  if (!skipAnyOf) (v.anyOf ?? []).forEach((a, i) => nested(a, false, index(child(path, 'anyOf'), i), errs));
  (v.allOf ?? []).forEach((a, i) => nested(a, skipFirstAllOfAnyOf && i === 0, index(child(path, 'allOf'), i), errs));
  (v.oneOf ?? []).forEach((a, i) => nested(a, false, index(child(path, 'oneOf'), i), errs));
  if (v.not) nested(v.not, false, child(path, 'not'), errs);
  if (v.pattern) {
    const problem = regexpProblem(v.pattern);
    if (problem) errs.push({ type: 'FieldValueInvalid', field: child(path, 'pattern'), value: v.pattern, detail: `must be a valid regular expression, but isn't: ${problem}` });
  }
}

/** A value validation inside allOf/anyOf/oneOf/not: it may only restrict, never specify. */
function nested(v: JSONSchemaProps, skipAnyOf: boolean, path: string, errs: FieldError[]): void {
  valueValidation(v, skipAnyOf, false, path, errs);
  const items = itemsOf(v);
  if (items) nested(items, false, child(path, 'items'), errs);
  for (const [k, p] of Object.entries(v.properties ?? {})) nested(p, false, key(child(path, 'properties'), k), errs);
  const forbid = (field: string, detail: string) => errs.push({ type: 'FieldValueForbidden', field: child(path, field), detail });
  if (v.type) forbid('type', 'must be empty to be structural');
  if (v.additionalProperties !== undefined && v.additionalProperties !== false) forbid('additionalProperties', 'must be undefined to be structural');
  if (v.default !== undefined && v.default !== null) forbid('default', 'must be undefined to be structural');
  if (v.title) forbid('title', 'must be empty to be structural');
  if (v.description) forbid('description', 'must be empty to be structural');
  if (v.nullable) forbid('nullable', 'must be false to be structural');
  if (v[PRESERVE]) forbid(PRESERVE, 'must be false to be structural');
  if (v[EMBEDDED]) forbid(EMBEDDED, 'must be false to be structural');
  if (v[INT_OR_STRING]) forbid(INT_OR_STRING, 'must be false to be structural');
  if (v[LIST_MAP_KEYS]?.length) forbid(LIST_MAP_KEYS, 'must be empty to be structural');
  if (v[LIST_TYPE] !== undefined) forbid(LIST_TYPE, 'must be undefined to be structural');
  if (v[MAP_TYPE] !== undefined) forbid(MAP_TYPE, 'must be undefined to be structural');
  if (v[VALIDATIONS]?.length) forbid(VALIDATIONS, 'must be empty to be structural');
  if (v.properties?.metadata) errs.push({ type: 'FieldValueForbidden', field: key(child(path, 'properties'), 'metadata'), detail: 'must not be specified in a nested context' });
}

/** complete.go: properties and items named by value validations must exist in the structure. */
function completeness(v: JSONSchemaProps, s: JSONSchemaProps | undefined, sPath: string, vPath: string, errs: FieldError[]): void {
  const alternatives: [JSONSchemaProps, string][] = [
    ...(v.not ? [[v.not, child(vPath, 'not')] as [JSONSchemaProps, string]] : []),
    ...(v.allOf ?? []).map((a, i): [JSONSchemaProps, string] => [a, index(child(vPath, 'allOf'), i)]),
    ...(v.anyOf ?? []).map((a, i): [JSONSchemaProps, string] => [a, index(child(vPath, 'anyOf'), i)]),
    ...(v.oneOf ?? []).map((a, i): [JSONSchemaProps, string] => [a, index(child(vPath, 'oneOf'), i)]),
  ];
  for (const [alt, altPath] of alternatives) nestedCompleteness(alt, s, sPath, altPath, errs);
}

function nestedCompleteness(v: JSONSchemaProps, s: JSONSchemaProps | undefined, sPath: string, vPath: string, errs: FieldError[]): void {
  if (!s) {
    errs.push({ type: 'FieldValueRequired', field: sPath, detail: `because it is defined in ${vPath}` });
    return;
  }
  completeness(v, s, sPath, vPath, errs);
  const items = itemsOf(v);
  if (items) nestedCompleteness(items, itemsOf(s), child(sPath, 'items'), child(vPath, 'items'), errs);
  for (const [k, p] of Object.entries(v.properties ?? {})) {
    const sp = s.properties?.[k];
    const fieldPath = key(child(sPath, 'properties'), k);
    const valuePath = key(child(vPath, 'properties'), k);
    if (!sp) errs.push({ type: 'FieldValueRequired', field: fieldPath, detail: `because it is defined in ${valuePath}` });
    else nestedCompleteness(p, sp, fieldPath, valuePath, errs);
  }
}

/** Go's regexp.Compile failures that JavaScript also rejects, in RE2's words where known. */
function regexpProblem(pattern: string): string | undefined {
  let source = pattern.replace(/^\(\?[imsU]+\)/, '');
  // RE2 has no lookaround or backreferences; JavaScript would accept them.
  if (/\(\?[=!<]/.test(source)) return `error parsing regexp: invalid or unsupported Perl syntax: \`${/\(\?[=!<]=?/.exec(source)![0]}\``;
  try {
    new RegExp(source, 'u');
    return undefined;
  } catch {
    try {
      new RegExp(source);
      return undefined;
    } catch (e) {
      source = pattern;
      const msg = (e as Error).message;
      if (/Unterminated group|Unmatched '\)'/.test(msg)) return `error parsing regexp: ${/Unmatched/.test(msg) ? 'unexpected )' : 'missing closing )'}: \`${source}\``;
      if (/Unterminated character class/.test(msg)) return `error parsing regexp: missing closing ]: \`${source}\``;
      if (/Nothing to repeat/.test(msg)) return `error parsing regexp: missing argument to repetition operator: \`${source}\``;
      return `error parsing regexp: invalid syntax: \`${source}\``;
    }
  }
}

/** ValidateStructural: the schema's structural errors under `path`, sorted by text. */
export function validateStructural(path: string, s: JSONSchemaProps): FieldError[] {
  const errs: FieldError[] = [];
  invariants(s, 'root', path, errs);
  completeness(s, s, path, path, errs);
  return errs.sort((a, b) => (fieldErrorText(a) < fieldErrorText(b) ? -1 : fieldErrorText(a) > fieldErrorText(b) ? 1 : 0));
}
