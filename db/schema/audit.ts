import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { connectors } from './connectors';
import { tenants, users } from './tenants';

/** Control-plane audit log. Never holds secret values. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** a connector acting over /v1 (its access token); `actorUserId` is then the user the token acts for, if any */
    actorConnectorId: uuid('actor_connector_id').references(() => connectors.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    outcome: text('outcome').notNull().default('success'),
    ip: text('ip'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // keyset paging of the audit log (created_at, id), by tenant, actor, action and target (lib/audit/queries.ts)
  (t) => [
    index('audit_events_tenant_time_idx').on(t.tenantId, t.createdAt, t.id),
    index('audit_events_actor_time_idx').on(t.actorUserId, t.createdAt, t.id),
    index('audit_events_connector_time_idx').on(t.actorConnectorId, t.createdAt, t.id),
    index('audit_events_action_time_idx').on(t.tenantId, t.action, t.createdAt, t.id),
    index('audit_events_target_time_idx').on(t.tenantId, t.targetId, t.createdAt, t.id),
  ],
);
export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
