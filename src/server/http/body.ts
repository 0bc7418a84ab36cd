// Reading request bodies: a size limit (kube-apiserver's 3 MiB MaxRequestBodyBytes) and decoding of
// JSON and YAML objects, with upstream-like messages for bodies that are not objects.
import type { IncomingMessage } from 'node:http';
import { parseDocument } from 'yaml';
import type { KubeObject } from '../../api/object.ts';
import { badRequest, requestEntityTooLarge, unsupportedMediaType } from '../status.ts';
import { bodyMediaType, READABLE_MEDIA_TYPES } from './negotiate.ts';
import { duplicateKeyPaths } from './duplicate-keys.ts';

export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = MAX_REQUEST_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw requestEntityTooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      throw requestEntityTooLarge(limit);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Decoders for non-JSON object bodies (protobuf for built-in kinds comes from the registry). */
export type ProtobufDecoder = (body: Buffer) => KubeObject;

export function decodeObjectBody(body: Buffer, contentType: string | undefined, protobuf?: ProtobufDecoder): KubeObject {
  const media = bodyMediaType(contentType) || 'application/json';
  let value: unknown;
  if (media === 'application/json') value = parseJson(body);
  else if (media === 'application/yaml') value = parseYaml(body);
  else if (media === 'application/vnd.kubernetes.protobuf' && protobuf) return protobuf(body);
  else throw unsupportedMediaType(READABLE_MEDIA_TYPES);
  return asObject(value);
}

export function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '') throw badRequest('Object \'Kind\' is missing in \'\'');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`json: ${(e as Error).message}`);
  }
}

function parseYaml(body: Buffer): unknown {
  const doc = parseDocument(body.toString('utf8'), { version: '1.1', uniqueKeys: false });
  if (doc.errors.length) throw badRequest(`error converting YAML to JSON: ${doc.errors[0]!.message}`);
  return doc.toJS({ maxAliasCount: 100 });
}

function asObject(value: unknown): KubeObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(value)}'`);
  }
  const obj = value as KubeObject;
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  else if (typeof obj.metadata !== 'object' || Array.isArray(obj.metadata))
    throw badRequest(`json: cannot unmarshal ${typeof obj.metadata} into Go struct field .metadata of type v1.ObjectMeta`);
  return obj;
}

/**
 * The request's object, whatever its encoding: JSON, YAML, or (kubectl 1.32+ typed calls) protobuf,
 * whose decoder loads only when a protobuf body arrives.
 */
export async function readObject(req: IncomingMessage, into: { group: string; version: string; kind: string }): Promise<KubeObject> {
  return (await readObjectChecked(req, into)).object;
}

/** readObject, plus the keys a JSON body repeats (strict field validation reports them). */
export async function readObjectChecked(
  req: IncomingMessage,
  into: { group: string; version: string; kind: string },
): Promise<{ object: KubeObject; duplicateFields: string[] }> {
  const body = await readBody(req);
  const contentType = req.headers['content-type'];
  const media = bodyMediaType(contentType);
  if (media === 'application/vnd.kubernetes.protobuf') {
    const { decodeProtobufObject } = await import('../protobuf/decode.ts');
    return { object: decodeObjectBody(body, contentType, (b) => decodeProtobufObject(b, into)), duplicateFields: [] };
  }
  const object = decodeObjectBody(body, contentType);
  let duplicateFields: string[] = [];
  if (media === 'application/json' || media === '') {
    try {
      duplicateFields = duplicateKeyPaths(body.toString('utf8'));
    } catch {
      // Nesting too deep to scan: the object itself decoded fine.
    }
  }
  return { object, duplicateFields };
}

/** Objects posted to an endpoint must be of its kind (or carry no kind at all). */
export function checkKind(obj: KubeObject, apiVersion: string, kind: string): void {
  if (obj.apiVersion !== undefined && obj.apiVersion !== apiVersion) {
    throw badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${apiVersion})`);
  }
  if (obj.kind !== undefined && obj.kind !== kind) {
    throw badRequest(`the kind in the data (${String(obj.kind)}) does not match the expected kind (${kind})`);
  }
}
