// The controllers that run inside the server process. Each writes through the registry (strategies,
// resourceVersions, watch events), never storage directly.
import type { Registry } from '../registry/registry.ts';
import { startNamespaceController } from './namespace.ts';

export interface Controllers {
  stop(): void;
}

export function startControllers(registry: Registry): Controllers {
  const running = [startNamespaceController(registry)];
  return { stop: () => running.forEach((c) => c.stop()) };
}
