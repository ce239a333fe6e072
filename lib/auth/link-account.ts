import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { accounts, tenants, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { orgAdminRoles, tenantClaim } from './providers';

export interface SignInProfile {
  provider: string;
  providerAccountId: string;
  issuer?: string;
  claims: Record<string, unknown>;
}

/**
 * Called once per sign-in: find or create the tenant from the `tid` claim, the user from the provider
 * account, and refresh the org-admin flag from the `roles` claim. One transaction.
 */
export async function linkSignIn(p: SignInProfile, ip: string | null): Promise<{ userId: string }> {
  const claims = p.claims;
  const tid = String(claims[tenantClaim()] ?? p.issuer ?? p.provider);
  const roles = Array.isArray(claims.roles) ? claims.roles.map(String) : [];
  const isOrgAdmin = roles.some((r) => orgAdminRoles().includes(r));
  const name = typeof claims.name === 'string' ? claims.name : null;
  const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
  const tenantName = typeof claims.tenant_name === 'string' && claims.tenant_name ? claims.tenant_name : `Organization ${tid.slice(0, 8)}`;

  return db.transaction(async (tx) => {
    await tx.insert(tenants).values({ name: tenantName, externalId: tid }).onConflictDoNothing();
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.externalId, tid));
    if (!tenant) throw new Error('tenant upsert failed');

    const [existing] = await tx
      .select({ userId: accounts.userId })
      .from(accounts)
      .where(and(eq(accounts.provider, p.provider), eq(accounts.providerAccountId, p.providerAccountId)));
    let userId = existing?.userId;
    if (userId) {
      await tx.update(users).set({ name, email, isOrgAdmin, tenantId: tenant.id, lastSignInAt: new Date() }).where(eq(users.id, userId));
    } else {
      const [created] = await tx.insert(users).values({ tenantId: tenant.id, name, email, isOrgAdmin, lastSignInAt: new Date() }).returning({ id: users.id });
      userId = created!.id;
      await tx.insert(accounts).values({ userId, type: 'oidc', provider: p.provider, providerAccountId: p.providerAccountId, issuer: p.issuer });
    }
    await recordAudit(tx, { tenantId: tenant.id, actorUserId: userId, action: 'user.signed_in', targetType: 'user', targetId: userId, ip });
    return { userId };
  });
}
