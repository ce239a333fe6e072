import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { connectors } from './connectors';
import { groups } from './groups';
import { eventObjectType, platformEvents } from './messages';
import { tenants, users } from './tenants';

/**
 * Webhooks (kaizala-connectors.md §6.1): bound to the connector that registered it, its tenant and one
 * object (a group, or an action of a group). `group_id` is the group the object lives in (reach, the
 * group page). Secrets are encrypted at rest (lib/crypto `encrypt`): the `whsec_` signing secret, the
 * previous one while a rotation overlaps (both signatures are sent until `previous_secret_expires_at`),
 * and the callBackToken (returned by GET, so it cannot be a one-way hash).
 */
export const webhooks = pgTable(
  'webhooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    connectorId: uuid('connector_id')
      .notNull()
      .references(() => connectors.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    objectId: uuid('object_id').notNull(),
    objectType: eventObjectType('object_type').notNull(),
    eventTypes: text('event_types').array().notNull(),
    callbackUrl: text('callback_url').notNull(),
    callbackTokenEnc: text('callback_token_enc'),
    callbackContext: jsonb('callback_context'),
    validity: timestamp('validity', { withTimezone: true }).notNull(),
    active: boolean('active').notNull().default(true),
    /** why it was disabled: `failing` (retries exhausted), `gone` (410), `owner` (PUT Active false) */
    disabledReason: text('disabled_reason'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    secretEnc: text('secret_enc').notNull(),
    previousSecretEnc: text('previous_secret_enc'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('webhooks_object_idx')
      .on(t.objectId)
      .where(sql`active`),
    index('webhooks_group_idx').on(t.groupId),
    index('webhooks_connector_idx').on(t.connectorId),
  ],
);
export type Webhook = typeof webhooks.$inferSelect;
export type NewWebhook = typeof webhooks.$inferInsert;

export const deliveryState = pgEnum('webhook_delivery_state', ['pending', 'succeeded', 'failed']);

/**
 * The delivery queue: one row per (webhook, event), written by the fan-out trigger on `platform_events`
 * in the transaction of the change (migration 0011). A worker claims due rows with `FOR UPDATE SKIP
 * LOCKED` and takes a lease (`lease_until`, `lease_owner`); a worker that dies leaves the lease to expire
 * and the row is claimed again. `attempts` counts finished attempts; `next_attempt_at` is when it is due.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => platformEvents.id, { onDelete: 'cascade' }),
    state: deliveryState('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    leaseOwner: text('lease_owner'),
    lastStatus: integer('last_status'),
    lastLatencyMs: integer('last_latency_ms'),
    lastError: text('last_error'),
    lastResponse: text('last_response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    firstAttemptAt: timestamp('first_attempt_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_webhook_event_idx').on(t.webhookId, t.eventId),
    // the claim walks the webhooks that have pending rows and takes each one's due rows in order (lib/webhooks/queue-sql.ts)
    index('webhook_deliveries_due_hook_idx')
      .on(t.webhookId, t.nextAttemptAt)
      .where(sql`state = 'pending'`),
    index('webhook_deliveries_log_idx').on(t.webhookId, t.createdAt),
  ],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

/** Every attempt of a delivery (the portal's delivery log): status, latency, a response excerpt or the error. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attemptNo: integer('attempt_no').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    latencyMs: integer('latency_ms').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    response: text('response'),
    /** when the next attempt was scheduled after this one (null: none, it succeeded or gave up) */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.attemptNo)],
);
