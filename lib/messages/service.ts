import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { groupMembers, messages, type Message } from '@/db/schema';
import { assertCan } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { recordEvents, textMessageEventData } from '@/lib/events';
import { loadGroup, type GroupActor } from '@/lib/groups';
import { signedMediaUrl } from '@/lib/media';
import { formatPhone } from '@/lib/phone';
import { decodeMessageCursor, encodeMessageCursor } from './cursor';
import type { MessageDto, MessagePage } from './schemas';

/**
 * The group conversation in the portal (the MESSAGES tab stands in for the mobile app). Whoever may view
 * the group reads it (lib/authz `group.view`); a subscriber of a ConnectGroup reads only what was sent to
 * every subscriber or to them. Admins and members post (`group.post`): an org admin who is not a member
 * reads but has no Send box. A post is a data-plane write: its `TextMessageCreated` event row (same
 * transaction) is its record; the control-plane audit log gets no row per message.
 */
export const PORTAL_PAGE_SIZE = 30;

export function toMessageDto(
  m: Pick<Message, 'id' | 'referenceId' | 'text' | 'senderKind' | 'senderName' | 'senderPhone' | 'createdAt'> & {
    likes?: number;
    media?: MessageDto['media'];
  },
  you: string | null,
): MessageDto {
  return {
    id: m.id,
    referenceId: m.referenceId,
    text: m.text,
    sender: { type: m.senderKind, name: m.senderName, phone: m.senderPhone },
    createdAt: m.createdAt.toISOString(),
    isYou: m.senderKind === 'member' && m.senderPhone !== null && m.senderPhone === you,
    likes: m.likes ?? 0,
    ...(m.media ? { media: m.media } : {}),
  };
}

interface ConversationRow extends Record<string, unknown> {
  id: string;
  reference_id: string;
  text: string;
  sender_kind: 'member' | 'connector' | 'bot';
  sender_name: string;
  sender_phone: string | null;
  created_at: Date | string;
  action_type: string | null;
  media: { id: string; kind: 'image' | 'audio' | 'video' | 'document'; mimeType: string; fileName: string; size: number }[] | null;
  likes: number;
}

/**
 * A page of the conversation, newest first; `cursor` for the next (older) page. The conversation is the
 * group's messages and the media it was sent (Image, Album, Audio, Video and Document actions: their caption
 * and files, linked through URLs signed for this user); other actions are the ACTIONS tab's. ONE statement
 * (after the group check): both kinds merged by time, with their Likes (reactions, /v1 §5.10) over the hierarchy.
 */
export async function listGroupMessages(actor: GroupActor, groupId: string, opts: { cursor?: string | null; count?: number } = {}): Promise<MessagePage> {
  const after = decodeMessageCursor(opts.cursor);
  const count = opts.count ?? PORTAL_PAGE_SIZE;
  const view = await loadGroup(actor, groupId);
  const subscriber = view.actorRole === 'Subscriber';
  const mine = subscriber ? sql`AND (m.subscribers IS NULL OR ${actor.activePhone} = ANY(m.subscribers))` : sql``;
  const likes = (ref: string) =>
    sql.raw(
      `(SELECT count(*)::int FROM reactions r WHERE r.reference_id = ${ref}.reference_id AND r.source_group_id = ${ref}.group_id AND r.reaction_type = 'Like')`,
    );
  const res = await db.execute<ConversationRow & { cursor_ok: boolean }>(sql`
    WITH c AS (
      SELECT created_at, id FROM messages WHERE id = ${after}::uuid AND group_id = ${groupId}::uuid
      UNION ALL SELECT created_at, id FROM actions WHERE id = ${after}::uuid AND group_id = ${groupId}::uuid
    )
    SELECT (${after}::uuid IS NULL OR EXISTS (SELECT 1 FROM c)) AS cursor_ok, x.* FROM (SELECT 1) AS one LEFT JOIN LATERAL (
      SELECT * FROM (
        SELECT m.id, m.reference_id, m.text, m.sender_kind, m.sender_name, m.sender_phone, m.created_at, NULL::text AS action_type, NULL::jsonb AS media,
          ${likes('m')} AS likes
        FROM messages m WHERE m.group_id = ${groupId}::uuid ${mine}
        UNION ALL
        SELECT a.id, a.reference_id, coalesce(a.body->>'caption', ''), a.sender_kind, a.sender_name, a.sender_phone, a.created_at, a.action_type::text,
          coalesce(a.body->'media', '[]'::jsonb), ${likes('a')}
        FROM actions a WHERE a.group_id = ${groupId}::uuid AND NOT ${subscriber}::boolean
          AND a.action_type IN ('Image', 'Album', 'Audio', 'Video', 'Document')
      ) u
      WHERE ${after}::uuid IS NULL OR (u.created_at, u.id) < (SELECT created_at, id FROM c)
      ORDER BY u.created_at DESC, u.id DESC
      LIMIT ${count + 1}
    ) x ON true`);
  if (!res.rows[0]?.cursor_ok) throw new DomainError('InvalidCursor');
  const rows = res.rows.filter((r) => r.id !== null);
  const page = rows.slice(0, count);
  const last = page[page.length - 1];
  const now = Date.now();
  const url = (mediaId: string) => signedMediaUrl(mediaId, `u:${actor.id}`, { now, stable: true }).mediaUrl;
  return {
    messages: page.map((r) =>
      toMessageDto(
        {
          id: r.id,
          referenceId: r.reference_id,
          text: r.text,
          senderKind: r.sender_kind,
          senderName: r.sender_name,
          senderPhone: r.sender_phone,
          createdAt: new Date(r.created_at),
          likes: r.likes,
          ...(r.action_type
            ? {
                media: {
                  actionType: r.action_type,
                  files: (r.media ?? []).map((f) => ({ url: url(f.id), fileName: f.fileName, mimeType: f.mimeType, kind: f.kind, size: f.size })),
                },
              }
            : {}),
        },
        actor.activePhone,
      ),
    ),
    ...(rows.length > count && last ? { cursor: encodeMessageCursor(last.id) } : {}),
  };
}

/** A member posts in the group: the message and its TextMessageCreated event in one transaction. */
export async function postGroupMessage(actor: GroupActor, groupId: string, text: string): Promise<MessageDto> {
  return db.transaction(async (tx) => {
    const view = await loadGroup(actor, groupId, tx);
    assertCan(actor, 'group.post', view.ref);
    const phone = actor.activePhone!;
    const [me] = await tx
      .select({ name: groupMembers.displayName })
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.e164, phone)));
    const name = me?.name ?? actor.name ?? formatPhone(phone);
    const [m] = await tx
      .insert(messages)
      .values({
        tenantId: view.group.tenantId,
        groupId,
        senderKind: 'member',
        senderPhone: phone,
        senderName: name,
        text,
        // a ConnectGroup's conversation is its admins' and members'; broadcasting to subscribers is the API's sendToAllSubscribers
        subscribers: view.group.groupType === 'ConnectGroup' ? [] : null,
      })
      .returning();
    await recordEvents(tx, [
      {
        tenantId: view.group.tenantId,
        groupId,
        eventType: 'TextMessageCreated',
        data: textMessageEventData(text, m!.referenceId),
        fromUser: { phone, name, id: actor.id },
      },
    ]);
    return toMessageDto(m!, phone);
  });
}
