import { index, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { connectors } from './connectors';

/**
 * API usage per connector and hour (issue 13 §2): counted in memory on the hot path and added here in
 * batches (lib/usage), never one statement per call. Hourly rows are kept 90 days; daily figures are their sums.
 */
export const connectorUsage = pgTable(
  'connector_usage',
  {
    connectorId: uuid('connector_id')
      .notNull()
      .references(() => connectors.id, { onDelete: 'cascade' }),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    calls: integer('calls').notNull().default(0),
    clientErrors: integer('client_errors').notNull().default(0),
    throttled: integer('throttled').notNull().default(0),
    serverErrors: integer('server_errors').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.connectorId, t.hour] }), index('connector_usage_hour_idx').on(t.hour)],
);
