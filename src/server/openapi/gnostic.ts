// Swagger 2.0 JSON → gnostic openapi_v2.Document protobuf, the body kube-openapi's handler serves
// for `Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf` (kubectl 1.27/1.28).
// Two steps: reshape the JSON into the messages' field names as gnostic's compiler does (oneof
// wrappers, Named* lists, vendor extensions as NamedAny with YAML text), then encode generically
// with the field numbers of src/api/generated/gnostic.json.
import { stringify as toYaml } from 'yaml';
import GNOSTIC from '../../api/generated/gnostic.json' with { type: 'json' };

type FieldDef = [number, string] | [number, string, 1];
type Table = Record<string, Record<string, FieldDef>>;
type Json = Record<string, any>;
/** A message value keyed by proto field name. */
type Msg = Record<string, unknown>;

const TABLE = GNOSTIC as unknown as Table;

export function encodeOpenApiV2(doc: Json): Uint8Array {
  const w = new Writer();
  writeMessage(w, 'Document', shapes().document(doc));
  return w.finish();
}

/** JSON → message shapes (gnostic compiler semantics), with one YAML cache per document. */
function shapes() {
  // The same few extension values (GVKs, "merge", {}) recur thousands of times; YAML once each.
  const yamlCache = new Map<string, string>();

  const ext = (o: Json): Msg[] | undefined => {
    const out = Object.entries(o)
      .filter(([k]) => k.startsWith('x-'))
      .map(([name, v]) => ({ name, value: any(v) }));
    return out.length ? out : undefined;
  };
  const any = (v: unknown): Msg => {
    const key = JSON.stringify(v);
    let yaml = yamlCache.get(key);
    if (yaml === undefined) yamlCache.set(key, (yaml = toYaml(v)));
    return { yaml };
  };
  const named = <T>(o: Json | undefined, f: (v: any) => T) => (o ? Object.entries(o).map(([name, v]) => ({ name, value: f(v) })) : undefined);

  function document(d: Json): Msg {
    return {
      swagger: d.swagger,
      info: d.info && { title: d.info.title, version: d.info.version, description: d.info.description },
      host: d.host,
      base_path: d.basePath,
      schemes: d.schemes,
      consumes: d.consumes,
      produces: d.produces,
      paths: d.paths && { vendor_extension: ext(d.paths), path: named(d.paths, pathItem) },
      definitions: d.definitions && { additional_properties: named(d.definitions, schema) },
      parameters: d.parameters && { additional_properties: named(d.parameters, parameter) },
      responses: d.responses && { additional_properties: named(d.responses, response) },
      security: d.security?.map((req: Json) => ({ additional_properties: named(req, (scopes: string[]) => ({ value: scopes })) })),
      security_definitions: d.securityDefinitions && { additional_properties: named(d.securityDefinitions, securityDefinition) },
      vendor_extension: ext(d),
    };
  }

  function securityDefinition(s: Json): Msg {
    const body = { type: s.type, name: s.name, in: s.in, description: s.description, vendor_extension: ext(s) };
    if (s.type === 'apiKey') return { api_key_security: body };
    if (s.type === 'basic') return { basic_authentication_security: body };
    throw new Error(`unsupported security definition ${s.type}`);
  }

  function pathItem(p: Json): Msg {
    const out: Msg = { _ref: p.$ref, parameters: p.parameters?.map(parametersItem), vendor_extension: ext(p) };
    for (const m of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch']) if (p[m]) out[m] = operation(p[m]);
    return out;
  }

  function operation(o: Json): Msg {
    return {
      tags: o.tags,
      summary: o.summary,
      description: o.description,
      operation_id: o.operationId,
      produces: o.produces,
      consumes: o.consumes,
      parameters: o.parameters?.map(parametersItem),
      responses: o.responses && { response_code: named(stripExt(o.responses), (r: Json) => ({ response: response(r) })), vendor_extension: ext(o.responses) },
      schemes: o.schemes,
      deprecated: o.deprecated,
      vendor_extension: ext(o),
    };
  }

  const stripExt = (o: Json) => Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith('x-')));

  function parametersItem(p: Json): Msg {
    return p.$ref ? { json_reference: { _ref: p.$ref } } : { parameter: parameter(p) };
  }

  const SUB_SCHEMAS: Record<string, string> = {
    query: 'query_parameter_sub_schema',
    path: 'path_parameter_sub_schema',
    header: 'header_parameter_sub_schema',
    formData: 'form_data_parameter_sub_schema',
  };

  function parameter(p: Json): Msg {
    if (p.in === 'body') {
      return { body_parameter: { description: p.description, name: p.name, in: p.in, required: p.required, schema: p.schema && schema(p.schema), vendor_extension: ext(p) } };
    }
    const sub = SUB_SCHEMAS[p.in];
    if (!sub) throw new Error(`unsupported parameter location ${p.in}`);
    return {
      non_body_parameter: {
        [sub]: {
          required: p.required, in: p.in, description: p.description, name: p.name, type: p.type, format: p.format,
          collection_format: p.collectionFormat, default: p.default === undefined ? undefined : any(p.default),
          unique_items: p.uniqueItems, enum: p.enum?.map(any), vendor_extension: ext(p),
        },
      },
    };
  }

  function response(r: Json): Msg {
    return { description: r.description, schema: r.schema && { schema: schema(r.schema) }, vendor_extension: ext(r) };
  }

  function schema(s: Json): Msg {
    const ap = s.additionalProperties;
    return {
      _ref: s.$ref,
      format: s.format,
      title: s.title,
      description: s.description,
      default: s.default === undefined ? undefined : any(s.default),
      maximum: s.maximum,
      exclusive_maximum: s.exclusiveMaximum,
      minimum: s.minimum,
      exclusive_minimum: s.exclusiveMinimum,
      max_length: s.maxLength,
      min_length: s.minLength,
      pattern: s.pattern,
      max_items: s.maxItems,
      min_items: s.minItems,
      unique_items: s.uniqueItems,
      max_properties: s.maxProperties,
      min_properties: s.minProperties,
      required: s.required,
      enum: s.enum?.map(any),
      additional_properties: ap === undefined ? undefined : typeof ap === 'boolean' ? { boolean: ap } : { schema: schema(ap) },
      type: s.type === undefined ? undefined : { value: Array.isArray(s.type) ? s.type : [s.type] },
      items: s.items === undefined ? undefined : { schema: (Array.isArray(s.items) ? s.items : [s.items]).map(schema) },
      all_of: s.allOf?.map(schema),
      properties: s.properties && { additional_properties: named(s.properties, schema) },
      discriminator: s.discriminator,
      read_only: s.readOnly,
      vendor_extension: ext(s),
    };
  }

  return { document };
}

// ---- generic protobuf encoding over the field-number table ----

// Each message's fields in field-number order, as Go's proto.Marshal writes them.
const ORDERED = new Map(
  Object.entries(TABLE).map(([type, fields]) => [type, Object.entries(fields).sort(([, a], [, b]) => a[0] - b[0])] as const),
);

function writeMessage(w: Writer, type: string, msg: Msg): void {
  const defs = ORDERED.get(type);
  if (!defs) throw new Error(`unknown gnostic message ${type}`);
  for (const [name, [number, ftype, repeated]] of defs) {
    const value = msg[name];
    if (value === undefined || value === null) continue;
    for (const v of repeated ? (value as unknown[]) : [value]) writeField(w, number, ftype, v, Boolean(repeated));
  }
}

function writeField(w: Writer, number: number, type: string, v: unknown, repeated: boolean): void {
  switch (type) {
    case 'string':
      if (v === '' && !repeated) return; // proto3: default values are not encoded
      w.tag(number, 2);
      w.string(String(v));
      return;
    case 'bool':
      if (!v && !repeated) return;
      w.tag(number, 0);
      w.varint(v ? 1 : 0);
      return;
    case 'int64':
      if (!v && !repeated) return;
      w.tag(number, 0);
      w.varint(BigInt.asUintN(64, BigInt(v as number)));
      return;
    case 'double':
      if (!v && !repeated) return;
      w.tag(number, 1);
      w.double(v as number);
      return;
    default: {
      w.tag(number, 2);
      const start = w.begin();
      writeMessage(w, type, v as Msg);
      w.end(start);
    }
  }
}

/** One growable buffer; a nested message is written in place and its length prefix inserted after. */
class Writer {
  #buf = new Uint8Array(1 << 16);
  #pos = 0;
  readonly #encoder = new TextEncoder();

  #reserve(n: number): void {
    if (this.#pos + n <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < this.#pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.#buf.subarray(0, this.#pos));
    this.#buf = next;
  }

  tag(number: number, wire: number): void {
    this.varint((number << 3) | wire);
  }

  varint(v: number | bigint): void {
    this.#reserve(10);
    if (typeof v === 'number' && v >= 0 && v < 2 ** 31) {
      while (v > 0x7f) {
        this.#buf[this.#pos++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      this.#buf[this.#pos++] = v;
      return;
    }
    let b = BigInt(v);
    while (b > 0x7fn) {
      this.#buf[this.#pos++] = Number(b & 0x7fn) | 0x80;
      b >>= 7n;
    }
    this.#buf[this.#pos++] = Number(b);
  }

  string(s: string): void {
    this.#reserve(s.length * 3 + 10); // UTF-8 needs at most 3 bytes per UTF-16 unit
    const start = this.begin();
    this.#pos += this.#encoder.encodeInto(s, this.#buf.subarray(this.#pos)).written;
    this.end(start);
  }

  double(v: number): void {
    this.#reserve(8);
    new DataView(this.#buf.buffer).setFloat64(this.#pos, v, true);
    this.#pos += 8;
  }

  begin(): number {
    return this.#pos;
  }

  /** Prefix the bytes written since `start` with their length. */
  end(start: number): void {
    const len = this.#pos - start;
    let n = 1;
    for (let v = len; v > 0x7f; v >>>= 7) n++;
    this.#reserve(n);
    this.#buf.copyWithin(start + n, start, this.#pos);
    let v = len;
    let p = start;
    while (v > 0x7f) {
      this.#buf[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.#buf[p] = v;
    this.#pos += n;
  }

  finish(): Uint8Array {
    return this.#buf.slice(0, this.#pos);
  }
}
