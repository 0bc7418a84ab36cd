// Checks of a CRD version's openAPIV3Schema (apiextensions validation.go
// validateCustomResourceDefinitionValidation and ValidateCustomResourceDefinitionOpenAPISchema,
// schema/defaulting/validation.go ValidateDefaults): root rules with the status subresource,
// structural schema, defaults that validate and survive pruning, unsupported keywords, and the
// x-kubernetes-* extensions. CEL rules are checked for shape only (no CEL engine).
import { isDeepStrictEqual } from 'node:util';
import type { FieldError } from '../../status.ts';
import { pruneValue } from './pruning.ts';
import { structuralConversionError, validateStructural } from './structural.ts';
import {
  EMBEDDED,
  LIST_MAP_KEYS,
  LIST_TYPE,
  MAP_TYPE,
  PRESERVE,
  VALIDATIONS,
  child,
  index,
  isPlainObject,
  itemsOf,
  key,
  type JSONSchemaProps,
} from './types.ts';
import { validateAgainstSchema } from './validate-value.ts';

const OPENAPI_V3_TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
const META_FIELDS = new Set(['metadata', 'kind', 'apiVersion']);
const SUPPORTED_RULE_REASONS = ['FieldValueDuplicate', 'FieldValueForbidden', 'FieldValueInvalid', 'FieldValueRequired'];

/** JSONSchemaProps' Go field names, in struct order, and their JSON keys (for the root rule). */
const GO_FIELDS: [string, keyof JSONSchemaProps][] = [
  ['ID', 'id'], ['Schema', '$schema'], ['Ref', '$ref'], ['Description', 'description'], ['Type', 'type'], ['Format', 'format'],
  ['Title', 'title'], ['Default', 'default'], ['Maximum', 'maximum'], ['ExclusiveMaximum', 'exclusiveMaximum'], ['Minimum', 'minimum'],
  ['ExclusiveMinimum', 'exclusiveMinimum'], ['MaxLength', 'maxLength'], ['MinLength', 'minLength'], ['Pattern', 'pattern'],
  ['MaxItems', 'maxItems'], ['MinItems', 'minItems'], ['UniqueItems', 'uniqueItems'], ['MultipleOf', 'multipleOf'], ['Enum', 'enum'],
  ['MaxProperties', 'maxProperties'], ['MinProperties', 'minProperties'], ['Required', 'required'], ['Items', 'items'], ['AllOf', 'allOf'],
  ['OneOf', 'oneOf'], ['AnyOf', 'anyOf'], ['Not', 'not'], ['Properties', 'properties'], ['AdditionalProperties', 'additionalProperties'],
  ['PatternProperties', 'patternProperties'], ['Dependencies', 'dependencies'], ['AdditionalItems', 'additionalItems'],
  ['Definitions', 'definitions'], ['ExternalDocs', 'externalDocs'], ['Example', 'example'], ['Nullable', 'nullable'],
  ['XPreserveUnknownFields', PRESERVE], ['XEmbeddedResource', EMBEDDED], ['XIntOrString', 'x-kubernetes-int-or-string'],
  ['XListMapKeys', LIST_MAP_KEYS], ['XListType', LIST_TYPE], ['XMapType', MAP_TYPE], ['XValidations', VALIDATIONS],
];
const ALLOWED_AT_ROOT_WITH_STATUS = [
  'Description', 'Type', 'Format', 'Title', 'Maximum', 'ExclusiveMaximum', 'Minimum', 'ExclusiveMinimum', 'MaxLength', 'MinLength',
  'Pattern', 'MaxItems', 'MinItems', 'UniqueItems', 'MultipleOf', 'Required', 'Items', 'Properties', 'ExternalDocs', 'Example',
  'XPreserveUnknownFields', 'XValidations',
];

function isZero(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === '' || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isPlainObject(v)) return Object.keys(v).length === 0;
  return false;
}

/** Where a check runs: which defaults are allowed and whether we are inside resource metadata. */
interface Context {
  allowDefaults: boolean;
  defaultsReason?: string;
  insideResourceMeta: boolean;
}

function nodeChecks(s: JSONSchemaProps, path: string, c: Context, errs: FieldError[]): void {
  if (s.type && !OPENAPI_V3_TYPES.includes(s.type)) errs.push({ type: 'FieldValueNotSupported', field: child(path, 'type'), value: s.type, supported: OPENAPI_V3_TYPES });
  if (s.default !== undefined && !c.allowDefaults)
    errs.push({ type: 'FieldValueForbidden', field: child(path, 'default'), detail: `must not be set${c.defaultsReason ? ` ${c.defaultsReason}` : ''}` });
  const forbid = (field: string, detail: string) => errs.push({ type: 'FieldValueForbidden', field: child(path, field), detail });
  if (s.id) forbid('id', 'id is not supported');
  if (s.additionalItems !== undefined) forbid('additionalItems', 'additionalItems is not supported');
  if (!isZero(s.patternProperties)) forbid('patternProperties', 'patternProperties is not supported');
  if (!isZero(s.definitions)) forbid('definitions', 'definitions is not supported');
  if (s.dependencies !== undefined) forbid('dependencies', 'dependencies is not supported');
  if (s.$ref) forbid('$ref', '$ref is not supported');
  if (s.type === 'null') forbid('type', 'type cannot be set to null, use nullable as an alternative');
  if (Array.isArray(s.items) && s.items.length) forbid('items', 'items must be a schema object and not an array');
  if (c.insideResourceMeta && s[EMBEDDED]) forbid(EMBEDDED, 'must not be used inside of resource meta');
}

function openApiChecks(s: JSONSchemaProps | undefined, path: string, c: Context, isRoot: boolean, errs: FieldError[]): void {
  if (!s || typeof s !== 'object' || Array.isArray(s)) return;
  nodeChecks(s, path, c, errs);
  if (s.uniqueItems) errs.push({ type: 'FieldValueForbidden', field: child(path, 'uniqueItems'), detail: 'uniqueItems cannot be set to true since the runtime complexity becomes quadratic' });
  if (s.additionalProperties !== undefined) {
    if (!isZero(s.properties) && (s.additionalProperties === false || isPlainObject(s.additionalProperties)))
      errs.push({ type: 'FieldValueForbidden', field: child(path, 'additionalProperties'), detail: 'additionalProperties and properties are mutual exclusive' });
    const sub = c.insideResourceMeta ? { ...c, allowDefaults: false, defaultsReason: 'inside additionalProperties applying to object metadata' } : c;
    if (isPlainObject(s.additionalProperties)) openApiChecks(s.additionalProperties as JSONSchemaProps, child(path, 'additionalProperties'), sub, false, errs);
  }
  for (const [name, p] of Object.entries(s.properties ?? {})) {
    let sub = c;
    if ((isRoot || s[EMBEDDED]) && META_FIELDS.has(name)) {
      sub = { ...sub, insideResourceMeta: true };
      if (isRoot) sub = { ...sub, allowDefaults: false, defaultsReason: `in top-level ${name}` };
    }
    openApiChecks(p, key(child(path, 'properties'), name), sub, false, errs);
  }
  openApiChecks(s.not, child(path, 'not'), c, false, errs);
  (s.allOf ?? []).forEach((a, i) => openApiChecks(a, index(child(path, 'allOf'), i), c, false, errs));
  (s.oneOf ?? []).forEach((a, i) => openApiChecks(a, index(child(path, 'oneOf'), i), c, false, errs));
  (s.anyOf ?? []).forEach((a, i) => openApiChecks(a, index(child(path, 'anyOf'), i), c, false, errs));
  for (const [k, d] of Object.entries(s.definitions ?? {})) openApiChecks(d, key(child(path, 'definitions'), k), c, false, errs);
  if (Array.isArray(s.items)) s.items.forEach((a, i) => openApiChecks(a, index(child(path, 'items'), i), c, false, errs));
  else openApiChecks(s.items, child(path, 'items'), c, false, errs);
  for (const [k, d] of Object.entries(s.dependencies ?? {})) if (isPlainObject(d)) openApiChecks(d as JSONSchemaProps, key(child(path, 'dependencies'), k), c, false, errs);
  extensionChecks(s, path, errs);
}

function extensionChecks(s: JSONSchemaProps, path: string, errs: FieldError[]): void {
  if (s[PRESERVE] === false) errs.push({ type: 'FieldValueInvalid', field: child(path, PRESERVE), value: false, detail: 'must be true or undefined' });
  const typeRule = (ext: string, want: 'object' | 'array') => {
    const detail = `must be ${want} if ${ext} is specified`;
    errs.push(s.type ? { type: 'FieldValueInvalid', field: child(path, 'type'), value: s.type, detail } : { type: 'FieldValueRequired', field: child(path, 'type'), detail });
  };
  const mapType = s[MAP_TYPE];
  if (mapType !== undefined && s.type !== 'object') typeRule(MAP_TYPE, 'object');
  if (mapType !== undefined && mapType !== 'atomic' && mapType !== 'granular')
    errs.push({ type: 'FieldValueNotSupported', field: child(path, MAP_TYPE), value: mapType, supported: ['atomic', 'granular'] });
  const listType = s[LIST_TYPE];
  const items = itemsOf(s);
  if (listType !== undefined && s.type !== 'array') typeRule(LIST_TYPE, 'array');
  else if (listType === 'set' && items) {
    if (items.type === 'array' && items[LIST_TYPE] !== undefined && items[LIST_TYPE] !== 'atomic')
      errs.push({ type: 'FieldValueInvalid', field: child(child(path, 'items'), LIST_TYPE), value: items[LIST_TYPE], detail: 'must be atomic as item of a list with x-kubernetes-list-type=set' });
    if (items.type === 'object' && items[MAP_TYPE] !== 'atomic')
      errs.push({ type: 'FieldValueInvalid', field: child(child(path, 'items'), MAP_TYPE), value: items[LIST_TYPE] ?? null, detail: 'must be atomic as item of a list with x-kubernetes-list-type=set' });
  }
  if (listType !== undefined && !['atomic', 'set', 'map'].includes(listType))
    errs.push({ type: 'FieldValueNotSupported', field: child(path, LIST_TYPE), value: listType, supported: ['atomic', 'set', 'map'] });
  const keys = s[LIST_MAP_KEYS] ?? [];
  if (keys.length > 0) {
    const detail = 'must be map if x-kubernetes-list-map-keys is non-empty';
    if (listType === undefined) errs.push({ type: 'FieldValueRequired', field: child(path, LIST_TYPE), detail });
    else if (listType !== 'map') errs.push({ type: 'FieldValueInvalid', field: child(path, LIST_TYPE), value: listType, detail });
  }
  if (listType === 'map') {
    if (keys.length === 0) errs.push({ type: 'FieldValueRequired', field: child(path, LIST_MAP_KEYS), detail: 'must not be empty if x-kubernetes-list-type is map' });
    if (s.items === undefined) errs.push({ type: 'FieldValueRequired', field: child(path, 'items'), detail: 'must have a schema if x-kubernetes-list-type is map' });
    if (Array.isArray(s.items)) errs.push({ type: 'FieldValueInvalid', field: child(path, 'items'), value: s.items, detail: 'must only have a single schema if x-kubernetes-list-type is map' });
    if (items && items.type !== 'object')
      errs.push({ type: 'FieldValueInvalid', field: child(child(path, 'items'), 'type'), value: items.type ?? '', detail: "must be object if parent array's x-kubernetes-list-type is map" });
    if (items && items.type === 'object') {
      const seen = new Set<string>();
      for (const k of keys) {
        const prop = items.properties?.[k];
        if (prop) {
          if (prop.type === 'array' || prop.type === 'object')
            errs.push({ type: 'FieldValueInvalid', field: child(key(child(child(path, 'items'), 'properties'), k), 'type'), value: items.type, detail: "must be a scalar type if parent array's x-kubernetes-list-type is map" });
        } else errs.push({ type: 'FieldValueInvalid', field: child(path, LIST_MAP_KEYS), value: keys, detail: 'entries must all be names of item properties' });
        if (seen.has(k)) errs.push({ type: 'FieldValueInvalid', field: child(path, LIST_MAP_KEYS), value: keys, detail: 'must not contain duplicate entries' });
        seen.add(k);
      }
    }
  }
  if (items && (listType === 'set' || listType === 'map')) {
    if (items.nullable) errs.push({ type: 'FieldValueForbidden', field: child(child(path, 'items'), 'nullable'), detail: `cannot be nullable when x-kubernetes-list-type is ${listType}` });
    if (listType === 'map') {
      const required = new Set(items.required ?? []);
      for (const k of keys) {
        const prop = items.properties?.[k];
        if (!prop) continue;
        const propPath = key(child(child(path, 'items'), 'properties'), k);
        if (!required.has(k) && prop.default === undefined)
          errs.push({ type: 'FieldValueRequired', field: child(propPath, 'default'), detail: 'this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property' });
        if (prop.nullable) errs.push({ type: 'FieldValueForbidden', field: child(propPath, 'nullable'), detail: 'this property is in x-kubernetes-list-map-keys, so it cannot be nullable' });
      }
    }
  }
  (s[VALIDATIONS] ?? []).forEach((rule, i) => {
    const rulePath = index(child(path, VALIDATIONS), i);
    const text = (rule.rule ?? '').trim();
    const message = rule.message ?? '';
    if (!text) errs.push({ type: 'FieldValueRequired', field: child(rulePath, 'rule'), detail: 'rule is not specified' });
    else if (message.length > 0 && message.trim() === '') errs.push({ type: 'FieldValueInvalid', field: child(rulePath, 'message'), value: message, detail: 'must be non-empty if specified' });
    else if (/[\n\r]/.test(message.trim())) errs.push({ type: 'FieldValueInvalid', field: child(rulePath, 'message'), value: message, detail: 'must not contain line breaks' });
    else if (/[\n\r]/.test(text) && message.trim() === '')
      errs.push({ type: 'FieldValueRequired', field: child(rulePath, 'message'), detail: 'message must be specified if rule contains line breaks' });
    if (rule.messageExpression !== undefined && rule.messageExpression.length > 0 && rule.messageExpression.trim() === '')
      errs.push({ type: 'FieldValueRequired', field: child(rulePath, 'messageExpression'), detail: 'messageExpression must be non-empty if specified' });
    if (rule.reason !== undefined && !SUPPORTED_RULE_REASONS.includes(rule.reason))
      errs.push({ type: 'FieldValueNotSupported', field: child(rulePath, 'reason'), value: rule.reason, supported: SUPPORTED_RULE_REASONS });
    if (rule.fieldPath !== undefined && rule.fieldPath.length > 0 && rule.fieldPath.trim() === '')
      errs.push({ type: 'FieldValueInvalid', field: child(rulePath, 'fieldPath'), value: rule.fieldPath, detail: 'must be non-empty if specified' });
    if (rule.fieldPath && /[\n\r]/.test(rule.fieldPath))
      errs.push({ type: 'FieldValueInvalid', field: child(rulePath, 'fieldPath'), value: rule.fieldPath, detail: 'must not contain line breaks' });
  });
}

/** ValidateDefaults: every default validates against its node and has no fields pruning would drop. */
function defaultChecks(s: JSONSchemaProps, path: string, isRoot: boolean, errs: FieldError[]): void {
  const embedded = isRoot || !!s[EMBEDDED];
  if (s.default !== undefined && s.default !== null) {
    const pruned = structuredClone(s.default);
    pruneValue(pruned, s, embedded);
    if (!isDeepStrictEqual(pruned, s.default)) errs.push({ type: 'FieldValueInvalid', field: child(path, 'default'), value: s.default, detail: 'must not have unknown fields' });
    errs.push(...validateAgainstSchema(child(path, 'default'), s, s.default));
  }
  const items = itemsOf(s);
  if (items) defaultChecks(items, child(path, 'items'), false, errs);
  for (const [k, p] of Object.entries(s.properties ?? {})) defaultChecks(p, key(child(path, 'properties'), k), false, errs);
}

/**
 * validateCustomResourceDefinitionValidation for one schema: `path` is where the
 * CustomResourceValidation sits ("spec.validation" or "spec.versions[1].schema").
 */
export function validateCrdSchema(schema: JSONSchemaProps, path: string, statusEnabled: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const root = child(path, 'openAPIV3Schema');
  if (statusEnabled) {
    for (const [goName, jsonName] of GO_FIELDS) {
      if (isZero(schema[jsonName])) continue;
      if (goName === 'Type') {
        if (schema.type !== 'object') {
          errs.push({ type: 'FieldValueInvalid', field: child(root, 'type'), value: schema.type, detail: 'only "object" is allowed as the type at the root of the schema if the status subresource is enabled' });
          break;
        }
        continue;
      }
      if (!ALLOWED_AT_ROOT_WITH_STATUS.includes(goName)) {
        errs.push({
          type: 'FieldValueInvalid',
          field: root,
          value: schema,
          detail: `only [${ALLOWED_AT_ROOT_WITH_STATUS.join(' ')}] fields are allowed at the root of the schema if the status subresource is enabled`,
        });
        break;
      }
    }
  }
  if (schema.nullable) errs.push({ type: 'FieldValueForbidden', field: child(root, 'nullable'), detail: 'nullable cannot be true at the root' });
  const conversion = structuralConversionError(schema);
  if (!conversion) {
    const structural = validateStructural(root, schema);
    if (structural.length) errs.push(...structural);
    else defaultChecks(schema, root, true, errs);
  }
  openApiChecks(schema, root, { allowDefaults: true, insideResourceMeta: false }, true, errs);
  if (errs.length === 0 && conversion) errs.push({ type: 'FieldValueInvalid', field: root, value: '', detail: conversion });
  return errs;
}
