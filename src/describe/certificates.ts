// CertificateSigningRequests: the PKCS#10 request's subject and alternative names, read with a
// small DER reader (Node has no CSR parser).
import { describeEvents } from './events.ts';
import { humanDuration } from '../api/duration.ts';
import { formatLabels } from '../api/labels/format.ts';
import { rfc1123z } from './format.ts';
import { LEVEL_0, tabbedString, type PrefixWriter } from './writer.ts';
import { has, int, obj, objs, str, type Obj } from './values.ts';

interface Der {
  tag: number;
  body: Buffer;
}

function readDer(buf: Buffer, at = 0): { node: Der; next: number } {
  const tag = buf[at]!;
  let len = buf[at + 1]!;
  let off = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[off + i]!;
    off += n;
  }
  if (off + len > buf.length) throw new Error('truncated DER');
  return { node: { tag, body: buf.subarray(off, off + len) }, next: off + len };
}

function children(node: Der): Der[] {
  const out: Der[] = [];
  for (let at = 0; at < node.body.length; ) {
    const { node: child, next } = readDer(node.body, at);
    out.push(child);
    at = next;
  }
  return out;
}

function oid(body: Buffer): string {
  const parts = [Math.trunc(body[0]! / 40), body[0]! % 40];
  let v = 0;
  for (const b of body.subarray(1)) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

export interface ParsedCsr {
  subject: Record<string, string[]>;
  dnsNames: string[];
  emails: string[];
  uris: string[];
  ips: string[];
}

const SUBJECT_OIDS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.17': 'postalCode',
};

function ipString(b: Buffer): string {
  if (b.length === 4) return [...b].join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(b.readUInt16BE(i).toString(16));
  // net.IP.String: the longest run of zero groups becomes "::"
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen && j - i > 1) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

/** Parses a PEM "CERTIFICATE REQUEST" (spec.request, base64 of the PEM). */
export function parseCsr(pem: string): ParsedCsr {
  const m = /-----BEGIN CERTIFICATE REQUEST-----([\s\S]*?)-----END CERTIFICATE REQUEST-----/.exec(pem);
  if (!m) throw new Error('PEM block type must be CERTIFICATE REQUEST');
  const der = Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
  const info = children(readDer(der).node)[0]!;
  const [, subjectNode, , attributes] = children(info);
  const result: ParsedCsr = { subject: {}, dnsNames: [], emails: [], uris: [], ips: [] };
  for (const rdn of children(subjectNode!)) {
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      const key = SUBJECT_OIDS[oid(type!.body)];
      if (key) (result.subject[key] ??= []).push(value!.body.toString());
    }
  }
  if (attributes && attributes.tag === 0xa0) {
    for (const attr of children(attributes)) {
      const [type, values] = children(attr);
      if (oid(type!.body) !== '1.2.840.113549.1.9.14') continue;
      for (const exts of children(values!)) {
        for (const ext of children(exts)) {
          const parts = children(ext);
          if (oid(parts[0]!.body) !== '2.5.29.17') continue;
          const san = readDer(parts[parts.length - 1]!.body).node;
          for (const name of children(san)) {
            const tag = name.tag & 0x1f;
            if (tag === 2) result.dnsNames.push(name.body.toString());
            else if (tag === 1) result.emails.push(name.body.toString());
            else if (tag === 6) result.uris.push(name.body.toString());
            else if (tag === 7) result.ips.push(ipString(name.body));
          }
        }
      }
    }
  }
  return result;
}

/** extractCSRStatus: Denied, Approved or Pending, then Failed and Issued. */
function csrStatus(csr: Obj): string {
  const types = new Set(objs(obj(csr.status).conditions).map((c) => str(c.type)));
  let status = types.has('Denied') ? 'Denied' : types.has('Approved') ? 'Approved' : 'Pending';
  if (types.has('Failed')) status += ',Failed';
  if (str(obj(csr.status).certificate) !== '') status += ',Issued';
  return status;
}

/** The described CSR, or the parse failure kubectl reports instead. */
export function describeCertificateSigningRequest(csr: Obj, events: Obj[] | undefined, now: Date): string {
  const s = obj(csr.spec);
  const cr = parseCsr(Buffer.from(str(s.request), 'base64').toString());
  return tabbedString((w) => {
    const m = obj(csr.metadata);
    w.write(LEVEL_0, `Name:\t${str(m.name)}\n`);
    w.write(LEVEL_0, `Labels:\t${formatLabels(m.labels)}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(m.annotations)}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Requesting User:\t${str(s.username)}\n`);
    if (str(s.signerName) !== '') w.write(LEVEL_0, `Signer:\t${str(s.signerName)}\n`);
    if (has(s.expirationSeconds)) w.write(LEVEL_0, `Requested Duration:\t${humanDuration(int(s.expirationSeconds) * 1000)}\n`);
    w.write(LEVEL_0, `Status:\t${csrStatus(csr)}\n`);
    w.write(LEVEL_0, 'Subject:\n');
    w.write(LEVEL_0, `\tCommon Name:\t${cr.subject.CN?.at(-1) ?? ''}\n`);
    w.write(LEVEL_0, `\tSerial Number:\t${cr.subject.serialNumber?.at(-1) ?? ''}\n`);
    const list = (name: string, values: string[] | undefined) => printList(w, '\t', name, values ?? []);
    list('Organization', cr.subject.O);
    list('Organizational Unit', cr.subject.OU);
    list('Country', cr.subject.C);
    list('Locality', cr.subject.L);
    list('Province', cr.subject.ST);
    list('StreetAddress', cr.subject.street);
    list('PostalCode', cr.subject.postalCode);
    if (cr.dnsNames.length + cr.emails.length + cr.ips.length + cr.uris.length > 0) {
      w.write(LEVEL_0, 'Subject Alternative Names:\n');
      list('DNS Names', cr.dnsNames);
      list('Email Addresses', cr.emails);
      list('URIs', cr.uris);
      list('IP Addresses', cr.ips);
    }
    if (events) describeEvents(events, w, now);
  });
}

function printList(w: PrefixWriter, prefix: string, name: string, values: string[]): void {
  if (values.length === 0) return;
  w.write(LEVEL_0, `${prefix}${name}:\t`);
  w.write(LEVEL_0, values.join(`\n${prefix}\t`));
  w.write(LEVEL_0, '\n');
}
