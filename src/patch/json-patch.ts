// JSON patch (RFC 6902, application/json-patch+json) with the behaviour and error texts of
// evanphx/json-patch v4.12, which kube-apiserver and `kubectl patch --local` use. Its quirks are
// kept: negative array indices count from the end, "replace" of a missing object member adds it,
// "copy" from a missing member copies null, a test of a missing member against null passes, and a
// path without a leading "/" addresses its last segment from the root.
import { type Json, type JsonObject, clone, get as member, has, isObject, put } from './go-value.ts';
import { PatchError } from './errors.ts';

export const MAX_JSON_PATCH_OPERATIONS = 10000;
/** kube-apiserver's limit on bytes added by "copy" operations (JSONPatchMaxCopyBytes, 3 MiB). */
export const SERVER_MAX_COPY_BYTES = 3 * 1024 * 1024;

export type JsonPatchOperation = JsonObject;

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

/** Go's encoding/json name of a JSON value's type in "cannot unmarshal X into ..." errors. */
export function jsonTypeName(v: Json): string {
  if (Array.isArray(v)) return 'array';
  if (isObject(v)) return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

/**
 * The operations of a parsed patch body (jsonpatch.DecodePatch): an array of objects; null is an
 * empty patch. Throws BadRequest with Go's decoding message otherwise.
 */
export function decodeJsonPatch(body: Json): JsonPatchOperation[] {
  if (body === null) return [];
  if (!Array.isArray(body)) throw new PatchError(`json: cannot unmarshal ${jsonTypeName(body)} into Go value of type jsonpatch.Patch`, 'BadRequest');
  const bad = body.find((op) => op !== null && !isObject(op));
  if (bad !== undefined) throw new PatchError(`json: cannot unmarshal ${jsonTypeName(bad)} into Go value of type jsonpatch.Operation`, 'BadRequest');
  return body.map((op) => (op ?? {}) as JsonObject);
}

export interface JsonPatchOptions {
  /** Limit on the bytes "copy" operations may add (0: none, as in kubectl; the server uses SERVER_MAX_COPY_BYTES). */
  maxCopyBytes?: number;
}

/** Applies the operations to a document and returns the result; the inputs are not modified. */
export function applyJsonPatch(doc: Json, operations: JsonPatchOperation[], options: JsonPatchOptions = {}): Json {
  const root = { doc: clone(doc) };
  let copied = 0;
  for (const op of operations) {
    const kind = stringField(op, 'op') ?? 'unknown';
    switch (kind) {
      case 'add':
        add(root, op);
        break;
      case 'remove':
        remove(root, op);
        break;
      case 'replace':
        replace(root, op);
        break;
      case 'move':
        move(root, op);
        break;
      case 'test':
        test(root, op);
        break;
      case 'copy':
        copied += copy(root, op, copied, options.maxCopyBytes ?? 0);
        break;
      default:
        throw new PatchError(`Unexpected kind: ${kind}`, 'Invalid');
    }
  }
  return root.doc;
}

const fail = (message: string) => new PatchError(message, 'Invalid');

/** A string member of the operation; undefined when absent, null or not a string. */
function stringField(op: JsonObject, name: string): string | undefined {
  const v = op[name];
  return typeof v === 'string' ? v : undefined;
}

/** Operation.Path()/From(): the error text when the member is absent, null or not a string. */
function pointerField(op: JsonObject, name: 'path' | 'from'): { value?: string; error?: string } {
  const v = op[name];
  if (v === undefined || v === null) {
    return { error: name === 'path' ? `operation missing path field: ${MISSING}` : `operation, missing from field: ${MISSING}` };
  }
  if (typeof v !== 'string') return { error: `json: cannot unmarshal ${jsonTypeName(v)} into Go value of type string` };
  return { value: v };
}

/** The operation's value: undefined when the member is absent (null when it is JSON null). */
const valueOf = (op: JsonObject): Json | undefined => op.value;

interface Root {
  doc: Json;
}

type Container = { object: JsonObject } | { array: Json[] };

function atoi(s: string): { n?: number; error?: string } {
  if (!/^[+-]?\d+$/.test(s)) return { error: `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax` };
  const n = Number(s);
  if (!Number.isSafeInteger(n)) return { error: `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range` };
  return { n };
}

const invalidIndex = (idx: number) => `Unable to access invalid index: ${idx}: ${INVALID_INDEX}`;

/** RFC 6901 unescaping: ~1 is "/", ~0 is "~", in one left-to-right pass. */
const decodeToken = (t: string) => t.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));

function containerOf(v: Json | undefined): Container | undefined {
  if (Array.isArray(v)) return { array: v };
  if (isObject(v)) return { object: v };
  return undefined;
}

/** The container holding the last token of `path`, and that token (upstream findObject). */
function findObject(root: Root, path: string): [Container, string] | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let c = containerOf(root.doc);
  for (const part of split.slice(1, -1)) {
    if (!c) return undefined;
    let next: Json | undefined;
    try {
      next = get(c, decodeToken(part));
    } catch {
      return undefined;
    }
    if (next === null || next === undefined) return undefined;
    c = containerOf(next);
  }
  return c && [c, decodeToken(split[split.length - 1]!)];
}

/** An item by index (negative from the end) or member; throws the error text for bad indices. */
function get(c: Container, key: string): Json | undefined {
  if ('object' in c) return member(c.object, key);
  return c.array[arrayIndex(c.array, key, c.array.length)];
}

function arrayIndex(array: Json[], key: string, size: number): number {
  const { n, error } = atoi(key);
  if (error) throw new Error(error);
  let idx = n!;
  if (idx < 0) {
    if (idx < -size) throw new Error(invalidIndex(idx));
    idx += size;
  }
  if (idx >= array.length) throw new Error(invalidIndex(n!));
  return idx;
}

function addTo(c: Container, key: string, value: Json): void {
  if ('object' in c) {
    put(c.object, key, value);
    return;
  }
  if (key === '-') {
    c.array.push(value);
    return;
  }
  const { n, error } = atoi(key);
  if (error) throw new Error(`value was not a proper array index: '${key}': ${error}`);
  const size = c.array.length + 1;
  let idx = n!;
  if (idx >= size) throw new Error(invalidIndex(idx));
  if (idx < 0) {
    if (idx < -size) throw new Error(invalidIndex(idx));
    idx += size;
  }
  c.array.splice(idx, 0, value);
}

function removeFrom(c: Container, key: string): void {
  if ('object' in c) {
    if (!has(c.object, key)) throw new Error(`Unable to remove nonexistent key: ${key}: ${MISSING}`);
    delete c.object[key];
    return;
  }
  const { n, error } = atoi(key);
  if (error) throw new Error(error);
  const len = c.array.length;
  let idx = n!;
  if (idx >= len) throw new Error(invalidIndex(idx));
  if (idx < 0) {
    if (idx < -len) throw new Error(invalidIndex(idx));
    idx += len;
  }
  c.array.splice(idx, 1);
}

function wrap(prefix: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    throw fail(`${prefix}: ${(e as Error).message}`);
  }
}

function add(root: Root, op: JsonObject): void {
  const { value: path } = pointerField(op, 'path');
  if (path === undefined) throw fail(`add operation failed to decode path: ${MISSING}`);
  const found = findObject(root, path);
  if (!found) throw fail(`add operation does not apply: doc is missing path: "${path}": ${MISSING}`);
  wrap(`error in add for path: '${path}'`, () => addTo(found[0], found[1], valueOf(op) ?? null));
}

function remove(root: Root, op: JsonObject): void {
  const { value: path } = pointerField(op, 'path');
  if (path === undefined) throw fail(`remove operation failed to decode path: ${MISSING}`);
  const found = findObject(root, path);
  if (!found) throw fail(`remove operation does not apply: doc is missing path: "${path}": ${MISSING}`);
  wrap(`error in remove for path: '${path}'`, () => removeFrom(found[0], found[1]));
}

function replace(root: Root, op: JsonObject): void {
  const { value: path, error } = pointerField(op, 'path');
  if (path === undefined) throw fail(`replace operation failed to decode path: ${error}`);
  const value = valueOf(op) ?? null;
  if (path === '') {
    // v4.12 (kube-apiserver and kubectl through 1.34) reports this through errors.Wrapf(nil, ...),
    // which is nil: a scalar value replaces nothing and the operation succeeds.
    if (Array.isArray(value) || isObject(value)) root.doc = value;
    return;
  }
  const found = findObject(root, path);
  if (!found) throw fail(`replace operation does not apply: doc is missing path: ${path}: ${MISSING}`);
  const [c, key] = found;
  try {
    get(c, key);
  } catch {
    throw fail(`replace operation does not apply: doc is missing key: ${path}: ${MISSING}`);
  }
  if ('object' in c) put(c.object, key, value);
  else c.array[arrayIndex(c.array, key, c.array.length)] = value;
}

function move(root: Root, op: JsonObject): void {
  const from = pointerField(op, 'from');
  if (from.value === undefined) throw fail(`move operation failed to decode from: ${from.error}`);
  const source = findObject(root, from.value);
  if (!source) throw fail(`move operation does not apply: doc is missing from path: ${from.value}: ${MISSING}`);
  const [c, key] = source;
  let value: Json | undefined;
  wrap(`error in move for path: '${key}'`, () => {
    value = get(c, key);
    removeFrom(c, key);
  });
  const path = pointerField(op, 'path');
  if (path.value === undefined) throw fail(`move operation failed to decode path: ${path.error}`);
  const target = findObject(root, path.value);
  if (!target) throw fail(`move operation does not apply: doc is missing destination path: ${path.value}: ${MISSING}`);
  wrap(`error in move for path: '${path.value}'`, () => addTo(target[0], target[1], value ?? null));
}

function test(root: Root, op: JsonObject): void {
  const { value: path, error } = pointerField(op, 'path');
  if (path === undefined) throw fail(`test operation failed to decode path: ${error}`);
  const expected = valueOf(op);
  const failed = () => fail(`testing value ${path} failed: test failed`);
  if (path === '') {
    if (expected === undefined || !jsonEqual(root.doc, expected)) throw failed();
    return;
  }
  const found = findObject(root, path);
  if (!found) throw fail(`test operation does not apply: is missing path: ${path}: ${MISSING}`);
  let actual: Json | undefined;
  wrap(`error in test for path: '${path}'`, () => {
    actual = get(found[0], found[1]);
  });
  // A missing member and null are one thing here, and match an absent or null value.
  if (actual === undefined || actual === null) {
    if (expected !== undefined && expected !== null) throw failed();
    return;
  }
  if (expected === undefined || !jsonEqual(actual, expected)) throw failed();
}

function copy(root: Root, op: JsonObject, copiedSoFar: number, limit: number): number {
  const from = pointerField(op, 'from');
  if (from.value === undefined) throw fail(`copy operation failed to decode from: ${from.error}`);
  const source = findObject(root, from.value);
  if (!source) throw fail(`copy operation does not apply: doc is missing from path: ${from.value}: ${MISSING}`);
  let value: Json | undefined;
  wrap(`error in copy for from: '${from.value}'`, () => {
    value = get(source[0], source[1]);
  });
  const path = pointerField(op, 'path');
  if (path.value === undefined) throw fail(`copy operation failed to decode path: ${MISSING}`);
  const target = findObject(root, path.value);
  if (!target) throw fail(`copy operation does not apply: doc is missing destination path: ${path.value}: ${MISSING}`);
  const size = value === undefined ? 0 : marshalledSize(value);
  if (limit > 0 && copiedSoFar + size > limit) {
    throw fail(`Unable to complete the copy, the accumulated size increase of copy is ${copiedSoFar + size}, exceeding the limit ${limit}`);
  }
  wrap('error while adding value during copy', () => addTo(target[0], target[1], value === undefined ? null : clone(value)));
  return size;
}

/** Bytes of Go's compact json.Marshal of a value (HTML characters escaped as \u00XX). */
function marshalledSize(v: Json): number {
  const s = JSON.stringify(v);
  return Buffer.byteLength(s, 'utf8') + 5 * (s.match(/[<>&]/g)?.length ?? 0) + 4 * (s.match(/[\u2028\u2029]/g)?.length ?? 0);
}

/** Structural equality of JSON values (numbers by value). */
function jsonEqual(a: Json, b: Json): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]!));
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => has(b, k) && jsonEqual(a[k]!, b[k]!));
  }
  return a === b;
}
