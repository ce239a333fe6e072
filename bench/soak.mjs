// `npm run soak [-- --minutes N]`: a bounded soak of the production build (default 30 min). A steady mix of
// portal pages (signed in as the demo user alice, plus the public sign-in page), token exchanges and API
// reads, all inside the REAL rate limits (100/min per connector, 300/min per tenant: bench/soak-setup.ts
// makes several organizations with a few connectors each). Every minute it prints the requests and
// errors of that minute, p50/p99 per kind, the app server's RSS and the load average; at the end, RSS
// growth after the warm-up. Exit code 1 on any error (a non-200 answer or a failed request).
//
// Same ports and data directory as `npm run bench` (BENCH_PORT, BENCH_IDP_PORT, BENCH_PG_PORT): do not run
// both at once. Settings: SOAK_TENANTS (4), SOAK_CONNECTORS (3 per tenant), SOAK_PAGES_PER_S (4),
// SOAK_WARMUP_MINUTES (2: RSS growth is measured from the end of this minute).
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { encode } from '@auth/core/jwt';
import { log, logFile, onInterrupt, portInUse, postgresRunning, runToEnd, sleep, start, stopAll, waitForHttp, waitForPostgresDown } from './processes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const { values: flags } = parseArgs({ options: { minutes: { type: 'string', default: '30' }, build: { type: 'boolean' } } });
const num = (name, fallback) => Number(process.env[name] ?? fallback);
const cfg = {
  minutes: Number(flags.minutes),
  port: num('BENCH_PORT', 3300),
  idpPort: num('BENCH_IDP_PORT', 4300),
  pgPort: num('BENCH_PG_PORT', 54359),
  tenants: num('SOAK_TENANTS', 4),
  perTenant: num('SOAK_CONNECTORS', 3),
  pagesPerS: num('SOAK_PAGES_PER_S', 4),
  warmupMinutes: num('SOAK_WARMUP_MINUTES', 2),
};
if (!(cfg.minutes > 0)) throw new Error('--minutes must be a positive number');
const base = `http://localhost:${cfg.port}`;
const secrets = { APP_ENCRYPTION_KEY: `k1:${randomBytes(32).toString('base64')}`, AUTH_SECRET: randomBytes(32).toString('base64url') };
const databaseUrl = `postgres://postgres:postgres@localhost:${cfg.pgPort}/connector_portal`;

// Per connector and minute: EXCHANGES token exchanges and READS API reads, all of which count toward the
// connector's 100 and the tenant's 300 (3 connectors × 88 = 264). Evenly spaced, so a minute window never
// sees more than one extra call of each.
const EXCHANGES_PER_MIN = 40;
const READS_PER_MIN = 48;

// ---------------------------------------------------------------- stats

let minute = newMinute();
function newMinute() {
  return { started: Date.now(), kinds: new Map(), errors: [], requests: 0 };
}
function record(kind, ms, ok, detail) {
  minute.requests++;
  let k = minute.kinds.get(kind);
  if (!k) minute.kinds.set(kind, (k = []));
  k.push(ms);
  if (!ok) minute.errors.push(`${kind}: ${detail}`);
}
const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);

async function timed(kind, url, init, check) {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { redirect: 'manual', ...init, signal: AbortSignal.timeout(10_000) });
    const body = await res.text();
    const ms = performance.now() - t0;
    const ok = res.status === 200;
    record(kind, ms, ok, `${res.status} ${body.slice(0, 120)}`);
    return ok ? check?.(body) : undefined;
  } catch (err) {
    record(kind, performance.now() - t0, false, err instanceof Error ? err.message : String(err));
    return undefined;
  }
}

/** Calls `fn` every `periodMs` (first call after a random offset, so the streams interleave) until `stop`. */
function every(periodMs, fn, stop) {
  return (async () => {
    await sleep(Math.random() * periodMs);
    let next = performance.now();
    while (!stop.done) {
      void fn();
      next += periodMs;
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
    }
  })();
}

// ---------------------------------------------------------------- the app server's RSS

/** The `node … server.ts` process under run.mjs (not the sign-in provider, which is scripts/idp/server.ts). */
function serverPid(runPid) {
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== runPid) continue;
      const args = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
      if (args.includes('server.ts')) return Number(d);
    } catch {
      /* gone */
    }
  }
  return null;
}
const rssMb = (pid) => {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
};

// ---------------------------------------------------------------- main

let removeFixtures;

async function main() {
  if (postgresRunning()) throw new Error('The embedded Postgres of this checkout is in use (npm run dev / start:local / bench?): stop it first.');
  for (const p of [cfg.port, cfg.idpPort, cfg.pgPort])
    if (await portInUse(p)) throw new Error(`Port ${p} is in use (set BENCH_PORT / BENCH_IDP_PORT / BENCH_PG_PORT).`);
  if (flags.build || !fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    log('production build (next build)…');
    await runToEnd('next build', [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
  }
  log(`server log: ${logFile}`);

  const env = {
    ...process.env,
    ...secrets,
    PORT: String(cfg.port),
    IDP_PORT: String(cfg.idpPort),
    EMBEDDED_PG_PORT: String(cfg.pgPort),
    NEXT_TELEMETRY_DISABLED: '1',
  };
  for (const k of [
    'DATABASE_URL',
    'EMBEDDED_PG',
    'SQL_TRACE',
    'NODE_OPTIONS',
    'AUTH_URL',
    'PUBLIC_URL',
    'AUTH_LOCAL_ISSUER',
    'RATE_LIMIT_PER_CONNECTOR',
    'RATE_LIMIT_PER_TENANT',
  ])
    delete env[k];
  const app = start('app', ['scripts/run.mjs', 'start'], { env, group: true });
  await waitForHttp(`${base}/v1/health`, app);
  const pid = serverPid(app.child.pid);
  if (!pid) throw new Error('could not find the app server process (node … server.ts) under run.mjs');

  const setupArgs = ['--import', 'tsx', '--import', './scripts/register-server-only.mjs', 'bench/soak-setup.ts'];
  const setupEnv = { ...process.env, DATABASE_URL: databaseUrl, APP_ENCRYPTION_KEY: secrets.APP_ENCRYPTION_KEY };
  const fx = JSON.parse(await runToEnd('bench/soak-setup.ts', [...setupArgs, String(cfg.tenants), String(cfg.perTenant)], setupEnv));
  removeFixtures = () => runToEnd('bench/soak-setup.ts cleanup', [...setupArgs, 'cleanup'], setupEnv);
  onInterrupt(removeFixtures);

  // alice's portal session, minted the way Auth.js does (lib/auth/auth.ts jwt callback: uid, sid, sidExp)
  const cookieName = 'authjs.session-token'; // http:// AUTH_URL: no __Secure- prefix
  const sidExp = Math.floor(Date.now() / 1000) + 8 * 3600;
  const jwt = await encode({
    token: { name: fx.alice.name, email: fx.alice.email, sub: fx.alice.id, uid: fx.alice.id, sid: randomUUID(), sidExp },
    secret: secrets.AUTH_SECRET,
    salt: cookieName,
    maxAge: 8 * 3600,
  });
  const cookie = { cookie: `${cookieName}=${jwt}` };
  const pages = ['/', '/groups', '/connectors', `/groups/${fx.marketingGroupId}`, `/groups/${fx.marketingGroupId}/connectors`];
  for (const p of pages) {
    const res = await fetch(`${base}${p}`, { headers: cookie, redirect: 'manual' });
    if (res.status !== 200) throw new Error(`portal page ${p}: expected 200 with alice's session, got ${res.status} ${res.headers.get('location') ?? ''}`);
  }

  const stop = { done: false };
  const loops = [];
  minute = newMinute(); // the first minute starts with the load
  let page = 0;
  loops.push(
    every(
      1000 / cfg.pagesPerS,
      () => {
        // every fifth page view is the public sign-in page, the rest alice's pages in turn
        const i = page++;
        if (i % 5 === 4) return timed('page /signin', `${base}/signin`, {});
        const p = pages[i % pages.length];
        return timed('portal page', `${base}${p}`, { headers: cookie });
      },
      stop,
    ),
  );
  for (const c of fx.connectors) {
    const headers = { applicationId: c.applicationId, applicationSecret: c.applicationSecret, refreshToken: c.refreshToken };
    let accessToken = await fetch(`${base}/v1/accessToken`, { headers }).then(async (r) =>
      r.status === 200 ? (await r.json()).accessToken : Promise.reject(new Error(`exchange ${r.status}`)),
    );
    loops.push(
      every(
        60_000 / EXCHANGES_PER_MIN,
        () => timed('token exchange', `${base}/v1/accessToken`, { headers }, (body) => (accessToken = JSON.parse(body).accessToken)),
        stop,
      ),
    );
    let read = 0;
    loops.push(
      every(
        60_000 / READS_PER_MIN,
        () => {
          const one = read++ % 2 === 0; // alternately GET /v1/groups/{id} and GET /v1/groups
          const url = one ? `${base}/v1/groups/${c.groupId}` : `${base}/v1/groups?showDetail=true`;
          return timed(one ? 'api group read' : 'api groups list', url, { headers: { accessToken } });
        },
        stop,
      ),
    );
  }
  loops.push(every(2000, () => timed('health', `${base}/v1/health`, {}), stop));

  const apiPerMin = fx.connectors.length * (EXCHANGES_PER_MIN + READS_PER_MIN);
  log(
    `soak: ${cfg.minutes} min; ${fx.connectors.length} connectors in ${cfg.tenants} organizations (${EXCHANGES_PER_MIN} exchanges + ${READS_PER_MIN} reads per connector and minute, ` +
      `${apiPerMin}/min API), ${cfg.pagesPerS} portal pages/s, /v1/health every 2 s; app server pid ${pid}, RSS at start ${rssMb(pid).toFixed(0)} MB`,
  );
  console.log('| min | requests | errors | exchange p50/p99 ms | API read p50/p99 ms | portal page p50/p99 ms | RSS MB | load 1m |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  const rssByMinute = [];
  let totalRequests = 0;
  let totalErrors = 0;
  const errorSamples = [];
  const loadBefore = os.loadavg();
  for (let m = 1; m <= cfg.minutes; m++) {
    await sleep(minute.started + 60_000 - Date.now());
    const done = minute;
    minute = newMinute();
    const rss = rssMb(pid);
    rssByMinute.push(rss);
    const k = (name) => (done.kinds.get(name) ?? []).sort((a, b) => a - b);
    const reads = [...k('api group read'), ...k('api groups list')].sort((a, b) => a - b);
    const pageMs = [...k('portal page'), ...k('page /signin')].sort((a, b) => a - b);
    const pp = (s) => `${pct(s, 50).toFixed(1)} / ${pct(s, 99).toFixed(1)}`;
    totalRequests += done.requests;
    totalErrors += done.errors.length;
    errorSamples.push(...done.errors.slice(0, 5 - errorSamples.length).map((e) => `min ${m}: ${e}`));
    console.log(
      `| ${m} | ${done.requests} | ${done.errors.length} | ${pp(k('token exchange'))} | ${pp(reads)} | ${pp(pageMs)} | ${rss.toFixed(0)} | ${os.loadavg()[0].toFixed(2)} |`,
    );
  }
  stop.done = true;
  await Promise.all(loops);
  await sleep(1000); // in-flight requests

  await removeFixtures();
  removeFixtures = undefined;
  onInterrupt(undefined);
  await stopAll();
  await waitForPostgresDown();

  const warm = rssByMinute[Math.min(cfg.warmupMinutes, rssByMinute.length) - 1];
  const last = rssByMinute.at(-1);
  const growth = ((last - warm) / warm) * 100;
  const max = Math.max(...rssByMinute);
  console.log(
    `\nSoak ${cfg.minutes} min — ${new Date().toISOString()}; node ${process.versions.node}; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} → ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`  requests ${totalRequests.toLocaleString('en-US')}, errors ${totalErrors}${errorSamples.length ? ` (first: ${errorSamples.join('; ')})` : ''}`);
  console.log(
    `  app server RSS: after ${Math.min(cfg.warmupMinutes, rssByMinute.length)} min warm-up ${warm.toFixed(0)} MB, at the end ${last.toFixed(0)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %), max ${max.toFixed(0)} MB`,
  );
  console.log(`  [${totalErrors === 0 ? 'met ' : 'MISS'}] 0 errors: ${totalErrors}`);
  console.log(`  [${growth <= 10 ? 'met ' : 'MISS'}] RSS after warm-up grows ≤ 10 %: ${growth.toFixed(1)} %`);
  if (totalErrors) throw new Error(`${totalErrors} errors during the soak`);
}

main()
  .then(() => fs.rmSync(logFile, { force: true }))
  .catch(async (err) => {
    console.error(`\n[soak] FAILED: ${err instanceof Error ? err.message : err}`);
    await removeFixtures?.().catch(() => undefined);
    await stopAll().catch(() => undefined);
    if (fs.existsSync(logFile)) console.error(`[soak] last lines of ${logFile}:\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')}`);
    process.exitCode = 1;
  });
