// The webhook rung of `npm run bench` (issue 13): events committed as fast as possible into a group with N
// webhooks pointing at a local receiver (node:http, this process), delivered by the app's in-process worker.
// Prints JSON: signed deliveries/s at full speed, p50/p99 from commit to first attempt at 1,000 deliveries/s (half
// the 2,000/s target: the latency target) and at half the measured rate (a stress figure), and the healthy rate while 10 % of the webhooks point at a receiver that never answers (the same number of
// events as the full phase, written the same way). Each phase has its own group, starts on an empty queue and
// counts only its own events.
//
//   DATABASE_URL=… APP_ENCRYPTION_KEY=… node --import tsx --import ./scripts/register-server-only.mjs bench/webhooks.ts
//
// Only pure helpers are imported (as bench/setup.ts does). Everything it creates is deleted at the end.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { dropGroup, makeGroup, settle } from './webhook-groups';

const N = Number(process.env.BENCH_WEBHOOKS ?? 10);
const SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 10);
/** How many times each phase runs (BENCH_WEBHOOK_REPEATS, default 3): the median run is reported, every run listed. */
const REPEATS = Math.max(1, Number(process.env.BENCH_WEBHOOK_REPEATS ?? 3));
/** The latency target's load: half the 2,000 deliveries/s target (issue 13), whatever the full rate measured. */
const TARGET_HALF_DELIVERIES = Number(process.env.BENCH_WEBHOOK_TARGET_HALF ?? 1_000);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 8 });
/** The running phase's own events (id → commit time): arrivals of any other event are not counted. */
let commits = new Map<string, number>();
let arrivals: number[] = [];
/** `${eventId}/${webhookId}` → first arrival (performance.now()), for the breakdown of the latency */
let arrivedAt = new Map<string, number>();
let healthyCount = 0;
/** Deliveries to healthy receivers that arrived before `windowEnd` (the end of the phase's production window). */
let windowEnd = Infinity;
let inWindow = 0;
let lastArrival = 0;

/**
 * Arrivals of events whose INSERT had not yet come back to this process (the worker can be quicker than our own
 * pg client on a busy box): counted when the commit is seen, at 0 ms. Without this they were never counted and
 * the phase never drained.
 */
let early = new Map<string, { hook: string; at: number }[]>();
let earlyCount = 0;

function arrived(id: string, hook: string, at: number, c: number) {
  const key = `${id}/${hook}`;
  if (!arrivedAt.has(key)) arrivedAt.set(key, at);
  arrivals.push(Math.max(0, at - c));
  healthyCount++;
  lastArrival = Math.max(lastArrival, at);
  if (at <= windowEnd) inWindow++;
}

const healthy = http.createServer((req, res) => {
  const id = String(req.headers['webhook-id'] ?? '');
  const hook = String(req.url).split('/').pop()!;
  req.resume();
  req.on('end', () => {
    const at = performance.now();
    res.writeHead(200).end();
    const c = commits.get(id);
    // not (yet) one of the phase's commits: an earlier phase's event (a retry after its group was dropped), or early
    if (c === undefined) early.set(id, [...(early.get(id) ?? []), { hook, at }]);
    else arrived(id, hook, at, c);
  });
});
const dead = http.createServer(() => undefined); // accepts, never answers
healthy.keepAliveTimeout = 60_000;
const listen = (s: http.Server) => new Promise<number>((r) => s.listen(0, '127.0.0.1', () => r((s.address() as AddressInfo).port)));

/**
 * Commits batches of events into the group at `eventsPerSecond` (0: as fast as 4 writers go) for SECONDS, or until
 * `maxEvents` are written (so a second phase can write exactly as many events as the first).
 */
async function produce(groupId: string, tenantId: string, eventsPerSecond: number, maxEvents = Infinity) {
  const end = performance.now() + SECONDS * 1000;
  const batch = eventsPerSecond ? Math.max(1, Math.round(eventsPerSecond / 100)) : 20;
  let written = 0;
  const writer = async () => {
    let next = performance.now();
    while (maxEvents === Infinity ? performance.now() < end : written < maxEvents) {
      const n = Math.min(batch, maxEvents - written);
      written += n;
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO platform_events (tenant_id, group_id, object_id, object_type, event_type, data)
         SELECT $1, $2, $2, 'Group', 'TextMessageCreated', '{"text":"bench"}'::jsonb FROM generate_series(1, $3) RETURNING id`,
        [tenantId, groupId, n],
      );
      const at = performance.now();
      for (const r of rows) {
        commits.set(r.id, at);
        const e = early.get(r.id);
        if (!e) continue;
        early.delete(r.id);
        earlyCount += e.length;
        for (const x of e) arrived(r.id, x.hook, x.at, at);
      }
      if (eventsPerSecond) {
        next += 10;
        const wait = next - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    }
  };
  await Promise.all(eventsPerSecond ? [writer()] : [writer(), writer(), writer(), writer()]);
  return written;
}

/**
 * Waits until every healthy delivery of the phase arrived (counted by the receiver: polling the queue with a
 * count over the backlog took a fifth of Postgres's CPU from the worker); false after `timeoutMs`.
 */
async function drain(expected: number, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (healthyCount < expected) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10 : null;
};

/**
 * Where commit → first attempt goes, per delivery of the phase (its group): commit → the claim that took the row
 * (`first_attempt_at`, the claim statement's start) → the attempt started (`webhook_attempts.started_at`: a slot
 * was free and the request is being built) → the receiver had it. Database clock and ours are the same host's.
 */
async function breakdown(groupId: string) {
  await new Promise((r) => setTimeout(r, 300)); // the worker records results in batches every few ms
  const { rows } = await pool.query<{ event_id: string; webhook_id: string; claimed: number; started: number }>(
    `SELECT d.event_id, d.webhook_id, extract(epoch FROM d.first_attempt_at)::float8 * 1000 AS claimed,
            extract(epoch FROM a.started_at)::float8 * 1000 AS started
     FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id AND w.group_id = $1
     JOIN webhook_attempts a ON a.delivery_id = d.id AND a.attempt_no = 1`,
    [groupId],
  );
  const toClaim: number[] = [];
  const claimToStart: number[] = [];
  const startToArrival: number[] = [];
  for (const r of rows) {
    const c = commits.get(r.event_id);
    const a = arrivedAt.get(`${r.event_id}/${r.webhook_id}`);
    if (c === undefined || a === undefined) continue;
    const [commit, arrival] = [performance.timeOrigin + c, performance.timeOrigin + a];
    toClaim.push(r.claimed - commit);
    claimToStart.push(r.started - r.claimed);
    startToArrival.push(arrival - r.started);
  }
  const both = (xs: number[]) => ({ p50: pct(xs, 50), p99: pct(xs, 99) });
  return { rows: toClaim.length, commitToClaim: both(toClaim), claimToStart: both(claimToStart), startToArrival: both(startToArrival) };
}

/**
 * One phase in a group of its own, on an empty queue: produce (for SECONDS, or exactly `events` events), then wait
 * (≤ 120 s) until every healthy delivery had its first attempt. Only the phase's own events count. Throughput =
 * healthy deliveries / (first commit → last arrival); `duringProduction` = those that arrived while events were
 * still being written, per second of production.
 */
async function phase(
  tenantId: string,
  connectorId: string,
  hooks: { healthy: number; dead: number },
  urls: { ok: string; dead: string },
  rate: number,
  events?: number,
  explain = false,
) {
  const groupId = await makeGroup(pool, tenantId, connectorId, hooks.healthy, hooks.dead, urls);
  commits = new Map();
  arrivals = [];
  arrivedAt = new Map();
  early = new Map();
  earlyCount = 0;
  lastArrival = 0;
  healthyCount = 0;
  inWindow = 0;
  windowEnd = Infinity;
  const t0 = performance.now();
  const written = await produce(groupId, tenantId, rate, events);
  windowEnd = performance.now();
  const drained = await drain(written * hooks.healthy);
  const seconds = ((drained ? lastArrival : performance.now()) - t0) / 1000;
  const out = {
    webhooks: hooks,
    events: written,
    productionSeconds: Math.round((windowEnd - t0) / 100) / 10,
    seconds: Math.round(seconds * 10) / 10,
    drained,
    deliveriesPerSecond: Math.round(healthyCount / seconds),
    duringProduction: Math.round(inWindow / ((windowEnd - t0) / 1000)),
    delivered: healthyCount,
    p50: pct(arrivals, 50),
    p99: pct(arrivals, 99),
    arrivedBeforeCommitSeen: earlyCount,
    ...(explain ? { breakdown: await breakdown(groupId) } : {}),
  };
  await dropGroup(pool, groupId);
  await settle(pool);
  return out;
}

async function main() {
  const okPort = await listen(healthy);
  const deadPort = await listen(dead);
  const urls = { ok: `http://localhost:${okPort}/ok`, dead: `http://localhost:${deadPort}/dead` };
  const { rows } = await pool.query<{ id: string; tenant_id: string }>(
    `SELECT id, tenant_id FROM connectors WHERE tenant_id IS NOT NULL ORDER BY created_at LIMIT 1`,
  );
  const c = rows[0]!;
  if (process.env.BENCH_WEBHOOK_HALF_RATE) {
    // only the half-rate phase, at this many events/s (× N deliveries): quick looks at the latency
    await settle(pool);
    console.error(JSON.stringify(await phase(c.tenant_id, c.id, { healthy: N, dead: 0 }, urls, Number(process.env.BENCH_WEBHOOK_HALF_RATE), undefined, true)));
    process.exit(0);
  }
  if (process.env.BENCH_WEBHOOK_DEBUG) {
    const timer = setInterval(() => console.error(`delivered ${healthyCount}, commits ${commits.size}`), 1000);
    const deadHooks = Number(process.env.BENCH_WEBHOOK_DEBUG_DEAD ?? 1);
    console.error(JSON.stringify(await phase(c.tenant_id, c.id, { healthy: N - deadHooks, dead: deadHooks }, urls, 0)));
    clearInterval(timer);
    process.exit(0);
  }
  await settle(pool);
  // each phase REPEATS times, the median run reported (the box is shared: one run of a phase moves by ±25 %)
  const median = <T>(runs: T[], by: (r: T) => number) => [...runs].sort((a, b) => by(a) - by(b))[Math.floor((runs.length - 1) / 2)]!;
  const repeat = async <T>(run: () => Promise<T>) => {
    const runs: T[] = [];
    for (let i = 0; i < REPEATS; i++) runs.push(await run());
    return runs;
  };
  const fulls = await repeat(() => phase(c.tenant_id, c.id, { healthy: N, dead: 0 }, urls, 0));
  const full = median(fulls, (r) => r.deliveriesPerSecond);
  const byP99 = (r: { p99: number | null }) => r.p99 ?? Infinity;
  const targetHalves = await repeat(() =>
    phase(c.tenant_id, c.id, { healthy: N, dead: 0 }, urls, Math.max(1, Math.round(TARGET_HALF_DELIVERIES / N)), undefined, true),
  );
  const targetHalf = median(targetHalves, byP99);
  const halfRate = Math.max(1, Math.round(full.deliveriesPerSecond / 2 / N));
  const halves = await repeat(() => phase(c.tenant_id, c.id, { healthy: N, dead: 0 }, urls, halfRate, undefined, true));
  const half = median(halves, byP99);
  const deadHooks = Math.max(1, Math.round(N / 10));
  // the same events as the full phase, written the same way: the only difference is the dead receivers
  const withDeads = await repeat(() => phase(c.tenant_id, c.id, { healthy: N - deadHooks, dead: deadHooks }, urls, 0, full.events));
  const withDead = median(withDeads, (r) => r.deliveriesPerSecond);
  const perHook = (p: typeof full) => p.deliveriesPerSecond / p.webhooks.healthy;
  const runs = {
    fullPerSecond: fulls.map((r) => r.deliveriesPerSecond),
    targetHalfP99: targetHalves.map((r) => r.p99),
    halfP99: halves.map((r) => r.p99),
    withDeadPerSecond: withDeads.map((r) => r.deliveriesPerSecond),
  };
  console.log(JSON.stringify({ full, targetHalf, half, withDead, runs, healthyDropPercent: Math.round((1 - perHook(withDead) / perHook(full)) * 1000) / 10 }));
  healthy.closeAllConnections();
  dead.closeAllConnections();
  healthy.close();
  dead.close();
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
