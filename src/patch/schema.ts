// What strategic merge patch needs to know about a position in an object: the patch strategy and
// merge key of the field, and the schema of its members. One small interface (upstream's
// LookupPatchMeta, reshaped as a cursor) with two sources here: the generated type table, with
// the texts of the Go-struct lookup kube-apiserver uses (PatchMetaFromStruct and the forked
// encoding/json field lookup), and a schema-less one in which maps merge and lists are replaced.
// The CLI can add an OpenAPI-backed one later.
import { builtinTypes, type TypeIndex } from '../api/types.ts';
import type { FieldSchema } from '../api/schema.ts';
import { PatchError } from './errors.ts';

export interface PatchSchema {
  /** The field `key` of this object; throws a PatchError when this is not a struct or has no such field. */
  field(key: string): PatchSchema;
  /** The items of this list; throws a PatchError when this is not a list. */
  element(): PatchSchema;
  /** x-kubernetes-patch-strategy of this field split at ",": [], ["merge"], ["merge", "retainKeys"], ... */
  strategies(): string[];
  /** x-kubernetes-patch-merge-key of this field, "" when none. */
  mergeKey(): string;
  /** The type's name in messages (upstream: the Go kind, "struct" for list items of objects). */
  name(): string;
}

/** No type information: every field is known, maps merge, lists are replaced. */
export const schemaless: PatchSchema = {
  field: () => schemaless,
  element: () => schemaless,
  strategies: () => [],
  mergeKey: () => '',
  name: () => '',
};

type Shape =
  | { kind: 'struct'; type: string }
  | { kind: 'slice'; item: Shape }
  | { kind: 'map' }
  | { kind: 'scalar'; goKind: string };

const SCALAR_KINDS: Record<string, string> = { string: 'string', int32: 'int32', int64: 'int64', boolean: 'bool', double: 'float64' };

function shapeOfType(index: TypeIndex, type: string): Shape {
  if (type === 'bytes') return { kind: 'slice', item: { kind: 'scalar', goKind: 'uint8' } };
  const scalar = SCALAR_KINDS[type];
  if (scalar) return { kind: 'scalar', goKind: scalar };
  if (index.type(type)?.special === 'string-list') return { kind: 'slice', item: { kind: 'scalar', goKind: 'string' } };
  return { kind: 'struct', type };
}

function shapeOfField(index: TypeIndex, f: FieldSchema): Shape {
  if (f.repeated) return { kind: 'slice', item: shapeOfType(index, f.type) };
  if (f.map) return { kind: 'map' };
  return shapeOfType(index, f.type);
}

/** Go's name of a table type: "io.k8s.api.core.v1.PodSpec" → "PodSpec". */
const goTypeName = (type: string) => type.slice(type.lastIndexOf('.') + 1);

class TypedSchema implements PatchSchema {
  constructor(
    private readonly index: TypeIndex,
    private readonly shape: Shape,
    private readonly meta?: FieldSchema,
  ) {}

  field(key: string): PatchSchema {
    const shape = this.shape;
    if (shape.kind !== 'struct') {
      const kind = shape.kind === 'scalar' ? shape.goKind : shape.kind;
      throw new PatchError(`merging an object in json but data type is not struct, instead is: ${kind}`);
    }
    const f = this.index.fieldOf(shape.type, key) ?? this.foldedField(shape.type, key);
    if (!f) throw new PatchError(`unable to find api field in struct ${goTypeName(shape.type)} for the json field ${JSON.stringify(key)}`);
    return new TypedSchema(this.index, shapeOfField(this.index, f), f);
  }

  // encoding/json falls back to a case-insensitive match of the field name.
  private foldedField(type: string, key: string): FieldSchema | undefined {
    const lower = key.toLowerCase();
    return this.index.jsonFields(type).find((f) => f.name.toLowerCase() === lower);
  }

  element(): PatchSchema {
    if (this.shape.kind !== 'slice') throw new PatchError('expected slice or array type, but got: struct');
    return new TypedSchema(this.index, this.shape.item);
  }

  strategies(): string[] {
    return this.meta?.patchStrategy ? this.meta.patchStrategy.split(',') : [];
  }

  mergeKey(): string {
    return this.meta?.patchMergeKey ?? '';
  }

  name(): string {
    return this.shape.kind === 'scalar' ? this.shape.goKind : this.shape.kind;
  }
}

/** The schema of a type of the table, e.g. "io.k8s.api.apps.v1.Deployment". */
export function typedSchema(typeName: string, index: TypeIndex = builtinTypes()): PatchSchema {
  return new TypedSchema(index, { kind: 'struct', type: typeName });
}

/** The schema of a built-in kind, or undefined for kinds the table does not know (custom resources). */
export function schemaForKind(group: string, version: string, kind: string, index: TypeIndex = builtinTypes()): PatchSchema | undefined {
  const name = index.typeNameForKind(group, version, kind);
  return name ? typedSchema(name, index) : undefined;
}
