import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { connectors } from './connectors';
import { groups } from './groups';
import { tenants, users } from './tenants';

/**
 * Bot users (kaizala-connectors.md §5.11, community endpoints): made by a connector, they post to the groups
 * they were added to (`group_bots`) with a bot access token. A bot belongs to the connector that made it and
 * its tenant; deleting it sets `deleted_at` (its tokens stop at once) and takes it out of every group.
 */
export const bots = pgTable(
  'bots',
  {
    /** `botUserId` on the wire */
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    connectorId: uuid('connector_id')
      .notNull()
      .references(() => connectors.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    profilePic: text('profile_pic').notNull().default(''),
    /** who made it: the portal user of a user token, if any; and the number of a PIN/OAuth user token */
    creatorUserId: uuid('creator_user_id').references(() => users.id, { onDelete: 'set null' }),
    creatorPhone: text('creator_phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('bots_connector_idx').on(t.connectorId)],
);
export type Bot = typeof bots.$inferSelect;

/** The groups a bot is in: it can post only there. */
export const groupBots = pgTable(
  'group_bots',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    botId: uuid('bot_id')
      .notNull()
      .references(() => bots.id, { onDelete: 'cascade' }),
    addedByConnectorId: uuid('added_by_connector_id').references(() => connectors.id, { onDelete: 'set null' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.botId] }), index('group_bots_bot_idx').on(t.botId)],
);
