import 'server-only';
import { getPool } from '@/db';
import { oauthServices, type OauthService } from '@/db/schema';
import { config } from '@/lib/config';
import { decrypt, decryptCached, encrypt } from '@/lib/crypto';
import { DomainError } from '@/lib/errors';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { clientOf } from './connect';
import { GrantInvalidError, ProviderRefusedError, ProviderUnavailableError, refreshGrant } from './oauth';
import { aad } from './services';

/**
 * Keeping tokens fresh (product.md §9). An access token close to its expiry is refreshed before use, and
 * **exactly one** refresh call reaches the provider however many requests and app instances find it
 * expired at once:
 * 1. in this process, concurrent callers for one connection share one promise (so one instance sends one
 *    request to the database, not a hundred);
 * 2. across processes, that request takes the connection's row lock (`SELECT … FOR UPDATE`) and re-reads
 *    the row: when `token_version` moved on while it waited, another instance refreshed and its token is
 *    used; only otherwise is the provider called, and the new tokens (a rotated refresh token included)
 *    are written in the same transaction before the lock is released.
 * `invalid_grant` marks the connection Needs reconnect (audited); a transient failure is retried with
 * backoff (3 tries), then the call fails with 502 and the connection keeps its status.
 */
export interface ConnectionRow {
  id: string;
  tenant_id: string;
  service_id: string;
  link_name: string;
  status: 'connected' | 'needs_reconnect' | 'revoked';
  access_token_encrypted: string | null;
  refresh_token_encrypted: string | null;
  token_type: string;
  expires_at: Date | null;
  token_version: number;
}

export interface Credential {
  /** the Authorization (or API key) header to attach */
  header: [string, string];
}

const inFlight = new Map<string, Promise<ConnectionRow>>();

const RETRY_DELAYS_MS = [200, 800];

/** expiring within `withinSeconds` (on use: CONNECTIONS_REFRESH_SKEW_SECONDS; the sweep: its look-ahead) */
function needsRefresh(row: ConnectionRow, withinSeconds = config().CONNECTIONS_REFRESH_SKEW_SECONDS): boolean {
  if (!row.expires_at) return false;
  return row.expires_at.getTime() - Date.now() <= withinSeconds * 1000;
}

function assertUsable(row: ConnectionRow) {
  if (row.status === 'needs_reconnect') throw new DomainError('ConnectionNeedsReconnect');
  if (row.status === 'revoked' || !row.access_token_encrypted) throw new DomainError('ConnectionRevoked');
}

export function credentialHeader(row: ConnectionRow, service: Pick<OauthService, 'authType' | 'apiKeyHeader'>): Credential {
  const secret = decryptCached(row.access_token_encrypted!, aad('access', row.id));
  if (service.authType === 'api_key') return { header: [service.apiKeyHeader ?? 'X-API-Key', secret] };
  if (service.authType === 'basic') return { header: ['Authorization', `Basic ${Buffer.from(secret).toString('base64')}`] };
  return { header: ['Authorization', `${row.token_type || 'Bearer'} ${secret}`] };
}

/** The row to use: as read, or refreshed (once across every instance) when its access token is expiring. */
export async function freshRow(row: ConnectionRow, ip: string | null): Promise<ConnectionRow> {
  assertUsable(row);
  if (!needsRefresh(row) || !row.refresh_token_encrypted) return row;
  const fresh = await sharedRefresh(row, ip, config().CONNECTIONS_REFRESH_SKEW_SECONDS);
  assertUsable(fresh);
  return fresh;
}

/**
 * The scheduled refresh (lib/connections/sweep.ts): the same path as on use — one promise per connection in
 * this process, the row lock and `token_version` across processes — with the sweep's look-ahead.
 */
export function refreshAhead(row: ConnectionRow, withinSeconds: number): Promise<ConnectionRow> {
  return sharedRefresh(row, null, withinSeconds);
}

function sharedRefresh(row: ConnectionRow, ip: string | null, withinSeconds: number): Promise<ConnectionRow> {
  const key = `${row.id}:${row.token_version}`;
  let p = inFlight.get(key);
  if (!p) {
    p = refreshLocked(row, ip, withinSeconds).finally(() => inFlight.delete(key));
    inFlight.set(key, p);
  }
  return p;
}

export const ROW_COLUMNS = `id, tenant_id, service_id, link_name, status, access_token_encrypted, refresh_token_encrypted, token_type, expires_at, token_version`;

async function refreshLocked(seen: ConnectionRow, ip: string | null, withinSeconds: number): Promise<ConnectionRow> {
  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    // the provider is called inside this transaction: it may sit idle longer than the pool's default allows
    // (every try with its time-out, and the backoff), and must not be cut off after the provider answered
    const idleMs = (RETRY_DELAYS_MS.length + 1) * config().CONNECTIONS_TIMEOUT_MS + 5_000;
    await client.query(`SET LOCAL idle_in_transaction_session_timeout = ${Math.round(idleMs)}`);
    // the lock waits for another instance's refresh (at most DATABASE_LOCK_TIMEOUT_MS, then 503)
    const { rows } = await client.query<ConnectionRow>(`SELECT ${ROW_COLUMNS} FROM connections WHERE id = $1 FOR UPDATE`, [seen.id]);
    const row = rows[0];
    if (!row) {
      await client.query('ROLLBACK');
      throw new DomainError('ConnectionNotFound');
    }
    if (row.token_version !== seen.token_version || row.status !== 'connected' || !needsRefresh(row, withinSeconds) || !row.refresh_token_encrypted) {
      await client.query('COMMIT');
      return row; // someone else refreshed (or it changed state) while we waited
    }
    const [service] = await db.select().from(oauthServices).where(eq(oauthServices.id, row.service_id));
    const refreshToken = decrypt(row.refresh_token_encrypted, aad('refresh', row.id));
    let outcome: Awaited<ReturnType<typeof refreshGrant>> | Error | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        outcome = await refreshGrant(service!.refreshUrl ?? service!.tokenUrl!, clientOf(service!), refreshToken);
        break;
      } catch (err) {
        if (err instanceof ProviderUnavailableError && attempt < RETRY_DELAYS_MS.length) {
          await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
          continue;
        }
        outcome = err instanceof Error ? err : new Error('refresh failed');
        break;
      }
    }
    if (outcome instanceof GrantInvalidError || outcome instanceof ProviderRefusedError) {
      const permanent = outcome instanceof GrantInvalidError;
      const message = `Refreshing the access token failed: ${outcome.description}`.slice(0, 300);
      const { rows: updated } = await client.query<ConnectionRow>(
        `UPDATE connections SET status = CASE WHEN $2 THEN 'needs_reconnect'::connection_status ELSE status END, last_error = $3, last_error_at = now(),
           updated_at = now(), token_version = token_version + 1 WHERE id = $1 RETURNING ${ROW_COLUMNS}`,
        [row.id, permanent, message],
      );
      await client.query(
        `INSERT INTO audit_events (tenant_id, action, target_type, target_id, outcome, ip, metadata) VALUES ($1, $2, 'connection', $3, 'failure', $4, $5)`,
        [
          row.tenant_id,
          permanent ? 'connection.needs_reconnect' : 'connection.refresh_failed',
          row.id,
          ip,
          { linkName: row.link_name, error: outcome.description },
        ],
      );
      await client.query('COMMIT');
      if (permanent) return updated[0]!;
      throw new DomainError('ConnectionUpstreamFailed', { reason: 'the provider refused to renew the access token.' });
    }
    if (!outcome || outcome instanceof Error) {
      const reason = outcome instanceof ProviderUnavailableError ? outcome.description : 'unexpected error';
      await client.query(`UPDATE connections SET last_error = $2, last_error_at = now() WHERE id = $1`, [
        row.id,
        `Refreshing the access token failed: ${reason}`,
      ]);
      await client.query('COMMIT');
      throw new DomainError('ConnectionRefreshFailed');
    }
    const t = outcome;
    const { rows: updated } = await client.query<ConnectionRow>(
      `UPDATE connections SET access_token_encrypted = $2, refresh_token_encrypted = COALESCE($3, refresh_token_encrypted), token_type = $4,
         expires_at = $5, token_version = token_version + 1, last_refreshed_at = now(), last_error = NULL, last_error_at = NULL, updated_at = now()
       WHERE id = $1 RETURNING ${ROW_COLUMNS}`,
      [
        row.id,
        encrypt(t.accessToken, aad('access', row.id)),
        t.refreshToken ? encrypt(t.refreshToken, aad('refresh', row.id)) : null,
        t.tokenType,
        t.expiresAt,
      ],
    );
    await client.query('COMMIT');
    return updated[0]!;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
