// Read access to the generated type table (src/api/generated/types.json): which definition a kind
// uses, its JSON fields in kube-apiserver's key order (inline members flattened), per-field facts.
// Indexes are built on first use; the table itself never changes at run time.
import TYPES from './generated/types.json' with { type: 'json' };
import type { FieldSchema, TypeSchema, TypeTable } from './schema.ts';

export type { FieldSchema, TypeSchema, TypeTable } from './schema.ts';

/** Lookups over one table: the built-in one, or built-ins plus custom resource types. */
export class TypeIndex {
  readonly table: TypeTable;
  #byKind?: Map<string, string>;
  readonly #flat = new Map<string, FieldSchema[]>();
  readonly #byName = new Map<string, Map<string, FieldSchema>>();
  readonly #byProto = new Map<string, Map<number, FieldSchema>>();

  constructor(table: TypeTable) {
    this.table = table;
  }

  type(name: string): TypeSchema | undefined {
    return this.table[name];
  }

  /** Definition name of a top-level kind, e.g. ("apps","v1","Deployment") → io.k8s.api.apps.v1.Deployment. */
  typeNameForKind(group: string, version: string, kind: string): string | undefined {
    if (!this.#byKind) {
      this.#byKind = new Map();
      for (const [name, t] of Object.entries(this.table)) {
        for (const g of t.gvk ?? []) this.#byKind.set(gvkKey(g.group, g.version, g.kind), name);
      }
    }
    return this.#byKind.get(gvkKey(group, version, kind));
  }

  /** JSON fields in output order, inline members in place of their protobuf wrapper field. */
  jsonFields(typeName: string): FieldSchema[] {
    let fields = this.#flat.get(typeName);
    if (!fields) {
      fields = flattenFields(this.table, typeName);
      this.#flat.set(typeName, fields);
    }
    return fields;
  }

  fieldOf(typeName: string, jsonName: string): FieldSchema | undefined {
    let byName = this.#byName.get(typeName);
    if (!byName) {
      byName = new Map(this.jsonFields(typeName).map((f) => [f.name, f]));
      this.#byName.set(typeName, byName);
    }
    return byName.get(jsonName);
  }

  /** The protobuf field with this number (inline wrappers included, as protobuf nests them). */
  protoField(typeName: string, number: number): FieldSchema | undefined {
    let byProto = this.#byProto.get(typeName);
    if (!byProto) {
      byProto = new Map();
      for (const f of this.table[typeName]?.fields ?? []) if (f.proto !== undefined) byProto.set(f.proto, f);
      this.#byProto.set(typeName, byProto);
    }
    return byProto.get(number);
  }
}

const gvkKey = (group: string, version: string, kind: string) => `${group}/${version}/${kind}`;

/**
 * A type's JSON fields with `inline` protobuf fields replaced by the inlined type's fields
 * (recursively: NamedRuleWithOperations → RuleWithOperations → Rule). Special types (Time,
 * Quantity, ...) have no JSON fields.
 */
export function flattenFields(table: TypeTable, typeName: string): FieldSchema[] {
  const t = table[typeName];
  if (!t || t.special) return [];
  return (t.fields ?? []).flatMap((f) => (f.inline ? flattenFields(table, f.type) : [f]));
}

let builtin: TypeIndex | undefined;

/** The index over the built-in table (created once; the table is constant). */
export function builtinTypes(): TypeIndex {
  return (builtin ??= new TypeIndex(TYPES as unknown as TypeTable));
}

export function typeTable(): TypeTable {
  return builtinTypes().table;
}

export function typeNameForKind(group: string, version: string, kind: string): string | undefined {
  return builtinTypes().typeNameForKind(group, version, kind);
}

export function jsonFields(typeName: string): FieldSchema[] {
  return builtinTypes().jsonFields(typeName);
}

export function fieldOf(typeName: string, jsonName: string): FieldSchema | undefined {
  return builtinTypes().fieldOf(typeName, jsonName);
}
