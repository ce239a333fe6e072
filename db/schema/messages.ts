import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bots } from './bots';
import { connectors } from './connectors';
import { groups } from './groups';
import { tenants, users } from './tenants';

export const messageSender = pgEnum('message_sender', ['member', 'connector', 'bot']);

/**
 * Text messages of a group (kaizala-connectors.md §5.5): posted by a member (portal, or a PIN/OAuth user
 * token, which acts as that number) or by a connector (group, tenant and portal user tokens).
 * `subscribers`: which subscribers of a ConnectGroup receive it; null = everyone in the group (a plain
 * group, or `sendToAllSubscribers`), `{}` = the group's admins and members only.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    senderKind: messageSender('sender_kind').notNull(),
    /** the member's number (sender kind `member`) */
    senderPhone: text('sender_phone'),
    /** the connector that posted it (sender kind `connector`) */
    senderConnectorId: uuid('sender_connector_id').references(() => connectors.id, { onDelete: 'set null' }),
    /** the bot that posted it (sender kind `bot`; `sender_connector_id` is then the bot's connector) */
    senderBotId: uuid('sender_bot_id').references(() => bots.id, { onDelete: 'set null' }),
    /** the sender's name when it was posted (member display name or connector name) */
    senderName: text('sender_name').notNull(),
    text: text('text').notNull(),
    /** `referenceId` on the wire (returned to the API caller) */
    referenceId: uuid('reference_id').notNull().defaultRandom(),
    subscribers: text('subscribers').array(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('messages_group_page_idx').on(t.groupId, t.createdAt, t.id), index('messages_reference_idx').on(t.referenceId)],
);
export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;

export const eventObjectType = pgEnum('event_object_type', ['Group', 'Action', 'ActionPackage']);

/**
 * The outbox of platform events (kaizala-connectors.md §6.3–§6.4) that webhooks deliver: one row per
 * event, written in the same transaction (or statement) as the change. `id` is the envelope's `eventId`,
 * `data` its `data`; `fromUser*` the envelope's `fromUser`, `fromUserName`, `fromUserId` where known.
 */
export const platformEvents = pgTable(
  'platform_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    /** set null when the group is deleted: the outbox keeps what happened (object_id still names it) */
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'set null' }),
    objectId: uuid('object_id').notNull(),
    objectType: eventObjectType('object_type').notNull(),
    /** Kaizala's names: TextMessageCreated, MemberAdded, MemberRemoved, … */
    eventType: text('event_type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    fromUserPhone: text('from_user_phone'),
    fromUserName: text('from_user_name'),
    fromUserId: uuid('from_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('platform_events_object_time_idx').on(t.objectId, t.createdAt), index('platform_events_time_idx').on(t.createdAt)],
);
export type PlatformEvent = typeof platformEvents.$inferSelect;
export type NewPlatformEvent = typeof platformEvents.$inferInsert;
