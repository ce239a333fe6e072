import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getPool, type DbOrTx } from '@/db';
import { DomainError } from '@/lib/errors';
import type { MediaLimits } from './limits';
import type { MediaStore } from './store';
import type { MediaKind } from './types';
import { receiveUpload } from './upload';

/**
 * Media rows: the one way an upload is stored (the /v1 upload and the portal's survey answers both come here),
 * which uploads a poster may use in a group, and the binding of media to the group it is posted in.
 */

/** Who uploads: a connector's token (`connectorId`, its number for user tokens), or a signed-in portal user. */
export interface MediaOwner {
  tenantId: string;
  connectorId?: string | null;
  uploaderPhone?: string | null;
  uploaderUserId?: string | null;
}

export interface MediaResourceBody {
  mediaResource: string;
  kind: MediaKind;
  mimeType: string;
  fileName: string;
  size: number;
  sha256: string;
}

/**
 * The file of a multipart request, streamed into the store (lib/media/upload.ts: sniffed, metered per kind),
 * then its row. `kinds`: the kinds this upload may be (else MediaKindNotAccepted before a byte is stored).
 * A refused upload, or a row that cannot be written, leaves nothing stored.
 */
export async function storeUpload(
  request: Request,
  owner: MediaOwner,
  opts: { limits: MediaLimits; store: MediaStore; kinds?: MediaKind[] },
): Promise<MediaResourceBody> {
  const id = randomUUID();
  const storageKey = `${owner.tenantId}/${id}`;
  const file = await receiveUpload(request, { limits: opts.limits, store: opts.store, storageKey, kinds: opts.kinds });
  try {
    await getPool().query({
      name: 'media_insert_v2',
      text: `INSERT INTO media (id, tenant_id, connector_id, uploader_phone, uploader_user_id, kind, mime_type, file_name, size, sha256, store, storage_key)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      values: [
        id,
        owner.tenantId,
        owner.connectorId ?? null,
        owner.uploaderPhone ?? null,
        owner.uploaderUserId ?? null,
        file.kind,
        file.mime,
        file.fileName,
        file.size,
        file.sha256,
        opts.store.name,
        storageKey,
      ],
    });
  } catch (err) {
    await opts.store.delete(storageKey).catch(() => undefined);
    throw err;
  }
  return { mediaResource: id, kind: file.kind, mimeType: file.mime, fileName: file.fileName, size: file.size, sha256: file.sha256 };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The media id in a `mediaResource`: the id itself, or a URL ending in it (our `mediaUrl` in events). */
export function mediaIdOf(mediaResource: string): string | null {
  const last = mediaResource.trim().replace(/\/+$/, '').split('/').pop() ?? '';
  return UUID.test(last) ? last.toLowerCase() : null;
}

export interface ResolvedMedia {
  id: string;
  kind: MediaKind;
  mimeType: string;
  fileName: string;
  size: number;
}

export interface MediaRef {
  ref: string;
  /** names the field in the error (a /v1 path, or the portal's `answers.N`) */
  field: string;
  kind: MediaKind | null;
}

/**
 * Every upload a post carries, checked in ONE statement: each must be of the tenant and either the poster's own
 * (`by`: the uploading connector, or the portal user) or already used in `groupId` — else MediaResourceUnusable
 * naming the field — and of the kind the field takes (MediaKindMismatch). In the order given, with `ref` as sent.
 */
export async function resolveMediaRefs(
  tx: DbOrTx,
  refs: MediaRef[],
  scope: { tenantId: string; groupId: string; by: { connectorId: string } | { userId: string } },
): Promise<(ResolvedMedia & { ref: string })[]> {
  if (!refs.length) return [];
  const ids = refs.map((r) => mediaIdOf(r.ref));
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const own =
    'connectorId' in scope.by
      ? sql`m.connector_id = ${scope.by.connectorId}::uuid`
      : sql`(m.connector_id IS NULL AND m.uploader_user_id = ${scope.by.userId}::uuid)`;
  const res = wanted.length
    ? await tx.execute<{ id: string; kind: MediaKind; mime_type: string; file_name: string; size: string }>(sql`
    SELECT m.id, m.kind, m.mime_type, m.file_name, m.size FROM media m
    WHERE m.id = ANY(${`{${wanted.join(',')}}`}::uuid[]) AND m.tenant_id = ${scope.tenantId}::uuid
      AND (${own} OR EXISTS (SELECT 1 FROM media_uses u WHERE u.media_id = m.id AND u.group_id = ${scope.groupId}::uuid))`)
    : { rows: [] };
  const found = new Map(res.rows.map((r) => [r.id, r]));
  return refs.map((r, i) => {
    const row = ids[i] ? found.get(ids[i]!) : undefined;
    if (!row) throw new DomainError('MediaResourceUnusable', { field: r.field });
    if (r.kind && row.kind !== r.kind) throw new DomainError('MediaKindMismatch', { field: r.field, expected: r.kind, actual: row.kind });
    return { ref: r.ref, id: row.id, kind: row.kind, mimeType: row.mime_type, fileName: row.file_name, size: Number(row.size) };
  });
}

/** Binds media to the group it is posted in: from then on the group's members and tokens that reach it may view it. */
export async function bindMediaToGroup(tx: DbOrTx, mediaIds: string[], groupId: string, referenceId: string | null): Promise<void> {
  for (const id of new Set(mediaIds)) {
    await tx.execute(sql`INSERT INTO media_uses (media_id, group_id, reference_id) VALUES (${id}::uuid, ${groupId}::uuid, ${referenceId}::uuid)
      ON CONFLICT (media_id, group_id) DO NOTHING`);
  }
}

/** The media used in `groupId` among `ids` (a page of survey answers): name, kind and size, for links. */
export async function groupMediaByIds(tx: DbOrTx, groupId: string, ids: string[]): Promise<Map<string, ResolvedMedia>> {
  const wanted = [...new Set(ids.map(mediaIdOf).filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const res = await tx.execute<{ id: string; kind: MediaKind; mime_type: string; file_name: string; size: string }>(sql`
    SELECT m.id, m.kind, m.mime_type, m.file_name, m.size FROM media m JOIN media_uses u ON u.media_id = m.id AND u.group_id = ${groupId}::uuid
    WHERE m.id = ANY(${`{${wanted.join(',')}}`}::uuid[])`);
  return new Map(res.rows.map((r) => [r.id, { id: r.id, kind: r.kind, mimeType: r.mime_type, fileName: r.file_name, size: Number(r.size) }]));
}

/**
 * A portal user's upload that no post carries (removed from the form before sending): its row and file are
 * deleted. Anything else (another's upload, one already bound to a group) is left alone. Whether it was deleted.
 */
export async function discardUserUpload(store: MediaStore, userId: string, mediaId: string): Promise<boolean> {
  if (!UUID.test(mediaId)) return false;
  const { rows } = await getPool().query<{ storage_key: string }>(
    `DELETE FROM media m WHERE m.id = $1 AND m.uploader_user_id = $2 AND m.connector_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM media_uses u WHERE u.media_id = m.id) RETURNING m.storage_key`,
    [mediaId, userId],
  );
  if (!rows[0]) return false;
  await store.delete(rows[0].storage_key).catch(() => undefined);
  return true;
}
