import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { connectors } from './connectors';
import { tenants } from './tenants';

/**
 * Action packages (custom actions, kaizala-connectors.md §5.8 `id`): a minimal per-tenant registry. A package
 * has the id clients send (`com.contoso.checkin`), a name and a question template (a survey's questions and
 * defaults); `POST …/actions { id, actionBody }` creates an action whose responses follow the template.
 * Registered over /v1 (`PUT /v1/actionPackages/{id}`, a tenant token with Tenant Data); deleting one keeps
 * the actions already sent (they hold a copy of the template).
 */
export const actionPackages = pgTable(
  'action_packages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** the id on the wire */
    packageId: text('package_id').notNull(),
    name: text('name').notNull(),
    /** { title, dueInHours, isAnonymous, isSenderOnly, acceptMultipleResponses, questions } */
    template: jsonb('template').$type<Record<string, unknown>>().notNull(),
    connectorId: uuid('connector_id').references(() => connectors.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('action_packages_tenant_id_uq')
      .on(t.tenantId, t.packageId)
      .where(sql`deleted_at IS NULL`),
  ],
);
export type ActionPackage = typeof actionPackages.$inferSelect;
