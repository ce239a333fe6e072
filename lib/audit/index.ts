import 'server-only';
import type { DbOrTx } from '@/db';
import { auditEvents, type NewAuditEvent } from '@/db/schema';

/** Write one audit event (actor, tenant, action, target, time, IP). Never pass secret values in `metadata`. */
export async function recordAudit(tx: DbOrTx, event: NewAuditEvent): Promise<void> {
  await tx.insert(auditEvents).values(event);
}
