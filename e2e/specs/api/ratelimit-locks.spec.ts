import { randomUUID } from 'node:crypto';
import { FLUSH_SQL } from '../../../lib/ratelimit/sql';
import { accessTokenFor } from '../../fixtures/api';
import { newPhoneNumber } from '../../fixtures/data';
import { openClient, pidOf, waitingOn, withDb } from '../../fixtures/db';
import { freshMinute, makeConnector, makeGroupWith, makeTenant } from '../../fixtures/factory';
import { call } from '../../fixtures/platform';
import { expect, test } from '../../fixtures/test';

/**
 * The token exchange counts calls in memory and flushes them to `rate_counters` in one statement, which locks the
 * counter rows of several connectors of a tenant and the tenant's own. A platform write's gate locks its
 * connector's row, then the tenant's. When the flush took its rows in the order the calls first came (a
 * connector, the tenant, more connectors, then this one) the two could each hold the row the other wanted:
 * PostgreSQL failed one of them, and the platform call answered 500. Here the two are made to meet every time:
 * a third transaction holds the row of a connector the flush comes to just before this one's, until the flush
 * and then the call are both waiting; then it lets go. The flush runs the app's statement, its keys in
 * first-come order; the connector held sorts after this one (so a flush in lock order has taken this
 * connector's row by then, and the call waits for the flush).
 */

const countsOf = (keys: string[]) =>
  withDb(async (db) => {
    const { rows } = await db.query<{ key: string; count: number }>(
      `SELECT key, count FROM rate_counters WHERE key = ANY($1) AND window_start = date_trunc('minute', now())`,
      [keys],
    );
    return Object.fromEntries(keys.map((k) => [k, rows.find((r) => r.key === k)?.count ?? 0]));
  });

test('[API] a flush of the counted calls meets a platform write on the same counters: both finish, no deadlock', async ({ request }) => {
  await freshMinute(40);
  const tenant = await makeTenant();
  const group = await makeGroupWith({ tenant, name: 'Counters', admin: newPhoneNumber() });
  const connector = await makeConnector({ tenantId: tenant, permissions: ['groupinfo'], groupId: group });
  const token = await accessTokenFor(request, connector, connector.refreshToken);
  const first = `c:${randomUUID()}`; // connectors of the tenant whose calls came first
  const held = `c:zz-${randomUUID()}`;
  const mine = `c:${connector.id}`;
  const keys = [first, `t:${tenant}`, held, mine];
  // the exchange's own count has reached Postgres (the app flushes every RATE_FLUSH_MS)
  await expect.poll(async () => (await countsOf(keys))[mine]).toBeGreaterThan(0);
  await new Promise((r) => setTimeout(r, 500));
  const before = await countsOf(keys);

  const holder = await openClient();
  const flusher = await openClient();
  const pids = [await pidOf(holder), await pidOf(flusher)];
  await holder.query('BEGIN');
  await holder.query(
    `INSERT INTO rate_counters (key, window_start, count) VALUES ($1, date_trunc('minute', now()), 1)
     ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1`,
    [held],
  );
  const window = Number((await flusher.query<{ w: number }>(`SELECT extract(epoch FROM date_trunc('minute', now())) * 1000 AS w`)).rows[0]!.w);
  const flushed = flusher
    .query(FLUSH_SQL, [keys, keys.map(() => window), keys.map(() => 1)])
    .then(
      () => 'flushed',
      (err: { code?: string; message: string }) => `failed: ${err.code} ${err.message}`,
    )
    .finally(() => flusher.end());
  await expect.poll(() => waitingOn(pids)).toBe(1);
  const write = call(request, 'POST', `/groups/${group}/subGroups`, token, { groupName: 'Child' });
  await expect.poll(() => waitingOn(pids)).toBe(2);
  await holder.query('COMMIT');
  await holder.end();

  const [answer, flush] = await Promise.all([write, flushed]);
  expect(answer.status(), await answer.text()).toBe(200);
  expect(flush).toBe('flushed');
  // every count landed: the holder's, the flush's and the call's own
  expect(await countsOf(keys)).toEqual({
    [first]: 1,
    [`t:${tenant}`]: before[`t:${tenant}`]! + 2,
    [held]: 2,
    [mine]: before[mine]! + 2,
  });
});
