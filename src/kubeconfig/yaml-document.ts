// The full YAML reading of a kubeconfig file, for what the fast block reader leaves (flow style,
// anchors, block scalars, comments in odd places) and for every syntax error's text.
import { parseAllDocuments, visit } from 'yaml';
import { resolvePlain } from '../printers/yaml-scalar.ts';
import { KubeconfigError } from './types.ts';

/** The first document as plain data (undefined if there is none). */
export function readYamlDocument(text: string): unknown {
  // Scalars are typed by go-yaml v2's rules (YAML 1.1, as kubectl reads), not the yaml package's.
  // Like go-yaml's Unmarshal, only the first document counts.
  const doc = parseAllDocuments(text, { version: '1.1', schema: 'failsafe', merge: true, uniqueKeys: true })[0];
  if (!doc) return undefined;
  if (doc.errors.length) throw new KubeconfigError(`yaml: ${doc.errors[0]!.message.split('\n')[0]}`);
  visit(doc, {
    Scalar(_, node) {
      if (node.type === 'PLAIN' && !node.tag && typeof node.value === 'string') node.value = resolvePlain(node.value).value;
    },
  });
  return doc.toJS({ maxAliasCount: 100 }) as unknown;
}
