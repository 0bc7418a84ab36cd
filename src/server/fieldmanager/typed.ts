// The type table seen as structured-merge-diff's schema: every value has an atom (scalar, list,
// map, or several for untyped values, narrowed by the value at hand as SMD's deduceAtom does).
// How OpenAPI facts become atoms follows k8s.io/kube-openapi pkg/schemaconv: list-type, else a
// merge patch strategy (associative on its merge key), else atomic; map-type atomic; Quantity,
// IntOrString and times are untyped scalars, RawExtension atomic, schemaless parts deduced.
import type { FieldSchema, TypeIndex, TypeSchema } from '../../api/types.ts';
import { builtinTypes } from '../../api/types.ts';
import { fieldElement, keyElement, PathTree, pathKey, valueElement, type PathElement } from './path-set.ts';

/** How a value is typed: a field's facts without its name; no `type` means deduced. */
export interface Shape {
  type?: string;
  repeated?: boolean;
  map?: boolean;
  listType?: FieldSchema['listType'];
  listMapKeys?: string[];
  patchStrategy?: string;
  patchMergeKey?: string;
  mapType?: FieldSchema['mapType'];
}

export type ScalarType = 'numeric' | 'string' | 'boolean' | 'untyped';

export interface ListAtom {
  elem: Shape;
  associative: boolean;
  /** Key fields of an associative list; empty for a set. */
  keys: string[];
}

export interface MapAtom {
  /** The struct whose fields are declared (a type of the table), if any. */
  typeName?: string;
  /** Extra declared fields (the schemaless root's apiVersion, kind, metadata). */
  extraFields?: Record<string, Shape>;
  /** Shape of undeclared keys; undefined: undeclared keys are not allowed. */
  elem?: Shape;
  atomic: boolean;
}

export interface Atom {
  scalar?: ScalarType;
  list?: ListAtom;
  map?: MapAtom;
}

const DEDUCED = '__deduced';
const UNTYPED = '__untyped';
/** A custom resource without schema: typed metadata, everything else deduced. */
const SCHEMALESS_ROOT = '__schemaless';
const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

const DEDUCED_ATOM: Atom = {
  scalar: 'untyped',
  list: { elem: { type: UNTYPED }, associative: false, keys: [] },
  map: { elem: { type: DEDUCED }, atomic: false },
};
const UNTYPED_ATOM: Atom = {
  scalar: 'untyped',
  list: { elem: { type: UNTYPED }, associative: false, keys: [] },
  map: { elem: { type: UNTYPED }, atomic: true },
};

const SCALAR_TYPES: Record<string, ScalarType> = { string: 'string', bytes: 'string', int32: 'numeric', int64: 'numeric', double: 'numeric', boolean: 'boolean' };

/** Resolution of shapes against a type table (none: everything deduced). */
export class Schema {
  readonly #cache = new Map<string, Atom>();

  constructor(private readonly types: TypeIndex | undefined) {}

  /** The shape of a whole object: its definition, or the schemaless root. */
  static rootShape(typeName: string | undefined): Shape {
    return { type: typeName ?? SCHEMALESS_ROOT };
  }

  /** Where a definition lives: the given table, else (for meta types) the built-in one. */
  private index(name: string): TypeIndex | undefined {
    if (this.types?.type(name)) return this.types;
    if (name.startsWith('io.k8s.apimachinery.') && builtinTypes().type(name)) return builtinTypes();
    return undefined;
  }

  resolve(shape: Shape): Atom {
    if (shape.repeated) return { list: listAtom(shape) };
    if (shape.map) return { map: { elem: { type: shape.type }, atomic: shape.mapType === 'atomic' } };
    const cacheKey = `${shape.type ?? DEDUCED}|${shape.mapType ?? ''}`;
    let atom = this.#cache.get(cacheKey);
    if (!atom) this.#cache.set(cacheKey, (atom = this.resolveType(shape.type, shape.mapType)));
    return atom;
  }

  private resolveType(name: string | undefined, fieldMapType: Shape['mapType']): Atom {
    if (name === undefined || name === DEDUCED) return DEDUCED_ATOM;
    if (name === UNTYPED) return UNTYPED_ATOM;
    if (name === SCHEMALESS_ROOT) {
      const meta = this.index(OBJECT_META) ? { type: OBJECT_META } : {};
      return { map: { extraFields: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: meta }, elem: { type: DEDUCED }, atomic: false } };
    }
    const scalar = SCALAR_TYPES[name];
    if (scalar) return { scalar };
    const index = this.index(name);
    const t = index?.type(name);
    if (!index || !t) return DEDUCED_ATOM;
    const atomic = (fieldMapType ?? t.mapType) === 'atomic';
    switch (t.special) {
      case 'time':
      case 'microtime':
      case 'int-or-string':
      case 'quantity':
        return { scalar: 'untyped' };
      case 'duration':
        return { scalar: 'string' };
      case 'raw-extension':
        return UNTYPED_ATOM;
      case 'string-list':
        return { list: { elem: { type: 'string' }, associative: false, keys: [] } };
      case 'fields-v1':
        return { map: { elem: { type: DEDUCED }, atomic } };
      case undefined:
        break;
      default:
        return DEDUCED_ATOM;
    }
    // An object without properties takes any keys (schemaconv: deduced elements); a proposed
    // `preserveUnknownFields` flag on a CRD-built type would do the same beside its fields.
    const open = index.jsonFields(name).length === 0 || (t as TypeSchema & { preserveUnknownFields?: boolean }).preserveUnknownFields === true;
    return { map: { typeName: name, elem: open ? { type: DEDUCED } : undefined, atomic } };
  }

  /** The declared field `key` of a map atom, if declared. */
  declaredField(map: MapAtom, key: string): Shape | undefined {
    if (map.extraFields && Object.hasOwn(map.extraFields, key)) return map.extraFields[key];
    if (!map.typeName) return undefined;
    return this.index(map.typeName)?.fieldOf(map.typeName, key);
  }

  /** Shape of key `key` of a map atom; undefined when the key is not allowed there. */
  mapChild(map: MapAtom, key: string): Shape | undefined {
    return this.declaredField(map, key) ?? map.elem;
  }

  /** OpenAPI default of a field of a list's element struct (default values of key fields). */
  keyDefault(list: ListAtom, field: string): unknown {
    const map = this.resolve(list.elem).map;
    const declared = map && this.declaredField(map, field);
    return declared && 'default' in declared ? (declared as FieldSchema).default : undefined;
  }

  /**
   * listItemToPathElement: the element naming an associative list item, or why it has none.
   * Key fields missing from the item take their default, else are left out of the key.
   */
  itemElement(list: ListAtom, item: unknown): { el: PathElement } | { error: string } {
    if (list.keys.length > 0) {
      if (item === null) return { error: 'associative list with keys may not have a null element' };
      if (!isMap(item)) return { error: 'associative list with keys may not have non-map elements' };
      const key: Record<string, unknown> = {};
      for (const k of list.keys) {
        if (Object.hasOwn(item, k)) key[k] = item[k];
        else {
          const def = this.keyDefault(list, k);
          if (def !== undefined && def !== null) key[k] = def;
        }
      }
      if (Object.keys(key).length === 0)
        return { error: `associative list with keys has an element that omits all key fields [${list.keys.map((k) => JSON.stringify(k)).join(' ')}] (and doesn't have default values for any key fields)` };
      return { el: keyElement(key) };
    }
    if (isMap(item)) return { error: "associative list without keys has an element that's a map type" };
    if (Array.isArray(item)) return { error: 'not supported: associative list with lists as elements' };
    if (item === null) return { error: "associative list without keys has an element that's an explicit null" };
    return { el: valueElement(item) };
  }

  /**
   * TypedValue.ToFieldSet: every leaf, list item and map entry the value mentions; declared fields
   * holding a non-empty map are implied by their children and left out.
   */
  toFieldSet(shape: Shape, value: unknown): Set<string> {
    const out = new Set<string>();
    this.fieldSetWalk(shape, value, [], out);
    return out;
  }

  private fieldSetWalk(shape: Shape, value: unknown, path: PathElement[], out: Set<string>): void {
    const atom = deduceAtom(this.resolve(shape), value);
    if (atom.map) {
      if (atom.map.atomic) {
        out.add(pathKey(path));
        return;
      }
      if (!isMap(value)) return;
      for (const [key, v] of Object.entries(value)) {
        const child = [...path, fieldElement(key)];
        const childShape = this.mapChild(atom.map, key);
        if (childShape) this.fieldSetWalk(childShape, v, child, out);
        if (v === null || (isMap(v) && Object.keys(v).length === 0) || !this.declaredField(atom.map, key)) out.add(pathKey(child));
      }
      return;
    }
    if (atom.scalar || !atom.list) {
      out.add(pathKey(path));
      return;
    }
    if (!atom.list.associative) {
      out.add(pathKey(path));
      return;
    }
    if (!Array.isArray(value)) return;
    const list = atom.list;
    const elements = value.map((item) => {
      const r = this.itemElement(list, item);
      return 'el' in r ? r.el : undefined;
    });
    // Duplicated items (tolerated in live objects) are owned as a whole.
    const seen = new Set<string>();
    const duplicates = new Set<string>();
    for (const el of elements) {
      if (el === undefined) continue;
      if (seen.has(el) && !duplicates.has(el)) {
        duplicates.add(el);
        out.add(pathKey([...path, el]));
      }
      seen.add(el);
    }
    value.forEach((item, i) => {
      const el = elements[i];
      if (el === undefined || duplicates.has(el)) return;
      this.fieldSetWalk(list.elem, item, [...path, el], out);
      out.add(pathKey([...path, el]));
    });
  }

  /** Set.EnsureNamedFieldsAreMembers: declared fields with children become members too. */
  ensureNamedFieldsAreMembers(shape: Shape, set: Set<string>): Set<string> {
    const out = new Set(set);
    const walk = (node: PathTree, shape: Shape | undefined, prefix: PathElement[]) => {
      const atom = shape ? this.resolve(shape) : {};
      for (const [el, child] of node.children) {
        let childShape: Shape | undefined;
        if (el.startsWith('f:') && atom.map) {
          const declared = this.declaredField(atom.map, el.slice(2));
          if (declared) out.add(pathKey([...prefix, el]));
          childShape = declared ?? atom.map.elem;
        } else if (el.startsWith('k:') && atom.list) {
          childShape = atom.list.elem;
        }
        walk(child, childShape, [...prefix, el]);
      }
    };
    walk(PathTree.of(set), shape, []);
    return out;
  }
}

function listAtom(shape: Shape): ListAtom {
  const elem: Shape = { type: shape.type };
  switch (shape.listType) {
    case 'map':
      return { elem, associative: true, keys: shape.listMapKeys ?? [] };
    case 'set':
      return { elem, associative: true, keys: [] };
    case 'atomic':
      return { elem, associative: false, keys: [] };
  }
  if (shape.patchStrategy === 'merge' || shape.patchStrategy === 'merge,retainKeys')
    return { elem, associative: true, keys: shape.patchMergeKey ? [shape.patchMergeKey] : [] };
  return { elem, associative: false, keys: [] };
}

/** deduceAtom: the one part of a multi-typed atom that the value has, when it has one. */
export function deduceAtom(atom: Atom, value: unknown): Atom {
  if (value === undefined || value === null) return atom;
  if (Array.isArray(value)) return atom.list ? { list: atom.list } : atom;
  if (typeof value === 'object') return atom.map ? { map: atom.map } : atom;
  return atom.scalar ? { scalar: atom.scalar } : atom;
}

export function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
