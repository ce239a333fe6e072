'use server';
import { z } from 'zod';
import { publicAction } from '@/lib/server-actions/action-client';
import { clientIp } from '@/lib/request';
import { recordAudit } from '@/lib/audit';
import { db } from '@/db';
import { signIn, signOut } from './auth';
import { providerId } from './providers';
import { getCurrentUser, revokeCurrentSession } from './session';

/** Only same-site paths: never redirect to another origin after sign-in. */
function safeCallback(url: string | undefined): string {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return '/';
  return url;
}

export const signInWithOffice365 = publicAction(z.object({ callbackUrl: z.string().max(2000).optional() }), async ({ callbackUrl }) => {
  await signIn(providerId(), { redirectTo: safeCallback(callbackUrl) });
});

/** Sign-out ends the session on the server too (revoked_sessions), then clears the cookie. */
export const signOutAction = publicAction(z.object({}), async () => {
  const user = await getCurrentUser();
  if (user) {
    await recordAudit(db, {
      tenantId: user.tenantId,
      actorUserId: user.id,
      action: 'user.signed_out',
      targetType: 'user',
      targetId: user.id,
      ip: await clientIp(),
    });
  }
  await revokeCurrentSession(user);
  await signOut({ redirectTo: '/signin?signedOut=1' });
});
