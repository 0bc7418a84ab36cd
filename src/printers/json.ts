// kubectl's -o json: Go's json.MarshalIndent(obj, "", "    ") plus a newline. Go escapes <, >, &
// and U+2028/U+2029 as \u00XX/\u20XX (HTML-safe by default), writes \b \f \n \r \t short, other
// control characters as \u00xx, and prints empty objects and arrays as {} and [].

export interface JsonOptions {
  /**
   * Sort object keys by byte order, as Go does for maps. kubectl prints what it got from the server
   * as unstructured maps, so on by default; pass false to keep a typed object's field order.
   */
  sortKeys?: boolean;
  /** Indent unit; kubectl uses four spaces. */
  indent?: string;
}

const ESCAPES: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t',
  '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029',
};

/** A JSON string literal as Go's encoding/json writes it. */
export function goJsonString(s: string): string {
  return (
    '"' +
    s.replace(
      /["\\<>&\u0000-\u001f\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      // A lone surrogate is what Go's decoder would have turned into U+FFFD, which it prints raw.
      (c) => ESCAPES[c] ?? (c.charCodeAt(0) < 0x20 ? '\\u00' + c.charCodeAt(0).toString(16).padStart(2, '0') : '\ufffd'),
    ) +
    '"'
  );
}

// Go sorts map keys by their UTF-8 bytes, which is code point order (JS's default is UTF-16 units).
function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a), y = Array.from(b);
  for (let i = 0; i < x.length && i < y.length; i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function encode(value: unknown, prefix: string, o: Required<JsonOptions>): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(): unknown }).toJSON();
  }
  if (value === null || value === undefined || typeof value === 'function') return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return value.toString();
  const inner = prefix + o.indent;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + encode(v, inner, o)).join(',\n')}\n${prefix}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) return '{}';
  if (o.sortKeys) {
    // UTF-16 order is code point order unless surrogates are involved.
    const plain = entries.every(([k]) => !/[\uD800-\uDFFF]/.test(k));
    entries.sort(plain ? ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0) : ([a], [b]) => compareCodePoints(a, b));
  }
  return `{\n${entries.map(([k, v]) => `${inner}${goJsonString(k)}: ${encode(v, inner, o)}`).join(',\n')}\n${prefix}}`;
}

/** JSON for a value as kubectl -o json prints it, ending with a newline. */
export function toJson(value: unknown, options: JsonOptions = {}): string {
  return encode(value, '', { sortKeys: options.sortKeys ?? true, indent: options.indent ?? '    ' }) + '\n';
}
