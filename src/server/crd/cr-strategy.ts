// The store hooks of one custom resource (apiextensions-apiserver registry/customresource
// strategy.go, status_strategy.go, validator.go, and the schema coercion of
// customresource_handler.go): pruning of unknown fields, schema defaults, schema validation with
// ratcheting on update, list-type checks, scale paths, and generation counting every non-metadata
// change. Versions share one store in the storage version, so the storage version's schema applies
// (conversion "None": versions differ only in apiVersion). CEL rules (x-kubernetes-validations) are
// not evaluated: there is no CEL engine.
import type { KubeObject } from '../../api/object.ts';
import { forbidden, type FieldError } from '../status.ts';
import type { Strategy } from '../registry/strategy.ts';
import { customResourceScale, validateScaleSpec, validateScaleStatus } from './scale.ts';
import { applySchemaDefaults } from './schema/defaulting.ts';
import { validateListSetsAndMaps } from './schema/list-types.ts';
import { canonicalizeCustomResource, pruneCustomResource } from './schema/pruning.ts';
import type { JSONSchemaProps } from './schema/types.ts';
import { ratchet, schemaErrors, toFieldErrors } from './schema/validate-value.ts';
import { crdTypeIndex } from './type-index.ts';
import { storageVersionOf, versionOf, type Crd, type CrdScale } from './types.ts';

/** A strategy with the decoding hook custom resources need (unknown fields come from pruning). */
export interface CustomResourceStrategy extends Strategy {
  /**
   * Drops the fields the schema does not know, in place, and names them (".spec.foo") so the store
   * can apply fieldValidation=Strict/Warn as it does for built-in kinds.
   */
  decode(obj: KubeObject): { value: KubeObject; unknownFields: string[] };
}

export interface CustomResourceStrategyOptions {
  /** True while the CRD is being deleted: new custom resources are refused. */
  terminating(): boolean;
}

/** Everything but metadata counts for generation (customResourceStrategy.PrepareForUpdate). */
function nonMetadata(obj: KubeObject): unknown {
  const { metadata: _m, ...rest } = obj;
  return rest;
}

export function createCustomResourceStrategy(crd: Crd, options: CustomResourceStrategyOptions): CustomResourceStrategy {
  const version = versionOf(crd, storageVersionOf(crd) ?? '');
  const schema: JSONSchemaProps | undefined = version?.schema?.openAPIV3Schema;
  const statusSchema = schema?.properties?.status;
  const scale: CrdScale | undefined = version?.subresources?.scale;
  const group = crd.spec.group ?? '';
  const plural = crd.status?.acceptedNames?.plural || crd.spec.names?.plural || '';

  const coerce = (obj: KubeObject) => pruneCustomResource(obj, schema).map((p) => `.${p}`);

  function validate(obj: KubeObject, old?: KubeObject): FieldError[] {
    let errors = schemaErrors(schema ?? {}, obj);
    if (old) errors = ratchet(errors, obj, old);
    const errs = toFieldErrors(undefined, errors);
    errs.push(...validateScaleSpec(obj, scale), ...validateScaleStatus(obj, scale));
    const listErrs = validateListSetsAndMaps(schema, obj);
    // on update, list-type errors only count when the old object had none
    if (!old || validateListSetsAndMaps(schema, old).length === 0) errs.push(...listErrs);
    return errs;
  }

  const types = crdTypeIndex(crd, version?.name ?? '');
  const strategy: CustomResourceStrategy = {
    tracksGeneration: true,
    // typed view for server-side apply and patch (the storage version's; versions differ only in apiVersion)
    schema: { types: types.index, typeName: types.typeName },
    specOf: nonMetadata,
    decode(obj) {
      return { value: obj, unknownFields: coerce(obj) };
    },
    applyDefaults(obj) {
      // pruning again is a no-op after decode(); it keeps stored objects clean until the store calls decode
      coerce(obj);
      applySchemaDefaults(obj, schema);
    },
    canonicalize(obj) {
      canonicalizeCustomResource(obj);
    },
    prepareForCreate(obj) {
      if (options.terminating()) throw forbidden({ group, resource: plural }, obj.metadata.name ?? '', 'create not allowed while custom resource definition is terminating');
    },
    validate: (obj) => validate(obj),
    validateUpdate: (obj, old) => validate(obj, old),
    status: {
      prepareForUpdate(obj) {
        coerce(obj);
        applySchemaDefaults(obj, schema);
      },
      validateUpdate(obj, old) {
        const errs: FieldError[] = [];
        if ('status' in obj && statusSchema) errs.push(...toFieldErrors('status', ratchet(schemaErrors(statusSchema, obj.status), obj.status, old.status)));
        errs.push(...validateScaleStatus(obj, scale));
        const listErrs = validateListSetsAndMaps(schema, obj);
        if (listErrs.length && validateListSetsAndMaps(schema, old).length === 0) errs.push(...listErrs);
        return errs;
      },
    },
  };
  if (scale) strategy.scale = customResourceScale(scale);
  return strategy;
}
