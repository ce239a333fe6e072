import 'server-only';
import type { DbOrTx } from '@/db';
import { auditEvents, type NewAuditEvent } from '@/db/schema';
import type { AuditAction } from './actions';
/** One audit row to write: the action is one of the typed union (lib/audit/actions.ts). */
export type AuditInput = Omit<NewAuditEvent, 'action'> & { action: AuditAction };

/** Write one audit event (actor, tenant, action, target, time, IP). Never pass secret values in `metadata`. */
export async function recordAudit(tx: DbOrTx, event: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values(event);
}

export interface DeniedEvent {
  tenantId: string;
  actorUserId: string;
  /** the refused permission (lib/authz), null when a FORBIDDEN came from elsewhere */
  permission: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
}

/** One `authz.denied` event, outcome 'denied': who was refused which permission on what. One insert. */
export async function recordDenied(tx: DbOrTx, e: DeniedEvent): Promise<void> {
  await recordAudit(tx, {
    tenantId: e.tenantId,
    actorUserId: e.actorUserId,
    action: 'authz.denied',
    outcome: 'denied',
    targetType: e.targetType,
    targetId: e.targetId,
    ip: e.ip,
    metadata: e.permission ? { permission: e.permission } : null,
  });
}
