import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/db';
import { phoneNumbers, tenants, users } from '@/db/schema';
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
}

/** The signed-in user, read from the database (not only the cookie); null when signed out. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      tenantId: users.tenantId,
      tenantName: tenants.name,
      isOrgAdmin: users.isOrgAdmin,
      activePhone: phoneNumbers.e164,
      isGroupAdmin: sql<boolean>`EXISTS (SELECT 1 FROM group_members m WHERE m.e164 = ${phoneNumbers.e164} AND m.role = 'Admin')`,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .leftJoin(phoneNumbers, and(eq(phoneNumbers.userId, users.id), eq(phoneNumbers.isActive, true)))
    .where(eq(users.id, id));
  return row ?? null;
});

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

export function roleLabel(user: Pick<CurrentUser, 'isOrgAdmin' | 'isGroupAdmin'>): string {
  if (user.isOrgAdmin) return 'Organization admin';
  return user.isGroupAdmin ? 'Group admin' : 'Member';
}
