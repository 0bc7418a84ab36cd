// Formatting shared by the describers: times, set selectors, and the multi-line blocks (labels,
// annotations, taints, tolerations, pods) with describe's alignment. Ages and label selectors are
// printed as the server's tables print them: src/api/duration.ts, src/api/labels/format.ts.
import { parseTime } from '../api/duration.ts';
import { LEVEL_0, type PrefixWriter } from './writer.ts';
import { zoneAbbreviation } from './zone.ts';
import { byteOrder, obj, objs, sortBy, sortedKeys, str, strMap, type Obj } from './values.ts';

// ---- times ----

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function offsetText(d: Date, colon = false): string {
  const offset = -d.getTimezoneOffset();
  const a = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${pad(Math.trunc(a / 60))}${colon ? ':' : ''}${pad(a % 60)}`;
}

/**
 * Time.Format(time.RFC1123Z) of a metav1.Time: decoded times are in the local zone (TZ), an unset
 * one is Go's zero time in UTC.
 */
export function rfc1123z(timestamp: unknown): string {
  const t = parseTime(timestamp);
  if (t === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(t);
  return `${DAYS[d.getDay()]}, ${pad(d.getDate())} ${MONTHS[d.getMonth()]} ${pad(d.getFullYear(), 4)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${offsetText(d)}`;
}

/** time.Time.String() of a metav1.Time ("2006-01-02 15:04:05 -0700 MST"). */
export function goTimeString(timestamp: unknown): string {
  const t = parseTime(timestamp);
  if (t === undefined) return '0001-01-01 00:00:00 +0000 UTC';
  const d = new Date(t);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${offsetText(d)} ${zoneAbbreviation(t, -d.getTimezoneOffset() * 60)}`;
}

// ---- labels and selectors ----

/** labels.SelectorFromSet(m).String(): sorted "k=v" joined by commas, "" when empty. */
export function setSelectorString(map: unknown): string {
  const m = strMap(map);
  return sortedKeys(m)
    .map((k) => `${k}=${m[k]}`)
    .join(',');
}

// ---- multi-line blocks ----

/** printLabelsMultilineWithIndent: one "k=v" per line, sorted, `<none>` when empty. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: unknown, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const m = strMap(labels);
  const keys = sortedKeys(m);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${m[key]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
/** Never shown: kubectl apply's record of the last configuration. */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** Byte length, as Go's len() of a string. */
const byteLength = (s: string) => Buffer.byteLength(s);
/** s[:n] on bytes; a cut rune becomes bytes Go would print raw, here U+FFFD. */
const byteSlice = (s: string, n: number) => Buffer.from(s).subarray(0, n).toString();

/** printAnnotationsMultiline: long or multi-line values go below their key, cut at 140 bytes. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: unknown): void {
  w.write(LEVEL_0, `${title}:\t`);
  const m = strMap(annotations);
  const keys = sortedKeys(m).filter((k) => !SKIP_ANNOTATIONS.has(k));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = m[key]!.replace(/\n$/, '');
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

function shorten(s: string, max: number): string {
  return byteLength(s) > max ? `${byteSlice(s, max)}...` : s;
}

/** Taint.ToString(). */
export const taintString = (t: Obj): string => (str(t.value) === '' ? `${str(t.key)}:${str(t.effect)}` : `${str(t.key)}=${str(t.value)}:${str(t.effect)}`);

/** printTaintsMultilineWithIndent: sorted by effect then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: unknown, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const list = objs(taints);
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const key = (t: Obj) => `${str(t.effect)},${str(t.key)}`;
  sortBy(list, (a, b) => byteOrder(key(a), key(b))).forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** printTolerationsMultilineWithIndent: sorted by key; "op=Exists" for the match-all forms. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: unknown, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const list = objs(tolerations);
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  sortBy(list, (a, b) => byteOrder(str(a.key), str(b.key))).forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    const key = str(t.key);
    const value = str(t.value);
    const effect = str(t.effect);
    let s = key;
    if (value !== '') s += `=${value}`;
    if (effect !== '') s += `:${effect}`;
    if (t.operator === 'Exists' && value === '') s += key !== '' || effect !== '' ? ' op=Exists' : 'op=Exists';
    if (typeof t.tolerationSeconds === 'number') s += ` for ${Math.trunc(t.tolerationSeconds)}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

/** printPodsMultilineWithIndent: pod names, sorted. */
export function printPodsMultiline(w: PrefixWriter, title: string, pods: Obj[]): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (pods.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const names = pods.map((p) => str(obj(p.metadata).name)).sort(byteOrder);
  names.forEach((name, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${name}\n`);
  });
}

// ---- objects ----

export const meta = (o: unknown): Obj => obj(obj(o).metadata);

/** The controller owner reference of an object, if any. */
export const controllerOf = (o: unknown): Obj | undefined => objs(meta(o).ownerReferences).find((r) => r.controller === true);

/** printController: "Kind/name" of the controlling owner, "" when none. */
export function printController(o: unknown): string {
  const ref = controllerOf(o);
  return ref ? `${str(ref.kind)}/${str(ref.name)}` : '';
}

/** printBool: "True" / "False". */
export const printBool = (b: unknown): string => (b === true ? 'True' : 'False');

/** printBoolPtr: `<unset>` for a nil pointer. */
export const printBoolPtr = (b: unknown): string => (typeof b === 'boolean' ? printBool(b) : '<unset>');

/** stringOrNone. */
export const stringOrNone = (s: string): string => (s.length > 0 ? s : '<none>');
