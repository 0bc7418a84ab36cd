// Differential tests of src/printers against real kubectl 1.32 `get` on the bundled server. kubectl
// runs with -v=10, which logs every response body; ktl's printers are then fed exactly those
// bodies (Tables, lists, objects) through kubectl get's printing flow, and stdout must be
// identical byte for byte. No normalising is needed: both sides print the same server answers.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { unquote } from '../../src/printers/gotemplate/go-strconv.ts';
import { GetTableOutput, PrinterError, TabWriter, WatchEvent, checkShowLabels, isList, listItems, printerFor, toList } from '../../src/printers/index.ts';
import type { GroupKind, KubeObject } from '../../src/printers/index.ts';
import { sortList } from '../../src/printers/sort.ts';
import { run, startServer } from '../helpers/server.ts';
import type { TestServer } from '../helpers/server.ts';
import { KUBECTL, SKIP } from './harness.ts';
import { kubectlPrintLocalAll } from '../printers/kubectl-oracle.ts';
import type { KubectlResult } from '../printers/kubectl-oracle.ts';
import { printLocally } from '../printers/print-locally.ts';
import { templateCases, templateObject } from '../printers/template-cases.ts';

const MANIFESTS = `
apiVersion: v1
kind: Namespace
metadata: {name: team-a, labels: {team: a}}
---
apiVersion: v1
kind: Namespace
metadata: {name: team-b}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: app-config, namespace: team-a, labels: {app: web, app.kubernetes.io/name: shop, tier: fe}}
data: {a: "1", b: two}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: a-much-longer-configuration-name, namespace: team-a, labels: {app: db}}
data: {a: "10", x: "y"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: zz, namespace: team-b, annotations: {note: "multi\\nline"}}
data: {a: "9"}
---
apiVersion: v1
kind: Secret
metadata: {name: token, namespace: team-a, labels: {app: web}}
type: Opaque
stringData: {password: hunter2}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: team-a, labels: {app: web}}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080, name: http}, {port: 443, name: https}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: team-a, labels: {app: web}}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: "nginx:1.25", resources: {requests: {cpu: 100m, memory: 64Mi}}}, {name: side, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: p1, namespace: team-a, labels: {app: web}}
spec: {containers: [{name: c, image: nginx, resources: {requests: {memory: 1Gi}}}]}
---
apiVersion: v1
kind: Pod
metadata: {name: p2, namespace: team-a, labels: {app: db}}
spec: {containers: [{name: c, image: nginx, resources: {requests: {memory: 500Mi}}}]}
---
apiVersion: v1
kind: Pod
metadata: {name: p10, namespace: team-b}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets, singular: widget}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
    additionalPrinterColumns:
    - {name: Size, type: integer, jsonPath: .spec.size}
    - {name: Ratio, type: number, jsonPath: .spec.ratio}
    - {name: Ready, type: boolean, jsonPath: .spec.ready}
    - {name: Description, type: string, jsonPath: .spec.description}
    - {name: Owner, type: string, jsonPath: .spec.owner, priority: 1}
`;

/** 40 objects whose sort keys tie, are missing or are quantities: Go's unstable sort decides their order. */
const TIES = Array.from({ length: 40 }, (_, i) => {
  const data = i % 7 === 0 ? '{}' : `{k: "${['b', 'a', 'c'][i % 3]}", q: "${['1Gi', '500Mi', '2', '1500m', '1G'][i % 5]}"}`;
  return `---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: tie-${String((i * 17) % 40).padStart(2, '0')}, namespace: team-c}\ndata: ${data}\n`;
}).join('');

const WIDGETS = `
apiVersion: example.com/v1
kind: Widget
metadata: {name: small, namespace: team-a, labels: {app: web}}
spec: {size: 3, ratio: 0.5, ready: true, description: "first line\\nsecond line", owner: alice}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: large, namespace: team-b}
spec: {size: 12, ratio: 2.25, ready: false, description: "esc \\e[1mbold", owner: bob}
`;

/** What ktl needs to know about the resources used here (kubectl's RESTMapper knows it). */
const RESOURCES: Record<string, GroupKind & { namespaced: boolean }> = {
  configmaps: { group: '', kind: 'ConfigMap', namespaced: true },
  secrets: { group: '', kind: 'Secret', namespaced: true },
  services: { group: '', kind: 'Service', namespaced: true },
  pods: { group: '', kind: 'Pod', namespaced: true },
  namespaces: { group: '', kind: 'Namespace', namespaced: false },
  deployments: { group: 'apps', kind: 'Deployment', namespaced: true },
  replicasets: { group: 'apps', kind: 'ReplicaSet', namespaced: true },
  statefulsets: { group: 'apps', kind: 'StatefulSet', namespaced: true },
  daemonsets: { group: 'apps', kind: 'DaemonSet', namespaced: true },
  jobs: { group: 'batch', kind: 'Job', namespaced: true },
  cronjobs: { group: 'batch', kind: 'CronJob', namespaced: true },
  horizontalpodautoscalers: { group: 'autoscaling', kind: 'HorizontalPodAutoscaler', namespaced: true },
  replicationcontrollers: { group: '', kind: 'ReplicationController', namespaced: true },
  widgets: { group: 'example.com', kind: 'Widget', namespaced: true },
};

interface Response {
  url: URL;
  body: KubeObject;
  /** When kubectl had the answer (klog's timestamp): the clock for ages it computes itself. */
  at: Date;
}

/** The resource answers in kubectl's -v=10 log (discovery and OpenAPI left out). */
function responses(stderr: string): Response[] {
  const out: Response[] = [];
  let url: URL | undefined;
  for (const line of stderr.split('\n')) {
    const get = /round_trippers\.go:\d+\] GET (\S+) \d+/.exec(line);
    if (get) url = new URL(get[1]!);
    const body = /^I(\d\d)(\d\d) (\d\d:\d\d:\d\d\.\d+) .*helper\.go:\d+\] "Response Body" body=("(?:[^"\\]|\\.)*")$/.exec(line);
    if (body && url) {
      const text = unquote(body[4]!);
      assert.ok(text !== undefined, `cannot unquote ${line}`);
      const [, month, day, time] = body;
      const at = new Date(`${new Date().getFullYear()}-${month}-${day}T${time}`);
      out.push({ url, body: JSON.parse(text), at });
    }
  }
  return out;
}

interface GetFlags {
  output: string;
  template?: string;
  noHeaders: boolean;
  showLabels: boolean;
  showKind: boolean;
  labelColumns: string[];
  allNamespaces: boolean;
  sortBy?: string;
  showManagedFields: boolean;
  allowMissingTemplateKeys: boolean;
}

function parseGetFlags(args: string[]): GetFlags {
  const f: GetFlags = {
    output: '', noHeaders: false, showLabels: false, showKind: false, labelColumns: [], allNamespaces: false, showManagedFields: false,
    allowMissingTemplateKeys: true,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [name, inline] = a.includes('=') && a.startsWith('-') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? args[++i]!;
    if (name === '-o' || name === '--output') f.output = value();
    else if (name === '--template') f.template = value();
    else if (name === '--no-headers') f.noHeaders = true;
    else if (name === '--show-labels') f.showLabels = true;
    else if (name === '--show-kind') f.showKind = true;
    else if (name === '-L' || name === '--label-columns') f.labelColumns.push(...value().split(','));
    else if (name === '-A' || name === '--all-namespaces') f.allNamespaces = true;
    else if (name === '--sort-by') f.sortBy = value();
    else if (name === '--show-managed-fields') f.showManagedFields = true;
    else if (name === '--allow-missing-template-keys') f.allowMissingTemplateKeys = inline !== 'false';
    else if (name === '-n' || name === '--server-print' || name === '--request-timeout') value();
  }
  return f;
}

const resourceOf = (url: URL) => {
  const parts = url.pathname.split('/').filter(Boolean);
  // /api/v1/[namespaces/ns/]res[/name] or /apis/g/v/[namespaces/ns/]res[/name]
  const rest = parts.slice(parts[0] === 'api' ? 2 : 3);
  const res = rest[0] === 'namespaces' && rest.length > 2 ? rest[2]! : rest[0]!;
  const mapping = RESOURCES[res];
  assert.ok(mapping, `unknown resource in ${url}`);
  return { res, ...mapping };
};

/** kubectl get's printing (get.go Run / printGeneric) over the answers kubectl got. */
async function printLikeGet(args: string[], answers: Response[], write?: (s: string) => void): Promise<string> {
  const f = parseGetFlags(args);
  let stdout = '';
  const out = { write: (s: string) => (write ? write(s) : (stdout += s)) };
  const human = (f.output === '' && !f.template) || f.output === 'wide';
  if (!human) {
    const objects = answers.flatMap((a) => (isList(a.body) ? listItems(a.body) : [a.body]));
    const single = answers.length === 1 && !isList(answers[0]!.body);
    let obj: KubeObject = single ? answers[0]!.body : toList(objects);
    if (f.sortBy) obj = sortList(obj, f.sortBy);
    const printer = await printerFor(f.output, {
      mode: 'get', template: f.template, showManagedFields: f.showManagedFields, noHeaders: f.noHeaders, allowMissingTemplateKeys: f.allowMissingTemplateKeys,
    });
    printer.printObj(obj, out);
    return stdout;
  }
  const kinds = new Set(answers.map((a) => resourceOf(a.url).res));
  let at = new Date();
  const table = await GetTableOutput.create(out, {
    output: f.output as '' | 'wide', noHeaders: f.noHeaders, showLabels: f.showLabels, labelColumns: f.labelColumns, showKind: f.showKind,
    allNamespaces: f.allNamespaces, multipleKinds: kinds.size > 1, sortBy: f.sortBy, now: () => at,
  });
  for (const a of answers) {
    at = a.at;
    const { res, ...mapping } = resourceOf(a.url);
    table.print(a.body, { resource: res, ...mapping });
  }
  table.flush();
  return stdout;
}

/** kubectl get --watch's printing (get.go watch): the list's objects, then each event, flushed each time. */
async function printLikeWatch(args: string[], list: Response, events: { type: string; object: KubeObject }[]): Promise<string> {
  const f = parseGetFlags(args);
  const watchOnly = args.includes('--watch-only');
  const withEvents = args.includes('--output-watch-events');
  let stdout = '';
  const w = new TabWriter({ write: (s: string) => (stdout += s) });
  const mapping = resourceOf(list.url);
  const printer = await printerFor(f.output, {
    mode: 'get', noHeaders: f.noHeaders, showLabels: f.showLabels, labelColumns: f.labelColumns, now: () => list.at,
    showKind: f.showKind, kind: mapping, withNamespace: f.allNamespaces && mapping.namespaced,
  });
  // --watch-only: the list prints as a Table without rows (headers only)
  let outputObjects = !watchOnly;
  const print = (obj: KubeObject, type: string) => {
    if (!outputObjects) {
      if (obj.kind !== 'Table') return;
      obj = { ...obj, rows: [] };
    }
    printer.printObj(withEvents ? new WatchEvent(type, obj) : obj, w);
  };
  for (const obj of isList(list.body) ? listItems(list.body) : [list.body]) print(obj, 'ADDED');
  w.flush();
  outputObjects = true;
  for (const e of events) {
    print(e.object, e.type);
    w.flush();
  }
  return stdout;
}

const CASES: string[][] = [
  ['get', 'cm', '-n', 'team-a'],
  ['get', 'cm', '-A'],
  ['get', 'cm', '-A', '--show-labels'],
  ['get', 'cm', '-A', '-L', 'app', '-L', 'app.kubernetes.io/name'],
  ['get', 'cm', '-A', '-L', 'app,tier', '--no-headers'],
  ['get', 'cm', '-A', '--no-headers'],
  ['get', 'cm', '-n', 'team-a', '--no-headers', '--show-labels'],
  ['get', 'pods', '-A', '-o', 'wide'],
  ['get', 'pods,svc,cm', '-A', '-o', 'wide', '--show-labels', '-L', 'app'],
  ['get', 'pods,svc,cm', '-A', '--no-headers'],
  ['get', 'cm,secrets', '-n', 'team-a', '--show-kind'],
  ['get', 'cm,secrets', '-n', 'team-a'],
  ['get', 'deploy', '-n', 'team-a', '-o', 'wide'],
  ['get', 'deploy', '-A', '--show-kind'],
  ['get', 'svc', '-n', 'team-a', '-o', 'wide', '--show-kind'],
  ['get', 'svc', '-A'],
  ['get', 'ns', '--show-labels'],
  ['get', 'ns', '-L', 'team', '-A'],
  ['get', 'ns,cm', '-A'],
  ['get', 'cm', 'app-config', '-n', 'team-a'],
  ['get', 'cm/app-config', 'secret/token', '-n', 'team-a'],
  ['get', 'cm', 'app-config', 'a-much-longer-configuration-name', '-n', 'team-a', '-o', 'wide'],
  ['get', 'pods,deploy', '-n', 'team-a'],
  ['get', 'all', '-n', 'team-a'],
  ['get', 'all', '-A', '--show-labels'],
  ['get', 'widgets', '-A'],
  ['get', 'widgets', '-A', '-o', 'wide', '--show-kind'],
  ['get', 'widgets', '-n', 'team-a', '--show-labels', '-L', 'app'],
  ['get', 'widgets,cm', '-n', 'team-b'],
  ['get', 'pods', '-A', '--sort-by=.metadata.name'],
  ['get', 'pods', '-A', '--sort-by', '{.spec.containers[0].resources.requests.memory}'],
  ['get', 'cm', '-A', '--sort-by=.data.a'],
  ['get', 'cm', '-A', '--sort-by=.metadata.name', '-o', 'name'],
  ['get', 'cm', '-n', 'team-c', '--sort-by=.data.k'],
  ['get', 'cm', '-n', 'team-c', '--sort-by=.data.k', '-o', 'name'],
  ['get', 'cm', '-n', 'team-c', '--sort-by=.data.q', '-o', 'custom-columns=NAME:.metadata.name,Q:.data.q'],
  ['get', 'cm', '-n', 'team-c', '--sort-by={.data.q}', '--no-headers'],
  ['get', 'cm', '-A', '--sort-by=.metadata.namespace', '--no-headers'],
  ['get', 'pods', '-n', 'team-a', '--server-print=false'],
  ['get', 'pods,cm', '-n', 'team-a', '--server-print=false', '--show-labels'],
  ['get', 'cm', '-A', '--server-print=false', '-L', 'app'],
  ['get', 'cm', '-n', 'team-a', '-o', 'json'],
  ['get', 'cm', 'app-config', '-n', 'team-a', '-o', 'json'],
  ['get', 'cm', '-n', 'team-a', '-o', 'yaml'],
  ['get', 'cm', 'app-config', '-n', 'team-a', '-o', 'yaml', '--show-managed-fields'],
  ['get', 'cm/app-config', 'secret/token', '-n', 'team-a', '-o', 'json'],
  ['get', 'cm,secret', '-n', 'team-a', '-o', 'name'],
  ['get', 'widgets', '-A', '-o', 'name'],
  ['get', 'widgets', 'small', '-n', 'team-a', '-o', 'yaml'],
  ['get', 'cm', '-A', '--sort-by=.data.a', '-o', 'json'],
  ['get', 'cm', '-A', '-o', 'custom-columns=NAME:.metadata.name,NS:.metadata.namespace,APP:.metadata.labels.app'],
  ['get', 'cm', '-A', '-o', 'custom-columns=NAME:.metadata.name,DATA:.data', '--no-headers'],
  ['get', 'deploy', '-n', 'team-a', '-o', 'custom-columns=IMAGES:.spec.template.spec.containers[*].image,PORTS:{.spec.template.spec.containers[0].ports}'],
  ['get', 'pods', '-A', '-o', 'custom-columns=POD:metadata.name,MEM:{.spec.containers[*].resources.requests.memory}'],
  ['get', 'cm', '-o', 'custom-columns', '--template', 'N:.metadata.name', '-n', 'team-a'],
  ['get', 'cm', '-A', '-o', 'jsonpath={.items[*].metadata.name}'],
  ['get', 'cm', '-A', '-o', 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}'],
  ['get', 'cm', '-n', 'team-a', '-o', 'jsonpath-as-json={.items[*].metadata.name}'],
  ['get', 'cm', 'app-config', '-n', 'team-a', '-o', 'jsonpath={.data}'],
  ['get', 'cm', '-A', '-o', 'go-template={{range .items}}{{.metadata.name}}:{{len .metadata}}{{"\\n"}}{{end}}'],
  ['get', 'cm', 'app-config', '-n', 'team-a', '--template', '{{.data.a}}/{{index .metadata.labels "app.kubernetes.io/name"}}'],
  ['get', 'widgets', '-A', '-o', 'go-template={{range .items}}{{.spec.size}} {{.spec.ratio}} {{printf "%.1f" .spec.ratio}}{{"\\n"}}{{end}}'],
  ['get', 'pods', '-n', 'team-b', '-o', 'template={{range .items}}{{.metadata.name}}{{end}}'],
];

describe('printers vs kubectl get (same server answers)', { skip: SKIP }, () => {
  let srv: TestServer;
  let env: NodeJS.ProcessEnv;
  let dir: string;
  const hooks: (() => unknown)[] = [];

  before(async () => {
    srv = await startServer({ after: (fn) => hooks.push(fn) });
    dir = mkdtempSync(join(tmpdir(), 'ktl-printers-compat-'));
    env = { KUBECONFIG: srv.kubeconfig, HOME: dir };
    writeFileSync(join(dir, 'seed.yaml'), `${MANIFESTS}---\napiVersion: v1\nkind: Namespace\nmetadata: {name: team-c}\n${TIES}`);
    writeFileSync(join(dir, 'widgets.yaml'), WIDGETS);
    const seeded = await run(KUBECTL!, ['apply', '-f', join(dir, 'seed.yaml')], env);
    assert.equal(seeded.code, 0, seeded.stderr);
    // the CRD's resource appears in discovery shortly after it is created
    for (let i = 0; i < 50; i++) {
      const r = await run(KUBECTL!, ['apply', '-f', join(dir, 'widgets.yaml')], env);
      if (r.code === 0) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    writeFileSync(join(dir, 'columns.txt'), 'NAME   NAMESPACE            LABELS\nmetadata.name {.metadata.namespace} .metadata.labels\n');
  });
  after(async () => {
    for (const fn of hooks.reverse()) await fn();
  });

  const check = async (args: string[]) => {
    const r = await run(KUBECTL!, [...args, '-v=10'], env);
    assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed: ${r.stderr.split('\n').filter((l) => !l.startsWith('I')).join('\n')}`);
    const answers = responses(r.stderr);
    assert.ok(answers.length > 0, 'no response bodies in the log');
    assert.equal(await printLikeGet(args, answers), r.stdout, `kubectl ${args.join(' ')}`);
  };

  for (const args of CASES) test(args.join(' '), () => check(args));

  // Printer errors: stderr without klog's lines must match too, with whatever reached stdout.
  const checkError = async (args: string[]) => {
    const r = await run(KUBECTL!, [...args, '-v=10'], env);
    assert.notEqual(r.code, 0, 'kubectl succeeded');
    const stderr = r.stderr.replace(/^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d+ .*\n/gm, '');
    let stdout = '';
    let error = '';
    try {
      checkShowLabels(parseGetFlags(args).output, parseGetFlags(args).showLabels);
      stdout = await printLikeGet(args, responses(r.stderr), (s) => (stdout += s));
    } catch (e) {
      assert.ok(e instanceof PrinterError, String(e));
      error = e.message.endsWith('\n') ? `error: ${e.message}` : `error: ${e.message}\n`;
    }
    assert.equal(error, stderr, 'stderr');
    assert.equal(stdout, r.stdout, 'stdout');
  };
  const ERRORS: string[][] = [
    ['get', 'cm', '-n', 'team-a', '-o', 'bogus'],
    ['get', 'cm', '-n', 'team-a', '-o', 'WIDE'],
    ['get', 'cm', '-n', 'team-a', '-o', 'custom-columns=bad'],
    ['get', 'cm', '-n', 'team-a', '-o', 'custom-columns='],
    ['get', 'cm', '-n', 'team-a', '-o', 'custom-columns'],
    ['get', 'cm', '-n', 'team-a', '-o', 'custom-columns=A:{.x'],
    ['get', 'cm', '-n', 'team-a', '-o', 'custom-columns=A:.metadata.name,B:{.a}{.b}'],
    ['get', 'cm', '-n', 'team-a', '-o', 'custom-columns-file=/nonexistent/columns'],
    ['get', 'cm', '-n', 'team-a', '-o', 'jsonpath={.items[0].metadata.name}{.nope}', '--allow-missing-template-keys=false'],
    ['get', 'cm', 'app-config', '-n', 'team-a', '-o', 'jsonpath={.nope}', '--allow-missing-template-keys=false'],
    ['get', 'cm', '-n', 'team-a', '-o', 'jsonpath={.items[0'],
    ['get', 'cm', 'app-config', '-n', 'team-a', '-o', 'go-template={{.bad'],
    ['get', 'cm', 'app-config', '-n', 'team-a', '-o', 'go-template={{.data.a}} {{.metadata.nope.x}}', '--allow-missing-template-keys=false'],
    ['get', 'cm', '-n', 'team-a', '-o', 'json', '--show-labels'],
    ['get', 'cm', '-n', 'team-a', '-o', 'name', '--show-labels'],
    ['get', 'cm', '-n', 'team-a', '-o', 'go-template'],
    ['get', 'cm', '-n', 'team-a', '-o', 'jsonpath-file=/nonexistent/path'],
    ['get', 'pods', '-A', '--sort-by=.nope', '-o', 'json'],
  ];
  for (const args of ERRORS) test(`${args.join(' ')} (error)`, () => checkError(args));

  // Watches: kubectl's list answer comes from its log; the events from our own watch running beside
  // kubectl's (the server computes a Table's ages when it sends an event), keeping those newer
  // than kubectl's list. Whenever the changes land, both sides print the same thing.
  const WATCHES: string[][] = [
    ['-w', '--output-watch-events'],
    ['-w'],
    ['--watch-only', '--output-watch-events'],
    ['-w', '-o', 'json'],
    ['-w', '-o', 'json', '--output-watch-events'],
    ['-w', '-o', 'yaml'],
    ['-w', '-o', 'name'],
    ['-w', '-o', 'wide', '--show-labels'],
    ['-w', '-o', 'custom-columns=NAME:.metadata.name,V:.metadata.labels.v'],
  ];
  WATCHES.forEach((flags, i) =>
    test(`get cm ${flags.join(' ')} (watch)`, async () => {
      const ns = `watch-${i}`;
      const cms = `/api/v1/namespaces/${ns}/configmaps`;
      await srv.request('POST', '/api/v1/namespaces', { body: { metadata: { name: ns } } });
      await srv.request('POST', cms, { body: { metadata: { name: 'short' } } });
      const table = !flags.includes('-o') || flags.includes('wide');
      const start = (await srv.request('GET', cms)).json().metadata.resourceVersion;
      const stream = await srv.stream(`${cms}?watch=true&resourceVersion=${start}`, {
        headers: { Accept: table ? 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' : 'application/json' },
      });
      const args = ['get', 'cm', '-n', ns, ...flags];
      const running = run(KUBECTL!, [...args, '--request-timeout=3s', '-v=10'], env);
      // give kubectl time to list and start watching; if it is slower, the objects are in its list instead
      await new Promise((res) => setTimeout(res, 1000));
      await srv.request('POST', cms, { body: { metadata: { name: 'a-much-longer-name-than-before' } } });
      await srv.request('PATCH', `${cms}/short`, { body: { metadata: { labels: { v: '2' } } }, headers: { 'Content-Type': 'application/merge-patch+json' } });
      await srv.request('DELETE', `${cms}/a-much-longer-name-than-before`);
      const events: { type: string; object: KubeObject }[] = [];
      for (let n = 0; n < 3; ) {
        const e = await stream.next(5000);
        events.push(e);
        // the three changes above end with a DELETED event
        if (e.type === 'DELETED') n = 3;
      }
      stream.close();
      const r = await running;
      assert.equal(r.code, 0, r.stderr.split('\n').filter((l) => !l.startsWith('I')).join('\n'));
      const [list] = responses(r.stderr);
      assert.ok(list, 'no list answer in the log');
      const listRV = Number((list.body.metadata as KubeObject).resourceVersion);
      const rv = (o: KubeObject) => Number((o.metadata as KubeObject).resourceVersion);
      assert.equal(await printLikeWatch(args, list, events.filter((e) => rv(e.object) > listRV)), r.stdout);
    }),
  );
  test('get cm -A -o custom-columns-file=<file>', () => check(['get', 'cm', '-A', '-o', `custom-columns-file=${join(dir, 'columns.txt')}`]));
});

// Offline: every template-cases.ts case (go-template, jsonpath, json/yaml/name, flag handling and
// their errors) through `kubectl patch --local -o ...` and through printerFor, one test each.
describe('printers vs kubectl patch --local (offline)', { skip: SKIP }, () => {
  let live: KubectlResult[] = [];
  before(async () => {
    live = await kubectlPrintLocalAll(KUBECTL!, templateObject, templateCases.map(([, flags]) => flags));
  });
  templateCases.forEach(([name, flags], i) =>
    test(`${name}: ${flags.join(' ')}`, async () => assert.deepEqual(await printLocally(templateObject, flags), live[i])),
  );
});
