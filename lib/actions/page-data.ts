import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import type { Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { auditForbidden } from './denials';

/**
 * For pages: await their data; NOT_FOUND becomes the 404 page, FORBIDDEN the 403 page (audited once,
 * as in server actions). Anything else goes on to error.tsx.
 */
export async function pageData<T>(
  actor: Pick<Actor, 'id' | 'tenantId'>,
  load: Promise<T>,
  target?: { targetType: string; targetId: string },
): Promise<T> {
  try {
    return await load;
  } catch (err) {
    if (err instanceof DomainError && err.code === 'NOT_FOUND') notFound();
    if (err instanceof DomainError && err.code === 'FORBIDDEN') {
      await auditForbidden(actor, err, target);
      forbidden();
    }
    throw err;
  }
}
