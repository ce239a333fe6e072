// Open-loop load at a fixed arrival rate: requests are scheduled evenly (every 1/rate s) whatever the
// server does, and each latency is measured from the request's SCHEDULED send time, so a stall shows up
// in the latencies of every request it delayed (no coordinated omission). autocannon's fixed-rate mode
// sends each second's quota in a burst and corrects latencies synthetically, hence this script.
//
//   node bench/open-loop.mjs --url http://127.0.0.1:3300/v1/accessToken --rate 1000 [--duration 15] [--warmup 2]
//                            [--connections N] [--method POST] [--pool] [--json]   (body: BENCH_BODY env)
//
// Connections (like wrk2): a fixed set of keep-alive connections, opened during the warm-up; each request
// goes to the next idle one in round-robin order, or waits in a client-side queue when all are busy (that
// wait counts: latency runs from the scheduled time). Round-robin keeps every connection busy enough that
// none idles into the server's keep-alive timeout. `--pool` uses undici's Pool instead, which opens
// connections on demand and lets idle ones close — a client with connection churn.
//
// Request headers come as JSON in the BENCH_HEADERS env var (they may hold secrets: not on the command line).
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'undici';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    rate: { type: 'string' },
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string' },
    method: { type: 'string', default: 'GET' },
    pool: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
if (!args.url || !args.rate) {
  console.error('Usage: node bench/open-loop.mjs --url URL --rate REQ_PER_S [--duration S] [--warmup S] [--connections N] [--pool] [--json]');
  process.exit(2);
}
const url = new URL(args.url);
const rate = Number(args.rate);
const path = url.pathname + url.search;
const headers = JSON.parse(process.env.BENCH_HEADERS ?? '{}');
const body = process.env.BENCH_BODY; // a request body (POST), from the environment like the headers
// about 100 req/s per connection (at most 32): enough in flight for stalls, and no connection sits idle
const connections = Number(args.connections ?? Math.min(32, Math.max(2, Math.ceil(rate / 100))));

let connects = 0; // TCP connections opened, to spot churn
let send; // (onDone) => void: sends one request and calls onDone(statusCode | 'network')
let close;
if (args.pool) {
  const pool = new Pool(url.origin, { connections, pipelining: 1 });
  pool.on('connect', () => connects++);
  send = (onDone) => request(pool, onDone);
  close = () => pool.close();
} else {
  const clients = Array.from({ length: connections }, () => {
    const client = new Client(url.origin, { pipelining: 1 });
    client.on('connect', () => connects++);
    return { client, busy: false };
  });
  const queue = []; // requests waiting for an idle connection
  let next = 0;
  const dispatch = (c, onDone) => {
    c.busy = true;
    request(c.client, (status) => {
      c.busy = false;
      onDone(status);
      const waiting = queue.shift();
      if (waiting) dispatch(c, waiting);
    });
  };
  send = (onDone) => {
    for (let k = 0; k < clients.length; k++) {
      const c = clients[(next + k) % clients.length];
      if (!c.busy) {
        next = (next + k + 1) % clients.length;
        return dispatch(c, onDone);
      }
    }
    queue.push(onDone);
  };
  close = () => Promise.all(clients.map((c) => c.client.close()));
}

function request(dispatcher, onDone) {
  dispatcher
    .request({ method: args.method, path, headers, body })
    .then(async (res) => {
      await res.body.dump();
      onDone(res.statusCode);
    })
    .catch(() => onDone('network'));
}

/**
 * Sends `rate` requests per second for `seconds`. A timer releases every request whose scheduled time has
 * come (Node timers have 1 ms resolution, so at ~1,000+ req/s one or a few per tick).
 */
function phase(seconds) {
  const interval = 1000 / rate;
  const total = Math.round(seconds * rate);
  const latencies = new Float64Array(total); // ms from scheduled time to the end of the response body
  const sendLag = new Float64Array(total); // ms from scheduled time to the moment the timer released it
  const statuses = {};
  let errors = 0;
  let sent = 0;
  let done = 0;
  const connectsBefore = connects;
  return new Promise((resolve) => {
    const start = performance.now();
    const startEpochMs = Date.now();
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        const i = sent++;
        const scheduled = start + i * interval;
        sendLag[i] = now - scheduled;
        send((status) => {
          latencies[i] = performance.now() - scheduled;
          if (status !== 200) {
            errors++;
            statuses[status] = (statuses[status] ?? 0) + 1;
          }
          if (++done === total)
            resolve({ latencies, sendLag, errors, statuses, connects: connects - connectsBefore, elapsed: performance.now() - start, startEpochMs });
        });
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (x) => Math.round(x * 100) / 100;

if (Number(args.warmup) > 0) await phase(Number(args.warmup)); // open the connections, settle the JIT
const run = await phase(Number(args.duration));
await close();

const lat = Float64Array.from(run.latencies).sort();
const lag = Float64Array.from(run.sendLag).sort();
// worst latency per second of the schedule: shows whether the tail is a few stalls or spread out
const worstPerSecond = [];
for (let i = 0; i < run.latencies.length; i++) {
  const sec = Math.floor(i / rate);
  worstPerSecond[sec] = Math.max(worstPerSecond[sec] ?? 0, Math.round(run.latencies[i]));
}
const result = {
  rate,
  durationS: Number(args.duration),
  connections: `${connections}${args.pool ? ' (undici Pool, on demand)' : ' (fixed, round-robin)'}`,
  newConnectionsDuringRun: run.connects,
  requests: lat.length,
  achievedRate: round(lat.length / (run.elapsed / 1000)),
  errors: run.errors,
  statuses: run.statuses,
  latencyMs: { p50: round(pct(lat, 50)), p90: round(pct(lat, 90)), p99: round(pct(lat, 99)), p999: round(pct(lat, 99.9)), max: round(lat[lat.length - 1]) },
  sendLagMs: { p50: round(pct(lag, 50)), p99: round(pct(lag, 99)), max: round(lag[lag.length - 1]) },
  worstPerSecondMs: worstPerSecond,
  startEpochMs: run.startEpochMs, // wall clock at the first scheduled request (to line up with --pauses)
};
if (args.json) console.log(JSON.stringify(result));
else {
  const l = result.latencyMs;
  console.log(
    `${result.requests} requests at ${rate} req/s for ${result.durationS} s over ${result.connections} connections (${result.newConnectionsDuringRun} opened during the run)`,
  );
  console.log(`latency from scheduled time: p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, p99.9 ${l.p999} ms, max ${l.max} ms; errors ${result.errors}`);
  console.log(`timer lag (scheduled → released): p50 ${result.sendLagMs.p50} ms, p99 ${result.sendLagMs.p99} ms, max ${result.sendLagMs.max} ms`);
  console.log(`worst latency per second (ms): ${worstPerSecond.join(' ')}`);
}
