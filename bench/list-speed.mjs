// Seeds 10,000 connectors and 10,000 groups into Contoso (one of the groups with 10,000 members) and prints how
// long the Connectors list, the Groups list and that group's member list take the server to answer (the whole
// server-rendered HTML, over loopback), for the default order, sorts by other columns and a page deep into the
// list by cursor. Target (issue 13): ≤ 300 ms.
//
//   BASE_URL=http://localhost:3000 DATABASE_URL=postgres://… node bench/list-speed.mjs [--cleanup]
//
// Works against `npm run dev` / `npm start` or the e2e server (`node scripts/run.mjs e2e`): signs in as the demo
// account alice@contoso.com through the local sign-in provider (gives her a verified number when she has none).
// Rows it makes carry the description below (groups: the name prefix) and are replaced on every run; --cleanup deletes them.
import pg from 'pg';

const BASE = process.env.BASE_URL ?? 'http://localhost:3000';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@localhost:54329/connector_portal';
const COUNT = Number(process.env.LIST_SPEED_ROWS ?? 10_000);
const RUNS = Number(process.env.LIST_SPEED_RUNS ?? 15);
const MARK = 'Seeded by bench/list-speed.mjs';
const GROUP_PREFIX = 'List speed group ';
const TARGET_MS = 300;

async function seed(client) {
  const alice = (await client.query(`SELECT id, tenant_id FROM users WHERE email = 'alice@contoso.com'`)).rows[0];
  if (!alice) throw new Error('alice@contoso.com is not in this database: run the seeded app (npm run dev) first');
  await client.query('DELETE FROM connectors WHERE description = $1', [MARK]);
  await client.query(`DELETE FROM groups WHERE tenant_id = $1 AND name LIKE $2`, [alice.tenant_id, `${GROUP_PREFIX}%`]);
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
  // 10,000 groups (the first with 10,000 members), alice sees them all as the org admin
  await client.query(
    `INSERT INTO groups (tenant_id, name, created_at) SELECT $1, $2 || lpad(g::text, 5, '0'), now() - make_interval(secs => g) FROM generate_series(1, $3) g`,
    [alice.tenant_id, GROUP_PREFIX, COUNT],
  );
  const big = (await client.query(`SELECT id FROM groups WHERE tenant_id = $1 AND name = $2`, [alice.tenant_id, `${GROUP_PREFIX}00001`])).rows[0].id;
  await client.query(
    `INSERT INTO group_members (group_id, e164, display_name, role)
     SELECT $1, '+1555' || lpad(g::text, 7, '0'), 'List speed member ' || lpad(g::text, 5, '0'), CASE WHEN g = 1 THEN 'Admin'::member_role ELSE 'Member' END
     FROM generate_series(1, $2) g`,
    [big, COUNT],
  );
  await client.query('ANALYZE groups');
  await client.query('ANALYZE group_members');
  // a cursor half-way down the default order (newest first), as the page's Next link would carry it
  const mid = (
    await client.query(
      `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ts, id FROM connectors
       WHERE tenant_id = $1 AND deleted_at IS NULL ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`,
      [alice.tenant_id, Math.floor(COUNT / 2)],
    )
  ).rows[0];
  const groupMid = (
    await client.query(`SELECT lower(name) AS k, id FROM groups WHERE tenant_id = $1 ORDER BY lower(name), id OFFSET $2 LIMIT 1`, [
      alice.tenant_id,
      Math.floor(COUNT / 2),
    ])
  ).rows[0];
  const cursor = (key) => Buffer.from(JSON.stringify(key)).toString('base64url');
  return { deep: cursor([mid.ts, mid.id]), deepGroup: cursor([groupMid.k, groupMid.id]), big };
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
  const seeded = await seed(client);
  if (seeded === null) {
    console.log('removed the seeded connectors and groups');
  } else {
    const j = await signIn();
    const { deep, deepGroup, big } = seeded;
    const cases = [
      ['connectors: newest first (default)', '/connectors?view=all'],
      ['connectors: by name', '/connectors?view=all&sort=name&dir=asc'],
      ['connectors: by group count', '/connectors?view=all&sort=groups'],
      [`connectors: page after row ${COUNT / 2} (cursor)`, `/connectors?view=all&after=${deep}`],
      ['connectors: search "speed 09"', '/connectors?view=all&q=speed+09'],
      ['groups: by name (default)', '/groups'],
      ['groups: by user count', '/groups?sort=users'],
      [`groups: page after row ${COUNT / 2} (cursor)`, `/groups?after=${deepGroup}`],
      ['members: by role, name (default)', `/groups/${big}`],
      ['members: by name, descending', `/groups/${big}?sort=name&dir=desc`],
    ];
    console.log(`Lists with ${COUNT.toLocaleString('en')} connectors, groups and members of one group, ${RUNS} runs each (server time, loopback):`);
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
