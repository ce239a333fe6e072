import 'server-only';
import { db } from '@/db';
import { connectorSecrets, connectors } from '@/db/schema';
import { SEED_IDS, SEED_USERS } from '@/db/seed';
import { generateConnectorSecret, sealConnectorSecret } from './secrets';

/** Demo connectors of two Contoso users and of Fabrikam (idempotent; secrets are random per database). */
export async function seedDemoConnectors(): Promise<void> {
  const demo = [
    {
      id: '00000000-0000-4000-8000-0000000c0001',
      tenantId: SEED_IDS.tenants.contoso,
      ownerId: SEED_USERS.alice,
      name: 'Contoso CRM Sync',
      description: 'Posts new CRM leads to sales groups and keeps member lists in sync.',
      permissions: ['groupinfo', 'groupmember', 'textmessage'],
    },
    {
      id: '00000000-0000-4000-8000-0000000c0002',
      tenantId: SEED_IDS.tenants.contoso,
      ownerId: SEED_USERS.bob,
      name: 'Field Sales Reports',
      description: 'Sends daily visit reports as Actions to Field Sales.',
      permissions: ['groupinfo', 'action', 'webhook'],
    },
    {
      id: '00000000-0000-4000-8000-0000000c0003',
      tenantId: SEED_IDS.tenants.fabrikam,
      ownerId: SEED_USERS.dave,
      name: 'Fabrikam Ops Bot',
      description: 'Operations alerts for Fabrikam.',
      permissions: ['groupinfo', 'textmessage'],
    },
  ];
  await db.transaction(async (tx) => {
    for (const c of demo) {
      const inserted = await tx.insert(connectors).values(c).onConflictDoNothing().returning({ id: connectors.id });
      if (inserted.length)
        await tx.insert(connectorSecrets).values({ connectorId: c.id, createdBy: c.ownerId, ...sealConnectorSecret(c.id, generateConnectorSecret()) });
    }
  });
}
