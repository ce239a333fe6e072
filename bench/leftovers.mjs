// Rows an interrupted run left behind that would keep the measured server busy: the W1 phase's groups
// (`bench-webhooks-…`) with their webhooks, whose undelivered rows the worker would keep attempting against a
// receiver that is gone (2026-12-07: 43,478 such deliveries, left by a run on 12-06, loaded every later run).
// Removed at the start of every bench mode, before anything is measured.
import pg from 'pg';

export async function removeLeftovers(databaseUrl, log) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(`SELECT id FROM groups WHERE name LIKE 'bench-webhooks-%'`);
    const ids = rows.map((r) => r.id);
    if (ids.length) {
      // the deliveries' row locks in id order first, as every multi-row writer does (lib/events lockDeliveries)
      const locked = await client.query(
        `SELECT id FROM webhook_deliveries WHERE webhook_id IN (SELECT id FROM webhooks WHERE group_id = ANY ($1::uuid[])) ORDER BY id FOR UPDATE`,
        [ids],
      );
      await client.query(`DELETE FROM webhooks WHERE group_id = ANY ($1::uuid[])`, [ids]);
      await client.query(`DELETE FROM platform_events WHERE group_id = ANY ($1::uuid[])`, [ids]);
      await client.query(`DELETE FROM groups WHERE id = ANY ($1::uuid[])`, [ids]);
      log(`removed what an interrupted run left: ${ids.length} W1 group(s) with ${locked.rowCount} queued deliveries`);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
