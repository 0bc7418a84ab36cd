// Access to the upstream API data pack for tests. CI has it; a developer checkout may not, so tests
// that need it skip with this message instead of failing.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** $K8S_API_DATA, else the data pack beside the repository (../shared/k8s-api). */
export const DATA = process.env.K8S_API_DATA ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'k8s-api');
export const HAVE_DATA = existsSync(join(DATA, 'openapi-v3'));
/** For node:test's `skip` option: false when the data is present, else the reason. */
export const SKIP: string | false = HAVE_DATA ? false : `upstream API data not found at ${DATA} (set K8S_API_DATA)`;

export const readJson = (path: string): any => JSON.parse(readFileSync(join(DATA, path), 'utf8'));
export const readText = (path: string): string => readFileSync(join(DATA, path), 'utf8');
export const listDir = (path: string): string[] => readdirSync(join(DATA, path));

/** The four upstream v3 documents by group/version. */
export const V3_DOCS: { group: string; version: string; file: string }[] = [
  { group: '', version: 'v1', file: 'api__v1' },
  { group: 'apps', version: 'v1', file: 'apis__apps__v1' },
  { group: 'autoscaling', version: 'v1', file: 'apis__autoscaling__v1' },
  { group: 'autoscaling', version: 'v2', file: 'apis__autoscaling__v2' },
];

let ssa: Map<string, any> | undefined;
/** ssa-schema.yaml types by name (v1.33 facts, independent of the OpenAPI documents). */
export function ssaTypes(): Map<string, any> {
  return (ssa ??= new Map((parseYaml(readText('ssa-schema.yaml')) as { types: any[] }).types.map((t) => [t.name, t])));
}

/** Every upstream v3 schema by definition name, newest document last. */
export function upstreamSchemas(): Map<string, any> {
  const out = new Map<string, any>();
  for (const d of [V3_DOCS[0]!, V3_DOCS[2]!, V3_DOCS[3]!, V3_DOCS[1]!]) {
    for (const [k, v] of Object.entries(readJson(`openapi-v3/${d.file}.json`).components.schemas)) out.set(k, v);
  }
  return out;
}

/**
 * "<definition>.<json field>" of every proto field that v1.33 marks +optional, read straight from
 * the .proto files (proto field names; they equal JSON names for the types these tests compare).
 */
export async function optionalMarked(): Promise<Set<string>> {
  const { parseProto } = await import('../../scripts/gen-api/proto.ts');
  const out = new Set<string>();
  const dirs = ['api/core/v1', 'api/apps/v1', 'api/autoscaling/v1', 'api/autoscaling/v2', 'api/policy/v1', 'api/authentication/v1', 'apimachinery/pkg/apis/meta/v1'];
  for (const dir of dirs) {
    const file = parseProto(readText(`proto/k8s.io/${dir}/generated.proto`));
    const prefix = `io.k8s.${file.package.slice('k8s.io.'.length)}`;
    for (const m of file.messages) for (const f of m.fields) if (f.markers.includes('optional')) out.add(`${prefix}.${m.name}.${f.name}`);
  }
  return out;
}
