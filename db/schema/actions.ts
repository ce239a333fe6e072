import { boolean, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { connectors } from './connectors';
import { groups } from './groups';
import { messageSender } from './messages';
import { tenants } from './tenants';

export const actionType = pgEnum('action_type', [
  'Announcement',
  'Job',
  'Poll',
  'Survey',
  'LetsMeet',
  'Image',
  'Audio',
  'Document',
  'Video',
  'Album',
  'Custom',
]);

/**
 * Kaizala Actions posted in a group (kaizala-connectors.md §5.7–§5.9): announcements, jobs, polls, surveys
 * and Let's Meet invitations. `id` is the `actionId` on the wire, `reference_id` the message's `referenceId`.
 * `body` holds the type's definition as normalized from the request (lib/actions/definition.ts: title,
 * question, choices, questions, assignedTo, place, …); `expires_at` is the poll's expiry or the survey's or
 * job's due time (responses to a poll or survey are refused after it; a job may still be completed late).
 */
export const actions = pgTable(
  'actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referenceId: uuid('reference_id').notNull().defaultRandom(),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    actionType: actionType('action_type').notNull(),
    senderKind: messageSender('sender_kind').notNull(),
    /** the member's number (sender kind `member`) */
    senderPhone: text('sender_phone'),
    senderConnectorId: uuid('sender_connector_id').references(() => connectors.id, { onDelete: 'set null' }),
    senderName: text('sender_name').notNull(),
    /** the title (a poll's question) */
    title: text('title').notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    isAnonymous: boolean('is_anonymous').notNull().default(false),
    isSenderOnly: boolean('is_sender_only').notNull().default(false),
    acceptMultipleResponses: boolean('accept_multiple_responses').notNull().default(false),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /**
     * Which subscribers of a ConnectGroup it reaches, as for messages: null = everyone (a plain group, or
     * `sendToAllSubscribers`), `{}` = the group's admins and members only, else those subscribers.
     */
    subscribers: text('subscribers').array(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('actions_group_page_idx').on(t.groupId, t.createdAt, t.id), uniqueIndex('actions_reference_uq').on(t.referenceId)],
);
export type Action = typeof actions.$inferSelect;
export type NewAction = typeof actions.$inferInsert;

/**
 * Responses to an action (§5.9): `id` is the `responseId`. `answers` is positional, one entry per question
 * (a poll has one: the chosen choice's title); a job's response is `{ isCompleted }` in `answers`' place
 * (`is_completed`). The responder's number is always kept (one response per member unless the action accepts
 * several), also for anonymous surveys: anonymity hides it in every read and event, not in the table.
 */
export const actionResponses = pgTable(
  'action_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    responderPhone: text('responder_phone').notNull(),
    responderName: text('responder_name').notNull(),
    answers: jsonb('answers').$type<unknown[]>(),
    isCompleted: boolean('is_completed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('action_responses_action_idx').on(t.actionId, t.createdAt), index('action_responses_responder_idx').on(t.actionId, t.responderPhone)],
);
export type ActionResponse = typeof actionResponses.$inferSelect;
export type NewActionResponse = typeof actionResponses.$inferInsert;
