// `npm run bench`: the same-run performance ladder of bench/README.md, against the production build.
//
//   L0  bare node:http hello (own process)         L3  GET /v1/accessToken (valid token exchange)
//   L1  Next.js route handler hello (/api/hello)   L4  GET /v1/groups/{groupId} (valid access token)
//   L2  GET /v1/health/live on the lean router (no database)
//   L5  GET /v1/groups/{groupId}/members (first page of a 1,000-member group)   L6  PUT …/members (10 numbers)
//   L7  POST …/messages   L8  GET …/actions?actionType=Poll   M1  server RSS during 20 parallel 1 MB, then 8 MB uploads
//
// Then latency at a fixed arrival rate of half L3's max (bench/open-loop.mjs). It builds the app when
// needed, starts everything itself (`node scripts/run.mjs start` on its own ports, with rate limits lifted)
// and stops every process it started, whatever happens.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../scripts/pg.mjs';
import { log, logFile, onInterrupt, portInUse, postgresRunning, runToEnd, start, stop, stopAll, waitForHttp, waitForPostgresDown } from './processes.mjs';
import { report } from './report.mjs';
import { expect200, rungMeasurer } from './load.mjs';
import { benchInvoke, invokeReport } from './connections.mjs';
import { removeLeftovers } from './leftovers.mjs';
import { exchangeOnly } from './exchange-only.mjs';
import { mediaRss, platformRungs, probePlatform } from './platform-rungs.mjs';
import { webhookRung } from './webhook-rung.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const { values: flags } = parseArgs({
  options: {
    build: { type: 'boolean' },
    'no-build': { type: 'boolean' },
    profile: { type: 'boolean' },
    'webhooks-only': { type: 'boolean' },
    'connections-only': { type: 'boolean' },
    pauses: { type: 'boolean' },
    alloc: { type: 'boolean' },
    'exchange-only': { type: 'boolean' },
  },
});
const num = (name, fallback) => Number(process.env[name] ?? fallback);
const cfg = {
  port: num('BENCH_PORT', 3300),
  helloPort: num('BENCH_PORT', 3300) + 1,
  peerPort: num('BENCH_PORT', 3300) + 2,
  idpPort: num('BENCH_IDP_PORT', 4300),
  pgPort: num('BENCH_PG_PORT', 54359),
  connections: num('BENCH_CONNECTIONS', 50),
  // L6: writes to one group queue on its row lock (lockGroup) while holding a pool client; at 50 connections
  // the queue for the server's 10 pool clients passes DATABASE_CONNECT_TIMEOUT_MS (2 s) and it sheds load (503)
  writeConnections: num('BENCH_WRITE_CONNECTIONS', 5),
  warmup: num('BENCH_WARMUP', 5), // seconds, per rung, discarded
  duration: num('BENCH_DURATION', 15), // seconds, per rung, measured
  openLoop: num('BENCH_OPEN_LOOP_DURATION', 15),
};
const base = `http://127.0.0.1:${cfg.port}`;
const NO_LIMIT = '1000000000'; // the 100/min per connector, 300/min per tenant limits would make this a 429 benchmark
const pausesFile = process.env.BENCH_PAUSES_FILE ?? path.join(os.tmpdir(), `connector-portal-bench-pauses-${process.pid}.jsonl`);
const profileDir = process.env.BENCH_PROFILE_DIR ?? path.join(os.tmpdir(), 'connector-portal-bench-profiles');
const mediaDir = path.join(os.tmpdir(), `connector-portal-bench-media-${process.pid}`); // M1's uploads, removed at the end

function needsBuild() {
  if (flags.build) return true;
  if (flags['no-build']) return false;
  const manifest = path.join(root, '.next', 'app-path-routes-manifest.json');
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')) || !fs.existsSync(manifest)) return true;
  return !Object.values(JSON.parse(fs.readFileSync(manifest, 'utf8'))).includes('/api/hello'); // a build from before L1 existed
}

const version = (pkg) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

// ---------------------------------------------------------------- the app server

// Fresh keys per run: bench/setup.ts must hash and encrypt with the server's key, and nothing is read
// from (or written into) the checkout's .data/secrets.json.
const secrets = { APP_ENCRYPTION_KEY: `k1:${randomBytes(32).toString('base64')}`, AUTH_SECRET: randomBytes(32).toString('base64url') };
const databaseUrl = `postgres://postgres:postgres@localhost:${cfg.pgPort}/connector_portal`;

function startApp({ sqlTrace }) {
  const env = {
    ...process.env,
    ...secrets,
    PORT: String(cfg.port),
    IDP_PORT: String(cfg.idpPort),
    EMBEDDED_PG_PORT: String(cfg.pgPort),
    RATE_LIMIT_PER_CONNECTOR: NO_LIMIT,
    RATE_LIMIT_PER_TENANT: NO_LIMIT,
    NEXT_TELEMETRY_DISABLED: '1',
    IDP_TEST_ACCOUNTS: '1', // the local provider mints Connections tokens for bench/connections-setup.ts
    MEDIA_DIR: mediaDir,
  };
  for (const k of ['DATABASE_URL', 'EMBEDDED_PG', 'SQL_TRACE', 'NODE_OPTIONS', 'AUTH_URL', 'PUBLIC_URL', 'AUTH_LOCAL_ISSUER']) delete env[k];
  if (sqlTrace) env.SQL_TRACE = '1';
  if ((flags.profile || flags.alloc) && !sqlTrace) {
    const hook = flags.alloc ? 'alloc-profile.mjs' : 'cpu-profile.mjs'; // --cpu-prof is not allowed in NODE_OPTIONS
    env.NODE_OPTIONS = `--import="${path.join(root, 'bench', hook)}"`;
    env.BENCH_PROFILE_DIR = profileDir;
  }
  if (flags.pauses && !sqlTrace) {
    env.NODE_OPTIONS = [env.NODE_OPTIONS, `--import="${path.join(root, 'bench', 'pauses.mjs')}"`].filter(Boolean).join(' ');
    env.BENCH_PAUSES_FILE = pausesFile;
  }
  // V8 settings to try on the app server (e.g. BENCH_SERVER_FLAGS="--max-semi-space-size=64")
  if (process.env.BENCH_SERVER_FLAGS && !sqlTrace) env.NODE_OPTIONS = [env.NODE_OPTIONS, process.env.BENCH_SERVER_FLAGS].filter(Boolean).join(' ');
  return start(sqlTrace ? 'app (SQL_TRACE=1)' : 'app', ['scripts/run.mjs', 'start'], { env, group: true });
}

async function stopApp(app) {
  await stop(app);
  await waitForPostgresDown();
}

const measure = rungMeasurer({ connections: cfg.connections, warmup: cfg.warmup, duration: cfg.duration });

// ---------------------------------------------------------------- main

/** Deletes the bench connector (and its grant and tokens) again; set once they exist. */
let removeFixtures;

async function main() {
  if (postgresRunning()) {
    throw new Error(
      `The embedded Postgres of this checkout (${defaultDataDir('pg')}) looks in use (npm run dev / start:local?). ` +
        'The benchmark starts its own on that data directory: stop it first, or run the bench in a copy of the checkout.',
    );
  }
  for (const p of [cfg.port, cfg.helloPort, cfg.peerPort, cfg.idpPort, cfg.pgPort])
    if (await portInUse(p)) throw new Error(`Port ${p} is in use (set BENCH_PORT / BENCH_IDP_PORT / BENCH_PG_PORT).`);

  if (needsBuild()) {
    log('production build (next build)…');
    await runToEnd('next build', [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
    }).then((out) => process.stdout.write(out));
  }
  log(`server log: ${logFile}`);
  if (flags['webhooks-only']) {
    const app = startApp({ sqlTrace: false });
    await waitForHttp(`${base}/v1/health`, app);
    await removeLeftovers(databaseUrl, log);
    const line = await webhookRung({ databaseUrl, encryptionKey: secrets.APP_ENCRYPTION_KEY });
    await stopAll();
    await waitForPostgresDown();
    console.log(`\n${line}\n`);
    return;
  }
  if (flags['connections-only']) {
    const app = startApp({ sqlTrace: false });
    await waitForHttp(`${base}/v1/health`, app);
    await removeLeftovers(databaseUrl, log);
    const env = { ...process.env, DATABASE_URL: databaseUrl, APP_ENCRYPTION_KEY: secrets.APP_ENCRYPTION_KEY };
    const ir = invokeReport(await benchInvoke({ base, idp: `http://localhost:${cfg.idpPort}`, root, runToEnd, log, env, duration: cfg.openLoop }));
    await stopAll();
    await waitForPostgresDown();
    console.log(`\n${ir.lines.join('\n')} (load average ${os.loadavg().join(' ')})\n`);
    if (ir.errors) throw new Error(`${ir.errors} invoke/direct requests failed`);
    return;
  }
  if (flags['exchange-only']) {
    const text = await exchangeOnly({ startApp, base, cfg, databaseUrl, secrets, measure, pausesFile: flags.pauses && pausesFile });
    return console.log(`\n${text}\n`);
  }
  if (flags.pauses) log(`GC pauses ≥ 10 ms and event-loop stalls ≥ 20 ms of the app server go to ${pausesFile}`);
  if (flags.profile) log(`CPU profile of the app server (measured server only) goes to ${profileDir}`);

  // 1. SQL statements per request: one probe each against a server with SQL_TRACE=1, which adds an
  //    X-SQL-Statements header. The measured runs below use a server without it.
  let app = startApp({ sqlTrace: true });
  await waitForHttp(`${base}/v1/health`, app);
  await removeLeftovers(databaseUrl, log);
  const setupArgs = ['--import', 'tsx', '--import', './scripts/register-server-only.mjs', 'bench/setup.ts'];
  const setupEnv = { ...process.env, DATABASE_URL: databaseUrl, APP_ENCRYPTION_KEY: secrets.APP_ENCRYPTION_KEY };
  const fx = JSON.parse(await runToEnd('bench/setup.ts', setupArgs, setupEnv));
  removeFixtures = () => runToEnd('bench/setup.ts cleanup', [...setupArgs, 'cleanup'], setupEnv);
  onInterrupt(removeFixtures);
  const exchangeHeaders = (c) => ({ applicationId: c.applicationId, applicationSecret: c.applicationSecret, refreshToken: c.refreshToken });
  const first = await expect200(`${base}/v1/accessToken`, exchangeHeaders(fx), 'token exchange probe');
  const sqlExchange = first.res.headers.get('x-sql-statements');
  const { accessToken } = JSON.parse(first.body);
  const groupUrl = `${base}/v1/groups/${fx.groupId}`;
  const sqlGroup = (await expect200(groupUrl, { accessToken }, 'group read probe')).res.headers.get('x-sql-statements');
  // L5/L6: the connector with `groupmember` and its group token on the 1,000-member group
  const memberExchange = await expect200(`${base}/v1/accessToken`, exchangeHeaders(fx.members), 'token exchange probe (members connector)');
  const memberToken = JSON.parse(memberExchange.body).accessToken;
  const membersUrl = `${base}/v1/groups/${fx.members.groupId}/members`;
  const membersProbe = await expect200(membersUrl, { accessToken: memberToken }, 'member list probe');
  const sqlMembers = membersProbe.res.headers.get('x-sql-statements');
  const firstPage = JSON.parse(membersProbe.body);
  if (firstPage.members?.length !== 100 || !firstPage.cursor)
    throw new Error(
      `member list probe: expected a first page of 100 members with a cursor, got ${firstPage.members?.length} (cursor ${firstPage.cursor ? 'set' : 'none'})`,
    );
  const addInit = {
    method: 'PUT',
    body: JSON.stringify({ members: fx.members.addNumbers }),
    headers: { accessToken: memberToken, 'content-type': 'application/json' },
  };
  const addProbe = await expect200(membersUrl, addInit.headers, 'member add probe', addInit);
  if (JSON.parse(addProbe.body).result !== 'true') throw new Error(`member add probe: expected result "true", got ${addProbe.body.slice(0, 200)}`);
  const sqlAdd = addProbe.res.headers.get('x-sql-statements');
  const platformSql = await probePlatform({ base, token: memberToken, groupId: fx.members.groupId, expect200 });
  log(
    `SQL statements per request: token exchange ${sqlExchange}, group read ${sqlGroup}, member list ${sqlMembers}, member add ${sqlAdd}, message post ${platformSql.sqlPost}, Poll list ${platformSql.sqlPolls}`,
  );
  await stopApp(app);

  // 2. The ladder, against the production server with SQL_TRACE unset.
  app = startApp({ sqlTrace: false });
  const hello = start('node:http hello', ['bench/hello-server.mjs', String(cfg.helloPort)]);
  const peer = start('oidc-provider peer', ['bench/oidc-peer.mjs', String(cfg.peerPort)]);
  await waitForHttp(`${base}/v1/health`, app);
  await waitForHttp(`http://127.0.0.1:${cfg.helloPort}/`, hello);
  await waitForHttp(`http://127.0.0.1:${cfg.peerPort}/.well-known/openid-configuration`, peer);
  const { PEER_CLIENT } = await import('./oidc-peer-client.mjs');
  const rungs = [
    { id: 'L0', name: 'bare node:http hello (own process)', url: `http://127.0.0.1:${cfg.helloPort}/` },
    // route handlers under /api are outside proxy.ts: this is the bare App Router cost
    { id: 'L1', name: 'Next route handler hello /api/hello', url: `${base}/api/hello`, headers: {} },
    { id: 'L2', name: 'lean router GET /v1/health/live', url: `${base}/v1/health/live` },
    { id: 'L3', name: 'GET /v1/accessToken (token exchange)', url: `${base}/v1/accessToken`, headers: exchangeHeaders(fx), sql: sqlExchange },
    { id: 'L4', name: 'GET /v1/groups/{groupId}', url: groupUrl, headers: { accessToken }, sql: sqlGroup },
    // first page (default count 100) of a 1,000-member group, group token of that group
    { id: 'L5', name: 'GET /v1/groups/{groupId}/members (1,000 members, first page)', url: membersUrl, headers: { accessToken: memberToken }, sql: sqlMembers },
    // the same 10 numbers every time, already members: each PUT is the steady-state upsert (role kept) + audit row
    {
      id: 'L6',
      name: `PUT /v1/groups/{groupId}/members (10 numbers; -c ${cfg.writeConnections})`,
      url: membersUrl,
      ...addInit,
      connections: cfg.writeConnections,
      sql: sqlAdd,
    },
    ...platformRungs({ base, token: memberToken, groupId: fx.members.groupId, sql: platformSql }),
    {
      id: 'P1',
      name: 'peer: oidc-provider client_credentials (in-memory, own process)',
      url: `http://127.0.0.1:${cfg.peerPort}/token`,
      method: 'POST',
      body: 'grant_type=client_credentials&scope=api',
      headers: {
        authorization: `Basic ${Buffer.from(`${PEER_CLIENT.id}:${PEER_CLIENT.secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
    },
  ];
  const loadBefore = os.loadavg();
  const rows = [];
  for (const rung of rungs) rows.push(await measure(rung));
  const byId = Object.fromEntries(rows.map((r) => [r.id, r]));

  // 3. Open loop at half of L3's max rate.
  const rate = Math.max(1, Math.round(byId.L3.rps / 2));
  log(`open loop: token exchange at ${rate} req/s for ${cfg.openLoop} s from ${new Date().toISOString()}…`);
  const ol = JSON.parse(
    await runToEnd(
      'bench/open-loop.mjs',
      ['bench/open-loop.mjs', '--url', `${base}/v1/accessToken`, '--rate', String(rate), '--duration', String(cfg.openLoop), '--json'],
      {
        ...process.env,
        BENCH_HEADERS: JSON.stringify(exchangeHeaders(fx)),
      },
    ),
  );
  // 4. Connections: invoke vs calling the provider directly, open loop at 500 req/s (bench/connections.mjs)
  const conn = await benchInvoke({ base, idp: `http://localhost:${cfg.idpPort}`, root, runToEnd, log, env: setupEnv, duration: cfg.openLoop });
  const loadAfter = os.loadavg();
  const rss = await mediaRss({ base, token: memberToken, runPid: app.child.pid, log });
  const webhooksLine = await webhookRung({ databaseUrl, encryptionKey: secrets.APP_ENCRYPTION_KEY });

  await removeFixtures();
  removeFixtures = undefined;
  onInterrupt(undefined);
  await stopAll();
  await waitForPostgresDown();
  fs.rmSync(mediaDir, { recursive: true, force: true });

  // 5. Report.
  console.log(`\n${report({ rows, byId, ol, fx, loadBefore, loadAfter, sqlMembers, cfg, version })}\n\n${rss.line}\n${webhooksLine}`);
  const ir = invokeReport(conn);
  console.log(`${ir.lines.join('\n')}\n`);

  const bad = rows.reduce((n, r) => n + r.bad, 0) + ol.errors + ir.errors + rss.errors;
  if (bad) throw new Error(`${bad} requests did not get a 200 (see the non-2xx / errors columns): the figures above are not valid.`);
}

main()
  .then(() => (process.env.BENCH_KEEP_LOG ? log(`server log kept: ${logFile}`) : fs.rmSync(logFile, { force: true })))
  .catch(async (err) => {
    console.error(`\n[bench] FAILED: ${err instanceof Error ? err.message : err}`);
    await removeFixtures?.().catch(() => undefined); // needs Postgres, so before stopping it
    await stopAll().catch(() => undefined);
    fs.rmSync(mediaDir, { recursive: true, force: true });
    if (fs.existsSync(logFile)) console.error(`[bench] last lines of ${logFile}:\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')}`);
    process.exitCode = 1;
  });
