import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

/**
 * SQL statement counting per request (tests: SQL_TRACE=1). Counts every query sent on a client of the pool
 * (pool.query included) while a traced request runs.
 */
const store = new AsyncLocalStorage<{ count: number }>();

/** Runs `fn` with a fresh counter; resolves to the number of statements it sent. */
export async function traceSql(fn: () => Promise<unknown>): Promise<number> {
  const counter = { count: 0 };
  await store.run(counter, fn);
  return counter.count;
}

/**
 * Runs `fn` outside any traced request: a timer it sets (a background flush) is not counted against the
 * request that happened to schedule it.
 */
export function untraced<T>(fn: () => T): T {
  return store.exit(fn);
}

export function instrumentPool(pool: pg.Pool) {
  const count = () => {
    const s = store.getStore();
    if (s) s.count++;
  };
  // pool.query() checks a client out too, so counting client queries counts everything once
  pool.on('acquire', (client) => {
    const c = client as unknown as { query: (...a: unknown[]) => unknown; __traced?: boolean };
    if (c.__traced) return;
    c.__traced = true;
    const q = c.query.bind(client) as (...a: unknown[]) => unknown;
    c.query = (...args: unknown[]) => {
      count();
      return q(...args);
    };
  });
}

/** The counter of the traced request running now (undefined outside one, or when tracing is off). */
export function currentTrace(): { count: number } | undefined {
  return store.getStore();
}
