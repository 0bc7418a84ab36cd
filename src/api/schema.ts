// The shape of the generated type table (src/api/generated/types.json, written by
// scripts/gen-api.ts from ../shared/k8s-api). One table feeds OpenAPI v2/v3, protobuf decoding,
// strategic merge patch, server-side apply, pruning of unknown fields and JSON key order.

export type Scalar = 'string' | 'int32' | 'int64' | 'boolean' | 'double' | 'bytes';

/** Types whose JSON form is not an object of fields. */
export type SpecialType =
  | 'time' // metav1.Time: RFC 3339 string, seconds precision
  | 'microtime' // metav1.MicroTime: RFC 3339 with microseconds
  | 'duration' // metav1.Duration: Go duration string
  | 'quantity' // resource.Quantity: string ("100m", "1Gi")
  | 'int-or-string' // intstr.IntOrString
  | 'raw-extension' // runtime.RawExtension: any JSON object
  | 'fields-v1' // metav1.FieldsV1: any JSON object
  | 'json' // apiextensions JSON: any JSON value
  | 'string-list' // a message that wraps `repeated string items` and is a bare array in JSON
  | 'json-schema-props-or-array' // apiextensions JSONSchemaPropsOrArray
  | 'json-schema-props-or-bool' // apiextensions JSONSchemaPropsOrBool
  | 'json-schema-props-or-string-array'; // apiextensions JSONSchemaPropsOrStringArray

export interface FieldSchema {
  /** JSON name. */
  name: string;
  /** Protobuf field number; absent for fields that exist only in JSON (apiVersion, kind). */
  proto?: number;
  /** A Scalar or a type name of the table (e.g. "io.k8s.api.core.v1.PodSpec"). */
  type: string;
  /** A JSON array of `type`. */
  repeated?: true;
  /** A JSON object with free keys and values of `type` (proto map<string, T>). */
  map?: true;
  /** Server-side apply list semantics (x-kubernetes-list-type) and keys of an associative list. */
  listType?: 'atomic' | 'set' | 'map';
  listMapKeys?: string[];
  /** x-kubernetes-map-type of a map or struct field. */
  mapType?: 'atomic' | 'granular';
  /** Strategic merge patch facts (x-kubernetes-patch-strategy / -patch-merge-key). */
  patchStrategy?: string;
  patchMergeKey?: string;
  /** The field is required in OpenAPI. */
  required?: true;
  /** OpenAPI default (e.g. {} for a non-pointer struct, "" for a non-omitempty string). */
  default?: unknown;
  /** Protobuf embeds this message's fields inline in JSON (Go `json:",inline"`). */
  inline?: true;
  /** Allowed string values (OpenAPI `enum`), where the upstream documents list them. */
  enum?: string[];
}

/** x-kubernetes-unions: a discriminator field and the value naming each member field. */
export interface UnionSchema {
  discriminator?: string;
  /** Member field JSON name → discriminator value. */
  fields: Record<string, string>;
}

export interface TypeSchema {
  /**
   * Fields in Go struct order, which is kube-apiserver's JSON output order. For a `special` type
   * these are its protobuf fields (e.g. Time's seconds/nanos), not JSON fields.
   */
  fields?: FieldSchema[];
  special?: SpecialType;
  /** Group/version/kind when this type is a top-level kind (has apiVersion and kind). */
  gvk?: { group: string; version: string; kind: string }[];
  /** x-kubernetes-map-type / element relationship of the struct itself ("atomic" structs). */
  mapType?: 'atomic' | 'granular';
  unions?: UnionSchema[];
}

export type TypeTable = Record<string, TypeSchema>;
