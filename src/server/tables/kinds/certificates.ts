// certificates.k8s.io: signing requests and trust bundles (printers.go).
import type { KubeObject } from '../../../api/object.ts';
import { humanDuration } from '../../../api/duration.ts';
import { AGE, NAME, text } from '../columns.ts';
import { age, has, int, items, name, spec, status, str } from '../fields.ts';
import type { TableEntry } from '../types.ts';

/** extractCSRStatus: Denied over Approved over Pending, then ",Failed" and ",Issued". */
function csrCondition(o: KubeObject): string {
  // a condition counts by its type alone, whatever its status
  const types = new Set(items(status(o).conditions).map((c) => c.type));
  let s = types.has('Denied') ? 'Denied' : types.has('Approved') ? 'Approved' : 'Pending';
  if (types.has('Failed')) s += ',Failed';
  if (str(status(o).certificate) !== '') s += ',Issued';
  return s;
}

export const certificateSigningRequests: TableEntry = {
  columns: [
    NAME,
    AGE,
    text('SignerName', 'The signer asked to sign.'),
    text('Requestor', 'Who made the request.'),
    text('RequestedDuration', 'How long the certificate is asked to be valid.'),
    text('Condition', 'Approval and issuing state.'),
  ],
  row(o, now) {
    const sp = spec(o);
    return [
      name(o), age(o, now), str(sp.signerName) || '<none>', str(sp.username),
      has(sp.expirationSeconds) ? humanDuration(int(sp.expirationSeconds) * 1000) : '<none>', csrCondition(o),
    ];
  },
};

export const clusterTrustBundles: TableEntry = {
  columns: [NAME, text('SignerName', 'The signer whose trust anchors these are.')],
  row: (o) => [name(o), str(spec(o).signerName) || '<none>'],
};
