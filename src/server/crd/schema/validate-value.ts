// Validation of a JSON value against a CRD schema the way kube-openapi's validate.SchemaValidator
// does it (type, allOf/anyOf/oneOf/not, string, format, number, array, enum, object checks in that
// order, with its "<path> in body ..." texts), then turned into field errors as
// apiextensions-apiserver's kubeOpenAPIResultToFieldErrors does.
import { isDeepStrictEqual } from 'node:util';
import type { FieldError } from '../../status.ts';
import { formatCheck } from './formats.ts';
import { INT_OR_STRING, additionalPropertiesOf, isPlainObject, itemsOf, type JSONSchemaProps } from './types.ts';

type Code =
  | 'type'
  | 'required'
  | 'tooLong'
  | 'tooShort'
  | 'pattern'
  | 'enum'
  | 'multipleOf'
  | 'max'
  | 'min'
  | 'unique'
  | 'maxItems'
  | 'minItems'
  | 'tooFewProperties'
  | 'tooManyProperties'
  | 'unallowedProperty';

export interface SchemaError {
  /** undefined: a composite error (anyOf/oneOf/allOf/not) that names no field. */
  code?: Code;
  /** kube-openapi's dotted name of the value ("spec.replicas", ".spec" for a root required field). */
  name: string;
  value?: unknown;
  /** The limit of maxLength / maxItems / maxProperties. */
  valid?: number;
  /** Allowed values of an enum. */
  values?: unknown[];
  message: string;
  /** Where in the object the check looked (keys and indexes), for validation ratcheting. */
  node: (string | number)[];
}

const IN = 'body';

type ValueKind = 'null' | 'boolean' | 'string' | 'integer' | 'number' | 'array' | 'object';

function kindOf(v: unknown): ValueKind {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** The type list as kube-openapi sees it: int-or-string becomes ["integer","string"]. */
function typesOf(s: JSONSchemaProps): string[] {
  if (s[INT_OR_STRING]) return ['integer', 'string'];
  return s.type ? [s.type] : [];
}

/** StripUnsupportedFormatsPostProcessor: only formats the server knows survive. */
function effectiveFormat(s: JSONSchemaProps): string {
  const f = s.format;
  if (!f) return '';
  const types = typesOf(s);
  const t = types.length === 1 ? types[0] : '';
  if (t === '' || t === 'string') return formatCheck(f) ? f : '';
  if (t === 'integer') return f === 'int32' || f === 'int64' ? f : '';
  if (t === 'number') return f === 'float' || f === 'double' ? f : '';
  return '';
}

/** Go's %q for the strings these messages quote. */
const quote = (s: string) => JSON.stringify(s);

/** Go's %v of a float64 limit; integer data compares against int64(limit). */
function goNumber(n: number, asInt: boolean): string {
  if (asInt) return String(Math.trunc(n));
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

function invalidType(name: string, node: SchemaError['node'], typeName: string, value: string): SchemaError {
  return { code: 'type', name, value, node, message: `${name} in ${IN} must be of type ${typeName}: ${quote(value)}` };
}

function compileGoRegexp(pattern: string): RegExp | undefined {
  let flags = 'u';
  let source = pattern;
  // RE2's leading (?i) / (?s) / (?m) become JavaScript flags.
  const m = /^\(\?([imsU]+)\)/.exec(source);
  if (m) {
    for (const f of m[1]!) if (f !== 'U' && !flags.includes(f)) flags += f;
    source = source.slice(m[0].length);
  }
  try {
    return new RegExp(source, flags);
  } catch {
    try {
      return new RegExp(source, flags.replace('u', ''));
    } catch {
      return undefined;
    }
  }
}

class Validator {
  validate(s: JSONSchemaProps, data: unknown, name: string, node: SchemaError['node']): SchemaError[] {
    const errs: SchemaError[] = [];
    const types = typesOf(s);
    const kind = kindOf(data);
    if (kind === 'null') {
      if (types.length > 0 && !types.includes('null') && !s.nullable) errs.push(invalidType(name, node, types.join(','), 'null'));
      this.checkEnum(s, data, name, node, errs);
      return errs;
    }
    this.checkType(s, types, kind, name, node, errs);
    this.checkCombinators(s, data, name, node, errs);
    if (kind === 'string') {
      this.checkString(s, data as string, name, node, errs);
      this.checkFormat(s, data as string, name, node, errs);
    }
    if (kind === 'integer' || kind === 'number') this.checkNumber(s, data as number, kind === 'integer', name, node, errs);
    if (kind === 'array') this.checkArray(s, data as unknown[], name, node, errs);
    this.checkEnum(s, data, name, node, errs);
    if (kind === 'object') this.checkObject(s, data as Record<string, unknown>, name, node, errs);
    return errs;
  }

  private checkType(s: JSONSchemaProps, types: string[], kind: ValueKind, name: string, node: SchemaError['node'], errs: SchemaError[]): void {
    const format = effectiveFormat(s);
    if (types.length === 0 && !format) return;
    const dataFormat = kind === 'integer' ? 'int64' : kind === 'number' ? 'float64' : '';
    const intAsNumber = kind === 'integer' && types.includes('number');
    if (kind !== 'string' && kind !== 'array' && format && !(types.includes(kind) || format === dataFormat || intAsNumber)) {
      errs.push(invalidType(name, node, format, dataFormat));
      return;
    }
    // A formatted string field only checks its format (kube-openapi typeValidator).
    if (!(types.includes('number') || types.includes('integer')) && format && (kind === 'string' || kind === 'array')) return;
    if (!(types.includes(kind) || intAsNumber)) errs.push(invalidType(name, node, types.join(','), kind));
  }

  private checkCombinators(s: JSONSchemaProps, data: unknown, name: string, node: SchemaError['node'], errs: SchemaError[]): void {
    const composite = (message: string): SchemaError => ({ name, message, node });
    if (s.anyOf?.length) {
      let best: SchemaError[] | undefined;
      let ok = false;
      for (const alt of s.anyOf) {
        const r = this.validate(alt, data, name, node);
        if (r.length === 0) {
          ok = true;
          best = undefined;
          break;
        }
        if (!best || r.length < best.length) best = r;
      }
      if (!ok) errs.push(composite(`${quote(name)} must validate at least one schema (anyOf)`));
      if (best) errs.push(...best);
    }
    if (s.oneOf?.length) {
      let best: SchemaError[] | undefined;
      let valid = 0;
      for (const alt of s.oneOf) {
        const r = this.validate(alt, data, name, node);
        if (r.length === 0) {
          valid++;
          best = undefined;
        } else if (valid === 0 && (!best || r.length < best.length)) best = r;
      }
      if (valid !== 1) {
        errs.push(composite(`${quote(name)} must validate one and only one schema (oneOf). ${valid === 0 ? 'Found none valid' : `Found ${valid} valid alternatives`}`));
        if (best) errs.push(...best);
      }
    }
    if (s.allOf?.length) {
      let valid = 0;
      for (const alt of s.allOf) {
        const r = this.validate(alt, data, name, node);
        if (r.length === 0) valid++;
        errs.push(...r);
      }
      if (valid !== s.allOf.length) errs.push(composite(`${quote(name)} must validate all the schemas (allOf)${valid === 0 ? '. None validated' : ''}`));
    }
    if (s.not && this.validate(s.not, data, name, node).length === 0) errs.push(composite(`${quote(name)} must not validate the schema (not)`));
  }

  private checkString(s: JSONSchemaProps, data: string, name: string, node: SchemaError['node'], errs: SchemaError[]): void {
    const length = [...data].length;
    if (s.maxLength !== undefined && length > s.maxLength) {
      errs.push({ code: 'tooLong', name, value: data, valid: s.maxLength, node, message: `${name} in ${IN} should be at most ${s.maxLength} chars long` });
      return;
    }
    if (s.minLength !== undefined && length < s.minLength) {
      errs.push({ code: 'tooShort', name, value: data, node, message: `${name} in ${IN} should be at least ${s.minLength} chars long` });
      return;
    }
    if (s.pattern) {
      const re = compileGoRegexp(s.pattern);
      if (re && !re.test(data)) errs.push({ code: 'pattern', name, value: data, node, message: `${name} in ${IN} should match '${s.pattern}'` });
    }
  }

  private checkFormat(s: JSONSchemaProps, data: string, name: string, node: SchemaError['node'], errs: SchemaError[]): void {
    const format = effectiveFormat(s);
    const check = formatCheck(format);
    if (check && !check(data)) errs.push(invalidType(name, node, format, data));
  }

  private checkNumber(s: JSONSchemaProps, data: number, isInt: boolean, name: string, node: SchemaError['node'], errs: SchemaError[]): void {
    if (s.multipleOf !== undefined && s.multipleOf !== 0) {
      const q = data / s.multipleOf;
      if (Math.abs(q - Math.round(q)) > 1e-9)
        errs.push({ code: 'multipleOf', name, value: data, node, message: `${name} in ${IN} should be a multiple of ${goNumber(s.multipleOf, isInt && Number.isInteger(s.multipleOf))}` });
    }
    if (s.minimum !== undefined) {
      const min = isInt ? Math.trunc(s.minimum) : s.minimum;
      if (s.exclusiveMinimum ? data <= min : data < min)
        errs.push({ code: 'min', name, value: data, node, message: `${name} in ${IN} should be greater than ${s.exclusiveMinimum ? '' : 'or equal to '}${goNumber(s.minimum, isInt)}` });
    }
    if (s.maximum !== undefined) {
      const max = isInt ? Math.trunc(s.maximum) : s.maximum;
      if (s.exclusiveMaximum ? data >= max : data > max)
        errs.push({ code: 'max', name, value: data, node, message: `${name} in ${IN} should be less than ${s.exclusiveMaximum ? '' : 'or equal to '}${goNumber(s.maximum, isInt)}` });
    }
  }

  private checkArray(s: JSONSchemaProps, data: unknown[], name: string, node: SchemaError['node'], errs: SchemaError[]): void {
    const items = itemsOf(s);
    if (items) data.forEach((item, i) => errs.push(...this.validate(items, item, `${name}[${i}]`, [...node, i])));
    if (s.minItems !== undefined && data.length < s.minItems)
      errs.push({ code: 'minItems', name, value: data.length, node, message: `${name} in ${IN} should have at least ${s.minItems} items` });
    if (s.maxItems !== undefined && data.length > s.maxItems)
      errs.push({ code: 'maxItems', name, value: data.length, valid: s.maxItems, node, message: `${name} in ${IN} should have at most ${s.maxItems} items` });
    if (s.uniqueItems && data.some((v, i) => data.slice(0, i).some((u) => isDeepStrictEqual(u, v))))
      errs.push({ code: 'unique', name, node, message: `${name} in ${IN} shouldn't contain duplicates` });
  }

  private checkEnum(s: JSONSchemaProps, data: unknown, name: string, node: SchemaError['node'], errs: SchemaError[]): void {
    if (!s.enum?.length) return;
    if (data !== null && data !== undefined && s.enum.some((e) => isDeepStrictEqual(e, data))) return;
    errs.push({ code: 'enum', name, value: data ?? null, values: s.enum, node, message: `${name} in ${IN} should be one of ${JSON.stringify(s.enum)}` });
  }

  private checkObject(s: JSONSchemaProps, data: Record<string, unknown>, name: string, node: SchemaError['node'], errs: SchemaError[]): void {
    const keys = Object.keys(data);
    if (s.minProperties !== undefined && keys.length < s.minProperties)
      errs.push({ code: 'tooFewProperties', name, value: keys.length, node, message: `${name} in ${IN} should have at least ${s.minProperties} properties` });
    if (s.maxProperties !== undefined && keys.length > s.maxProperties)
      errs.push({ code: 'tooManyProperties', name, value: keys.length, valid: s.maxProperties, node, message: `${name} in ${IN} should have at most ${s.maxProperties} properties` });
    const properties = s.properties ?? {};
    if (s.additionalProperties === false) {
      for (const k of keys)
        if (!(k in properties)) errs.push({ code: 'unallowedProperty', name, value: k, node, message: `${name}.${k} in ${IN} is a forbidden property` });
    } else {
      const extra = additionalPropertiesOf(s);
      if (extra) for (const k of keys) if (!(k in properties)) errs.push(...this.validate(extra, data[k], `${name}.${k}`, [...node, k]));
    }
    for (const [k, ps] of Object.entries(properties)) {
      if (k in data) errs.push(...this.validate(ps, data[k], name ? `${name}.${k}` : k, [...node, k]));
    }
    for (const k of s.required ?? []) if (!(k in data)) errs.push({ code: 'required', name: `${name}.${k}`, node, message: `${name}.${k} in ${IN} is required` });
  }
}

/** kube-openapi's errors for `value` against `schema`, names relative to the value itself. */
export function schemaErrors(schema: JSONSchemaProps, value: unknown): SchemaError[] {
  return new Validator().validate(schema, value, '', []);
}

/** How Go prints a nil *field.Path. */
const NIL_PATH = '<nil>';

/** kubeOpenAPIResultToFieldErrors: field errors under `base` (undefined: no prefix). */
export function toFieldErrors(base: string | undefined, errors: readonly SchemaError[]): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    if (!e.code) {
      out.push({ type: 'FieldValueInvalid', field: base ?? NIL_PATH, value: '', detail: e.message });
      continue;
    }
    const rel = e.name && e.name !== '.' ? e.name.replace(/^\./, '') : '';
    const field = base ? (rel ? `${base}.${rel}` : base) : rel || NIL_PATH;
    switch (e.code) {
      case 'required':
        out.push({ type: 'FieldValueRequired', field });
        break;
      case 'enum':
        out.push({
          type: 'FieldValueNotSupported',
          field,
          value: e.value,
          supported: (e.values ?? []).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
        });
        break;
      case 'tooLong':
        out.push({ type: 'FieldValueTooLong', field, detail: `may not be more than ${e.valid} ${e.valid === 1 ? 'byte' : 'bytes'}` });
        break;
      case 'maxItems':
      case 'tooManyProperties':
        out.push({ type: 'FieldValueTooMany', field, value: e.value, detail: `must have at most ${e.valid} ${e.valid === 1 ? 'item' : 'items'}` });
        break;
      case 'type':
        out.push({ type: 'FieldValueTypeInvalid', field, value: e.value ?? '', detail: e.message });
        break;
      default:
        out.push({ type: 'FieldValueInvalid', field, value: e.value ?? '', detail: e.message });
    }
  }
  return out;
}

/** Errors of `value` against `schema`, as field errors under `base`. */
export function validateAgainstSchema(base: string | undefined, schema: JSONSchemaProps, value: unknown): FieldError[] {
  return toFieldErrors(base, schemaErrors(schema, value));
}

/** The value at a node path, or undefined when the path does not exist. */
export function valueAt(obj: unknown, node: readonly (string | number)[]): unknown {
  let cur = obj;
  for (const step of node) {
    if (typeof step === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[step];
    } else {
      if (!isPlainObject(cur)) return undefined;
      cur = cur[step];
    }
  }
  return cur;
}

/**
 * CRD validation ratcheting (CRDValidationRatcheting, on by default since 1.30): an error whose
 * value did not change since the old object is not reported. Lists are only correlated as a whole.
 */
export function ratchet(errors: readonly SchemaError[], obj: unknown, old: unknown): SchemaError[] {
  return errors.filter((e) => {
    const cut = e.node.findIndex((s) => typeof s === 'number');
    const node = cut >= 0 ? e.node.slice(0, cut) : e.node;
    const before = valueAt(old, node);
    return before === undefined || !isDeepStrictEqual(before, valueAt(obj, node));
  });
}
