// A kind's hooks into the generic store (kube-apiserver's RESTCreateStrategy/RESTUpdateStrategy and
// friends): kinds give hooks and data, never CRUD. The store calls them at fixed points:
// create: applyDefaults → admission → managedFields → prepareForCreate → validate → canonicalize → persist
// update: applyDefaults → admission → managedFields → prepareForUpdate → validateUpdate → canonicalize → persist
import type { KubeObject } from '../../api/object.ts';
import type { FieldError } from '../status.ts';
import type { ClusterReader } from './store.ts';
import type { ScaleAccess } from './scale.ts';
import type { TypeIndex } from '../../api/types.ts';

type MaybePromise<T> = T | Promise<T>;

export interface StrategyContext {
  now: Date;
  /** The request's user, for hooks that record who did what. */
  user: { name: string; groups: string[] };
  dryRun: boolean;
  /** The request's apiVersion ("v1", "events.k8s.io/v1"); undefined for internal writers. */
  requestVersion?: string;
  /** Other objects, for hooks that allocate or check (service IPs, node ports). */
  cluster?: ClusterReader;
}

export interface UpdateHooks {
  /** Copy from old what this endpoint may not change (e.g. status on the main resource). */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): MaybePromise<void>;
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): MaybePromise<FieldError[]>;
}

export interface Strategy extends UpdateHooks {
  /** metadata.generation starts at 1 and counts spec changes (kinds with a spec/status split). */
  tracksGeneration?: boolean;
  /** PUT on a missing object creates it (endpoints, leases, ...). */
  allowCreateOnUpdate?: boolean;
  /** How metadata.name is validated (default: DNS subdomain). */
  nameRule?: 'subdomain' | 'label' | 'label1035' | 'path-segment';
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): MaybePromise<void>;
  /** API defaulting (pkg/apis/<group>/v1/defaults.go), applied to every create and update. */
  applyDefaults?(obj: KubeObject, ctx: StrategyContext): MaybePromise<void>;
  validate?(obj: KubeObject, ctx: StrategyContext): MaybePromise<FieldError[]>;
  canonicalize?(obj: KubeObject): MaybePromise<void>;
  /** The /status endpoint's own hooks; default: only status (and some metadata) may change. */
  status?: UpdateHooks;
  /** The /finalize endpoint (namespaces): only spec.finalizers may change. */
  finalize?: UpdateHooks;
  /**
   * Deletion that waits for more than metadata.finalizers (a namespace's spec.finalizers): true while
   * it must wait. prepareForDeletion marks the object as going (e.g. phase Terminating).
   */
  deletionPending?(obj: KubeObject): boolean;
  /**
   * Graceful deletion (RESTGracefulDeleteStrategy.CheckGracefulDelete): the grace period in seconds
   * for this object given the one requested; 0 deletes at once.
   */
  gracefulDelete?(obj: KubeObject, requestedSeconds: number | undefined): number;
  prepareForDeletion?(obj: KubeObject, ctx: StrategyContext): MaybePromise<void>;
  /**
   * Decoding of kinds without a built-in type (custom resources): the object pruned to its schema
   * and the unknown fields that were dropped (for fieldValidation).
   */
  decode?(obj: KubeObject): { value: KubeObject; unknownFields: string[] };
  /** A problem decoding the request would have (malformed quantities): the 400 message, if any. */
  checkDecode?(obj: KubeObject): string | undefined;
  /** The kind's typed schema when it is not a built-in one (custom resources), for apply and patch. */
  schema?: { types: TypeIndex; typeName: string | undefined };
  /** The scale subresource's view of the object (workloads, CRDs with subresources.scale). */
  scale?: ScaleAccess;
  /** Which part of the object counts as "spec" for generation (default: all but metadata and status). */
  specOf?(obj: KubeObject): unknown;
}
