// `create ingress NAME --rule=host/path=service:port[,tls[=secret]] ...`: paths ending in `*`
// are Prefix matches, others Exact; rules of one host share an entry; `,tls` adds the host to
// the TLS section (grouped by secret).
import type { KubeObject } from '../../printers/objects.ts';
import { CliError } from '../errors.ts';
import { flag } from '../flags.ts';
import { generator } from './generator.ts';
import { objectMeta, parseIntOrString, typed } from './objects.ts';

const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

export interface IngressInput {
  name: string;
  namespace: string;
  ingressClass: string;
  rules: string[];
  annotations: string[];
  defaultBackend: string;
}

export function validateIngress(o: IngressInput): void {
  if (!o.defaultBackend && !o.rules.length)
    throw new CliError(
      'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
    );
  for (const rule of o.rules) if (!RULE.test(rule)) throw new CliError(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  for (const a of o.annotations) if (!a.includes('=')) throw new CliError(`annotation ${a} is invalid and should be in format key=[value]`);
  if (o.defaultBackend && o.defaultBackend.split(':').length !== 2) throw new CliError('default-backend should be in format servicename:serviceport');
}

function backend(service: string): KubeObject {
  const [name, port] = service.split(':') as [string, string];
  const p = parseIntOrString(port);
  return { service: { name, port: typeof p === 'number' ? { number: p || undefined } : { name: p || undefined } } };
}

function httpPath(pathAndService: string): KubeObject {
  const [pathPart, service] = pathAndService.split('=') as [string, string];
  let path = `/${pathPart}`;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(service) };
}

function tlsSection(rules: string[]): KubeObject[] | undefined {
  const seen = new Set<string>();
  const out: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0]!;
    const secretParts = parts[1]!.split('=');
    const secret = secretParts.length > 1 ? secretParts[1]! : '';
    if (seen.has(host)) continue;
    const existing = out.find((t) => (t.secretName ?? '') === secret);
    if (existing) {
      existing.hosts = [...(existing.hosts ?? []), host];
      seen.add(host);
      continue;
    }
    const entry: { hosts?: string[]; secretName?: string } = {};
    if (host) entry.hosts = [host];
    if (secret) entry.secretName = secret;
    if (entry.hosts || entry.secretName) out.push(entry);
    seen.add(host);
  }
  return out.length ? out : undefined;
}

function ruleSection(rules: string[]): KubeObject[] | undefined {
  const out: { host?: string; http: { paths: KubeObject[] } }[] = [];
  for (const rule of rules) {
    const withoutTls = rule.split(',')[0]!;
    const slash = withoutTls.indexOf('/');
    const host = withoutTls.slice(0, slash);
    const path = httpPath(withoutTls.slice(slash + 1));
    const existing = out.find((r) => (r.host ?? '') === host);
    if (existing) existing.http.paths.push(path);
    else out.push({ host: host || undefined, http: { paths: [path] } });
  }
  return out.length ? out : undefined;
}

export function buildIngress(o: IngressInput): KubeObject {
  validateIngress(o);
  const annotations: Record<string, string> = {};
  for (const a of o.annotations) {
    const eq = a.indexOf('=');
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  return typed('networking.k8s.io/v1', 'Ingress', objectMeta({ name: o.name, namespace: o.namespace, annotations }), {
    spec: {
      ingressClassName: o.ingressClass || undefined,
      defaultBackend: o.defaultBackend ? backend(o.defaultBackend) : undefined,
      tls: tlsSection(o.rules),
      rules: ruleSection(o.rules),
    },
    status: { loadBalancer: {} },
  });
}

export const ingress = generator({
  name: 'ingress',
  aliases: ['ing'],
  short: 'Create an ingress',
  long: 'Create an Ingress routing HTTP(S) traffic to services by host and path.',
  example: `  # One host and path to the service web on its port named http
  kubectl create ingress web --rule="example.com/app=web:http"
  
  # Annotations and an ingress class
  kubectl create ingress web --class=nginx --rule="example.com/*=web:8080" --annotation team=a --annotation tier=front
  
  # Several paths of one host; a trailing * makes a prefix match
  kubectl create ingress web --rule="example.com/=web:80" --rule="example.com/api*=api:8080"
  
  # TLS for the host, with the secret web-tls
  kubectl create ingress web --rule="example.com/*=web:443,tls=web-tls"
  
  # TLS with the controller's default certificate, and a default backend
  kubectl create ingress web --default-backend=fallback:80 --rule="example.com/*=web:443,tls"`,
  use: 'NAME --rule=host/path=service:port[,tls[=secret]] ',
  flags: [
    flag.string('class', 'The IngressClass that should serve this ingress.'),
    flag.stringArray('rule', 'A routing rule, host/path=service:port[,tls[=secret]]; a path ending in * matches as a prefix, others exactly; tls adds the host to the TLS section.'),
    flag.string('default-backend', 'The service:port that gets traffic no rule matches.'),
    flag.stringArray('annotation', 'An annotation to set, as key=value; repeat for more.'),
  ],
  resource: { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', namespaced: true },
  failure: (m) => `failed to create ingress: ${m}`,
  build: (g) =>
    buildIngress({
      name: g.name,
      namespace: g.enforcedNamespace,
      ingressClass: g.flags.string('class'),
      rules: g.flags.strings('rule'),
      annotations: g.flags.strings('annotation'),
      defaultBackend: g.flags.string('default-backend'),
    }),
});
