// The controllers that run inside the server process. Each writes through the registry (strategies,
// resourceVersions, watch events), never storage directly.
import type { Registry } from '../registry/registry.ts';
import { startGarbageCollector } from './garbage-collector.ts';
import { startNamespaceController } from './namespace.ts';
import { startPodGarbageCollector } from './pod-gc.ts';

export interface Controllers {
  stop(): void;
}

export function startControllers(registry: Registry): Controllers {
  const running = [startNamespaceController(registry), startGarbageCollector(registry), startPodGarbageCollector(registry)];
  return { stop: () => running.forEach((c) => c.stop()) };
}
