// Request bodies in application/vnd.kubernetes.protobuf (kubectl ≥1.32 sends them for typed
// calls): the "k8s\0" magic, a runtime.Unknown envelope {typeMeta, raw, contentEncoding,
// contentType}, and `raw` holding the object's message per its group/version's generated.proto.
// The result is the JSON object the server works on; failures are BadRequest with the texts of
// the protobuf serializer (k8s.io/apimachinery runtime/serializer/protobuf) and, given the
// endpoint's kind, wrapped as the apiserver's transformDecodeError wraps them.
import type { KubeObject } from '../../api/object.ts';
import { builtinTypes, type TypeIndex } from '../../api/types.ts';
import { badRequest } from '../status.ts';
import { messageToJson, type JsonObject } from './to-json.ts';
import { readMessage, type Fields } from './message.ts';
import { ProtoError, WireReader } from './wire.ts';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

const MAGIC = Buffer.from('k8s\0', 'latin1');
const UNKNOWN = 'io.k8s.apimachinery.pkg.runtime.Unknown';
/** The scheme kube-apiserver decodes built-in kinds with, as its errors name it. */
const SCHEME = 'pkg/api/legacyscheme/scheme.go:30';

/** The kind an endpoint expects; it defaults a missing kind or apiVersion, as upstream does. */
export interface DecodeTarget {
  group: string;
  version: string;
  kind: string;
}

/** True for a Content-Type naming the Kubernetes protobuf encoding (parameters ignored). */
export function isProtobufContentType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === PROTOBUF_MEDIA_TYPE;
}

/**
 * Decodes a protobuf request body to its JSON object, kind and apiVersion set from the envelope.
 * Throws a BadRequest ApiError for malformed bodies and kinds the type table does not know.
 */
export function decodeProtobufObject(body: Buffer, into?: DecodeTarget, types: TypeIndex = builtinTypes()): KubeObject {
  let actual: DecodeTarget | undefined;
  try {
    const unknown = readEnvelope(body, types);
    const typeMeta = (unknown.get(1) as Fields | undefined) ?? new Map();
    const apiVersion = (typeMeta.get(1) as string | undefined) ?? '';
    const kind = (typeMeta.get(2) as string | undefined) ?? '';
    actual = { ...parseApiVersion(apiVersion), kind };
    if (into) defaultKind(actual, into);
    const typeMetaText = `runtime.TypeMeta{APIVersion:${JSON.stringify(apiVersion)}, Kind:${JSON.stringify(kind)}}`;
    if (!actual.kind) throw new ProtoError(`Object 'Kind' is missing in '${typeMetaText}'`);
    if (!actual.version) throw new ProtoError(`Object 'apiVersion' is missing in '${typeMetaText}'`);
    const typeName = types.typeNameForKind(actual.group, actual.version, actual.kind);
    if (!typeName) {
      const gv = actual.group ? `${actual.group}/${actual.version}` : actual.version;
      throw new ProtoError(`no kind ${JSON.stringify(actual.kind)} is registered for version ${JSON.stringify(gv)} in scheme ${JSON.stringify(SCHEME)}`);
    }
    const raw = (unknown.get(2) as Buffer | undefined) ?? Buffer.alloc(0);
    const fields = readMessage(types, typeName, new WireReader(raw));
    // As on the JSON path every object carries metadata: gogo always sends ObjectMeta, so it is
    // missing only from hand-made bodies, or from kinds without one (DeleteOptions, PodExecOptions).
    const metadata = types.fieldOf(typeName, 'metadata')?.proto;
    if (metadata !== undefined && !fields.has(metadata)) fields.set(metadata, new Map());
    const obj: JsonObject = { kind: actual.kind, apiVersion: actual.group ? `${actual.group}/${actual.version}` : actual.version };
    messageToJson(types, typeName, fields, obj);
    obj.metadata ??= {};
    return obj as KubeObject;
  } catch (e) {
    if (!(e instanceof ProtoError)) throw e;
    throw badRequest(into ? wrapped(e.message, actual, into, body) : e.message);
  }
}

function readEnvelope(body: Buffer, types: TypeIndex): Fields {
  if (body.length === 0) throw new ProtoError('empty data');
  if (body.length < MAGIC.length || !body.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new ProtoError(`provided data does not appear to be a protobuf message, expected prefix [${[...MAGIC].join(' ')}]`);
  }
  if (body.length === MAGIC.length) throw new ProtoError('empty body');
  return readMessage(types, UNKNOWN, new WireReader(body, MAGIC.length));
}

/** schema.ParseGroupVersion; an unparsable apiVersion counts as none (FromAPIVersionAndKind). */
function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const parts = apiVersion.split('/');
  if (apiVersion === '' || parts.length > 2) return { group: '', version: '' };
  return parts.length === 1 ? { group: '', version: apiVersion } : { group: parts[0]!, version: parts[1]! };
}

/** copyKindDefaults: the endpoint's kind and group/version fill what the envelope left empty. */
function defaultKind(actual: DecodeTarget, into: DecodeTarget): void {
  if (!actual.kind) actual.kind = into.kind;
  if (!actual.version && into.version) {
    actual.group = into.group;
    actual.version = into.version;
  }
}

/** transformDecodeError (endpoints/handlers/rest.go). */
function wrapped(message: string, actual: DecodeTarget | undefined, into: DecodeTarget, body: Buffer): string {
  if (actual?.kind) return `${actual.kind} in version ${JSON.stringify(actual.version)} cannot be handled as a ${into.kind}: ${message}`;
  return `the object provided is unrecognized (must be of type ${into.kind}): ${message} (${summarize(body)})`;
}

/** summarizeData(body, 30): JSON-looking text as is, anything else in hex. */
function summarize(body: Buffer, max = 30): string {
  if (body.length === 0) return '<empty>';
  const head = body.subarray(0, max);
  const text = body[0] === 0x7b ? head.toString('utf8') : head.toString('hex');
  return body.length > max ? `${text} ...` : text;
}
