import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * `Idempotency-Key` on /v1 POST/PUT (product.md §12, Stripe semantics): per connector and key, the
 * request's fingerprint and, once it finished, the answer to send again for 24 hours. A row without
 * `completedAt` is a request still running (409 for a second one with the same key), unless it is
 * older than the lease (its process died): then a retry takes it over.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    connectorId: uuid('connector_id').notNull(),
    key: text('key').notNull(),
    /** sha256 of method, path and body */
    fingerprint: text('fingerprint').notNull(),
    status: integer('status'),
    response: jsonb('response'),
    headers: jsonb('headers').$type<Record<string, string>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.connectorId, t.key] })],
);
