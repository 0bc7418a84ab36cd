// The bundled API server: storage, registry, bootstrap objects, controllers and the HTTPS listener.
// createServer returns an instance with close(); nothing here is global.
import { mkdirSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { ensureServerPki, type ServerPki } from './auth/pki.ts';
import { createServerAuth } from './auth/server-auth.ts';
import { admit } from './admission/index.ts';
import { bootstrap } from './bootstrap.ts';
import { startControllers, type Controllers } from './controllers/index.ts';
import { startCrdController, type CrdController } from './crd/index.ts';
import type { ServerContext } from './http/context.ts';
import { Discovery } from './http/discovery.ts';
import { createOpenApiRoutes } from './http/openapi.ts';
import { createRouter } from './http/router.ts';
import { versionInfo } from './http/version.ts';
import { admitNamespace } from './registry/namespace-lifecycle.ts';
import { recordManagedFields } from './fieldmanager/update.ts';
import { everything } from './registry/filter.ts';
import { Registry } from './registry/registry.ts';
import { createMemoryStorage } from './storage/memory.ts';
import { createTableRegistry } from './tables/index.ts';
import { openSqliteStorage } from './storage/sqlite.ts';
import type { Storage } from './storage/storage.ts';

export interface KtlServerOptions {
  address?: string;
  /** 0 picks a free port. */
  port?: number;
  dataDir: string;
  storage?: 'sqlite' | 'memory';
  bookmarkIntervalMs?: number;
  minRequestTimeoutSeconds?: number;
}

export interface KtlServer {
  readonly address: string;
  readonly port: number;
  /** https://<address>:<port> */
  readonly url: string;
  readonly pki: ServerPki;
  readonly registry: Registry;
  close(): Promise<void>;
}

export async function createServer(options: KtlServerOptions): Promise<KtlServer> {
  const address = options.address ?? '127.0.0.1';
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const pki = await ensureServerPki(options.dataDir, { address });
  const storage: Storage =
    options.storage === 'memory' ? createMemoryStorage() : await openSqliteStorage(join(options.dataDir, 'state.db'));
  let registry!: Registry;
  registry = new Registry(storage, {
    admitNamespace: (namespace, resource, name) => admitNamespace(registry, namespace, resource, name),
    recordManagedFields,
    admit,
    cluster: {
      list: async (group, resource, namespace) => (await registry.store(group, resource).list(namespace ?? '', { filter: everything })).items,
      get: async (group, resource, namespace, name) => (await registry.store(group, resource).tryGet(namespace, name))?.object,
    },
  });
  const ctx: ServerContext = {
    registry,
    tables: createTableRegistry(),
    options: {
      bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
      minRequestTimeoutSeconds: options.minRequestTimeoutSeconds ?? 1800,
    },
    now: () => new Date(),
  };

  const httpsServer: Server = createHttpsServer({
    key: pki.serving.keyPem,
    cert: pki.serving.certPem,
    ca: pki.ca.certPem,
    requestCert: true,
    rejectUnauthorized: false,
  });
  let port = options.port ?? 6443;
  const url = () => `https://${address.includes(':') ? `[${address}]` : address}:${port}`;
  const discovery = new Discovery(() => registry.resources(), () => `${address.includes(':') ? `[${address}]` : address}:${port}`);
  registry.onChange(() => discovery.invalidate());
  const buildDate = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  // CRD wiring: custom resource schemas come from the CRD controller (started below).
  let crdController: CrdController | undefined;
  const openapi = createOpenApiRoutes(() => registry.resources(), versionInfo(buildDate).gitVersion, () => crdController?.customResources() ?? []);
  registry.onChange(() => openapi.invalidate());
  let ready = false;
  const auth = createServerAuth({
    serviceAccountKey: pki.serviceAccount,
    objects: { get: async (g, r, ns, n) => (await registry.store(g, r).tryGet(ns, n))?.object },
  });
  const router = createRouter({
    auth,
    ctx,
    discovery,
    openapi,
    version: () => versionInfo(buildDate),
    health: [
      { name: 'ping', check: () => true },
      { name: 'log', check: () => true },
      { name: 'etcd', check: () => true },
      { name: 'poststarthook/bootstrap-controller', check: () => ready },
    ],
  });
  const sockets = new Set<Socket>();
  httpsServer.on('secureConnection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  httpsServer.on('request', (req, res) => void router.handleRequest(req, res));
  httpsServer.on('upgrade', (req, socket, head) => void router.handleUpgrade(req, socket, head));
  // A broken client connection must never take the server down.
  httpsServer.on('clientError', (err, socket) => {
    if (process.env.KTL_DEBUG) console.error('client error', err);
    socket.destroy();
  });
  httpsServer.on('tlsClientError', () => undefined);

  await registry.migrateSharedStores();
  await new Promise<void>((resolve, reject) => {
    httpsServer.once('error', reject);
    httpsServer.listen(port, address, () => {
      httpsServer.off('error', reject);
      port = (httpsServer.address() as AddressInfo).port;
      resolve();
    });
  });

  let controllers: Controllers | undefined;
  try {
    await bootstrap(registry, { address, port });
    controllers = startControllers(registry, { caPem: pki.ca.certPem });
    // CRD wiring: serve established CRDs (those stored already before reporting ready).
    crdController = await startCrdController(registry, ctx.tables);
    ready = true;
  } catch (e) {
    httpsServer.close();
    await storage.close();
    throw e;
  }

  let closing: Promise<void> | undefined;
  return {
    address,
    get port() {
      return port;
    },
    get url() {
      return url();
    },
    pki,
    registry,
    close() {
      closing ??= (async () => {
        controllers?.stop();
        crdController?.stop();
        router.close();
        await new Promise<void>((resolve) => {
          httpsServer.close(() => resolve());
          for (const s of sockets) s.destroy();
        });
        await storage.close();
      })();
      return closing;
    },
  };
}
