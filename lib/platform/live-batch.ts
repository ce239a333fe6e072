import { getPool } from '@/db';
import { currentTrace, untraced } from '@/db/trace';
import { DomainError } from '@/lib/errors';
import { countInMemory } from '@/lib/ratelimit';
import type { AccessClaims } from '@/lib/tokens';
import { liveSql } from './live';
import { readCache } from './read-cache';

/**
 * The check a cached read needs — the token still live, the organization's data version — for every request
 * that arrives in one turn of the event loop, in ONE statement (a round trip per batch instead of per request).
 * The statement is sent after every request in the batch arrived, so each one still sees every change that
 * committed before it came in (the read cache's guarantee, lib/platform/read-cache.ts); liveness is read
 * fresh for each request as before. With SQL_TRACE each request of a batch counts the one statement.
 */
export interface LiveCheck {
  live: boolean;
  /** the tenant's data version (int8 as text) */
  version: string;
}

interface Waiting {
  tenant: string;
  grant: string;
  family: string;
  trace: { count: number } | undefined;
  resolve: (c: LiveCheck) => void;
  reject: (err: unknown) => void;
}

const MAX_BATCH = 512;

const BATCH_SQL = {
  name: 'platform_live_version_batch_v1',
  text: `SELECT EXISTS (${liveSql('i.grant_id', 'i.family_id')}) AS live,
    coalesce((SELECT version FROM tenant_data_versions v WHERE v.tenant_id = i.tenant_id), 0)::text AS version
  FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS i(tenant_id, grant_id, family_id, n)
  ORDER BY i.n`,
};

let queue: Waiting[] = [];

function flush() {
  const batch = queue;
  queue = [];
  for (let i = 0; i < batch.length; i += MAX_BATCH) send(batch.slice(i, i + MAX_BATCH));
}

function send(batch: Waiting[]) {
  // async: a pool that cannot even start the query rejects the batch's requests instead of throwing in a timer
  const query = async () =>
    untraced(() => getPool().query<LiveCheck>({ ...BATCH_SQL, values: [batch.map((w) => w.tenant), batch.map((w) => w.grant), batch.map((w) => w.family)] }));
  query().then(
    ({ rows }) =>
      batch.forEach((w, i) => {
        if (w.trace) w.trace.count++;
        w.resolve(rows[i]!);
      }),
    (err: unknown) => batch.forEach((w) => w.reject(err)),
  );
}

/** Whether the token is live and the version its tenant's data is at now, batched with this turn's other checks. */
export function checkLive(claims: AccessClaims): Promise<LiveCheck> {
  return new Promise((resolve, reject) => {
    if (queue.length === 0) setImmediate(flush);
    queue.push({ tenant: claims.tid, grant: claims.gid, family: claims.fam, trace: currentTrace(), resolve, reject });
  });
}

/**
 * A read through the cache. With an answer cached, only the token's liveness and the organization's data
 * version are read — in one statement shared by every request of this event-loop turn (checkLive above) — and
 * the cached answer is returned while the version holds. Otherwise (nothing cached, or the data changed) the
 * read's own statement runs (`fresh`: liveness, version and data in one snapshot) and its answer is stored
 * under the version that statement read. Statements per request: one; two right after a change.
 */
export async function cachedRead(
  claims: AccessClaims,
  key: string,
  fresh: (headers: Record<string, string>) => Promise<{ version: string; json: string | null }>,
): Promise<{ json: string | null; headers: Record<string, string> }> {
  // counted in memory (lib/ratelimit/memory.ts): the read stays a read, with no hot counter rows to update
  const headers = countInMemory(claims.cid, claims.tid);
  const cached = readCache.get(key);
  if (cached) {
    const check = await checkLive(claims);
    if (!check.live) throw new DomainError('TokenRevoked');
    if (check.version === cached.version) return { json: cached.json, headers };
  }
  const { version, json } = await fresh(headers);
  readCache.set(key, { version, json });
  return { json, headers };
}
