// Manifests from -f sources as kubectl's resource.Builder reads them: files, directories (only
// .json/.yaml/.yml, recursing with -R), URLs and `-` (stdin); YAML streams and concatenated JSON;
// List kinds flattened. Problems are collected per source, in order, with kubectl's texts, so a
// command can act on the good documents and report the rest.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeObject } from '../../api/object.ts';

export interface Manifest {
  object: KubeObject;
  /** The source as the user named it ("dir/a.yaml", "STDIN", a URL). */
  source: string;
}

export interface InputProblem {
  source: string;
  message: string;
}

export interface Inputs {
  /** Documents and problems in the order they were met. */
  items: (Manifest | InputProblem)[];
}

export const isProblem = (x: Manifest | InputProblem): x is InputProblem => 'message' in x;

const MANIFEST_EXTENSIONS = ['.json', '.yaml', '.yml'];

export interface ReadOptions {
  recursive: boolean;
  stdin?: NodeJS.ReadableStream;
  cwd: string;
  fetchUrl?: (url: string) => Promise<string>;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads every -f source (stdin at most once). Throws for a missing path, as kubectl fails at once. */
export async function readInputs(filenames: readonly string[], opts: ReadOptions): Promise<Inputs> {
  const items: Inputs['items'] = [];
  for (const name of filenames) {
    if (name === '-') {
      items.push(...(await parseManifests(await readAll(opts.stdin ?? process.stdin), 'STDIN')));
    } else if (/^https?:\/\//.test(name)) {
      const text = opts.fetchUrl ? await opts.fetchUrl(name) : await fetchText(name);
      items.push(...(await parseManifests(text, name)));
    } else {
      const path = name.startsWith('/') ? name : join(opts.cwd, name);
      let stats;
      try {
        stats = statSync(path);
      } catch {
        throw new Error(`the path ${JSON.stringify(name)} does not exist`);
      }
      if (stats.isDirectory()) {
        for (const file of walk(path, name, opts.recursive)) items.push(...(await parseManifests(readFileSync(file.path, 'utf8'), file.source)));
      } else {
        items.push(...(await parseManifests(readFileSync(path, 'utf8'), name)));
      }
    }
  }
  return { items };
}

/** Files of a directory kubectl would read: manifests only, sorted, recursing with -R. */
function walk(dir: string, shown: string, recursive: boolean): { path: string; source: string }[] {
  const out: { path: string; source: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    const source = join(shown, entry.name);
    if (entry.isDirectory()) {
      if (recursive) out.push(...walk(path, source, recursive));
    } else if (MANIFEST_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
      out.push({ path, source });
    }
  }
  return out;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`unable to read URL ${JSON.stringify(url)}, server reported ${response.status} ${response.statusText}, status code=${response.status}`);
  return response.text();
}

/** The documents of one source: a YAML stream, or JSON objects one after another. */
export async function parseManifests(text: string, source: string): Promise<(Manifest | InputProblem)[]> {
  const docs: unknown[] = [];
  let problem: InputProblem | undefined;
  if (/^\s*[{[]/.test(text) && !/^\s*---/m.test(text)) {
    try {
      for (const doc of splitJsonStream(text)) docs.push(doc);
    } catch (e) {
      return [{ source, message: `error parsing ${source}: ${(e as Error).message}` }];
    }
  } else {
    // Like kubectl's stream decoder, the documents before a broken one still count.
    // Loaded only when a manifest is read: the YAML parser is the largest module of the CLI.
    const { parseAllDocuments } = await import('yaml');
    for (const doc of parseAllDocuments(text, { version: '1.1', uniqueKeys: false })) {
      if (doc.errors.length) {
        problem = { source, message: `error parsing ${source}: error converting YAML to JSON: yaml: ${doc.errors[0]!.message.split('\n')[0]}` };
        break;
      }
      const value = doc.toJS({ maxAliasCount: 100 });
      if (value === null || value === undefined) continue;
      docs.push(value);
    }
  }
  const out: (Manifest | InputProblem)[] = [];
  for (const doc of docs) out.push(...flatten(doc, source));
  if (problem) out.push(problem);
  return out;
}

/** Objects of a concatenated JSON stream. */
function splitJsonStream(text: string): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      }
    }
    out.push(JSON.parse(text.slice(start, i)));
  }
  return out;
}

/** A document, or the items of a List, as kubectl's builder flattens them. */
function flatten(doc: unknown, source: string): (Manifest | InputProblem)[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    const type = Array.isArray(doc) ? 'array' : typeof doc === 'number' ? 'number' : typeof doc === 'boolean' ? 'bool' : 'string';
    return [{ source, message: `unable to decode ${JSON.stringify(source)}: json: cannot unmarshal ${type} into Go value of type unstructured.detector` }];
  }
  const obj = doc as KubeObject & { items?: unknown[] };
  if (typeof obj.kind !== 'string' || obj.kind === '') {
    return [{ source, message: `unable to decode ${JSON.stringify(source)}: Object 'Kind' is missing in '${JSON.stringify(doc)}'` }];
  }
  if (obj.kind.endsWith('List') && Array.isArray(obj.items)) return obj.items.flatMap((item) => flatten(item, source));
  obj.metadata ??= {};
  return [{ object: obj, source }];
}
