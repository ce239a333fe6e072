// Idempotent demo seed (product.md §3): tenants Contoso and Fabrikam, alice/bob/carol/dave, groups with
// members by phone number. Phone numbers are NOT pre-verified: the PIN flow is part of the first sign-in.
import { sql } from 'drizzle-orm';
import type { Database } from './index';
import { accounts, groupLinks, groupMembers, groups, tenants, users } from './schema';
import { DEMO_ACCOUNTS, DEMO_TENANTS, ORG_ADMIN_ROLE, type DemoTenantKey } from './demo-data';

const TENANT_IDS: Record<DemoTenantKey, string> = {
  contoso: '00000000-0000-4000-8000-00000000c001',
  fabrikam: '00000000-0000-4000-8000-00000000f001',
};
const userId = (i: number) => `00000000-0000-4000-8000-0000000000${(10 + i).toString()}`;
const G = {
  marketing: '00000000-0000-4000-8000-0000000a0001',
  fieldSales: '00000000-0000-4000-8000-0000000a0002',
  north: '00000000-0000-4000-8000-0000000a0003',
  south: '00000000-0000-4000-8000-0000000a0004',
  operations: '00000000-0000-4000-8000-0000000b0001',
  bookClub: '00000000-0000-4000-8000-0000000d0001',
};

export const SEED_IDS = { tenants: TENANT_IDS, groups: G };
/** Demo user ids, in DEMO_ACCOUNTS order. */
export const SEED_USERS = { alice: userId(0), bob: userId(1), carol: userId(2), dave: userId(3) };

export async function seedDemoData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(tenants)
      .values(
        (Object.keys(DEMO_TENANTS) as DemoTenantKey[]).map((k) => ({
          id: TENANT_IDS[k],
          name: DEMO_TENANTS[k].name,
          externalId: DEMO_TENANTS[k].tid,
        })),
      )
      .onConflictDoNothing();

    const people = DEMO_ACCOUNTS.map((a, i) => ({ ...a, id: userId(i) }));
    await tx
      .insert(users)
      .values(
        people.map((p) => ({
          id: p.id,
          tenantId: TENANT_IDS[p.tenant],
          name: p.name,
          email: p.email,
          isOrgAdmin: p.roles.includes(ORG_ADMIN_ROLE),
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(accounts)
      .values(people.map((p) => ({ userId: p.id, type: 'oidc', provider: 'local', providerAccountId: p.sub })))
      .onConflictDoNothing();

    const by = (email: string) => people.find((p) => p.email === email)!;
    const alice = by('alice@contoso.com');
    const bob = by('bob@contoso.com');
    const carol = by('carol@contoso.com');
    const dave = by('dave@fabrikam.com');
    const contoso = TENANT_IDS.contoso;

    await tx
      .insert(groups)
      .values([
        { id: G.marketing, tenantId: contoso, name: 'Marketing', welcomeMessage: 'Welcome to Marketing!', createdBy: alice.id },
        { id: G.fieldSales, tenantId: contoso, name: 'Field Sales', welcomeMessage: 'Field Sales updates and check-ins.', createdBy: bob.id },
        { id: G.north, tenantId: contoso, name: 'North', createdBy: bob.id },
        { id: G.south, tenantId: contoso, name: 'South', createdBy: bob.id },
        { id: G.operations, tenantId: TENANT_IDS.fabrikam, name: 'Operations', createdBy: dave.id },
        { id: G.bookClub, tenantId: null, name: 'Book Club', welcomeMessage: 'A private group.', createdBy: carol.id },
      ])
      .onConflictDoNothing();
    await tx
      .insert(groupLinks)
      .values([
        { parentId: G.fieldSales, childId: G.north },
        { parentId: G.fieldSales, childId: G.south },
      ])
      .onConflictDoNothing();
    const member = (groupId: string, p: typeof alice, role: 'Admin' | 'Member') => ({
      groupId,
      e164: p.phone,
      displayName: p.name,
      role,
    });
    await tx
      .insert(groupMembers)
      .values([
        member(G.marketing, alice, 'Admin'),
        member(G.marketing, carol, 'Member'),
        member(G.fieldSales, bob, 'Admin'),
        member(G.fieldSales, carol, 'Member'),
        member(G.north, bob, 'Admin'),
        member(G.north, carol, 'Member'),
        member(G.south, bob, 'Admin'),
        member(G.operations, dave, 'Admin'),
        member(G.bookClub, carol, 'Admin'),
      ])
      .onConflictDoNothing();
  });
}

/** Drop every table (tests only; refuses a database that is not on this machine). */
export async function resetDatabase(db: Database, url: string): Promise<void> {
  const host = new URL(url).hostname;
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) {
    throw new Error(`Refusing to reset a non-local database (${host}).`);
  }
  await db.execute(sql`DROP SCHEMA IF EXISTS public CASCADE`);
  await db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await db.execute(sql`CREATE SCHEMA public`);
}
