// Seeds 10,000 connectors into Contoso and prints how long the Connectors list page takes the server to
// answer (the whole server-rendered HTML, over loopback), for the default order, a sort by name, a sort by
// group count and a page deep into the list by cursor. Target (issue 13): ≤ 300 ms.
//
//   BASE_URL=http://localhost:3000 DATABASE_URL=postgres://… node bench/list-speed.mjs [--cleanup]
//
// Works against `npm run dev` / `npm start` or the e2e server (`node scripts/run.mjs e2e`): signs in as the demo
// account alice@contoso.com through the local sign-in provider (gives her a verified number when she has none).
// Rows it makes carry the description below and are replaced on every run; --cleanup deletes them.
import pg from 'pg';

const BASE = process.env.BASE_URL ?? 'http://localhost:3000';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@localhost:54329/connector_portal';
const COUNT = Number(process.env.LIST_SPEED_ROWS ?? 10_000);
const RUNS = Number(process.env.LIST_SPEED_RUNS ?? 15);
const MARK = 'Seeded by bench/list-speed.mjs';
const TARGET_MS = 300;

async function seed(client) {
  const alice = (await client.query(`SELECT id, tenant_id FROM users WHERE email = 'alice@contoso.com'`)).rows[0];
  if (!alice) throw new Error('alice@contoso.com is not in this database: run the seeded app (npm run dev) first');
  await client.query('DELETE FROM connectors WHERE description = $1', [MARK]);
  if (process.argv.includes('--cleanup')) return null;
  const phone = (await client.query('SELECT 1 FROM phone_numbers WHERE user_id = $1 AND is_active AND verified_at IS NOT NULL', [alice.id])).rowCount;
  if (!phone) {
    await client.query(`INSERT INTO phone_numbers (user_id, tenant_id, e164, verified_at, is_active) VALUES ($1, $2, '+14255550101', now(), true)`, [
      alice.id,
      alice.tenant_id,
    ]);
  }
  // one statement; created_at spread over the last days so the orders differ
  await client.query(
    `INSERT INTO connectors (tenant_id, owner_id, name, description, permissions, created_at)
     SELECT $1, $2, 'List speed ' || lpad(g::text, 5, '0'), $3, '{groupinfo}', now() - make_interval(secs => g * 37)
     FROM generate_series(1, $4) g`,
    [alice.tenant_id, alice.id, MARK, COUNT],
  );
  await client.query('ANALYZE connectors');
  // a cursor half-way down the default order (newest first), as the page's Next link would carry it
  const mid = (
    await client.query(
      `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ts, id FROM connectors
       WHERE tenant_id = $1 AND deleted_at IS NULL ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`,
      [alice.tenant_id, Math.floor(COUNT / 2)],
    )
  ).rows[0];
  return Buffer.from(JSON.stringify([mid.ts, mid.id])).toString('base64url');
}

/** A tiny cookie jar (every cookie of localhost, whatever the port, as browsers do). */
function jar() {
  const cookies = new Map();
  return {
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    take(res) {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair.indexOf('=');
        cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1));
      }
    },
  };
}

async function go(j, url, init = {}) {
  let res = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: j.header() } });
  j.take(res);
  let hops = 0;
  while (res.status >= 300 && res.status < 400 && hops++ < 10) {
    url = new URL(res.headers.get('location'), url).toString();
    res = await fetch(url, { redirect: 'manual', headers: { cookie: j.header() } });
    j.take(res);
  }
  return res;
}

async function signIn() {
  const j = jar();
  const { csrfToken } = await (await go(j, `${BASE}/api/auth/csrf`)).json();
  const form = (o) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(o).toString() });
  const page = await go(j, `${BASE}/api/auth/signin/local`, form({ csrfToken, callbackUrl: '/' }));
  if (!/\/interaction\//.test(page.url)) throw new Error(`sign-in did not reach the provider: ${page.url}`);
  await go(j, page.url, form({ email: 'alice@contoso.com', password: 'alice-pass' }));
  const session = await (await go(j, `${BASE}/api/auth/session`)).json();
  if (session?.user?.email !== 'alice@contoso.com') throw new Error('no session for alice');
  return j;
}

async function time(j, path) {
  const ms = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = performance.now();
    const res = await fetch(`${BASE}${path}`, { headers: { cookie: j.header() }, redirect: 'manual' });
    const html = await res.text();
    const t = performance.now() - t0;
    if (res.status !== 200 || !html.includes('List speed')) throw new Error(`${path}: ${res.status}`);
    if (i >= 3) ms.push(t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], p95: ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)] };
}

const client = new pg.Client({ connectionString: DATABASE_URL });
await client.connect();
try {
  const deep = await seed(client);
  if (deep === null) {
    console.log('removed the seeded connectors');
  } else {
    const j = await signIn();
    const cases = [
      ['newest first (default)', '/connectors?view=all'],
      ['by name', '/connectors?view=all&sort=name&dir=asc'],
      ['by group count', '/connectors?view=all&sort=groups'],
      [`page after row ${COUNT / 2} (cursor)`, `/connectors?view=all&after=${deep}`],
      ['search "speed 09"', '/connectors?view=all&q=speed+09'],
    ];
    console.log(`Connectors list with ${COUNT.toLocaleString('en')} connectors, ${RUNS} runs each (server time, loopback):`);
    console.log('| list | median ms | p95 ms |\n| --- | ---: | ---: |');
    let worst = 0;
    for (const [label, path] of cases) {
      const r = await time(j, path);
      worst = Math.max(worst, r.median);
      console.log(`| ${label} | ${r.median.toFixed(0)} | ${r.p95.toFixed(0)} |`);
    }
    console.log(worst <= TARGET_MS ? `OK: every median ≤ ${TARGET_MS} ms` : `SLOW: a median is over ${TARGET_MS} ms`);
    process.exitCode = worst <= TARGET_MS ? 0 : 1;
  }
} finally {
  await client.end();
}
