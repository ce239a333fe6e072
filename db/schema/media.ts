import { bigint, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { connectors } from './connectors';
import { groups } from './groups';
import { tenants, users } from './tenants';

export const mediaKind = pgEnum('media_kind', ['image', 'audio', 'video', 'document']);

/**
 * Uploaded media (kaizala-connectors.md §5.6, `POST /v1/media`). Kaizala uploads before a group is chosen,
 * so a row belongs to its tenant and the connector that uploaded it until an action (or message) attaches it
 * to a group (`media_uses`); from then on the group's members and tokens that reach the group may view it.
 * The file itself lives in the media store (local disk or S3) under `storage_key`, never under a name the
 * client chose; it is served only through short-lived signed URLs (lib/media/signing.ts).
 */
export const media = pgTable(
  'media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** the uploader connector */
    connectorId: uuid('connector_id').references(() => connectors.id, { onDelete: 'set null' }),
    /** the number the uploading token acted for (PIN/OAuth user tokens), else null */
    uploaderPhone: text('uploader_phone'),
    /** a portal upload (a member answering a survey with a file): the signed-in user; null for /v1 uploads */
    uploaderUserId: uuid('uploader_user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: mediaKind('kind').notNull(),
    /** sniffed from the content, never the declared type */
    mimeType: text('mime_type').notNull(),
    /** the file name as sent (cleaned: no path, no control characters), for Content-Disposition */
    fileName: text('file_name').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** hex SHA-256 of the content */
    sha256: text('sha256').notNull(),
    /** `local` or `s3`: where `storageKey` lives */
    store: text('store').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('media_tenant_connector_idx').on(t.tenantId, t.connectorId)],
);
export type Media = typeof media.$inferSelect;

/** Where a media item is used: the group it was posted in and the action/message that carries it. */
export const mediaUses = pgTable(
  'media_uses',
  {
    mediaId: uuid('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    /** the action's (or message's) referenceId */
    referenceId: uuid('reference_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.groupId] }), index('media_uses_group_idx').on(t.groupId)],
);
