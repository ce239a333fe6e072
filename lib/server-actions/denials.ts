import 'server-only';
import { db } from '@/db';
import { recordDenied } from '@/lib/audit';
import { ForbiddenError, type Actor } from '@/lib/authz';
import type { DomainError } from '@/lib/errors';
import { clientIp } from '@/lib/request';

/**
 * Audit a 403 where it becomes a response (the action wrapper, pageData), not where assertCan throws:
 * lib/authz stays pure, and the refusal is usually thrown inside a transaction that rolls back, which
 * would take an audit row written there with it. Never fails the response: a lost audit row is logged.
 */
export async function auditForbidden(
  actor: Pick<Actor, 'id' | 'tenantId'>,
  err: DomainError,
  /** named when the refused resource did not carry its id (e.g. a group page knows its group) */
  fallback?: { targetType: string; targetId: string },
): Promise<void> {
  const denial = err instanceof ForbiddenError ? err.denial : null;
  try {
    await recordDenied(db, {
      tenantId: actor.tenantId,
      actorUserId: actor.id,
      permission: denial?.permission ?? null,
      targetType: denial?.targetType ?? fallback?.targetType ?? null,
      targetId: denial?.targetId ?? fallback?.targetId ?? null,
      ip: await clientIp().catch(() => null),
    });
  } catch (e) {
    console.error('[audit] authz.denied not recorded:', e instanceof Error ? e.name : 'unknown');
  }
}
