import 'server-only';
import { and, eq, lt, notExists, sql } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/db';
import { phoneNumbers, revokedSessions, tenants, users } from '@/db/schema';
import { auth } from './auth';

export interface CurrentUser {
  id: string;
  name: string | null;
  email: string | null;
  tenantId: string;
  tenantName: string;
  isOrgAdmin: boolean;
  /** The active, verified phone number (E.164): the user's identity inside groups. */
  activePhone: string | null;
  /** Admin of at least one group under the active number. */
  isGroupAdmin: boolean;
  /** The portal language the user chose, if any (lib/i18n). */
  locale: string | null;
}

/**
 * The signed-in user, read from the database (not only the cookie); null when signed out. "Signed out"
 * also covers a cookie whose session was ended on the server (sign-out: its id is in revoked_sessions),
 * a sign-in older than the session lifetime, a session without an id (issued before ids existed) and a
 * user who was removed. One query.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const sid = session?.sid;
  if (!id || !sid || !session.sidExpiresAt || session.sidExpiresAt * 1000 <= Date.now()) return null;
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      tenantId: users.tenantId,
      tenantName: tenants.name,
      isOrgAdmin: users.isOrgAdmin,
      activePhone: phoneNumbers.e164,
      locale: users.locale,
      isGroupAdmin: sql<boolean>`EXISTS (SELECT 1 FROM group_members m WHERE m.e164 = ${phoneNumbers.e164} AND m.role = 'Admin')`,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .leftJoin(phoneNumbers, and(eq(phoneNumbers.userId, users.id), eq(phoneNumbers.isActive, true)))
    .where(
      and(
        eq(users.id, id),
        notExists(
          db
            .select({ one: sql`1` })
            .from(revokedSessions)
            .where(eq(revokedSessions.sessionId, sid)),
        ),
      ),
    );
  return row ?? null;
});

/**
 * End the current session on the server: a copy of its cookie stops working at once. Rows are kept
 * until the session would have ended anyway; expired ones are pruned here (sign-outs are rare, and the
 * delete is a range scan of the expires_at index). `user` is the signed-in user, if still there.
 */
export async function revokeCurrentSession(user: Pick<CurrentUser, 'id'> | null): Promise<void> {
  const session = await auth();
  if (!session?.sid || !session.sidExpiresAt) return;
  const expiresAt = new Date(session.sidExpiresAt * 1000);
  if (expiresAt.getTime() <= Date.now()) return;
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, new Date()));
  await db
    .insert(revokedSessions)
    .values({ sessionId: session.sid, userId: user?.id ?? null, expiresAt })
    .onConflictDoNothing();
}

/** For pages: the signed-in user, or a redirect to sign-in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/signin');
  return user;
}

/** For portal pages that need a verified phone number (everything but the phone registration itself). */
export async function requireVerifiedUser(): Promise<CurrentUser & { activePhone: string }> {
  const user = await requireUser();
  if (!user.activePhone) redirect('/settings/phone-numbers?first=1');
  return user as CurrentUser & { activePhone: string };
}

/** The user's role as a `layout.roles` message key. */
export function roleKey(user: Pick<CurrentUser, 'isOrgAdmin' | 'isGroupAdmin'>): 'orgAdmin' | 'groupAdmin' | 'member' {
  if (user.isOrgAdmin) return 'orgAdmin';
  return user.isGroupAdmin ? 'groupAdmin' : 'member';
}
