// The controllers that run inside the server process. Each writes through the registry (strategies,
// resourceVersions, watch events), never storage directly.
import type { Registry } from '../registry/registry.ts';
import { startGarbageCollector } from './garbage-collector.ts';
import { startNamespaceController } from './namespace.ts';
import { startPodGarbageCollector } from './pod-gc.ts';
import { startServiceAccountController } from './service-accounts.ts';

export interface Controllers {
  stop(): void;
}

export interface ControllerOptions {
  /** The cluster CA, published in every namespace as kube-root-ca.crt. */
  caPem: string;
}

export function startControllers(registry: Registry, options: ControllerOptions): Controllers {
  const running = [
    startNamespaceController(registry),
    startGarbageCollector(registry),
    startPodGarbageCollector(registry),
    startServiceAccountController(registry, options.caPem),
  ];
  return { stop: () => running.forEach((c) => c.stop()) };
}
