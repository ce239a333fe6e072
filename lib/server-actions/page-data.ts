import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import type { Actor } from '@/lib/authz';
import { DomainError, statusOf } from '@/lib/errors';
import { auditForbidden } from './denials';

/**
 * For pages: await their data; a 404 error becomes the not-found page, a 403 the forbidden page (audited once,
 * as in server actions). Anything else goes on to error.tsx.
 */
export async function pageData<T>(actor: Pick<Actor, 'id' | 'tenantId'>, load: Promise<T>, target?: { targetType: string; targetId: string }): Promise<T> {
  try {
    return await load;
  } catch (err) {
    if (err instanceof DomainError && statusOf(err) === 404) notFound();
    if (err instanceof DomainError && statusOf(err) === 403) {
      await auditForbidden(actor, err, target);
      forbidden();
    }
    throw err;
  }
}
