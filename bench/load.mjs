// The closed-loop part of `npm run bench` (bench/run.mjs): probes and autocannon rungs.
import autocannon from 'autocannon';
import { log } from './processes.mjs';

/** A probe: the request must answer 200 (else the bench stops with the server's own error text). */
export async function expect200(url, headers, what, init = {}) {
  const res = await fetch(url, { headers, ...init });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${what}: expected 200, got ${res.status} ${body.slice(0, 200)}`);
  return { res, body };
}

/** One closed-loop rung: a probe, the warm-up (discarded), then the measured run; returns its report row. */
export function rungMeasurer(cfg) {
  const cannon = (url, headers, duration, extra = {}) => autocannon({ url, headers, connections: cfg.connections, pipelining: 1, duration, ...extra });
  return async function measure(rung) {
    const extra = { ...(rung.method ? { method: rung.method, body: rung.body } : {}), ...(rung.connections ? { connections: rung.connections } : {}) };
    await expect200(rung.url, rung.headers, rung.id, extra); // fails fast with the server's own error message
    const warm = await cannon(rung.url, rung.headers, cfg.warmup, extra);
    const cpuBefore = rung.cpu?.(); // CPU seconds of the processes serving the rung, when the caller counts them
    const r = await cannon(rung.url, rung.headers, cfg.duration, extra);
    // µs per request for each process group the callback reports on, e.g. { app, postgres }
    const cpuUs = rung.cpu
      ? Object.fromEntries(Object.entries(rung.cpu()).map(([k, v]) => [k, ((v - cpuBefore[k]) * 1e6) / Math.max(1, r.requests.total)]))
      : undefined;
    const bad = warm.non2xx + warm.errors + warm.timeouts + r.non2xx + r.errors + r.timeouts;
    const row = {
      ...rung,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      requests: r['2xx'],
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      statuses: { ...r.statusCodeStats },
      bad,
      cpuUs,
    };
    log(`${rung.id} ${rung.name}: ${Math.round(row.rps)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, non-2xx ${row.non2xx}, errors ${row.errors}`);
    if (bad)
      console.error(`[bench] !!! ${rung.id}: ${bad} non-2xx responses or errors (warm-up + measured); status codes ${JSON.stringify(r.statusCodeStats)}`);
    return row;
  };
}
