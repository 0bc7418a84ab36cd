// Static bearer tokens from a CSV file (kube-apiserver --token-auth-file): `token,user,uid[,"g1,g2"]`.
// Such tokens carry no audience: like upstream they are good for the API server's own audiences only.
import { readFile } from 'node:fs/promises';
import type { TokenAuthenticator } from './service-account-token.ts';
import type { UserInfo } from './user-info.ts';

/** RFC 4180 records as Go's encoding/csv reads them: quoted fields, "" escapes, blank lines skipped. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let sawAny = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      sawAny = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
      sawAny = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (sawAny || field !== '') records.push([...record, field]);
      record = [];
      field = '';
      sawAny = false;
    } else {
      field += c;
      sawAny = true;
    }
  }
  if (sawAny || field !== '') records.push([...record, field]);
  return records;
}

/** Token → user from the file's text; `path` only names the file in errors. */
export function parseTokenFile(text: string, path: string): Map<string, UserInfo> {
  const tokens = new Map<string, UserInfo>();
  for (const record of parseCsv(text)) {
    if (record.length < 3)
      throw new Error(`token file '${path}' must have at least 3 columns (token, user name, user uid), found ${record.length}`);
    const [token, name, uid, groups] = record as [string, string, string, string | undefined];
    if (token === '') continue;  // upstream warns and skips; a later duplicate wins
    const user: UserInfo = { name, groups: groups === undefined ? [] : groups.split(',') };
    if (uid) user.uid = uid;
    tokens.set(token, user);
  }
  return tokens;
}

export async function loadTokenFile(path: string): Promise<Map<string, UserInfo>> {
  return parseTokenFile(await readFile(path, 'utf8'), path);
}

/**
 * An authenticator over fixed tokens. Upstream wraps such audience-agnostic authenticators so that they
 * answer only when the requested audiences include an API audience, and then report the API audiences.
 */
export function createStaticTokenAuthenticator(tokens: ReadonlyMap<string, UserInfo>, apiAudiences: readonly string[]): TokenAuthenticator {
  return {
    async authenticateToken(token, audiences) {
      const user = tokens.get(token);
      if (!user) return { ok: false };
      const requested = audiences && audiences.length ? audiences : apiAudiences;
      const matched = requested.filter((a) => apiAudiences.includes(a));
      if (apiAudiences.length && matched.length === 0) return { ok: false };
      return { ok: true, user: { ...user, groups: [...user.groups] }, audiences: [...matched] };
    },
  };
}
