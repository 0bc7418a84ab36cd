// The store hooks of apiextensions.k8s.io/v1 customresourcedefinitions (apiextensions-apiserver
// registry/customresourcedefinition: strategy.go and etcd.go's Delete): v1 defaults, status reset
// on create and kept on update, storedVersions tracking, status through /status only, and deletion
// that waits for the CRD controller to remove the custom resources.
import type { KubeObject } from '../../api/object.ts';
import { rfc3339 } from '../registry/object-meta.ts';
import type { Strategy } from '../registry/strategy.ts';
import { CLEANUP_FINALIZER, asCrd, findCondition, setCondition, storageVersionOf, type Crd } from './types.ts';
import { validateCrd, validateCrdStatusUpdate, validateCrdUpdate } from './validation.ts';

/** SetDefaults_CustomResourceDefinition (v1 defaults.go) plus Go's encoding of required booleans. */
export function defaultCrd(crd: Crd): void {
  const spec = (crd.spec ??= {});
  const names = (spec.names ??= {});
  if (!names.singular && names.kind) names.singular = names.kind.toLowerCase();
  if (!names.listKind && names.kind) names.listKind = `${names.kind}List`;
  spec.conversion ??= { strategy: 'None' };
  const service = spec.conversion.webhook?.clientConfig?.service as { port?: number } | undefined;
  if (service && service.port === undefined) service.port = 443;
  for (const v of spec.versions ?? []) {
    v.served ??= false;
    v.storage ??= false;
  }
}

/** The storage version joins status.storedVersions (it is never removed by the server). */
function recordStorageVersion(crd: Crd): void {
  const storage = storageVersionOf(crd);
  if (!storage) return;
  const status = (crd.status ??= {});
  const stored = (status.storedVersions ??= []);
  if (!stored.includes(storage)) stored.push(storage);
}

export const customResourceDefinitionStrategy: Strategy = {
  tracksGeneration: true,
  specOf: (obj) => obj.spec,
  applyDefaults: (obj) => defaultCrd(asCrd(obj)),
  prepareForCreate(obj) {
    const crd = asCrd(obj);
    // Go encodes the empty acceptedNames with its two required names
    crd.status = { acceptedNames: { plural: '', kind: '' } };
    recordStorageVersion(crd);
  },
  prepareForUpdate(obj) {
    // the store has already put the old status back
    recordStorageVersion(asCrd(obj));
  },
  validate: (obj) => validateCrd(asCrd(obj)),
  validateUpdate: (obj, old) => validateCrdUpdate(asCrd(obj), asCrd(old)),
  status: {
    prepareForUpdate(obj, old) {
      obj.spec = structuredClone(old.spec);
    },
    validateUpdate: (obj) => validateCrdStatusUpdate(asCrd(obj)),
  },
  // Deleting a CRD first marks it (finalizer + Terminating); the CRD controller deletes the custom
  // resources and then removes the finalizer, and the CRD goes.
  deletionPending: (obj: KubeObject) => !obj.metadata.deletionTimestamp || !!obj.metadata.finalizers?.includes(CLEANUP_FINALIZER),
  prepareForDeletion(obj, ctx) {
    const finalizers = (obj.metadata.finalizers ??= []);
    if (!finalizers.includes(CLEANUP_FINALIZER)) finalizers.push(CLEANUP_FINALIZER);
    // a repeated delete leaves the controller's progress alone
    if (findCondition(asCrd(obj), 'Terminating')) return;
    setCondition(
      asCrd(obj),
      { type: 'Terminating', status: 'True', reason: 'InstanceDeletionPending', message: 'CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon' },
      rfc3339(ctx.now),
    );
  },
};
