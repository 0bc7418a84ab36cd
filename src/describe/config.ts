// ConfigMaps, Secrets and ServiceAccounts. Upstream walks data maps in Go's random map order;
// ktl sorts the keys, which is one of the orders kubectl may print.
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.ts';
import { LEVEL_0, tabbedString } from './writer.ts';
import { obj, objs, sortedKeys, str, strMap, type Obj } from './values.ts';

/** Bytes of a base64 value as Go decodes []byte fields. */
const decodedLength = (v: unknown) => Buffer.from(str(v), 'base64').length;

export function describeConfigMap(cm: Obj, events: Obj[] | undefined, now: Date): string {
  return tabbedString((w) => {
    const m = obj(cm.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    const data = strMap(cm.data);
    for (const k of sortedKeys(data)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${data[k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    const binary = obj(cm.binaryData);
    for (const k of sortedKeys(binary)) w.write(LEVEL_0, `${k}: ${decodedLength(binary[k])} bytes\n`);
    w.write(LEVEL_0, '\n');
    if (events) describeEvents(events, w, now);
  });
}

export function describeSecret(secret: Obj): string {
  return tabbedString((w) => {
    const m = obj(secret.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `\nType:\t${str(secret.type)}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    const data = obj(secret.data);
    for (const k of sortedKeys(data)) {
      // a service account token is shown: it is what the secret exists for
      if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${Buffer.from(str(data[k]), 'base64').toString()}\n`);
      else w.write(LEVEL_0, `${k}:\t${decodedLength(data[k])} bytes\n`);
    }
  });
}

export interface ServiceAccountRelated {
  /** Token Secrets annotated for this account (name and uid). */
  tokens: Obj[];
  /** Referenced secrets that do not exist (empty when the secrets could not be listed). */
  missingSecrets: Set<string>;
  events: Obj[] | undefined;
}

/** The related secrets of a service account, from the namespace's secrets (undefined: list failed). */
export function serviceAccountSecrets(sa: Obj, secrets: Obj[] | undefined): { tokens: Obj[]; missingSecrets: Set<string> } {
  const tokens: Obj[] = [];
  const missingSecrets = new Set<string>();
  if (!secrets) return { tokens, missingSecrets };
  const m = obj(sa.metadata);
  const existing = new Set<string>();
  for (const s of secrets) {
    const sm = obj(s.metadata);
    if (s.type === 'kubernetes.io/service-account-token') {
      const a = strMap(sm.annotations);
      if (a['kubernetes.io/service-account.name'] === str(m.name) && (a['kubernetes.io/service-account.uid'] ?? '') === str(m.uid)) tokens.push(s);
    }
    existing.add(str(sm.name));
  }
  for (const ref of [...objs(sa.secrets), ...objs(sa.imagePullSecrets)]) if (!existing.has(str(ref.name))) missingSecrets.add(str(ref.name));
  return { tokens, missingSecrets };
}

export function describeServiceAccount(sa: Obj, related: ServiceAccountRelated, now: Date): string {
  return tabbedString((w) => {
    const m = obj(sa.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(m.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    const empty = '                   ';
    const sections: [string, string[]][] = [
      ['Image pull secrets:', objs(sa.imagePullSecrets).map((s) => str(s.name))],
      ['Mountable secrets: ', objs(sa.secrets).map((s) => str(s.name))],
      ['Tokens:            ', related.tokens.map((s) => str(obj(s.metadata).name))],
    ];
    for (const [header, names] of sections) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const name of names) {
        w.write(LEVEL_0, `${prefix}\t${name}${related.missingSecrets.has(name) ? ' (not found)' : ''}\n`);
        prefix = empty;
      }
    }
    if (related.events) describeEvents(related.events, w, now);
  });
}
