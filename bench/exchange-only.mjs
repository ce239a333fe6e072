// `npm run bench -- --exchange-only`: the token-exchange part of the ladder alone (≈ 2 min), for trying a
// change to the exchange or to the server's memory settings: L0, L2, L3, L4 and P1 closed-loop, then the open loop at half
// of L3 (or BENCH_OPEN_LOOP_RATE, to compare two runs at the same rate), with the app server's GC pauses when
// `--pauses` is given. Prints the same ratios and open-loop lines as the full ladder.
import fs from 'node:fs';
import os from 'node:os';
import { log, runToEnd, start, stopAll, waitForHttp, waitForPostgresDown } from './processes.mjs';
import { removeLeftovers } from './leftovers.mjs';
import { serverPid } from './platform-rungs.mjs';

// CPU seconds (user + system) a process has used so far, from /proc (Linux); the clock ticks at 100 Hz
const cpuOf = (pid) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};
const ppidOf = (pid) => Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
/** This run's Postgres processes (postmaster and backends under run.mjs), not other checkouts' */
const postgresPids = (runPid) =>
  fs.readdirSync('/proc').filter((d) => {
    try {
      if (!/^\d+$/.test(d) || fs.readFileSync(`/proc/${d}/comm`, 'utf8').trim() !== 'postgres') return false;
      for (let p = Number(d); p > 1; p = ppidOf(p)) if (p === runPid) return true;
    } catch {
      // the process ended meanwhile
    }
    return false;
  });
const cpuOfPostgres = (pids) => pids.reduce((n, pid) => n + (fs.existsSync(`/proc/${pid}/stat`) ? cpuOf(pid) : 0), 0);

/** The GC pauses (≥ 10 ms) the app server logged between two times, by kind: count, total and worst. */
function pausesSummary(file, from, to) {
  if (!file || !fs.existsSync(file)) return [];
  const rows = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((r) => r.t >= from && r.t <= to);
  const byKind = {};
  for (const r of rows.filter((x) => x.gc)) {
    const k = (byKind[r.gc] ??= { n: 0, total: 0, worst: 0 });
    k.n++;
    k.total += r.ms;
    k.worst = Math.max(k.worst, r.ms);
  }
  const kinds = Object.entries(byKind).map(([kind, k]) => `${kind} ${k.n}× (total ${k.total} ms, worst ${k.worst} ms)`);
  const stalls = rows.filter((x) => x.loopMaxMs).map((x) => x.loopMaxMs);
  return [`  GC pauses ≥ 10 ms during the open loop: ${kinds.join(', ') || 'none'}; event-loop stalls ≥ 20 ms: ${stalls.join(' ') || 'none'}`];
}

const cpuText = (us) =>
  Object.entries(us)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(' + ');

export async function exchangeOnly({ startApp, base, cfg, databaseUrl, secrets, measure, pausesFile }) {
  const app = startApp({ sqlTrace: false });
  const hello = start('node:http hello', ['bench/hello-server.mjs', String(cfg.helloPort)]);
  const peer = start('oidc-provider peer', ['bench/oidc-peer.mjs', String(cfg.peerPort)]);
  await waitForHttp(`${base}/v1/health`, app);
  await waitForHttp(`http://127.0.0.1:${cfg.helloPort}/`, hello);
  await waitForHttp(`http://127.0.0.1:${cfg.peerPort}/.well-known/openid-configuration`, peer);
  await removeLeftovers(databaseUrl, log);
  const setupArgs = ['--import', 'tsx', '--import', './scripts/register-server-only.mjs', 'bench/setup.ts'];
  const setupEnv = { ...process.env, DATABASE_URL: databaseUrl, APP_ENCRYPTION_KEY: secrets.APP_ENCRYPTION_KEY };
  const fx = JSON.parse(await runToEnd('bench/setup.ts', setupArgs, setupEnv));
  try {
    const headers = { applicationId: fx.applicationId, applicationSecret: fx.applicationSecret, refreshToken: fx.refreshToken };
    const { PEER_CLIENT } = await import('./oidc-peer-client.mjs');
    const loadBefore = os.loadavg();
    // CPU per request (server, and Postgres for L3): unlike req/s, it barely moves when other work shares the cores
    const server = serverPid(app.child.pid);
    const appCpu = () => ({ app: cpuOf(server) });
    const pg = postgresPids(app.child.pid);
    const appAndPg = () => ({ app: cpuOf(server), postgres: cpuOfPostgres(pg) });
    const L0 = await measure({
      id: 'L0',
      name: 'bare node:http hello (own process)',
      url: `http://127.0.0.1:${cfg.helloPort}/`,
      cpu: () => ({ hello: cpuOf(hello.child.pid) }),
    });
    const L2 = await measure({ id: 'L2', name: 'lean router GET /v1/health/live', url: `${base}/v1/health/live`, cpu: appCpu });
    const L3 = await measure({ id: 'L3', name: 'GET /v1/accessToken (token exchange)', url: `${base}/v1/accessToken`, headers, cpu: appAndPg });
    const { accessToken } = await (await fetch(`${base}/v1/accessToken`, { headers })).json();
    const L4 = await measure({ id: 'L4', name: 'GET /v1/groups/{groupId}', url: `${base}/v1/groups/${fx.groupId}`, headers: { accessToken }, cpu: appAndPg });
    const P1 = await measure({
      id: 'P1',
      name: 'peer: oidc-provider client_credentials',
      url: `http://127.0.0.1:${cfg.peerPort}/token`,
      method: 'POST',
      body: 'grant_type=client_credentials&scope=api',
      cpu: () => ({ peer: cpuOf(peer.child.pid) }),
      headers: {
        authorization: `Basic ${Buffer.from(`${PEER_CLIENT.id}:${PEER_CLIENT.secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
    });
    const rate = Number(process.env.BENCH_OPEN_LOOP_RATE ?? Math.max(1, Math.round(L3.rps / 2)));
    const from = Date.now();
    const ol = JSON.parse(
      await runToEnd(
        'bench/open-loop.mjs',
        ['bench/open-loop.mjs', '--url', `${base}/v1/accessToken`, '--rate', String(rate), '--duration', String(cfg.openLoop), '--json'],
        { ...process.env, BENCH_HEADERS: JSON.stringify(headers) },
      ),
    );
    const l = ol.latencyMs;
    const lines = [
      `exchange only — ${new Date().toISOString()}, node ${process.versions.node}, server flags: ${process.env.BENCH_SERVER_FLAGS || '(none)'}`,
      `load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')} → ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
      `L0 ${Math.round(L0.rps)} req/s; L2 ${Math.round(L2.rps)} req/s; L3 ${Math.round(L3.rps)} req/s (p99 ${L3.p99} ms); L4 ${Math.round(L4.rps)} req/s; P1 ${Math.round(P1.rps)} req/s`,
      `L3 / P1 = ${(L3.rps / P1.rps).toFixed(2)}; L3 / L0 = ${(L3.rps / L0.rps).toFixed(3)}; L4 / L0 = ${(L4.rps / L0.rps).toFixed(3)}`,
      `CPU µs per request (${pg.length} Postgres processes): ${[L0, L2, L3, L4, P1].map((r) => `${r.id} ${cpuText(r.cpuUs)}`).join('; ')}`,
      `open loop at ${rate} req/s for ${ol.durationS} s: p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, p99.9 ${l.p999} ms, max ${l.max} ms; errors ${ol.errors}`,
      `  worst latency per second (ms): ${ol.worstPerSecondMs.join(' ')}`,
    ];
    lines.push(...pausesSummary(pausesFile, from, Date.now()));
    return lines.join('\n');
  } finally {
    await runToEnd('bench/setup.ts cleanup', [...setupArgs, 'cleanup'], setupEnv).catch(() => undefined);
    await stopAll();
    await waitForPostgresDown();
  }
}
