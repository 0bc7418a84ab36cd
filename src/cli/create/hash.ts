// --append-hash: kubectl's content hash of a ConfigMap or Secret (pkg/util/hash): sha256 of a
// small JSON document (sorted keys, as Go marshals a map), its first ten hex digits with the
// vowel-looking ones swapped so that the suffix spells no words.
import { createHash } from 'node:crypto';
import { goCompactJson } from './last-applied.ts';

function encodeHash(hex: string): string {
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((c) => swap[c] ?? c).join('');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// Go marshals a nil map as null and an empty one as {}; the generators always have a map.
const jsonOf = (m: Record<string, unknown>) => goCompactJson(m, true).slice(0, -1);

export function configMapHash(cm: { name: string; data: Record<string, string>; binaryData: Record<string, string> }): string {
  const doc: Record<string, unknown> = { kind: 'ConfigMap', name: cm.name, data: cm.data };
  if (Object.keys(cm.binaryData).length) doc.binaryData = cm.binaryData;
  return encodeHash(sha256(jsonOf(doc)));
}

/** data values are base64, as Go marshals []byte. */
export function secretHash(s: { name: string; type: string; data: Record<string, string> }): string {
  return encodeHash(sha256(jsonOf({ kind: 'Secret', type: s.type, name: s.name, data: s.data })));
}
