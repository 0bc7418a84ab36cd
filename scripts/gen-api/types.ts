// Builds the TypeTable (src/api/schema.ts) from the proto schemas plus the facts that protos do
// not carry: SSA list/map semantics and defaults (ssa-schema.yaml), patch strategies
// (patch-strategies.json) and required lists (the openapi-v3 documents, else proto markers).
import type { FieldSchema, Scalar, SpecialType, TypeSchema, TypeTable } from '../../src/api/schema.ts';
import { hasMarker, markerValues, type ProtoField, type ProtoMessage } from './proto.ts';
import { SERVED, type Sources, type SsaType } from './sources.ts';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

/** Proto package k8s.io.api.core.v1 → OpenAPI definition prefix io.k8s.api.core.v1. */
export function openApiName(protoName: string): string {
  return protoName.startsWith('k8s.io.') ? `io.k8s.${protoName.slice('k8s.io.'.length)}` : protoName;
}

const SCALARS: Record<string, Scalar> = {
  string: 'string', bytes: 'bytes', bool: 'boolean', double: 'double', float: 'double',
  int32: 'int32', sint32: 'int32', sfixed32: 'int32', uint32: 'int32', fixed32: 'int32',
  int64: 'int64', sint64: 'int64', sfixed64: 'int64', uint64: 'int64', fixed64: 'int64',
};

// Types whose JSON form is a scalar or free-form value, not their proto fields.
const SPECIALS: Record<string, SpecialType> = {
  [`${META}.Time`]: 'time',
  [`${META}.MicroTime`]: 'microtime',
  [`${META}.Duration`]: 'duration',
  [`${META}.FieldsV1`]: 'fields-v1',
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'int-or-string',
  'io.k8s.apimachinery.pkg.runtime.RawExtension': 'raw-extension',
};

// metav1 register.go: AddUnversionedTypes(Unversioned, Status, APIVersions, APIGroupList, APIGroup,
// APIResourceList) registers these once, as v1 of the core group.
const UNVERSIONED_META = ['Status', 'APIVersions', 'APIGroupList', 'APIGroup', 'APIResourceList'];
// metav1 AddMetaToScheme registers these in meta.k8s.io/v1 (Table has no proto message).
const META_GROUP_KINDS = ['PartialObjectMetadata', 'PartialObjectMetadataList', 'TableOptions'];
// Registered kinds whose Go struct has no TypeMeta, so JSON has no kind/apiVersion fields.
const NO_TYPEMETA = new Set([`${META}.WatchEvent`]);
// Unregistered types that embed TypeMeta all the same (apimachinery meta/v1 types.go).
const TYPEMETA_ONLY = new Set([`${META}.List`, `${META}.ApplyOptions`]);
// Fields that are omitempty without a +optional marker, in types no SSA/OpenAPI data covers
// (apimachinery meta/v1 types.go): the marker rule would call them required.
const OMITEMPTY = new Set([`${META}.ListOptions.limit`, `${META}.ListOptions.continue`, `${META}.TableOptions.includeObject`]);

export interface RequiredRuleStats {
  /** Fields covered by the openapi-v3 documents. */
  compared: number;
  /** Agreement of the plain rule: no +optional ⇒ required. */
  plainAgree: number;
  /** Agreement of the rule used (requiredByMarkers). */
  agree: number;
  /** Marker rule says required, openapi says optional (mostly omitempty without +optional). */
  falseRequired: string[];
  /** Marker rule says optional, openapi says required. */
  falseOptional: string[];
}

export interface TypeBuild {
  table: TypeTable;
  requiredStats: RequiredRuleStats;
  notes: string[];
}

export function buildTypes(src: Sources, extra: TypeTable): TypeBuild {
  const notes: string[] = [];
  const messages = new Map<string, ProtoMessage>();
  for (const file of src.protos) for (const m of file.messages) messages.set(openApiName(m.fullName), m);
  const stats: RequiredRuleStats = { compared: 0, plainAgree: 0, agree: 0, falseRequired: [], falseOptional: [] };
  const gvks = kindsByType(src, messages);
  const hosts = inlineHosts(src, messages);
  const table: TypeTable = {};
  for (const [name, msg] of messages) table[name] = buildType(name, msg, src, messages, gvks.get(name), hosts.get(name), stats, notes);
  for (const [name, t] of Object.entries(extra)) table[name] = t;
  checkReferences(table, notes);
  return { table, requiredStats: stats, notes };
}

function buildType(
  name: string,
  msg: ProtoMessage,
  src: Sources,
  messages: Map<string, ProtoMessage>,
  gvk: TypeSchema['gvk'],
  host: string | undefined,
  stats: RequiredRuleStats,
  notes: string[],
): TypeSchema {
  // A type that exists only to be inlined (VolumeSource) takes its facts from the embedding type.
  const factsFrom = src.ssa.has(name) || src.openapi.has(name) || !host ? name : host;
  const ssa = src.ssa.get(factsFrom);
  const oa = src.openapi.get(factsFrom);
  const special = SPECIALS[name] ?? (isStringList(msg) ? 'string-list' : undefined);
  const out: TypeSchema = {};
  if (special) out.special = special;
  if (gvk) out.gvk = gvk;
  const fields: FieldSchema[] = [];
  if ((gvk && !NO_TYPEMETA.has(name)) || TYPEMETA_ONLY.has(name)) fields.push({ name: 'kind', type: 'string' }, { name: 'apiVersion', type: 'string' });
  const known = knownJsonNames(ssa, oa);
  for (const f of msg.fields) {
    const field = baseField(f);
    if (!special) {
      field.name = jsonName(f.name, known);
      if (isInline(f, known, messages)) field.inline = true;
      else addFacts(field, { ...f, name: field.name }, factsFrom, msg, src, ssa, oa, stats);
    }
    fields.push(field);
  }
  if (fields.length) out.fields = fields;
  if (!special) {
    // Type-level facts are the type's own, never an embedding type's.
    const own = factsFrom === name ? ssa : undefined;
    // +structType=atomic on the Go type; SSA calls the same thing an atomic element relationship.
    const atomic = markerValues(msg.markers, 'structType')[0] === 'atomic' || own?.map?.elementRelationship === 'atomic';
    if (atomic) out.mapType = 'atomic';
    const unions = own?.map?.unions;
    if (unions?.length) {
      out.unions = unions.map((u: any) => ({
        ...(u.discriminator ? { discriminator: u.discriminator } : {}),
        fields: Object.fromEntries((u.fields ?? []).map((x: any) => [x.fieldName, x.discriminatorValue])),
      }));
    }
  }
  for (const f of fields) {
    if (!special && !f.inline && known && !known.has(f.name)) notes.push(`${name}.${f.name}: not in the SSA/OpenAPI field list`);
  }
  return out;
}

/** go-to-protobuf wraps `[]string` map values in a message marked nullable with one `items` field. */
function isStringList(msg: ProtoMessage): boolean {
  const [only] = msg.fields;
  return msg.fields.length === 1 && only!.name === 'items' && only!.repeated && only!.type === 'string' && hasMarker(msg.markers, 'protobuf.nullable');
}

function baseField(f: ProtoField): FieldSchema {
  const field: FieldSchema = { name: f.name, proto: f.number, type: SCALARS[f.type] ?? openApiName(f.type) };
  if (f.map) field.map = true;
  else if (f.repeated) field.repeated = true;
  return field;
}

function knownJsonNames(ssa: SsaType | undefined, oa: any): Set<string> | undefined {
  if (ssa?.map?.fields) return new Set(ssa.map.fields.map((f) => f.name));
  if (oa?.properties) return new Set(Object.keys(oa.properties));
  return undefined;
}

// go-to-protobuf names a field after the Go field when the JSON tag differs in case only
// (IngressClassParametersReference.aPIGroup is JSON apiGroup, Variable.Name is name).
function jsonName(protoName: string, known: Set<string> | undefined): string {
  if (!known || known.has(protoName)) return protoName;
  const matches = [...known].filter((k) => k.toLowerCase() === protoName.toLowerCase());
  return matches.length === 1 ? matches[0]! : protoName;
}

// Go embeds a struct with `json:",inline"` (Volume.VolumeSource); go-to-protobuf still gives it a
// field. Its members then appear directly in the parent's SSA/OpenAPI field list, possibly through
// a further embedded struct (NamedRuleWithOperations → RuleWithOperations → Rule).
function isInline(f: ProtoField, known: Set<string> | undefined, messages: Map<string, ProtoMessage>): boolean {
  if (!known || f.repeated || f.map || known.has(jsonName(f.name, known))) return false;
  const inner = messages.get(openApiName(f.type));
  return Boolean(inner && inner.fields.length && inner.fields.every((x) => known.has(jsonName(x.name, known)) || isInline(x, known, messages)));
}

function addFacts(
  field: FieldSchema,
  f: ProtoField,
  typeName: string,
  msg: ProtoMessage,
  src: Sources,
  ssa: SsaType | undefined,
  oa: any,
  stats: RequiredRuleStats,
): void {
  const m = f.markers;
  // Upstream puts +listType=atomic on Status.details, a struct; OpenAPI ignores it off lists.
  const listType = field.repeated ? markerValues(m, 'listType')[0] : undefined;
  if (listType === 'atomic' || listType === 'set' || listType === 'map') field.listType = listType;
  const keys = field.repeated ? markerValues(m, 'listMapKey') : [];
  if (keys.length) field.listMapKeys = keys;
  const mapType = markerValues(m, 'mapType')[0] ?? markerValues(m, 'structType')[0];
  if (mapType === 'atomic' || mapType === 'granular') field.mapType = mapType;
  const patch = patchRecord(src, typeName, msg.name, f.name);
  const strategy = patch?.patchStrategy ?? markerValues(m, 'patchStrategy')[0];
  const mergeKey = patch ? patch.patchMergeKey : markerValues(m, 'patchMergeKey')[0];
  if (strategy) field.patchStrategy = strategy;
  if (mergeKey) field.patchMergeKey = mergeKey;

  const markerRequired = requiredByMarkers(field, m, ssa) && !OMITEMPTY.has(`${typeName}.${f.name}`);
  const oaProp = oa?.properties?.[f.name];
  if (oaProp) {
    const documented = Boolean(oa.required?.includes(f.name));
    stats.compared++;
    if (documented === !hasMarker(m, 'optional')) stats.plainAgree++;
    if (documented === markerRequired) stats.agree++;
    else (markerRequired ? stats.falseRequired : stats.falseOptional).push(`${typeName}.${f.name}`);
    // The documents predate v1.33 in places: a field since marked +optional (StatefulSetSpec.serviceName) wins.
    if (documented && !hasMarker(m, 'optional')) field.required = true;
  } else if (oa ? hasMarker(m, 'required') : markerRequired) {
    // A field the document's type lacks was added later; API conventions make added fields optional.
    field.required = true;
  }
  const values = src.enums.get(`${typeName}.${f.name}`);
  if (values) field.enum = values;

  const def = fieldDefault(field, f, typeName, src, ssa, oa);
  if (def !== undefined) field.default = def;
}

// kube-openapi: +required → required, +optional → optional, else required unless the JSON tag has
// omitempty. Proto keeps the markers but not the tag. For a scalar, SSA's default stands in for
// "no omitempty" (kube-openapi only defaults non-omitempty scalars); elsewhere a field without
// +optional counts as required.
function requiredByMarkers(field: FieldSchema, m: string[], ssa: SsaType | undefined): boolean {
  if (hasMarker(m, 'required')) return true;
  if (hasMarker(m, 'optional')) return false;
  const ssaField = ssa?.map?.fields?.find((x) => x.name === field.name);
  if (ssaField && !field.repeated && !field.map && SCALARS[field.type]) return ssaField.default !== undefined;
  return true;
}

function patchRecord(src: Sources, typeName: string, goType: string, field: string) {
  // patch-strategies.json names the Go package; match it against the definition's package.
  const pkg = typeName.slice(0, typeName.lastIndexOf('.'));
  return src.patches.find((p) => p.type === goType && p.field === field && openApiName(p.package.replace(/\//g, '.')) === pkg);
}

const SPECIAL_NAMES = new Set(Object.keys(SPECIALS));

function fieldDefault(field: FieldSchema, f: ProtoField, typeName: string, src: Sources, ssa: SsaType | undefined, oa: any): unknown {
  const ssaField = ssa?.map?.fields?.find((x) => x.name === f.name);
  if (ssa?.map?.fields) return ssaField?.default ?? undefined;
  // kube-openapi never defaults types with custom JSON unmarshalling (Time, Quantity, ...).
  if (SPECIAL_NAMES.has(field.type)) return undefined;
  const oaProp = oa?.properties?.[f.name];
  if (oaProp) return oaProp.default;
  const explicit = markerValues(f.markers, 'default')[0];
  if (explicit !== undefined) {
    try {
      return JSON.parse(explicit);
    } catch {
      return undefined; // ref(Constant): the value lives in Go code only
    }
  }
  // Outside the SSA/OpenAPI data: kube-openapi defaults a non-pointer struct to {} and a
  // non-omitempty scalar to its zero value. Proto has no pointer/omitempty facts, so a field
  // without +optional stands in for "value type, no omitempty".
  if (field.repeated || field.map) return undefined;
  const optional = hasMarker(f.markers, 'optional') || OMITEMPTY.has(`${typeName}.${f.name}`);
  if (SCALARS[f.type]) {
    if (optional || field.type === 'bytes') return undefined;
    return field.type === 'string' ? '' : field.type === 'boolean' ? false : 0;
  }
  return !optional || f.name === 'metadata' || f.name === 'spec' || f.name === 'status' ? {} : undefined;
}

/** Inlined type → a type that embeds it and has SSA/OpenAPI facts (Rule → RuleWithOperations). */
function inlineHosts(src: Sources, messages: Map<string, ProtoMessage>): Map<string, string> {
  const hosts = new Map<string, string>();
  const visit = (host: string, msg: ProtoMessage, known: Set<string>) => {
    for (const f of msg.fields) {
      if (!isInline(f, known, messages)) continue;
      const inner = openApiName(f.type);
      if (!hosts.has(inner)) hosts.set(inner, host);
      visit(host, messages.get(inner)!, known);
    }
  };
  for (const [name, msg] of messages) {
    const known = knownJsonNames(src.ssa.get(name), src.openapi.get(name));
    if (known) visit(name, msg, known);
  }
  return hosts;
}

/** gvk lists per definition name, from the fixtures (one per registered kind) plus registries' facts. */
function kindsByType(src: Sources, messages: Map<string, ProtoMessage>): Map<string, NonNullable<TypeSchema['gvk']>> {
  const out = new Map<string, NonNullable<TypeSchema['gvk']>>();
  const add = (type: string, group: string, version: string, kind: string) => {
    if (!messages.has(type)) return;
    const list = out.get(type) ?? [];
    if (!list.some((g) => g.group === group && g.version === version && g.kind === kind)) list.push({ group, version, kind });
    out.set(type, list);
  };
  const served = SERVED.filter((gv) => gv.dir);
  const perGroupVersionMeta = new Set<string>();
  for (const fixture of src.fixtures) {
    const kind = fixture.slice(fixture.lastIndexOf('.') + 1);
    const gvPart = fixture.slice(0, fixture.lastIndexOf('.'));
    const version = gvPart.slice(gvPart.lastIndexOf('.') + 1);
    const groupPart = gvPart.slice(0, gvPart.lastIndexOf('.'));
    const group = groupPart === 'core' ? '' : groupPart;
    const gv = served.find((s) => s.group === group && s.version === version);
    if (!gv) continue;
    const own = `io.k8s.api.${gv.dir}.${version}.${kind}`;
    if (messages.has(own)) {
      add(own, group, version, kind);
      if (messages.has(`${own}List`)) add(`${own}List`, group, version, `${kind}List`);
    } else if (group === '' && messages.has(`${META}.${kind}`) && !UNVERSIONED_META.includes(kind)) {
      perGroupVersionMeta.add(kind); // metav1.AddToGroupVersion: WatchEvent and the *Options kinds
    }
  }
  for (const kind of UNVERSIONED_META) add(`${META}.${kind}`, '', 'v1', kind);
  for (const kind of perGroupVersionMeta) for (const gv of SERVED) add(`${META}.${kind}`, gv.group, gv.version, kind);
  for (const kind of META_GROUP_KINDS) add(`${META}.${kind}`, 'meta.k8s.io', 'v1', kind);
  add('io.k8s.api.core.v1.List', '', 'v1', 'List'); // core register.go adds &List{}; no fixture
  for (const list of out.values()) list.sort((a, b) => cmp(a.group, b.group) || cmp(a.version, b.version) || cmp(a.kind, b.kind));
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function checkReferences(table: TypeTable, notes: string[]): void {
  const scalars = new Set(Object.values(SCALARS));
  for (const [name, t] of Object.entries(table)) {
    for (const f of t.fields ?? []) {
      if (!scalars.has(f.type as Scalar) && !table[f.type]) notes.push(`${name}.${f.name} refers to unknown type ${f.type}`);
    }
  }
}
