import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { connectors } from '@/db/schema';
import { DomainError } from '@/lib/errors';

/**
 * Connector names are unique per organization, case-insensitively, among connectors not deleted (product.md
 * §5). Checked under a per-organization advisory lock so two people cannot take one name at once; the
 * unique index `connectors_tenant_name_uq` backs it.
 */
export async function assertNameFree(tx: DbOrTx, tenantId: string, name: string, exceptId?: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`connector-name:${tenantId}`}))`);
  const [taken] = await tx
    .select({ id: connectors.id })
    .from(connectors)
    .where(
      and(
        eq(connectors.tenantId, tenantId),
        isNull(connectors.deletedAt),
        sql`lower(${connectors.name}) = lower(${name})`,
        exceptId ? ne(connectors.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw new DomainError('ConnectorNameTaken', { field: 'name' });
}
