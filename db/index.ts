import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { config } from '@/lib/config';
import * as schema from './schema';
import { watchPool } from './write-watch';
import { instrumentPool } from './trace';

export type Database = NodePgDatabase<typeof schema>;
/** A transaction handle or the database itself: domain functions accept either. */
export type DbOrTx = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

interface DbGlobal {
  __connectorPortalPool?: pg.Pool;
  __connectorPortalDb?: Database;
}
const g = globalThis as unknown as DbGlobal;

export function databaseUrl(): string {
  const url = config().DATABASE_URL;
  if (!url) {
    throw new Error('DATABASE_URL is not set. Start the app with `npm run dev` (embedded Postgres) or set DATABASE_URL.');
  }
  return url;
}

/**
 * One pool per process, shared by Next and the /v1 router (stack-notes §10), surviving dev reloads.
 * No request may wait on the database for long (product.md §12): a free client within 2 s, every statement
 * within 5 s, a lock within 3 s; past that the call fails and answers 503 (db/errors.ts).
 */
export function getPool(): pg.Pool {
  if (!g.__connectorPortalPool) {
    const c = config();
    const pool = new pg.Pool({
      connectionString: databaseUrl(),
      max: c.DATABASE_POOL_MAX,
      connectionTimeoutMillis: c.DATABASE_CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      // sent as start-up parameters: session defaults on every connection (0 = none)
      statement_timeout: c.DATABASE_STATEMENT_TIMEOUT_MS,
      lock_timeout: c.DATABASE_LOCK_TIMEOUT_MS,
      idle_in_transaction_session_timeout: c.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    });
    // An idle client losing its connection (Postgres restart) must not crash the process.
    pool.on('error', (err) => console.error('[db] idle client error:', err.message));
    watchPool(pool);
    if (c.SQL_TRACE) instrumentPool(pool);
    g.__connectorPortalPool = pool;
  }
  return g.__connectorPortalPool;
}

export function getDb(): Database {
  if (!g.__connectorPortalDb) g.__connectorPortalDb = drizzle({ client: getPool(), schema });
  return g.__connectorPortalDb;
}

/** Lazily connected database handle. */
export const db: Database = new Proxy({} as Database, {
  get(_target, prop) {
    const real = getDb() as unknown as Record<PropertyKey, unknown>;
    const value = real[prop];
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

export { schema };
