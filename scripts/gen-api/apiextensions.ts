// apiextensions.k8s.io/v1 is not in the k8s.io/api data pack. These are facts (JSON names in Go
// struct order, proto field numbers, list/map semantics, required, defaults) taken from
// k8s.io/apiextensions-apiserver v0.33 pkg/apis/apiextensions/v1 (types.go, types_jsonschema.go,
// generated.proto) and its generated OpenAPI definitions.
import type { FieldSchema, TypeSchema, TypeTable } from '../../src/api/schema.ts';

const P = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const RAW = 'io.k8s.apimachinery.pkg.runtime.RawExtension';

// One field: [json name, proto number, type, flags]. Types without a dot are local to P unless
// they are scalars. Flags: 'req' required, 'rep' repeated, 'map' map, 'atomic'/'set' listType,
// 'map:<keys>' listType map with comma-separated keys, 'def:<json>' default, 'merge:<key>'
// patchStrategy merge with that key.
type Decl = [string, number, string, ...string[]];

const SCALAR = new Set(['string', 'int32', 'int64', 'boolean', 'double', 'bytes']);

function field([name, proto, type, ...flags]: Decl): FieldSchema {
  const f: FieldSchema = { name, proto, type: SCALAR.has(type) || type.includes('.') ? type : `${P}.${type}` };
  for (const flag of flags) {
    if (flag === 'req') f.required = true;
    else if (flag === 'rep') f.repeated = true;
    else if (flag === 'map') f.map = true;
    else if (flag === 'atomic' || flag === 'set') f.listType = flag;
    else if (flag.startsWith('map:')) Object.assign(f, { listType: 'map', listMapKeys: flag.slice(4).split(',') });
    else if (flag.startsWith('def:')) f.default = JSON.parse(flag.slice(4));
    else if (flag.startsWith('merge:')) Object.assign(f, { patchStrategy: 'merge', patchMergeKey: flag.slice(6) });
    else throw new Error(`unknown flag ${flag}`);
  }
  return f;
}

const TYPEMETA: FieldSchema[] = [
  { name: 'kind', type: 'string' },
  { name: 'apiVersion', type: 'string' },
];

const gvk = (kind: string) => [{ group: 'apiextensions.k8s.io', version: 'v1', kind }];

const STRUCTS: Record<string, { fields: Decl[]; kind?: string }> = {
  ConversionRequest: {
    fields: [['uid', 1, 'string', 'req', 'def:""'], ['desiredAPIVersion', 2, 'string', 'req', 'def:""'], ['objects', 3, RAW, 'rep', 'req', 'atomic']],
  },
  ConversionResponse: {
    fields: [['uid', 1, 'string', 'req', 'def:""'], ['convertedObjects', 2, RAW, 'rep', 'req', 'atomic'], ['result', 3, `${META}.Status`, 'req', 'def:{}']],
  },
  ConversionReview: { kind: 'ConversionReview', fields: [['request', 1, 'ConversionRequest'], ['response', 2, 'ConversionResponse']] },
  CustomResourceColumnDefinition: {
    fields: [
      ['name', 1, 'string', 'req', 'def:""'], ['type', 2, 'string', 'req', 'def:""'], ['format', 3, 'string'],
      ['description', 4, 'string'], ['priority', 5, 'int32'], ['jsonPath', 6, 'string', 'req', 'def:""'],
    ],
  },
  CustomResourceConversion: { fields: [['strategy', 1, 'string', 'req', 'def:""'], ['webhook', 2, 'WebhookConversion']] },
  CustomResourceDefinition: {
    kind: 'CustomResourceDefinition',
    fields: [
      ['metadata', 1, `${META}.ObjectMeta`, 'def:{}'],
      ['spec', 2, 'CustomResourceDefinitionSpec', 'req', 'def:{}'],
      ['status', 3, 'CustomResourceDefinitionStatus', 'def:{}'],
    ],
  },
  CustomResourceDefinitionCondition: {
    fields: [
      ['type', 1, 'string', 'req', 'def:""'], ['status', 2, 'string', 'req', 'def:""'],
      ['lastTransitionTime', 3, `${META}.Time`], ['reason', 4, 'string'], ['message', 5, 'string'],
    ],
  },
  CustomResourceDefinitionList: {
    kind: 'CustomResourceDefinitionList',
    fields: [['metadata', 1, `${META}.ListMeta`, 'def:{}'], ['items', 2, 'CustomResourceDefinition', 'rep', 'req']],
  },
  CustomResourceDefinitionNames: {
    fields: [
      ['plural', 1, 'string', 'req', 'def:""'], ['singular', 2, 'string'], ['shortNames', 3, 'string', 'rep', 'atomic'],
      ['kind', 4, 'string', 'req', 'def:""'], ['listKind', 5, 'string'], ['categories', 6, 'string', 'rep', 'atomic'],
    ],
  },
  CustomResourceDefinitionSpec: {
    fields: [
      ['group', 1, 'string', 'req', 'def:""'], ['names', 3, 'CustomResourceDefinitionNames', 'req', 'def:{}'],
      ['scope', 4, 'string', 'req', 'def:""'], ['versions', 7, 'CustomResourceDefinitionVersion', 'rep', 'req', 'atomic'],
      ['conversion', 9, 'CustomResourceConversion'], ['preserveUnknownFields', 10, 'boolean'],
    ],
  },
  CustomResourceDefinitionStatus: {
    fields: [
      ['conditions', 1, 'CustomResourceDefinitionCondition', 'rep', 'map:type'],
      ['acceptedNames', 2, 'CustomResourceDefinitionNames', 'def:{}'],
      ['storedVersions', 3, 'string', 'rep', 'atomic'],
    ],
  },
  CustomResourceDefinitionVersion: {
    fields: [
      ['name', 1, 'string', 'req', 'def:""'], ['served', 2, 'boolean', 'req', 'def:false'], ['storage', 3, 'boolean', 'req', 'def:false'],
      ['deprecated', 7, 'boolean'], ['deprecationWarning', 8, 'string'], ['schema', 4, 'CustomResourceValidation'],
      ['subresources', 5, 'CustomResourceSubresources'], ['additionalPrinterColumns', 6, 'CustomResourceColumnDefinition', 'rep', 'atomic'],
      ['selectableFields', 9, 'SelectableField', 'rep', 'atomic'],
    ],
  },
  CustomResourceSubresourceScale: {
    fields: [['specReplicasPath', 1, 'string', 'req', 'def:""'], ['statusReplicasPath', 2, 'string', 'req', 'def:""'], ['labelSelectorPath', 3, 'string']],
  },
  CustomResourceSubresourceStatus: { fields: [] },
  CustomResourceSubresources: { fields: [['status', 1, 'CustomResourceSubresourceStatus'], ['scale', 2, 'CustomResourceSubresourceScale']] },
  CustomResourceValidation: { fields: [['openAPIV3Schema', 1, 'JSONSchemaProps']] },
  ExternalDocumentation: { fields: [['description', 1, 'string'], ['url', 2, 'string']] },
  JSONSchemaProps: {
    // JSON names differ from proto names here: $schema/schema, $ref/ref, x-kubernetes-*/xKubernetes*.
    fields: [
      ['id', 1, 'string'], ['$schema', 2, 'string'], ['$ref', 3, 'string'], ['description', 4, 'string'],
      ['type', 5, 'string'], ['format', 6, 'string'], ['title', 7, 'string'], ['default', 8, 'JSON'],
      ['maximum', 9, 'double'], ['exclusiveMaximum', 10, 'boolean'], ['minimum', 11, 'double'], ['exclusiveMinimum', 12, 'boolean'],
      ['maxLength', 13, 'int64'], ['minLength', 14, 'int64'], ['pattern', 15, 'string'], ['maxItems', 16, 'int64'],
      ['minItems', 17, 'int64'], ['uniqueItems', 18, 'boolean'], ['multipleOf', 19, 'double'], ['enum', 20, 'JSON', 'rep', 'atomic'],
      ['maxProperties', 21, 'int64'], ['minProperties', 22, 'int64'], ['required', 23, 'string', 'rep', 'atomic'],
      ['items', 24, 'JSONSchemaPropsOrArray'], ['allOf', 25, 'JSONSchemaProps', 'rep', 'atomic'],
      ['oneOf', 26, 'JSONSchemaProps', 'rep', 'atomic'], ['anyOf', 27, 'JSONSchemaProps', 'rep', 'atomic'], ['not', 28, 'JSONSchemaProps'],
      ['properties', 29, 'JSONSchemaProps', 'map'], ['additionalProperties', 30, 'JSONSchemaPropsOrBool'],
      ['patternProperties', 31, 'JSONSchemaProps', 'map'], ['dependencies', 32, 'JSONSchemaPropsOrStringArray', 'map'],
      ['additionalItems', 33, 'JSONSchemaPropsOrBool'], ['definitions', 34, 'JSONSchemaProps', 'map'],
      ['externalDocs', 35, 'ExternalDocumentation'], ['example', 36, 'JSON'], ['nullable', 37, 'boolean'],
      ['x-kubernetes-preserve-unknown-fields', 38, 'boolean'], ['x-kubernetes-embedded-resource', 39, 'boolean'],
      ['x-kubernetes-int-or-string', 40, 'boolean'], ['x-kubernetes-list-map-keys', 41, 'string', 'rep', 'atomic'],
      ['x-kubernetes-list-type', 42, 'string'], ['x-kubernetes-map-type', 43, 'string'],
      ['x-kubernetes-validations', 44, 'ValidationRule', 'rep', 'map:rule', 'merge:rule'],
    ],
  },
  SelectableField: { fields: [['jsonPath', 1, 'string', 'req', 'def:""']] },
  ServiceReference: {
    fields: [['namespace', 1, 'string', 'req', 'def:""'], ['name', 2, 'string', 'req', 'def:""'], ['path', 3, 'string'], ['port', 4, 'int32']],
  },
  ValidationRule: {
    fields: [
      ['rule', 1, 'string', 'req', 'def:""'], ['message', 2, 'string'], ['messageExpression', 3, 'string'],
      ['reason', 4, 'string'], ['fieldPath', 5, 'string'], ['optionalOldSelf', 6, 'boolean'],
    ],
  },
  WebhookClientConfig: { fields: [['url', 3, 'string'], ['service', 1, 'ServiceReference'], ['caBundle', 2, 'bytes']] },
  WebhookConversion: { fields: [['clientConfig', 2, 'WebhookClientConfig'], ['conversionReviewVersions', 3, 'string', 'rep', 'req', 'atomic']] },
};

// Types with custom JSON (un)marshalling; their fields are the proto layout only.
const SPECIALS: Record<string, { special: TypeSchema['special']; fields: Decl[] }> = {
  JSON: { special: 'json', fields: [['raw', 1, 'bytes']] },
  JSONSchemaPropsOrArray: { special: 'json-schema-props-or-array', fields: [['schema', 1, 'JSONSchemaProps'], ['jSONSchemas', 2, 'JSONSchemaProps', 'rep']] },
  JSONSchemaPropsOrBool: { special: 'json-schema-props-or-bool', fields: [['allows', 1, 'boolean'], ['schema', 2, 'JSONSchemaProps']] },
  JSONSchemaPropsOrStringArray: {
    special: 'json-schema-props-or-string-array',
    fields: [['schema', 1, 'JSONSchemaProps'], ['property', 2, 'string', 'rep']],
  },
};

export function apiextensionsTypes(): TypeTable {
  const out: TypeTable = {};
  for (const [name, t] of Object.entries(STRUCTS)) {
    const fields = t.fields.map(field);
    out[`${P}.${name}`] = t.kind ? { gvk: gvk(t.kind), fields: [...TYPEMETA, ...fields] } : { fields };
  }
  for (const [name, t] of Object.entries(SPECIALS)) out[`${P}.${name}`] = { special: t.special, fields: t.fields.map(field) };
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
