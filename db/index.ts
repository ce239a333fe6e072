import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';
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
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error('DATABASE_URL is not set. Start the app with `npm run dev` (embedded Postgres) or set DATABASE_URL.');
  }
  return url;
}

/** One pool per process, shared by Next and the /v1 router (stack-notes §10), surviving dev reloads. */
export function getPool(): pg.Pool {
  if (!g.__connectorPortalPool) {
    const pool = new pg.Pool({
      connectionString: databaseUrl(),
      max: Number(process.env.DATABASE_POOL_MAX ?? 10),
      connectionTimeoutMillis: 2_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection (Postgres restart) must not crash the process.
    pool.on('error', (err) => console.error('[db] idle client error:', err.message));
    if (process.env.SQL_TRACE === '1') instrumentPool(pool);
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
