// Event validation (pkg/apis/core/validation/events.go), over the stored core/v1 shape. Which rules
// apply depends on the request's group/version: core v1 keeps the legacy checks only, newer APIs
// (events.k8s.io/v1, and internal writers, which upstream also treat as "not core v1") add strict ones.
import type { FieldError } from '../../status.ts';
import { FIELD_IMMUTABLE, byteLength, goQuote, goText, invalid, isObj, obj, required, str, type GoValue, type Obj } from './field.ts';
import { validateQualifiedName } from './meta.ts';
import { isDNS1123Subdomain } from '../../../api/validation/names.ts';

const REPORTING_INSTANCE_LIMIT = 128;
const ACTION_LIMIT = 128;
const REASON_LIMIT = 128;
const NOTE_LIMIT = 1024;

/** The request's apiVersion ("v1", "events.k8s.io/v1"); legacy rules only for core v1 (and events.k8s.io/v1beta1). */
const isLegacy = (requestVersion: string) => requestVersion === 'v1' || requestVersion === 'events.k8s.io/v1beta1';

const timeSet = (v: unknown) => typeof v === 'string' && v !== '' && !v.startsWith('0001-01-01T00:00:00');

export function validateEventCreate(e: Obj, requestVersion: string): FieldError[] {
  const errs = legacyValidateEvent(e, requestVersion);
  if (isLegacy(requestVersion)) return errs;
  const name = str(e.metadata?.name);
  // ValidateObjectMeta with NameIsDNSSubdomain (core itself only asks for a path segment)
  for (const m of isDNS1123Subdomain(name)) errs.push(invalid('metadata.name', name, m));
  errs.push(...validateSeries(e));
  if (!timeSet(e.eventTime)) errs.push(required('eventTime'));
  if (e.type !== 'Normal' && e.type !== 'Warning') errs.push(invalid('type', '', `has invalid value: ${str(e.type)}`));
  if (timeSet(e.firstTimestamp)) errs.push(invalid('firstTimestamp', '', 'needs to be unset'));
  if (timeSet(e.lastTimestamp)) errs.push(invalid('lastTimestamp', '', 'needs to be unset'));
  if (typeof e.count === 'number' && e.count !== 0) errs.push(invalid('count', '', 'needs to be unset'));
  const source = obj(e.source);
  if (str(source.component) !== '' || str(source.host) !== '') errs.push(invalid('source', '', 'needs to be unset'));
  return errs;
}

export function validateEventUpdate(e: Obj, old: Obj, requestVersion: string): FieldError[] {
  const errs = legacyValidateEvent(e, requestVersion);
  if (isLegacy(requestVersion)) return errs;
  if (JSON.stringify(e.series ?? null) !== JSON.stringify(old.series ?? null)) errs.push(...validateSeries(e));
  // ValidateImmutableField, at the internal type's paths (reportingController even on core v1)
  const immutable = (key: string, render: (v: unknown) => GoValue, path = key, equal = sameJson) => {
    if (!equal(e[key], old[key])) errs.push(invalid(path, render(e[key]), FIELD_IMMUTABLE));
  };
  immutable('involvedObject', goObjectReference);
  immutable('reason', str);
  immutable('message', str);
  immutable('source', goEventSource);
  immutable('firstTimestamp', goTime);
  immutable('lastTimestamp', goTime);
  immutable('count', int32);
  immutable('reason', str);  // upstream checks reason twice
  immutable('type', str);
  // sub-microsecond differences are tolerated (kubernetes#111928)
  immutable('eventTime', goTime, 'eventTime', (a, b) => micros(a) === micros(b));
  immutable('action', str);
  immutable('related', (v) => (isObj(v) ? goObjectReference(v) : null));
  immutable('reportingComponent', str, 'reportingController');
  immutable('reportingInstance', str);
  return errs;
}

function validateSeries(e: Obj): FieldError[] {
  if (!isObj(e.series)) return [];
  const errs: FieldError[] = [];
  if (!(typeof e.series.count === 'number' && e.series.count >= 2)) errs.push(invalid('series.count', '', 'should be at least 2'));
  if (!timeSet(e.series.lastObservedTime)) errs.push(required('series.lastObservedTime'));
  return errs;
}

function legacyValidateEvent(e: Obj, requestVersion: string): FieldError[] {
  const errs: FieldError[] = [];
  const namespace = str(e.metadata?.namespace);
  const involved = obj(e.involvedObject);
  const involvedNs = str(involved.namespace);
  // the same field is named after the version the client wrote
  const controllerField = requestVersion === 'v1' ? 'reportingComponent' : 'reportingController';
  if (!timeSet(e.eventTime)) {
    // old-style events: namespace and involvedObject.namespace agree ("default" tolerated for old clients)
    const mismatch = involvedNs === '' ? namespace !== '' && namespace !== 'default' : namespace !== involvedNs;
    if (mismatch) errs.push(invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace'));
  } else {
    if (involvedNs === '' && namespace !== 'default' && namespace !== 'kube-system')
      errs.push(invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace'));
    const controller = str(e.reportingComponent);
    if (controller === '') errs.push(required(controllerField));
    errs.push(...validateQualifiedName(controller, controllerField));
    const instance = str(e.reportingInstance);
    if (instance === '') errs.push(required('reportingInstance'));
    if (byteLength(instance) > REPORTING_INSTANCE_LIMIT) errs.push(invalid('reportingInstance', '', `can have at most ${REPORTING_INSTANCE_LIMIT} characters`));
    const action = str(e.action);
    if (action === '') errs.push(required('action'));
    if (byteLength(action) > ACTION_LIMIT) errs.push(invalid('action', '', `can have at most ${ACTION_LIMIT} characters`));
    const reason = str(e.reason);
    if (reason === '') errs.push(required('reason'));
    if (byteLength(reason) > REASON_LIMIT) errs.push(invalid('reason', '', `can have at most ${REASON_LIMIT} characters`));
    if (byteLength(str(e.message)) > NOTE_LIMIT) errs.push(invalid('message', '', `can have at most ${NOTE_LIMIT} characters`));
  }
  for (const m of isDNS1123Subdomain(namespace)) errs.push(invalid('namespace', namespace, m));
  return errs;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const int32 = (v: unknown): GoValue => (typeof v === 'number' ? Math.trunc(v) : 0);

/** %#v of core.ObjectReference. */
function goObjectReference(v: unknown): GoValue {
  const r = obj(v);
  const f = (k: string) => goQuote(str(r[k]));
  return goText(
    `core.ObjectReference{Kind:${f('kind')}, Namespace:${f('namespace')}, Name:${f('name')}, UID:${f('uid')}, APIVersion:${f('apiVersion')}, ResourceVersion:${f('resourceVersion')}, FieldPath:${f('fieldPath')}}`,
  );
}

function goEventSource(v: unknown): GoValue {
  const s = obj(v);
  return goText(`core.EventSource{Component:${goQuote(str(s.component))}, Host:${goQuote(str(s.host))}}`);
}

function micros(v: unknown): number | undefined {
  if (!timeSet(v)) return undefined;
  const m = /\.(\d+)/.exec(v as string);
  return Date.parse(v as string) * 1000 + Number((m?.[1] ?? '').padEnd(9, '0').slice(3, 6));
}

/** metav1.Time / MicroTime print through time.Time's String(): "2006-01-02 15:04:05.999999999 +0000 UTC". */
function goTime(v: unknown): GoValue {
  if (!timeSet(v)) return goText('0001-01-01 00:00:00 +0000 UTC');
  const d = new Date(v as string);
  const frac = (/\.(\d+)/.exec(v as string)?.[1] ?? '').replace(/0+$/, '');
  const iso = d.toISOString();
  return goText(`${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac ? `.${frac}` : ''} +0000 UTC`);
}
