import { getPool } from '@/db';

const HEALTH_DB_TIMEOUT_MS = 1_000;

/**
 * `SELECT 1` through the shared pool (so an exhausted pool reports degraded too), bounded by a short timer:
 * `/v1/health` answers within about a second whatever the database does.
 */
export async function databaseAnswers(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), HEALTH_DB_TIMEOUT_MS)));
  const query = getPool()
    .query('SELECT 1')
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
