import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { connectors } from './connectors';
import { groups } from './groups';
import { tenants, users } from './tenants';

export const reactionType = pgEnum('reaction_type', ['Like', 'Comment']);
/** what was reacted to: messages now; `action` once Actions land (same referenceId space) */
export const reactionTarget = pgEnum('reaction_target', ['message', 'action']);

/**
 * Reactions (kaizala-connectors.md §5.10): a Like or a Comment on an item (message or action) sent in
 * `source_group_id`, made from `group_id` (the same group, or a sub-group of it in the hierarchy). One Like
 * per reactor and item (`reactor` is `p:<phone>`, `c:<connector>` or `b:<bot>`); comments are many.
 */
export const reactions = pgTable(
  'reactions',
  {
    /** `reactionId` on the wire */
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    sourceGroupId: uuid('source_group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    targetKind: reactionTarget('target_kind').notNull(),
    /** the message's (or action's) referenceId */
    referenceId: uuid('reference_id').notNull(),
    reactionType: reactionType('reaction_type').notNull(),
    comment: text('comment'),
    reactor: text('reactor').notNull(),
    reactorName: text('reactor_name').notNull(),
    reactorPhone: text('reactor_phone'),
    reactorUserId: uuid('reactor_user_id').references(() => users.id, { onDelete: 'set null' }),
    connectorId: uuid('connector_id').references(() => connectors.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reactions_item_idx').on(t.referenceId, t.updatedAt, t.id),
    index('reactions_source_idx').on(t.sourceGroupId, t.updatedAt),
    uniqueIndex('reactions_one_like_uq')
      .on(t.referenceId, t.reactor)
      .where(sql`reaction_type = 'Like'`),
  ],
);
export type Reaction = typeof reactions.$inferSelect;
