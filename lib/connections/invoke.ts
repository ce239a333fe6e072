import 'server-only';
import { getPool } from '@/db';
import { assertCan, type Actor } from '@/lib/authz';
import { config } from '@/lib/config';
import { DomainError } from '@/lib/errors';
import { liveSql } from '@/lib/platform';
import { countInMemory } from '@/lib/ratelimit';
import type { AccessClaims } from '@/lib/tokens';
import { credentialHeader, freshRow, type ConnectionRow } from './credentials';
import type { InvokeResult } from './invoke-types';
import type { InvokeInput } from './schemas';
import { callUpstream } from './upstream';
import { checkTarget, targetProblemText } from './urls';

/**
 * `POST /v1/connections/{linkName}/invoke` and the portal's Try it (product.md §9): the URL must lie under
 * one of the service's allowed bases (lib/connections/urls.ts), we attach the credential, call the
 * provider without following redirects (a 3xx comes back as it is, so our Authorization header never
 * reaches another host), and pass on its status, a few headers and the body (size-capped).
 */
interface JoinedRow extends ConnectionRow {
  auth_type: 'oauth2' | 'api_key' | 'basic';
  api_key_header: string | null;
  allowed_base_urls: string[];
}

const COLUMNS = `c.id, c.tenant_id, c.service_id, c.link_name, c.status, c.access_token_encrypted, c.refresh_token_encrypted, c.token_type,
  c.expires_at, c.token_version, s.auth_type, s.api_key_header, s.allowed_base_urls`;

/** One read per call: the token's grant still live, and the connection (the budget is counted in memory). */
const INVOKE_SQL = `WITH live AS (${liveSql('$2', '$3')}),
  conn AS (SELECT ${COLUMNS} FROM connections c JOIN oauth_services s ON s.id = c.service_id WHERE c.tenant_id = $1::uuid AND c.link_name = $4::text)
  SELECT EXISTS (SELECT 1 FROM live) AS live, conn.* FROM (SELECT 1) one LEFT JOIN conn ON true LIMIT 1`;

/** Headers a caller may not set: the credential, and what the transport owns. */
const FORBIDDEN_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
  'forwarded',
]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,200}$/;

const HEADER_VALUE = /^[^\u0000-\u0008\u000a-\u001f\u007f]*$/;

/** Provider headers passed back (the rest — cookies above all — stay here). */
const PASSED_HEADERS = [
  'content-type',
  'content-language',
  'cache-control',
  'etag',
  'last-modified',
  'location',
  'retry-after',
  'link',
  'www-authenticate',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-request-id',
];

function outgoingHeaders(input: InvokeInput, credential: [string, string]): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    const lower = name.toLowerCase();
    if (!HEADER_NAME.test(name) || !HEADER_VALUE.test(value)) throw new DomainError('ConnectionHeaderNotAllowed', { header: name.slice(0, 60) });
    if (FORBIDDEN_HEADERS.has(lower) || lower.startsWith('proxy-') || lower.startsWith('x-forwarded-') || lower === credential[0].toLowerCase()) {
      throw new DomainError('ConnectionHeaderNotAllowed', { header: name });
    }
    out.set(name, value);
  }
  out.set(credential[0], credential[1]);
  return out;
}

/** Checks, attaches the credential, calls, and shapes the answer. */
export async function forward(row: JoinedRow, input: InvokeInput, ip: string | null): Promise<InvokeResult> {
  const target = checkTarget(input.url, row.allowed_base_urls);
  if (!target.ok) throw new DomainError('ConnectionUrlNotAllowed', { reason: targetProblemText(target.problem) });
  const url = target.url;
  for (const [k, v] of Object.entries(input.params ?? {})) url.searchParams.append(k, String(v));
  if (input.body !== undefined && input.body !== null && input.method === 'GET') throw new DomainError('ConnectionBodyNotAllowed');
  const fresh = await freshRow(row, ip);
  const headers = outgoingHeaders(input, credentialHeader(fresh, { authType: row.auth_type, apiKeyHeader: row.api_key_header }).header);
  let body: string | undefined;
  if (input.body !== undefined && input.body !== null) {
    body = typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
    if (!headers.has('content-type')) headers.set('content-type', typeof input.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json');
  }
  if (!headers.has('accept')) headers.set('accept', 'application/json, */*;q=0.5');
  const c = config();
  const res = await callUpstream(url, {
    method: input.method,
    headers: Object.fromEntries(headers.entries()),
    body,
    timeoutMs: c.CONNECTIONS_TIMEOUT_MS,
    maxBytes: c.CONNECTIONS_MAX_RESPONSE_BYTES,
  });
  const bytes = res.body;
  touch(row.id);
  const picked: Record<string, string> = {};
  for (const h of PASSED_HEADERS) {
    const v = res.headers[h];
    if (v !== undefined) picked[h] = v;
  }
  const type = (res.headers['content-type'] ?? '').toLowerCase();
  if (bytes.length === 0) return { status: res.status, headers: picked, body: null, bodyEncoding: 'none' };
  if (/json/.test(type)) {
    try {
      return { status: res.status, headers: picked, body: JSON.parse(bytes.toString('utf8')), bodyEncoding: 'json' };
    } catch {
      /* not JSON after all: text */
    }
  }
  if (/^text\/|json|xml|x-www-form-urlencoded|javascript/.test(type) || !type) {
    const text = bytes.toString('utf8');
    if (!text.includes('\uFFFD')) return { status: res.status, headers: picked, body: text, bodyEncoding: 'text' };
  }
  return { status: res.status, headers: picked, body: bytes.toString('base64'), bodyEncoding: 'base64' };
}

/** `last_used_at`, at most every 10 s per connection and instance, off the request's path (no statement per call). */
const lastTouched = new Map<string, number>();
function touch(id: string) {
  const now = Date.now();
  if (now - (lastTouched.get(id) ?? 0) < 10_000) return;
  lastTouched.set(id, now);
  if (lastTouched.size > 10_000) lastTouched.clear();
  getPool()
    .query(`UPDATE connections SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '10 seconds')`, [id])
    .catch(() => undefined);
}

interface InvokeRow extends Partial<JoinedRow> {
  live: boolean;
}

export async function invokeViaApi(claims: AccessClaims, linkName: string, input: InvokeInput, ip: string | null) {
  // counted in memory (lib/ratelimit/memory.ts), as the platform reads are: no hot counter rows to update per call
  const headers = countInMemory(claims.cid, claims.tid);
  const { rows } = await getPool().query<InvokeRow>({
    name: 'connections_invoke_v2',
    text: INVOKE_SQL,
    values: [claims.tid, claims.gid, claims.fam, linkName],
  });
  const r = rows[0]!;
  if (!r.live) throw new DomainError('TokenRevoked');
  if (!r.id) throw new DomainError('ConnectionNotFound');
  return { headers, body: await forward(r as JoinedRow, input, ip) };
}

/** The portal's Try it: an org admin calls through a connection of their organization. */
export async function tryIt(actor: Actor, id: string, input: InvokeInput, ip: string | null): Promise<InvokeResult> {
  const { rows } = await getPool().query<JoinedRow>(
    `SELECT ${COLUMNS} FROM connections c JOIN oauth_services s ON s.id = c.service_id WHERE c.id = $1 AND c.tenant_id = $2`,
    [id, actor.tenantId],
  );
  const row = rows[0];
  if (!row) throw new DomainError('ConnectionNotFound');
  assertCan(actor, 'connection.manage', { id, tenantId: row.tenant_id });
  return forward(row, input, ip);
}
