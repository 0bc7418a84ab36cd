// Shared test fixtures: minimal valid objects (defaulted) and message rendering.
import type { KubeObject } from '../../../../src/api/object.ts';
import type { FieldError } from '../../../../src/server/status.ts';
import { fieldErrorText } from '../../../../src/server/status.ts';
import { applyTestDefaults } from './defaults.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type O = Record<string, any>;

export const texts = (errs: FieldError[]) => errs.map(fieldErrorText);

export const clone = <T>(v: T): T => structuredClone(v);

export function defaulted(obj: O): O {
  return applyTestDefaults(obj as KubeObject) as O;
}

export const podSpec = (): O => ({ containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] });

export const pod = (): O => defaulted({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns' }, spec: podSpec() });

export const template = (labels: O = { app: 'web' }): O => ({ metadata: { labels }, spec: podSpec() });

export const deployment = (): O =>
  defaulted({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'ns' }, spec: { selector: { matchLabels: { app: 'web' } }, template: template() } });
