import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { connectors } from './connectors';
import { tenants, users } from './tenants';

export const groupType = pgEnum('group_type', ['Group', 'ConnectGroup']);
export const memberRole = pgEnum('member_role', ['Admin', 'Member', 'Subscriber']);

/** A conversation group. `tenantId` null = a private group (not linked to an organization). */
export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    name: text('name').notNull(),
    welcomeMessage: text('welcome_message'),
    groupType: groupType('group_type').notNull().default('Group'),
    /** `groupImageUrl` on the wire (a media URL or any https image) */
    imageUrl: text('image_url'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** set when a connector created the group over /v1 (the portal shows "created by <connector>") */
    createdByConnectorId: uuid('created_by_connector_id').references(() => connectors.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('groups_tenant_idx').on(t.tenantId),
    /** the Groups list by name (keyset paging) */
    index('groups_tenant_name_idx').on(t.tenantId, sql`lower(${t.name})`, t.id),
  ],
);
export type Group = typeof groups.$inferSelect;

export const groupLinks = pgTable(
  'group_links',
  {
    parentId: uuid('parent_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    childId: uuid('child_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.parentId, t.childId] }), index('group_links_child_idx').on(t.childId)],
);

/** Members are phone numbers (E.164), as in Kaizala. */
export const groupMembers = pgTable(
  'group_members',
  {
    /** the member's `id` on the wire (`DELETE /v1/groups/{groupId}/members/{memberId}` takes it or the number) */
    id: uuid('id').notNull().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    e164: text('e164').notNull(),
    displayName: text('display_name').notNull(),
    role: memberRole('role').notNull().default('Member'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.e164] }),
    index('group_members_number_idx').on(t.e164),
    uniqueIndex('group_members_id_uq').on(t.id),
    index('group_members_page_idx').on(t.groupId, t.role, t.e164),
    /** the portal's member list by role then name, and by name (keyset paging) */
    index('group_members_role_name_idx').on(t.groupId, t.role, sql`lower(${t.displayName})`, t.e164),
    index('group_members_name_idx').on(t.groupId, sql`lower(${t.displayName})`, t.e164),
  ],
);
export type GroupMember = typeof groupMembers.$inferSelect;
