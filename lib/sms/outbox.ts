import 'server-only';
import { desc, lt, sql } from 'drizzle-orm';
import { db } from '@/db';
import { smsOutbox } from '@/db/schema';
import type { SmsProvider } from './types';

/** Stores each SMS in `sms_outbox` instead of sending it. */
export class OutboxSmsProvider implements SmsProvider {
  readonly name = 'outbox';
  async send(to: string, body: string): Promise<void> {
    await db.insert(smsOutbox).values({ to, body });
  }
}

export async function listOutbox(limit = 50) {
  return db.select().from(smsOutbox).orderBy(desc(smsOutbox.createdAt)).limit(limit);
}

/** Outbox messages (PINs) older than a day are deleted: at start-up, then hourly. Returns the number removed. */
export async function pruneOutbox(): Promise<number> {
  const result = await db.delete(smsOutbox).where(lt(smsOutbox.createdAt, sql`now() - interval '1 day'`));
  return result.rowCount ?? 0;
}

const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** Starts the pruning (server.ts, outbox provider only). A failure (database down) is logged and retried next hour. */
export function startOutboxPruning(): void {
  const run = () =>
    void pruneOutbox().catch((err: unknown) => console.error('[sms] outbox pruning failed:', err instanceof Error ? err.message.split('\n')[0] : 'unknown'));
  run();
  setInterval(run, PRUNE_EVERY_MS).unref();
}
