import 'server-only';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { getPool } from '@/db';
import { listen } from '@/db/listen';
import { config } from '@/lib/config';
import { disableWebhook } from './disable';
import { sendHttp, type HttpOutcome } from './http';
import { MAX_ATTEMPTS, nextRetryDelayMs, parseRetryAfter } from './schedule';
import { standardWebhookHeaders } from './signing';
import { CLAIM_SQL, RECORD_SQL, RELEASE_LOST_SQL, RELEASE_SQL, type Claimed, type Result } from './queue-sql';
import { Slots } from './slots';
import { openSecret, openToken, strictCallbacks } from './store';

/**
 * The delivery worker (product.md §8). The queue is `webhook_deliveries`: due rows are claimed with
 * `FOR UPDATE SKIP LOCKED` and a lease (several workers share the queue; a worker killed mid-delivery
 * leaves a lease that expires, and the row is claimed again — at least once, never lost; a claim moves
 * `next_attempt_at` to the lease's end, so rows in flight are never due). A claim asks for each webhook only the
 * room it has left under the cap here, and reads only those rows (queue-sql.ts CLAIM_SQL). Woken by NOTIFY
 * webhook_due (the fan-out trigger) and by a poll (retries coming due, expired leases, a lost LISTEN).
 * Each attempt has its own deadline; at most WEBHOOK_PER_ENDPOINT_CONCURRENCY attempts per webhook are in
 * flight in this worker, so a hanging receiver holds only its own slots. Results are written in batches.
 */
const CLAIM_DEADLINE_MS = 10_000;
/** a waiting row starts only while its lease outlasts the attempt's deadline by this much */
const START_MARGIN_MS = 1_000;
function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export interface WebhookWorker {
  id: string;
  stop: () => Promise<void>;
  pause: (paused: boolean) => void;
  /** attempts in flight (tests, bench) */
  inflight: () => number;
}

/** The Kaizala envelope (kaizala-connectors.md §6.4), for the webhook's object. */
export function envelopeOf(row: Claimed): string {
  return JSON.stringify({
    objectId: row.object_id,
    objectType: row.object_type,
    eventType: row.event_type,
    eventId: row.event_id,
    data: row.data,
    context: row.callback_context ?? '',
    fromUser: row.from_user_phone ?? '',
    fromUserId: row.from_user_id ?? '',
    fromUserName: row.from_user_name ?? '',
    fromUserProfilePic: '',
  });
}

function outcomeResult(row: Claimed, o: HttpOutcome, started: Date): { result: Result; disable: 'gone' | 'failing' | null } {
  const base = { id: row.id, status: o.status, latencyMs: o.latencyMs, error: o.error, response: o.body.slice(0, 1024), started };
  if (o.status !== null && o.status >= 200 && o.status < 300) return { result: { ...base, state: 'succeeded', nextAt: null }, disable: null };
  if (o.status === 410) return { result: { ...base, state: 'failed', nextAt: null }, disable: 'gone' };
  const done = row.attempts + 1;
  const delay = done < MAX_ATTEMPTS ? nextRetryDelayMs(done, parseRetryAfter(o.retryAfter)) : null;
  if (delay === null) return { result: { ...base, state: 'failed', nextAt: null }, disable: 'failing' };
  return { result: { ...base, state: 'pending', nextAt: new Date(Date.now() + delay) }, disable: null };
}

export function startWebhookWorker(opts: { quiet?: boolean } = {}): WebhookWorker {
  const c = config();
  const id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const strict = strictCallbacks();
  // rows waiting here for a slot: as many layers of `cap` as the lease covers after an attempt's deadline
  const layers = Math.max(1, Math.floor((c.WEBHOOK_LEASE_MS - START_MARGIN_MS) / c.WEBHOOK_TIMEOUT_MS));
  // in flight at most WEBHOOK_CONCURRENCY, and as many again waiting
  const slots = new Slots<Claimed>(c.WEBHOOK_PER_ENDPOINT_CONCURRENCY, c.WEBHOOK_PER_ENDPOINT_CONCURRENCY * layers, 2 * c.WEBHOOK_CONCURRENCY);
  let stopped = false;
  let paused = false;
  let pumping = false;
  let again = false;
  let pending: Result[] = [];
  const disables = new Map<string, 'gone' | 'failing'>();
  let flushTimer: NodeJS.Timeout | null = null;
  /** deliveries this worker holds: waiting, in flight, results not yet recorded (their leases are ours) */
  const held = new Set<string>();
  /** after a failed claim: try again after this long (0.5 s doubling to 10 s), not only at the next poll */
  let retryDelay = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let lastError = 0;
  const log = (msg: string) => {
    if (!opts.quiet && Date.now() - lastError > 10_000) {
      lastError = Date.now();
      console.error(`[webhooks] ${msg}`);
    }
  };

  const flush = async () => {
    flushTimer = null;
    if (!pending.length && !disables.size) return;
    const batch = pending;
    pending = [];
    try {
      if (batch.length)
        await getPool().query(RECORD_SQL, [
          batch.map((r) => r.id),
          batch.map((r) => r.state),
          batch.map((r) => r.nextAt),
          batch.map((r) => r.status),
          batch.map((r) => r.latencyMs),
          batch.map((r) => r.error),
          batch.map((r) => r.response),
          batch.map((r) => r.started),
          id,
        ]);
      for (const r of batch) held.delete(r.id);
      for (const [webhookId, reason] of [...disables]) {
        disables.delete(webhookId);
        await disableWebhook(webhookId, reason);
      }
    } catch (err) {
      // the database is away: keep the results (their leases expire; at worst a receiver sees a duplicate)
      pending = batch.concat(pending);
      log(`could not record results: ${(err as Error).message}`);
      scheduleFlush(500);
    }
  };
  const scheduleFlush = (ms = 5) => {
    if (!flushTimer && !stopped) flushTimer = setTimeout(() => void flush(), ms);
  };

  const deliver = async (row: Claimed) => {
    const started = new Date();
    try {
      const body = envelopeOf(row);
      const secrets = [openSecret(row.webhook_id, row.secret_enc)];
      if (row.previous_secret_enc && row.previous_secret_expires_at && new Date(row.previous_secret_expires_at) > started)
        secrets.push(openSecret(row.webhook_id, row.previous_secret_enc));
      const token = openToken(row.webhook_id, row.callback_token_enc);
      const headers = { ...standardWebhookHeaders(secrets, row.event_id, body), ...(token ? { 'kz-callback-token': token } : {}) };
      const o = await sendHttp(row.callback_url, { method: 'POST', headers, body, timeoutMs: c.WEBHOOK_TIMEOUT_MS, strict });
      const { result, disable } = outcomeResult(row, o, started);
      pending.push(result);
      if (disable) disables.set(row.webhook_id, disable);
    } catch (err) {
      pending.push({
        id: row.id,
        state: 'pending',
        nextAt: new Date(Date.now() + 5_000),
        status: null,
        latencyMs: 0,
        error: `internal: ${(err as Error).message}`,
        response: '',
        started,
      });
    } finally {
      slots.done(row.webhook_id);
      scheduleFlush(pending.length >= 200 ? 0 : 5);
      dispatch();
      // room freed: worth a claim only if the last one left due rows behind for lack of room; a claim after every
      // attempt mostly found nothing and held up the claim a new event's NOTIFY asked for (half the claims at 1,000
      // deliveries/s returned no row)
      if (slots.claimWorthAfter(row.webhook_id)) kick();
    }
  };

  /** Gives leases back (rows this worker will not start): best effort, else they expire. */
  const giveBack = async (ids: string[]) => {
    if (!ids.length) return;
    await getPool()
      .query(RELEASE_SQL, [ids, id])
      .catch((err: Error) => log(`could not give leases back: ${err.message}`))
      .finally(() => ids.forEach((i) => held.delete(i)));
  };

  /** Starts waiting rows in free slots (at once when an attempt ends: no claim in between). */
  function dispatch() {
    if (stopped || paused) return;
    const { start, expired } = slots.take(c.WEBHOOK_CONCURRENCY, Date.now() - (c.WEBHOOK_LEASE_MS - c.WEBHOOK_TIMEOUT_MS - START_MARGIN_MS));
    for (const row of start) void deliver(row);
    void giveBack(expired);
  }

  const pump = async () => {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        while (!stopped && !paused) {
          dispatch();
          const want = slots.claimSize(500);
          if (!want) break;
          // each webhook this worker has rows of gets only the room it has left
          const asked = slots.rooms();
          const claimedAt = Date.now(); // the lease runs from the claim: counted from before it was sent
          // a connection that died without a word (Postgres restarted, the network cut) must not stall the worker
          const { rows } = await withDeadline(
            // unnamed, so planned for these values every time (queue-sql.ts: a cached generic plan was ruinous)
            getPool().query<Claimed>(CLAIM_SQL, [want, c.WEBHOOK_LEASE_MS, asked.ids, asked.rooms, id, slots.depth]),
            CLAIM_DEADLINE_MS,
          );
          for (const row of rows) held.add(row.id);
          slots.noteClaim(asked, rows);
          slots.add(rows, claimedAt);
          retryDelay = 0;
          if (stopped || paused) void giveBack(slots.clearWaiting());
          else dispatch();
          if (rows.length < want) break;
        }
      } while (again && !stopped && !paused);
    } catch (err) {
      // the database is away (restarting, unreachable): try again with backoff until it answers
      log(`could not claim deliveries: ${(err as Error).message}`);
      retryDelay = Math.min(retryDelay ? retryDelay * 2 : 500, 10_000);
      if (!retryTimer && !stopped)
        retryTimer = setTimeout(() => {
          retryTimer = null;
          kick();
        }, retryDelay);
    } finally {
      pumping = false;
    }
  };

  /**
   * After the LISTEN connection came back (Postgres restarted, the network healed): a claim whose answer was
   * lost with the connection may have leased rows this worker never received; give them back now rather than
   * after the lease, then claim.
   */
  const resume = async (): Promise<void> => {
    if (stopped) return;
    if (pumping) {
      setTimeout(() => void resume(), 200); // a claim is running: its rows must be in `held` first
      return;
    }
    pumping = true; // no claim while the release runs
    try {
      await withDeadline(getPool().query(RELEASE_LOST_SQL, [id, [...held]]), CLAIM_DEADLINE_MS);
    } catch (err) {
      log(`could not release leases: ${(err as Error).message}`);
    } finally {
      pumping = false;
    }
    kick();
  };
  function kick() {
    if (!stopped && !paused) void pump();
  }

  const poll = setInterval(kick, c.WEBHOOK_POLL_MS);
  poll.unref();
  const listener = listen('webhook_due', kick, (up) => up && void resume());
  kick();
  return {
    id,
    inflight: () => slots.inflight,
    pause: (p) => {
      paused = p;
      if (p) void giveBack(slots.clearWaiting());
      else kick();
    },
    stop: async () => {
      stopped = true;
      await giveBack(slots.clearWaiting());
      clearInterval(poll);
      if (retryTimer) clearTimeout(retryTimer);
      await listener.stop();
      if (flushTimer) clearTimeout(flushTimer);
      await flush();
    },
  };
}
