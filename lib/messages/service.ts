import 'server-only';
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { db } from '@/db';
import { groupMembers, messages, type Message } from '@/db/schema';
import { assertCan } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { recordEvents, textMessageEventData } from '@/lib/events';
import { loadGroup, type GroupActor } from '@/lib/groups';
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
  m: Pick<Message, 'id' | 'referenceId' | 'text' | 'senderKind' | 'senderName' | 'senderPhone' | 'createdAt'> & { likes?: number },
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
  };
}

/** A page of the conversation, newest first; `cursor` for the next (older) page. */
export async function listGroupMessages(actor: GroupActor, groupId: string, opts: { cursor?: string | null; count?: number } = {}): Promise<MessagePage> {
  const after = decodeMessageCursor(opts.cursor);
  const count = opts.count ?? PORTAL_PAGE_SIZE;
  const view = await loadGroup(actor, groupId);
  const mine = view.actorRole === 'Subscriber' ? sql`(${messages.subscribers} IS NULL OR ${actor.activePhone} = ANY(${messages.subscribers}))` : undefined;
  const older = after
    ? sql`(${messages.createdAt}, ${messages.id}) < (SELECT c.created_at, c.id FROM messages c WHERE c.id = ${after} AND c.group_id = ${groupId})`
    : undefined;
  if (after) {
    const [known] = await db
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.id, after), eq(messages.groupId, groupId)));
    if (!known) throw new DomainError('InvalidCursor');
  }
  const rows = await db
    .select({
      ...getTableColumns(messages),
      // Likes on the message from its group and the sub-groups below it (reactions, /v1 §5.10)
      // (qualified by hand: drizzle writes a column of the selected table unqualified, which the subquery would take as its own)
      likes: sql<number>`(SELECT count(*)::int FROM reactions r WHERE r.reference_id = "messages"."reference_id" AND r.source_group_id = "messages"."group_id" AND r.reaction_type = 'Like')`,
    })
    .from(messages)
    .where(and(eq(messages.groupId, groupId), older, mine))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(count + 1);
  const page = rows.slice(0, count);
  const last = page[page.length - 1];
  return {
    messages: page.map((m) => toMessageDto(m, actor.activePhone)),
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
