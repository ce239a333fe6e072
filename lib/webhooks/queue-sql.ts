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

export const CLAIM_SQL = `
WITH cand AS (
  SELECT id, row_number() OVER (PARTITION BY webhook_id ORDER BY next_attempt_at) AS rn
  FROM (SELECT d.id, d.webhook_id, d.next_attempt_at FROM webhook_deliveries d
        WHERE d.state = 'pending' AND d.next_attempt_at <= now() AND (d.lease_until IS NULL OR d.lease_until < now())
          AND d.webhook_id <> ALL ($3::uuid[])
        ORDER BY d.next_attempt_at LIMIT $1 * 4) c
), pick AS (
  SELECT d.id FROM webhook_deliveries d JOIN cand ON cand.id = d.id AND cand.rn <= $4
  WHERE d.state = 'pending' AND d.next_attempt_at <= now() AND (d.lease_until IS NULL OR d.lease_until < now())
  ORDER BY d.next_attempt_at LIMIT $1
  FOR UPDATE OF d SKIP LOCKED
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
