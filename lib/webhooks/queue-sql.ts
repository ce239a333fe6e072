/** The worker's statements on the delivery queue (lib/webhooks/worker.ts) and the row shapes they move. */
export interface Claimed {
  id: string;
  webhook_id: string;
  event_id: string;
  attempts: number;
  callback_url: string;
  callback_token_enc: string | null;
  callback_context: unknown;
  secret_enc: string;
  previous_secret_enc: string | null;
  previous_secret_expires_at: Date | null;
  object_id: string;
  object_type: string;
  event_type: string;
  data: unknown;
  from_user_phone: string | null;
  from_user_name: string | null;
  from_user_id: string | null;
}

/**
 * The claim ($1 at most this many rows, $2 the lease in ms, $3/$4 webhooks and the room this worker has left for
 * each, $5 the worker, $6 the room of any other webhook: the per-endpoint cap). It walks the webhooks that have
 * pending rows (a loose scan of webhook_deliveries_due_hook_idx, one index descent per webhook) and takes each
 * one's oldest due rows, at most its room — so its cost follows the number of webhooks, never the backlog: the
 * rows of a webhook with no room (a receiver that hangs, or simply busy) are never read. (The claim before this
 * scanned the due rows in time order and filtered out the webhooks at their cap: when every webhook with due
 * rows was at its cap it read the whole backlog and found nothing, after every wake-up.)
 * The chosen rows are locked by primary key (`id = ANY (ARRAY(…))`, the state compared as text so the partial due
 * index cannot serve): written as a join, the plan made while the queue was empty (statistics of an idle queue say
 * one pending row) scanned every due row once per chosen row — 100+ ms per claim with 2,000 due rows, and claims
 * run one at a time (2026-12-07, bench/RESULTS.md); with `id = ANY` alone it still walked every due row once.
 * The worker sends it unnamed, so Postgres plans it for the values at hand every time: as a named prepared statement
 * it ran on a cached generic plan once Postgres judged that cheap enough, and that plan claimed 70 rows in 140 ms
 * instead of 13 ms under a backlog (forced, it delivered 95/s while events were being written, against 1,100/s).
 */
export const CLAIM_SQL = `
WITH RECURSIVE hooks AS (
  (SELECT d.webhook_id FROM webhook_deliveries d WHERE d.state = 'pending' ORDER BY d.webhook_id, d.next_attempt_at LIMIT 1)
  UNION ALL
  SELECT (SELECT d.webhook_id FROM webhook_deliveries d WHERE d.state = 'pending' AND d.webhook_id > h.webhook_id
          ORDER BY d.webhook_id, d.next_attempt_at LIMIT 1) -- the order of webhook_deliveries_due_hook_idx: only it serves
  FROM hooks h WHERE h.webhook_id IS NOT NULL
), room AS (
  SELECT h.webhook_id, coalesce(b.room, $6::int) AS room
  FROM hooks h LEFT JOIN unnest($3::uuid[], $4::int[]) AS b(webhook_id, room) ON b.webhook_id = h.webhook_id
  WHERE h.webhook_id IS NOT NULL
), cand AS (
  SELECT c.id FROM room r CROSS JOIN LATERAL (
    SELECT d.id, d.next_attempt_at FROM webhook_deliveries d
    WHERE d.webhook_id = r.webhook_id AND d.state = 'pending' AND d.next_attempt_at <= now() AND (d.lease_until IS NULL OR d.lease_until < now())
    ORDER BY d.next_attempt_at LIMIT r.room
  ) c
  WHERE r.room > 0
  ORDER BY c.next_attempt_at LIMIT $1
), pick AS (
  SELECT d.id FROM webhook_deliveries d
  -- by primary key whatever the statistics say; the state as text so the partial due index (every due row) cannot serve
  WHERE d.id = ANY (ARRAY(SELECT id FROM cand))
    AND d.state::text = 'pending' AND d.next_attempt_at <= now() AND (d.lease_until IS NULL OR d.lease_until < now())
  ORDER BY d.id FOR UPDATE OF d SKIP LOCKED
)
UPDATE webhook_deliveries d SET lease_until = now() + $2 * interval '1 millisecond', lease_owner = $5,
  next_attempt_at = now() + $2 * interval '1 millisecond',
  first_attempt_at = coalesce(d.first_attempt_at, now())
FROM pick, webhooks w, platform_events e
WHERE d.id = pick.id AND w.id = d.webhook_id AND e.id = d.event_id AND w.active
RETURNING d.id, d.webhook_id, d.event_id, d.attempts, w.callback_url, w.callback_token_enc, w.callback_context, w.secret_enc,
  w.previous_secret_enc, w.previous_secret_expires_at, w.object_id, w.object_type, e.event_type, e.data, e.from_user_phone, e.from_user_name, e.from_user_id`;

/**
 * Statements that change several delivery rows lock them in id order first (the `lk` CTEs here, lockDeliveries
 * of lib/events for deletes and disables), so they never wait on each other in a cycle (no deadlocks).
 */
export const RECORD_SQL = `
WITH r AS (
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::int[], $5::int[], $6::text[], $7::text[], $8::timestamptz[])
    AS r(id, state, next_at, status, lat, err, resp, started)
), lk AS MATERIALIZED (
  SELECT d.id FROM webhook_deliveries d WHERE d.id IN (SELECT id FROM r) AND d.lease_owner = $9 ORDER BY d.id FOR UPDATE
), upd AS (
  UPDATE webhook_deliveries d SET attempts = d.attempts + 1, state = r.state::webhook_delivery_state,
    next_attempt_at = coalesce(r.next_at, d.next_attempt_at), lease_until = NULL, lease_owner = NULL,
    last_status = r.status, last_latency_ms = r.lat, last_error = r.err, last_response = r.resp,
    completed_at = CASE WHEN r.state = 'pending' THEN NULL ELSE now() END
  FROM r JOIN lk ON lk.id = r.id WHERE d.id = r.id AND d.lease_owner = $9
  RETURNING d.id, d.attempts, r.started, r.lat, r.status, r.err, r.resp, r.next_at
)
INSERT INTO webhook_attempts (delivery_id, attempt_no, started_at, latency_ms, status_code, error, response, next_attempt_at)
SELECT id, attempts, started, lat, status, err, resp, next_at FROM upd`;

/** Give back leases this worker took but will not use now ($1 the ids, $2 the worker). */
export const RELEASE_SQL = `
WITH lk AS MATERIALIZED (SELECT id FROM webhook_deliveries WHERE id = ANY ($1::uuid[]) AND lease_owner = $2 ORDER BY id FOR UPDATE)
UPDATE webhook_deliveries d SET lease_until = NULL, lease_owner = NULL, next_attempt_at = now() FROM lk WHERE d.id = lk.id AND d.lease_owner = $2`;

/** Give back every pending lease of this worker ($1) except the deliveries it holds ($2): after a lost claim answer. */
export const RELEASE_LOST_SQL = `
WITH lk AS MATERIALIZED (
  SELECT id FROM webhook_deliveries WHERE lease_owner = $1 AND state = 'pending' AND id <> ALL ($2::uuid[]) ORDER BY id FOR UPDATE
)
UPDATE webhook_deliveries d SET lease_until = NULL, lease_owner = NULL, next_attempt_at = now()
FROM lk WHERE d.id = lk.id AND d.lease_owner = $1 AND d.state = 'pending'`;

export interface Result {
  id: string;
  state: 'pending' | 'succeeded' | 'failed';
  nextAt: Date | null;
  status: number | null;
  latencyMs: number;
  error: string | null;
  response: string;
  started: Date;
}
