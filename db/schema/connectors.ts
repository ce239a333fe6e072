import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants, users } from './tenants';

export const connectorStatus = pgEnum('connector_status', ['active', 'inactive']);

/** A registered third-party system. `id` is the Connector ID (applicationId on the wire). */
export const connectors = pgTable(
  'connectors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    permissions: text('permissions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    redirectUrls: text('redirect_urls')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: connectorStatus('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('connectors_tenant_idx').on(t.tenantId),
    index('connectors_owner_idx').on(t.ownerId),
    // keyset paging of the Connectors list (lib/connectors/list.ts)
    index('connectors_tenant_created_idx')
      .on(t.tenantId, t.createdAt, t.id)
      .where(sql`${t.deletedAt} IS NULL`),
    index('connectors_owner_created_idx')
      .on(t.ownerId, t.createdAt, t.id)
      .where(sql`${t.deletedAt} IS NULL`),
    // names are unique per organization, case-insensitively, among connectors not deleted (lib/connectors/names.ts)
    uniqueIndex('connectors_tenant_name_uq')
      .on(t.tenantId, sql`lower(${t.name})`)
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);
export type Connector = typeof connectors.$inferSelect;

/** Connector secrets: encrypted (AES-256-GCM, key id inside) + keyed hash. Several may be live during a rotation. */
export const connectorSecrets = pgTable(
  'connector_secrets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    connectorId: uuid('connector_id')
      .notNull()
      .references(() => connectors.id, { onDelete: 'cascade' }),
    encrypted: text('encrypted').notNull(),
    lookupHash: text('lookup_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** null = no end (the current secret); set on the previous secret when rotating with an overlap */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('connector_secrets_connector_idx').on(t.connectorId)],
);
export type ConnectorSecret = typeof connectorSecrets.$inferSelect;
