import 'server-only';
import { desc } from 'drizzle-orm';
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
