// CustomResourceDefinitions and custom resources: the public face of src/server/crd.
export { startCrdController, type CrdController } from './controller.ts';
export { customResourceDefinitionStrategy, defaultCrd } from './crd-strategy.ts';
export { createCustomResourceStrategy, type CustomResourceStrategy } from './cr-strategy.ts';
export { customResourceScale } from './scale.ts';
export { customResourceTable } from './columns.ts';
export { crdTypeIndex, type CustomResourceTypes } from './type-index.ts';
export { customResourceSpecs, resourceInfos } from './serving.ts';
export { validateCrd, validateCrdUpdate } from './validation.ts';
export type { Crd } from './types.ts';
