// Which fields a write changed, walked along the type table's list and map semantics the way
// structured-merge-diff compares typed values: changed leaves, plus every node of a subtree that
// did not exist before; removed subtrees separately.
import { isDeepStrictEqual } from 'node:util';
import type { FieldSchema, TypeIndex } from '../../api/types.ts';
import { pathKey, type PathElement } from './path-set.ts';

/** How a value is shaped: a field's facts, or the element of a list or map. */
export interface ValueShape {
  type?: string;
  repeated?: boolean;
  map?: boolean;
  listType?: FieldSchema['listType'];
  listMapKeys?: string[];
  patchMergeKey?: string;
  mapType?: FieldSchema['mapType'];
}

export interface Changes {
  /** Added or modified paths (every node of an added subtree). */
  changed: Set<string>;
  /** Paths that no longer exist. */
  removed: Set<string>;
}

const SCALARS = new Set(['string', 'int32', 'int64', 'boolean', 'double', 'bytes']);

type Kind = 'leaf' | 'struct' | 'map' | 'associative' | 'set' | 'deduced';

export class Comparer {
  constructor(private readonly types: TypeIndex | undefined) {}

  private kindOf(shape: ValueShape): Kind {
    if (shape.repeated) {
      if (shape.listType === 'map' || (!shape.listType && shape.patchMergeKey)) return 'associative';
      if (shape.listType === 'set') return 'set';
      return 'leaf';
    }
    if (shape.map) return shape.mapType === 'atomic' ? 'leaf' : 'map';
    if (!shape.type) return 'deduced';
    if (SCALARS.has(shape.type)) return 'leaf';
    const t = this.types?.type(shape.type);
    if (!t) return 'deduced';
    if (t.special || t.mapType === 'atomic') return 'leaf';
    return 'struct';
  }

  private childShape(shape: ValueShape, kind: Kind, key: string): ValueShape {
    if (kind === 'map') return { type: shape.type };
    if (kind === 'struct' && this.types && shape.type) {
      const f = this.types.fieldOf(shape.type, key);
      return f ? { ...f } : {};
    }
    return {};
  }

  private elementShape(shape: ValueShape): ValueShape {
    return { type: shape.type };
  }

  private itemElement(shape: ValueShape, item: unknown, index: number): PathElement {
    if (this.kindOf(shape) === 'set') return `v:${JSON.stringify(item)}`;
    const keys = shape.listMapKeys ?? (shape.patchMergeKey ? [shape.patchMergeKey] : []);
    if (item && typeof item === 'object' && keys.length && keys.every((k) => (item as Record<string, unknown>)[k] !== undefined)) {
      const sorted: Record<string, unknown> = {};
      for (const k of [...keys].sort()) sorted[k] = (item as Record<string, unknown>)[k];
      return `k:${JSON.stringify(sorted)}`;
    }
    return `i:${index}`;
  }

  compare(shape: ValueShape, oldValue: unknown, newValue: unknown, path: PathElement[] = [], out: Changes = { changed: new Set(), removed: new Set() }): Changes {
    this.walk(shape, oldValue, newValue, path, out);
    return out;
  }

  private walk(shape: ValueShape, oldV: unknown, newV: unknown, path: PathElement[], out: Changes): void {
    if (newV === undefined) {
      if (oldV !== undefined && path.length) out.removed.add(pathKey(path));
      return;
    }
    if (oldV === undefined) {
      this.addAll(shape, newV, path, out);
      return;
    }
    const kind = this.kindOf(shape);
    // A null list or struct (Go's nil in a non-omitempty field) existed before but had no members.
    if (oldV === null && kind !== 'leaf' && isContainer(kind, newV)) oldV = kind === 'associative' || kind === 'set' ? [] : {};
    if (kind === 'leaf' || !isContainer(kind, oldV) || !isContainer(kind, newV)) {
      if (!isDeepStrictEqual(oldV, newV) && path.length) out.changed.add(pathKey(path));
      return;
    }
    if (kind === 'associative' || kind === 'set') {
      const element = this.elementShape(shape);
      const before = new Map((oldV as unknown[]).map((item, i) => [this.itemElement(shape, item, i), item]));
      const after = new Map((newV as unknown[]).map((item, i) => [this.itemElement(shape, item, i), item]));
      for (const [el, item] of after) this.walk(element, before.get(el), item, [...path, el], out);
      for (const el of before.keys()) if (!after.has(el)) out.removed.add(pathKey([...path, el]));
      return;
    }
    const o = oldV as Record<string, unknown>;
    const n = newV as Record<string, unknown>;
    for (const key of new Set([...Object.keys(o), ...Object.keys(n)])) {
      this.walk(this.childShape(shape, kind, key), o[key], n[key], [...path, `f:${key}`], out);
    }
  }

  /** A subtree that did not exist: every node in it is new. */
  private addAll(shape: ValueShape, value: unknown, path: PathElement[], out: Changes): void {
    if (path.length) out.changed.add(pathKey(path));
    const kind = this.kindOf(shape);
    if (kind === 'leaf' || !isContainer(kind, value)) return;
    if (kind === 'associative' || kind === 'set') {
      if (kind === 'set') {
        for (const item of value as unknown[]) out.changed.add(pathKey([...path, `v:${JSON.stringify(item)}`]));
        return;
      }
      const element = this.elementShape(shape);
      (value as unknown[]).forEach((item, i) => this.addAll(element, item, [...path, this.itemElement(shape, item, i)], out));
      return;
    }
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) this.addAll(this.childShape(shape, kind, key), v, [...path, `f:${key}`], out);
  }
}

function isContainer(kind: Kind, v: unknown): boolean {
  if (kind === 'associative' || kind === 'set') return Array.isArray(v);
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The Go zero value of a type as JSON: what a freshly created object is compared against, so that
 * non-pointer structs (default {}) and required fields count as existing before the first write.
 */
export function zeroValue(types: TypeIndex | undefined, typeName: string, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!types || depth > 8) return out;
  for (const f of types.jsonFields(typeName)) {
    if (f.repeated || f.map) {
      if (f.required) out[f.name] = null;
      continue;
    }
    const t = types.type(f.type);
    const isStruct = !!t && !t.special && !SCALARS.has(f.type);
    if (isStruct && f.default !== undefined && typeof f.default === 'object') out[f.name] = zeroValue(types, f.type, depth + 1);
    else if (f.required && isStruct) out[f.name] = null;
  }
  return out;
}
