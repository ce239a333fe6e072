import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { connectors } from './connectors';
import { tenants, users } from './tenants';

/** A user's phone numbers (E.164). One may be active: it is the user's identity inside groups. */
export const phoneNumbers = pgTable(
  'phone_numbers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    e164: text('e164').notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    isActive: boolean('is_active').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('phone_numbers_user_number_uq').on(t.userId, t.e164),
    // a number verified by one user of a tenant cannot be verified by another user of that tenant
    uniqueIndex('phone_numbers_tenant_verified_uq')
      .on(t.tenantId, t.e164)
      .where(sql`${t.verifiedAt} IS NOT NULL`),
    uniqueIndex('phone_numbers_one_active_uq')
      .on(t.userId)
      .where(sql`${t.isActive}`),
  ],
);
export type PhoneNumber = typeof phoneNumbers.$inferSelect;

export const pinPurpose = pgEnum('pin_purpose', ['portal_verify', 'api_login', 'oauth_login']);

/** One PIN sent by SMS. Only a hash of the code is kept. */
export const pinChallenges = pgTable(
  'pin_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    e164: text('e164').notNull(),
    purpose: pinPurpose('purpose').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    requesterIp: text('requester_ip'),
    /** API and OAuth PINs: the connector they were requested through (a PIN works only there); null = portal */
    connectorId: uuid('connector_id').references(() => connectors.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pin_challenges_number_time_idx').on(t.e164, t.createdAt),
    index('pin_challenges_ip_time_idx').on(t.requesterIp, t.createdAt),
    index('pin_challenges_tenant_time_idx').on(t.tenantId, t.createdAt),
    index('pin_challenges_time_idx').on(t.createdAt),
  ],
);
export type PinChallenge = typeof pinChallenges.$inferSelect;

/** The `outbox` SMS provider's store (dev/demo/tests); shown on /dev/outbox. */
export const smsOutbox = pgTable('sms_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  to: text('to').notNull(),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type SmsOutboxMessage = typeof smsOutbox.$inferSelect;
