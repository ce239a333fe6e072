import { bigint, pgTable, uuid } from 'drizzle-orm/pg-core';

/**
 * One counter per organization, bumped at commit by every transaction that changes what a group read or a
 * member page of that organization answers (triggers of migration 0023_read_cache_versions.sql). The
 * platform reads cache their answers in memory under this version (lib/platform/read-cache.ts). No foreign
 * key: a tenant's deletion bumps its counter in the same commit.
 */
export const tenantDataVersions = pgTable('tenant_data_versions', {
  tenantId: uuid('tenant_id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
