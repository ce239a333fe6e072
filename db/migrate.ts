import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { getPool } from './index';

const MIGRATION_LOCK = 7_204_311; // any constant shared by every instance of the app

/** Apply the committed SQL migrations, one instance at a time (advisory lock). */
export async function runMigrations(): Promise<void> {
  const client = await getPool().connect();
  try {
    // waiting for another instance's migrations, or a long migration, is not a request: no time-outs here
    await client.query('SET statement_timeout = 0; SET lock_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await client.query('RESET statement_timeout; RESET lock_timeout').catch(() => undefined);
    client.release();
  }
}
