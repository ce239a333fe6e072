import 'server-only';
import { getPool, type DbOrTx } from '@/db';
import { publicUrl } from '@/lib/config';
import { DomainError } from '@/lib/errors';
import { attachmentEventData, recordEvents, type EventInput } from '@/lib/events';
import {
  bindMediaToGroup,
  checkMediaSignature,
  mediaIdOf,
  mediaLimits,
  mediaStore,
  mediaUrlKey,
  parseRange,
  resolveMediaRefs,
  signedMediaUrl,
  storeUpload,
  type MediaKind,
  type MediaRef,
  type MediaResourceBody,
  type ResolvedMedia,
} from '@/lib/media';
import { enforceRateLimit, keysFromParams, RATE_LIMIT_COLUMNS, rateLimitCte, type RateRow } from '@/lib/ratelimit';
import type { AccessClaims } from '@/lib/tokens';
import { isUuid } from '@/lib/utils';
import { liveSql } from './live';
import { reachCtes, reachValues } from './reach';

/**
 * Media over /v1 (kaizala-connectors.md §5.6). How access is bound, since Kaizala uploads before a group is
 * chosen:
 * - an upload belongs to its tenant and the connector that made it: until it is used in a group, only that
 *   connector's tokens can fetch a link to it or attach it (`resolveMediaForGroup`);
 * - once used in a group (`attachMediaToGroup`, called by the action or message that carries it), tokens that
 *   reach that group (any connector of the tenant with the Media permission) and the group's members in the
 *   portal can view it too;
 * - the file is served only through a signed URL minted for one viewer, valid MEDIA_URL_TTL_SECONDS (15 min).
 */

/** The upload's gate: ONE statement counts the call and checks the token still holds (before any byte is stored). */
const GATE_SQL = `WITH ${rateLimitCte(keysFromParams('$1', '$2'))}
  SELECT ${RATE_LIMIT_COLUMNS}, EXISTS (${liveSql('$3', '$4')}) AS live`;

interface GateRow extends RateRow {
  live: boolean;
}

export type { MediaResourceBody };

/** POST /v1/media → `{ mediaResource }` (+ what we found the file to be). */
export async function uploadMediaViaApi(claims: AccessClaims, request: Request) {
  const { rows } = await getPool().query<GateRow>({ name: 'media_upload_gate_v1', text: GATE_SQL, values: [claims.cid, claims.tid, claims.gid, claims.fam] });
  const gate = rows[0]!;
  const headers = enforceRateLimit(gate, claims);
  if (!gate.live) throw new DomainError('TokenRevoked');
  const body = await storeUpload(
    request,
    { tenantId: claims.tid, connectorId: claims.cid, uploaderPhone: claims.phn ?? null },
    { limits: mediaLimits(), store: mediaStore() },
  );
  return { headers, body };
}

export { mediaIdOf };

/**
 * GET /v1/media/{mediaResource}: a signed URL for this token, in ONE statement (rate limit, live token, the
 * media row, and whether the token may see it: its own connector's upload, or used in a group it reaches).
 */
const urlStatements = new Map<string, string>();
function urlSql(kind: AccessClaims['kind']): string {
  let s = urlStatements.get(kind);
  if (!s) {
    s = `WITH RECURSIVE ${reachCtes(kind)}
  SELECT ${RATE_LIMIT_COLUMNS}, EXISTS (SELECT 1 FROM live) AS live, m.id, m.kind, m.mime_type, m.file_name, m.size
  FROM (SELECT 1) AS one
  LEFT JOIN media m ON m.id = $9::uuid AND m.tenant_id = $2::uuid
    AND (m.connector_id = $1::uuid OR EXISTS (SELECT 1 FROM media_uses u WHERE u.media_id = m.id AND u.group_id IN (SELECT id FROM reach)))`;
    urlStatements.set(kind, s);
  }
  return s;
}

interface UrlRow extends RateRow {
  live: boolean;
  id: string | null;
  kind: MediaKind;
  mime_type: string;
  file_name: string;
  size: string;
}

export async function mediaUrlViaApi(claims: AccessClaims, mediaResource: string) {
  const id = mediaIdOf(mediaResource);
  const { rows } = await getPool().query<UrlRow>({
    name: `media_url_v1_${claims.kind}`,
    text: urlSql(claims.kind),
    values: [...reachValues(claims, null), id],
  });
  const row = rows[0]!;
  const headers = enforceRateLimit(row, claims);
  if (!row.live) throw new DomainError('TokenRevoked');
  if (!row.id) throw new DomainError('MediaNotFound', { headers });
  return {
    headers,
    body: {
      mediaResource: row.id,
      ...signedMediaUrl(row.id, `c:${claims.cid}`),
      kind: row.kind,
      mimeType: row.mime_type,
      fileName: row.file_name,
      size: Number(row.size),
    },
  };
}

const INLINE: Record<MediaKind, boolean> = { image: true, audio: true, video: true, document: false };

/**
 * GET /v1/media/{id}/content?exp&viewer&kid&sig: the file, streamed from the store. No access token: the
 * signature is the permission (minted for one viewer, short-lived). Served as an attachment for documents,
 * inline for pictures, sound and video, always with a sandboxing CSP and nosniff. A `Range` header (players
 * seek in audio and video) gets 206 with that part only, 416 when it starts past the end.
 */
export async function serveSignedMedia(
  mediaId: string,
  q: { exp?: string; viewer?: string; kid?: string; sig?: string },
  rangeHeader: string | null = null,
): Promise<Response> {
  if (!isUuid(mediaId)) throw new DomainError('MediaLinkInvalid');
  const verdict = checkMediaSignature(mediaId.toLowerCase(), q, mediaUrlKey);
  if (verdict === 'invalid') throw new DomainError('MediaLinkInvalid');
  if (verdict === 'expired') throw new DomainError('MediaLinkExpired');
  const { rows } = await getPool().query<{ kind: MediaKind; mime_type: string; file_name: string; size: string; storage_key: string; sha256: string }>({
    name: 'media_serve_v1',
    text: 'SELECT kind, mime_type, file_name, size, storage_key, sha256 FROM media WHERE id = $1',
    values: [mediaId],
  });
  const m = rows[0];
  if (!m) throw new DomainError('MediaNotFound');
  const size = Number(m.size);
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable')
    throw new DomainError('RangeNotSatisfiable', { size }, { headers: { 'Content-Range': `bytes */${size}`, 'Accept-Ranges': 'bytes' } });
  const { body } = await mediaStore().get(m.storage_key, range ?? undefined);
  const { Readable } = await import('node:stream');
  const remaining = Math.max(0, Number(q.exp) - Math.floor(Date.now() / 1000));
  const name = encodeURIComponent(m.file_name);
  return new Response(Readable.toWeb(body) as ReadableStream, {
    status: range ? 206 : 200,
    headers: {
      'Content-Type': m.mime_type,
      'Content-Length': String(range ? range.end - range.start + 1 : size),
      ...(range ? { 'Content-Range': `bytes ${range.start}-${range.end}/${size}` } : {}),
      'Accept-Ranges': 'bytes',
      'Content-Disposition': `${INLINE[m.kind] ? 'inline' : 'attachment'}; filename*=UTF-8''${name}`,
      'Cache-Control': `private, max-age=${remaining}`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Content-Type-Options': 'nosniff',
      ETag: `"${m.sha256}"`,
    },
  });
}

export type { ResolvedMedia };

/**
 * For Actions (and any post that carries media): the media a token may attach in `groupId`, or a 404
 * `MediaNotFound`. It must be of the token's tenant, and uploaded by the same connector or already used in
 * that group. Run it inside the post's transaction, then `attachMediaToGroup`.
 */
export async function resolveMediaForGroup(tx: DbOrTx, claims: AccessClaims, mediaResource: string, groupId: string): Promise<ResolvedMedia> {
  try {
    const [m] = await resolveMediaRefs(tx, [{ ref: mediaResource, field: 'mediaResource', kind: null }], scopeOf(claims, groupId));
    return { id: m!.id, kind: m!.kind, mimeType: m!.mimeType, fileName: m!.fileName, size: m!.size };
  } catch (err) {
    if (err instanceof DomainError && err.code === 'MediaResourceUnusable') throw new DomainError('MediaNotFound');
    throw err;
  }
}

const scopeOf = (claims: AccessClaims, groupId: string) => ({ tenantId: claims.tid, groupId, by: { connectorId: claims.cid } });

/**
 * Every upload an action (or a response) carries, checked for the token in ONE statement: each must be one the
 * token may use in `groupId` (see `resolveMediaForGroup`) — else 400 naming the field — and of the kind the
 * field takes. Returns them in the order given, with the mediaResource as sent (`ref`).
 */
export async function resolveActionMedia(tx: DbOrTx, claims: AccessClaims, refs: MediaRef[], groupId: string): Promise<(ResolvedMedia & { ref: string })[]> {
  return resolveMediaRefs(tx, refs, scopeOf(claims, groupId));
}

/** The stable (unsigned) locator of a media item, for event payloads: a token trades it for a signed URL. */
export const mediaLocator = (mediaId: string) => `${publicUrl()}v1/media/${mediaId}`;

/**
 * Binds media to the group it is posted in (from then on the group's members and tokens that reach the group
 * may view it) and records the AttachmentCreated event (§6.4) in the same transaction.
 */
export async function attachMediaToGroup(
  tx: DbOrTx,
  opts: {
    /** record the AttachmentCreated event (a media action); false: the post's own event tells (announcements, polls, responses) */
    event?: boolean;
    tenantId: string;
    groupId: string;
    referenceId: string | null;
    media: ResolvedMedia[];
    actionType: string;
    caption?: string;
    fromUser?: EventInput['fromUser'];
  },
): Promise<void> {
  await bindMediaToGroup(
    tx,
    opts.media.map((m) => m.id),
    opts.groupId,
    opts.referenceId,
  );
  if (opts.event === false) return;
  await recordEvents(tx, [
    {
      tenantId: opts.tenantId,
      groupId: opts.groupId,
      eventType: 'AttachmentCreated',
      data: attachmentEventData(
        opts.media.map((m) => ({ url: mediaLocator(m.id), fileName: m.fileName })),
        opts.actionType,
        opts.caption ?? '',
        opts.referenceId,
      ),
      fromUser: opts.fromUser,
    },
  ]);
}

/**
 * For the portal: a signed URL for a signed-in user viewing `groupId` (the caller has checked that the user
 * may view the group), when the media is used there; else null.
 */
export async function mediaUrlForGroupViewer(mediaId: string, groupId: string, userId: string): Promise<{ mediaUrl: string; expiresAt: number } | null> {
  if (!isUuid(mediaId) || !isUuid(groupId)) return null;
  const { rowCount } = await getPool().query('SELECT 1 FROM media_uses WHERE media_id = $1 AND group_id = $2', [mediaId, groupId]);
  return rowCount ? signedMediaUrl(mediaId, `u:${userId}`, { stable: true }) : null;
}
