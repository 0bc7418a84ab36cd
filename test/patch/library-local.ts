// The src/patch counterpart of `kubectl patch --local`: the same patch applied by our library,
// with kubectl's own wording for local failures (pkg/cmd/patch getPatchedJSON).
import { parseApiVersion } from '../../src/api/object.ts';
import { applyJsonPatch, decodeJsonPatch, mergePatch, schemaForKind, strategicMergePatch } from '../../src/patch/index.ts';
import type { LocalPatchCase } from './cases/local-patch-cases.ts';
import type { LocalOutcome } from './kubectl-local.ts';

export function libraryLocalPatch(c: LocalPatchCase): LocalOutcome {
  try {
    return { result: apply(c) };
  } catch (e) {
    // kubectl prints the message and a newline unless it already ends with one.
    return { error: (e as Error).message.replace(/\n$/, '') };
  }
}

function apply(c: LocalPatchCase) {
  switch (c.type) {
    case 'strategic': {
      const { group, version } = parseApiVersion(String(c.object.apiVersion));
      const schema = schemaForKind(group, version, String(c.object.kind));
      if (!schema) throw new Error(`strategic merge patch is not supported for ${c.object.apiVersion}, Kind=${c.object.kind} locally, try --type merge`);
      return strategicMergePatch(c.object, c.patch, schema);
    }
    case 'merge':
      return mergePatch(c.object, c.patch);
    case 'json':
      try {
        return applyJsonPatch(c.object, decodeJsonPatch(c.patch));
      } catch (e) {
        const msg = (e as Error).message;
        const at = msg.indexOf('key:');
        if (msg.includes('doc is missing key') && at >= 0) throw new Error(`Object to be patched is missing field (${msg.slice(at + 5)})`);
        throw e;
      }
  }
}
