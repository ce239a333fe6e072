import 'server-only';
import { getCurrentUser, type CurrentUser } from '@/lib/auth';
import { createActionClient } from './action-client';
import { auditForbidden } from './denials';

export { ActionError, type ActionResult } from './action-client';

/** Signed-in user (checked against the database on every call). */
export const userAction = createActionClient<CurrentUser>(() => getCurrentUser(), { onForbidden: auditForbidden });

/** Signed-in user with a verified, active phone number. */
export const verifiedUserAction = createActionClient<CurrentUser & { activePhone: string }>(
  async () => {
    const user = await getCurrentUser();
    return user?.activePhone ? (user as CurrentUser & { activePhone: string }) : null;
  },
  { onForbidden: auditForbidden },
);
