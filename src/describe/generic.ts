// The describer of kinds without their own (CRDs, Events, and the rest): name, namespace, labels,
// annotations, then every field of the object as an indented tree with readable labels.
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.ts';
import { LEVEL_0, tabbedString, type PrefixWriter } from './writer.ts';
import { byteOrder, goValue, isObj, obj, str, type Obj } from './values.ts';

const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

export function describeGeneric(o: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(o.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    printContent(w, LEVEL_0, o, '');
    if (events) describeEvents(events, w, now);
  });
}

function printContent(w: PrefixWriter, level: number, content: Obj, prefix: string): void {
  for (const field of Object.keys(content).sort(byteOrder)) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (isObj(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (isObj(child)) printContent(w, level + 1, child, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${goValue(value)}\n`);
    }
  }
}

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** fatih/camelcase.Split: runs of lower, upper, digit, other; "PDFLoader" → "PDF", "Loader". */
export function camelSplit(s: string): string[] {
  const classOf = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const cls = classOf(c);
    if (cls === last) runs[runs.length - 1]!.push(c);
    else runs.push([c]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (/\p{Lu}/u.test(runs[i]![0]!) && /\p{Ll}/u.test(runs[i + 1]![0]!)) {
      runs[i + 1]!.unshift(runs[i]!.pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor: "creationTimestamp" → "Creation Timestamp", "apiVersion" → "API Version". */
export function smartLabel(field: string): string {
  // only plain words and dashes are split
  if ([...field].some((c) => !/\p{L}/u.test(c) && c !== '-')) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : [...p][0]!.toUpperCase() + [...p].slice(1).join('')))
    .join(' ');
}
