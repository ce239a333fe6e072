import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { connectors } from './connectors';
import { groups } from './groups';
import { tenants, users } from './tenants';

export const grantKind = pgEnum('grant_kind', ['group', 'user', 'tenant', 'member']);

/**
 * A connector's access: to one group (`group` token), to a portal user's admin groups (`user` token, made
 * in the portal), to every group of the organization (`tenant`: an org admin's user token), or to every
 * group a phone number belongs to (`member`: user tokens from the PIN API and OAuth sign-in).
 */
export const grants = pgTable(
  'grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    connectorId: uuid('connector_id')
      .notNull()
      .references(() => connectors.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    kind: grantKind('kind').notNull(),
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** `member` grants: the phone number (E.164) the token acts for */
    phone: text('phone'),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('grants_live_group_uq')
      .on(t.connectorId, t.groupId)
      .where(sql`${t.revokedAt} IS NULL AND ${t.kind} = 'group'`),
    index('grants_connector_idx').on(t.connectorId),
    index('grants_group_idx').on(t.groupId),
  ],
);
export type Grant = typeof grants.$inferSelect;

/** Refresh tokens: opaque, looked up by keyed hash, kept encrypted so admins can show them again. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    lookupHash: text('lookup_hash').notNull().unique(),
    encrypted: text('encrypted').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** set when this token was exchanged for its successor (rotation after 90 % of its life) */
    spentAt: timestamp('spent_at', { withTimezone: true }),
    replacedBy: uuid('replaced_by'),
    /** first successful exchange of this token (a spent token's retry grace ends once its successor is used) */
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('refresh_tokens_grant_idx').on(t.grantId), index('refresh_tokens_family_idx').on(t.familyId)],
);
export type RefreshToken = typeof refreshTokens.$inferSelect;

/** OAuth 2.0 authorization codes: single use, 10 minutes, bound to connector + redirect URI. Hash only. */
export const oauthCodes = pgTable('oauth_codes', {
  id: uuid('id').primaryKey().defaultRandom(),
  codeHash: text('code_hash').notNull().unique(),
  connectorId: uuid('connector_id')
    .notNull()
    .references(() => connectors.id, { onDelete: 'cascade' }),
  phone: text('phone').notNull(),
  redirectUri: text('redirect_uri').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  consumedAt: timestamp('consumed_at', { withTimezone: true }),
  /** the grant made when the code was exchanged (revoked if the code is replayed) */
  grantId: uuid('grant_id').references(() => grants.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
