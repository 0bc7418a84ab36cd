// Fixtures of the discovery differential tests: CRDs whose schemas exercise explain's layout
// (descriptions to wrap, enums, arrays of arrays, maps, several versions), and a minimal discovery
// server where one group fails, as an unavailable aggregated API does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CRDS = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd, wdg], categories: [all, gadgets]}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        description: "A Widget does one small job. This text is long on purpose so that it must be wrapped at seventy-six columns, and it has a\\nline break inside and a veryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword too."
        required: [spec]
        properties:
          spec:
            type: object
            description: Desired state of the widget.
            required: [size, mode]
            properties:
              size: {type: integer, format: int32, description: "How big, in units.", minimum: 1}
              mode: {type: string, description: "Mode of operation.", enum: [Fast, Slow, "", Medium, Turbo]}
              ratio: {type: number, enum: [1, 2.5, 1000000, 0.00001]}
              enabled: {type: boolean, enum: [true, false]}
              port: {x-kubernetes-int-or-string: true, description: "A port number or name."}
              tags: {type: array, items: {type: string}, description: "Free-form tags."}
              matrix: {type: array, items: {type: array, items: {type: integer}}}
              labels: {type: object, additionalProperties: {type: string}}
              parts:
                type: array
                description: "The parts. Each part has a name and a count; parts are listed in the order of assembly, which matters for some widgets and not for others."
                items:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string, description: "Part name."}
                    count: {type: integer}
                    nested:
                      type: object
                      properties:
                        deep: {type: object, properties: {deeper: {type: string, description: "Far down the tree, where a long description wraps at a narrower width than at the top of the list of fields."}}}
              extra: {type: object, x-kubernetes-preserve-unknown-fields: true, description: "Anything goes."}
              byName: {type: object, additionalProperties: {type: object, properties: {value: {type: string}}}}
          status:
            type: object
            properties:
              phase: {type: string, enum: [Pending, Running, Done]}
              conditions: {type: array, items: {type: object, properties: {type: {type: string}, status: {type: string}}}}
  - name: v2
    served: true
    storage: false
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              sizeInCm: {type: integer, description: "The size, now in centimetres."}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: gizmos.tools.example.org
spec:
  group: tools.example.org
  names: {plural: gizmos, singular: gizmo, kind: Gizmo, shortNames: [gz]}
  scope: Cluster
  versions:
  - name: v1alpha1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-preserve-unknown-fields: true
`;

/** A CRD created after discovery was cached, to tell --cached from a fresh discovery. */
export const LATE_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: sprockets.parts.example.net
spec:
  group: parts.example.net
  names: {plural: sprockets, singular: sprocket, kind: Sprocket}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema: {type: object}
`;

const resource = (name: string, kind: string, namespaced: boolean, extra: Record<string, unknown> = {}) => ({
  name, singularName: name.replace(/s$/, ''), namespaced, kind, verbs: ['create', 'delete', 'get', 'list', 'watch'], ...extra,
});

const DOCS: Record<string, unknown> = {
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:1' }] },
  '/apis': {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [
      { name: 'good.example.com', versions: [{ groupVersion: 'good.example.com/v1', version: 'v1' }], preferredVersion: { groupVersion: 'good.example.com/v1', version: 'v1' } },
      { name: 'broken.example.com', versions: [{ groupVersion: 'broken.example.com/v1', version: 'v1' }], preferredVersion: { groupVersion: 'broken.example.com/v1', version: 'v1' } },
    ],
  },
  '/api/v1': {
    kind: 'APIResourceList', groupVersion: 'v1',
    resources: [resource('pods', 'Pod', true, { shortNames: ['po'], categories: ['all'] }), resource('nodes', 'Node', false, { shortNames: ['no'] }), { name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] }],
  },
  '/apis/good.example.com/v1': { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'good.example.com/v1', resources: [resource('things', 'Thing', true)] },
};

/**
 * Legacy (not aggregated) discovery where `broken.example.com/v1` answers 503, like an aggregated
 * API whose service is down. Returns its URL; closed by `close`.
 */
export async function startBrokenDiscovery(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const doc = DOCS[path];
    if (doc) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(doc));
      return;
    }
    if (path.startsWith('/apis/broken.example.com')) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('service unavailable\n');
      return;
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
