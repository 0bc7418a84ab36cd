// Reads the upstream data pack (../shared/k8s-api beside the repository, or $K8S_API_DATA) into plain structures.
// Only the generator reads it; the product reads the tables the generator writes.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseProto, type ProtoFile } from './proto.ts';

/** A group/version the bundled server serves, with its k8s.io/api proto directory. */
export interface ServedGV {
  group: string;
  version: string;
  /** k8s.io/api/<dir>/<version>; absent for groups outside k8s.io/api (apiextensions). */
  dir?: string;
}

// The brief's list, in no particular order (discovery decides the order).
export const SERVED: ServedGV[] = [
  { group: '', version: 'v1', dir: 'core' },
  { group: 'apps', version: 'v1', dir: 'apps' },
  { group: 'batch', version: 'v1', dir: 'batch' },
  { group: 'autoscaling', version: 'v1', dir: 'autoscaling' },
  { group: 'autoscaling', version: 'v2', dir: 'autoscaling' },
  { group: 'networking.k8s.io', version: 'v1', dir: 'networking' },
  { group: 'policy', version: 'v1', dir: 'policy' },
  { group: 'rbac.authorization.k8s.io', version: 'v1', dir: 'rbac' },
  { group: 'storage.k8s.io', version: 'v1', dir: 'storage' },
  { group: 'coordination.k8s.io', version: 'v1', dir: 'coordination' },
  { group: 'discovery.k8s.io', version: 'v1', dir: 'discovery' },
  { group: 'events.k8s.io', version: 'v1', dir: 'events' },
  { group: 'scheduling.k8s.io', version: 'v1', dir: 'scheduling' },
  { group: 'node.k8s.io', version: 'v1', dir: 'node' },
  { group: 'certificates.k8s.io', version: 'v1', dir: 'certificates' },
  { group: 'apiextensions.k8s.io', version: 'v1' },
  { group: 'admissionregistration.k8s.io', version: 'v1', dir: 'admissionregistration' },
  { group: 'authentication.k8s.io', version: 'v1', dir: 'authentication' },
  { group: 'authorization.k8s.io', version: 'v1', dir: 'authorization' },
];

export const APIMACHINERY_PROTOS = ['pkg/apis/meta/v1', 'pkg/runtime', 'pkg/util/intstr', 'pkg/api/resource'];

export interface SsaField {
  name: string;
  type: Record<string, any>;
  default?: unknown;
}
export interface SsaType {
  name: string;
  map?: { fields?: SsaField[]; elementRelationship?: string; unions?: any[]; elementType?: unknown };
  scalar?: string;
}

export interface PatchRecord {
  group: string;
  version: string;
  type: string;
  field: string;
  patchStrategy: string;
  patchMergeKey: string | null;
  package: string;
}

export interface Sources {
  root: string;
  /** Proto files of SERVED (k8s.io/api) then APIMACHINERY_PROTOS, in that order. */
  protos: ProtoFile[];
  gnostic: ProtoFile;
  ssa: Map<string, SsaType>;
  patches: PatchRecord[];
  /** components.schemas of the openapi-v3 files, newest file last so that it wins. */
  openapi: Map<string, any>;
  /** "<definition>.<property>" → enum values, from whichever document lists them. */
  enums: Map<string, string[]>;
  /** Fixture base names, e.g. "apps.v1.Deployment". */
  fixtures: string[];
  discovery: { api: any; apiV1: any; apis: any; aggregated: any; appsV1: any };
}

/** $K8S_API_DATA, else the data pack beside the repository (../shared/k8s-api). */
export function dataRoot(): string {
  return process.env.K8S_API_DATA ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'k8s-api');
}

export function readSources(root = dataRoot()): Sources {
  if (!existsSync(root)) throw new Error(`upstream API data not found at ${root} (set K8S_API_DATA)`);
  const text = (p: string) => readFileSync(join(root, p), 'utf8');
  const json = (p: string) => JSON.parse(text(p));
  const dirs = new Set<string>();
  const protoPaths: string[] = [];
  for (const gv of SERVED) {
    if (!gv.dir) continue;
    const p = `proto/k8s.io/api/${gv.dir}/${gv.version}/generated.proto`;
    if (!dirs.has(p)) protoPaths.push(p);
    dirs.add(p);
  }
  for (const p of APIMACHINERY_PROTOS) protoPaths.push(`proto/k8s.io/apimachinery/${p}/generated.proto`);
  const ssaDoc = parseYaml(text('ssa-schema.yaml')) as { types: SsaType[] };
  const openapi = new Map<string, any>();
  const enums = new Map<string, string[]>();
  // api__v1 is v1.27; apps/v1 is the newest of the four, so it is read last and wins. It lists
  // no enums at all, so enums come from any document.
  for (const f of ['api__v1', 'apis__autoscaling__v1', 'apis__autoscaling__v2', 'apis__apps__v1']) {
    const doc = json(`openapi-v3/${f}.json`);
    for (const [name, schema] of Object.entries<any>(doc.components.schemas)) {
      openapi.set(name, schema);
      for (const [prop, p] of Object.entries<any>(schema.properties ?? {})) {
        const values = p.enum ?? p.items?.enum;
        if (Array.isArray(values) && values.every((v) => typeof v === 'string')) enums.set(`${name}.${prop}`, values);
      }
    }
  }
  return {
    root,
    protos: protoPaths.map((p) => parseProto(text(p))),
    gnostic: parseProto(text('proto/github.com/google/gnostic-models/openapiv2/OpenAPIv2.proto')),
    ssa: new Map(ssaDoc.types.map((t) => [t.name, t])),
    patches: json('patch-strategies.json'),
    openapi,
    enums,
    fixtures: readdirSync(join(root, 'fixtures'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort(),
    discovery: {
      api: json('discovery/api.json'),
      apiV1: json('discovery/api__v1.json'),
      apis: json('discovery/apis.json'),
      aggregated: json('discovery/aggregated_v2.json'),
      appsV1: json('discovery/apis__apps__v1.json'),
    },
  };
}
